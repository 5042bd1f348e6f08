from django.contrib.auth.base_user import AbstractBaseUser, BaseUserManager
from django.contrib.auth.models import PermissionsMixin
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField, KeyedHashField
from core.renames import NotifiesRenames


class UserKind(models.TextChoices):
    ORGANISATION = "organisation", _("单位用户")
    INDIVIDUAL = "individual", _("个人用户")
    PLATFORM = "platform", _("平台管理员")


class UserManager(BaseUserManager):
    use_in_migrations = True

    def create_user(self, username, password=None, **fields):
        user = self.model(username=username, **fields)
        if password:
            user.set_password(password)
        else:
            user.set_unusable_password()
        user.save(using=self._db)
        return user

    def create_superuser(self, username, password=None, **fields):
        fields.setdefault("kind", UserKind.PLATFORM)
        fields.setdefault("real_name", username)
        fields.update(is_staff=True, is_superuser=True)
        return self.create_user(username, password, **fields)


class User(NotifiesRenames, EncryptedFieldsMixin, AbstractBaseUser, PermissionsMixin):
    """One person. Signs in with any identifier they have: login name, mobile, ID number, or (as an
    organisation's administrator) the organisation's unified social credit code."""

    copied_names = ("real_name",)  # into the search text of their reviews and placements (reviews, traineeships)

    username = models.CharField(_("登录名"), max_length=64, unique=True)
    real_name = models.CharField(_("姓名"), max_length=64)
    # Encrypted at rest; unique and found at sign-in through the keyed hash (core.fields).
    mobile = EncryptedTextField(_("手机号"), kind=crypto.MOBILE, max_length=11, null=True, blank=True)
    mobile_hash = KeyedHashField(source="mobile")
    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18, null=True, blank=True)
    id_number_hash = KeyedHashField(source="id_number")
    kind = models.CharField(_("用户类型"), max_length=16, choices=UserKind.choices)
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="members",
        verbose_name=_("所属单位"),
    )
    department = models.ForeignKey(
        "organisations.Department", on_delete=models.SET_NULL, null=True, blank=True, related_name="members",
        verbose_name=_("所属部门"),
    )
    is_org_admin = models.BooleanField(_("单位管理员"), default=False)
    roles = models.ManyToManyField("organisations.Role", blank=True, related_name="users", verbose_name=_("角色"))
    is_active = models.BooleanField(_("有效"), default=True)
    is_staff = models.BooleanField(_("平台管理员"), default=False)
    date_joined = models.DateTimeField(_("注册时间"), default=timezone.now)
    failed_login_count = models.PositiveSmallIntegerField(_("连续登录失败次数"), default=0)
    locked_until = models.DateTimeField(_("冻结至"), null=True, blank=True)
    # Set when the person proved name + ID number with an SMS code; programmes then admit the account
    # without sending it through that entry again (see accounts.identity).
    identity_verified_at = models.DateTimeField(_("实名核验时间"), null=True, blank=True)

    objects = UserManager()

    USERNAME_FIELD = "username"
    REQUIRED_FIELDS = ["real_name"]

    class Meta:
        verbose_name = _("用户")
        verbose_name_plural = _("用户")
        constraints = [
            models.UniqueConstraint(
                fields=["organisation"], condition=models.Q(is_org_admin=True), name="one_admin_per_organisation"
            ),
            # In Meta rather than unique=True: no LIKE index on PostgreSQL for a column never searched by prefix.
            models.UniqueConstraint(fields=["mobile_hash"], name="user_mobile_unique"),
            models.UniqueConstraint(fields=["id_number_hash"], name="user_id_number_unique"),
        ]

    def __str__(self):
        return self.real_name or self.username

    @property
    def is_locked(self) -> bool:
        return self.locked_until is not None and self.locked_until > timezone.now()


class LoginRecord(models.Model):
    """Every sign-in attempt, kept for the login log and for per-address limits."""

    user = models.ForeignKey(User, on_delete=models.SET_NULL, null=True, blank=True, related_name="login_records")
    identifier = models.CharField(_("登录账号"), max_length=64)
    ip_address = models.GenericIPAddressField(_("IP 地址"), null=True, blank=True)
    user_agent = models.CharField(_("浏览器"), max_length=255, blank=True)
    succeeded = models.BooleanField(_("成功"))
    reason = models.CharField(_("说明"), max_length=128, blank=True)
    created_at = models.DateTimeField(_("时间"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["ip_address", "created_at"])]
        verbose_name = _("登录日志")
        verbose_name_plural = _("登录日志")


class SmsPurpose(models.TextChoices):
    REGISTER = "register", _("注册")
    ACTIVATE = "activate", _("激活账号")
    RESET_PASSWORD = "reset_password", _("找回密码")
    BIND_MOBILE = "bind_mobile", _("绑定手机")
    SIGN_IN = "sign_in", _("登录验证")


class SmsCode(EncryptedFieldsMixin, models.Model):
    mobile = EncryptedTextField(kind=crypto.MOBILE, max_length=11)
    mobile_hash = KeyedHashField(source="mobile")
    purpose = models.CharField(max_length=32, choices=SmsPurpose.choices)
    code_digest = models.CharField(max_length=64)
    created_at = models.DateTimeField(default=timezone.now)
    expires_at = models.DateTimeField()
    attempts = models.PositiveSmallIntegerField(default=0)
    consumed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        indexes = [models.Index(fields=["mobile_hash", "purpose", "created_at"], name="accounts_smscode_lookup")]


class SmsRequest(EncryptedFieldsMixin, models.Model):
    """Every code asked for, sent or not (password reset sends nothing to an unknown number): the daily
    limits per client address and per number count these rows, so they answer the same either way."""

    mobile = EncryptedTextField(kind=crypto.MOBILE, max_length=11)
    mobile_hash = KeyedHashField(source="mobile")
    purpose = models.CharField(max_length=32, choices=SmsPurpose.choices)
    ip_address = models.GenericIPAddressField(null=True, blank=True)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        indexes = [
            models.Index(fields=["mobile_hash", "created_at"], name="accounts_smsrequest_mobile"),
            models.Index(fields=["ip_address", "created_at"], name="accounts_smsrequest_address"),
        ]


class PasswordHistory(models.Model):
    """The hashes of a user's earlier passwords, so a new password may not repeat a recent one."""

    user = models.ForeignKey(User, on_delete=models.CASCADE, related_name="password_history")
    password = models.CharField(max_length=128)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]


class SmsOutboxMessage(EncryptedFieldsMixin, models.Model):
    """What the default sender 'sent': read by the demo page and the tests."""

    mobile = EncryptedTextField(kind=crypto.MOBILE, max_length=11)
    mobile_hash = KeyedHashField(source="mobile")
    message = models.CharField(max_length=255)
    created_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["mobile_hash"], name="accounts_outbox_mobile")]
