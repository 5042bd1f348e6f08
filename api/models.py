"""API keys issued by an organisation (or a department) and the per-minute counters of their rate limit."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class ApiKey(models.Model):
    """A key acts as the person who issued it, narrowed to its scopes. Only a hash of the secret is kept: the
    secret is shown once, when the key is issued or rotated."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE, related_name="api_keys",
                                     verbose_name=_("单位"))
    issued_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="api_keys",
                                  verbose_name=_("签发人"))
    name = models.CharField(_("名称"), max_length=64)
    prefix = models.CharField(_("密钥编号"), max_length=16, unique=True)
    secret_hash = models.CharField(max_length=64)
    scopes = models.JSONField(_("权限范围"), default=list)
    allowed_ips = models.JSONField(_("IP白名单"), default=list, blank=True)
    expires_at = models.DateTimeField(_("有效期至"), null=True, blank=True)
    rate_per_minute = models.PositiveIntegerField(_("每分钟调用上限"), default=120)
    created_at = models.DateTimeField(_("签发时间"), default=timezone.now)
    revoked_at = models.DateTimeField(_("停用时间"), null=True, blank=True)
    replaced_by = models.OneToOneField("self", on_delete=models.SET_NULL, null=True, blank=True,
                                       related_name="replaces", verbose_name=_("轮换后的密钥"))
    last_used_at = models.DateTimeField(_("最近调用"), null=True, blank=True)
    last_used_ip = models.GenericIPAddressField(_("最近调用IP"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("接口密钥")
        verbose_name_plural = _("接口密钥")

    def __str__(self):
        return f"{self.name}（{self.prefix}）"

    @property
    def is_expired(self) -> bool:
        return self.expires_at is not None and self.expires_at <= timezone.now()

    @property
    def is_usable(self) -> bool:
        return self.revoked_at is None and not self.is_expired


class RateWindow(models.Model):
    """Calls of one key in one minute: a row per key and minute, counted with F() so every process and machine
    shares the limit through the database."""

    key = models.ForeignKey(ApiKey, on_delete=models.CASCADE, related_name="rate_windows")
    minute = models.DateTimeField()
    calls = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["key", "minute"], name="api_rate_window_once_per_minute")]
