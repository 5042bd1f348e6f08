from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField, KeyedHashField
from core.renames import NotifiesRenames
from organisations.validators import validate_credit_code
from regions.models import RegionLevel


class OrganisationKind(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业")
    PUBLIC_INSTITUTION = "public_institution", _("事业单位")
    SCHOOL = "school", _("学校")
    TRAINING_INSTITUTION = "training_institution", _("培训机构")
    GOVERNMENT = "government", _("政府部门")


class Authority(models.TextChoices):
    """Which line of government a department belongs to; reviews are routed by it."""

    HUMAN_RESOURCES = "hr", _("人力资源和社会保障部门")
    EDUCATION = "education", _("教育部门")
    INDUSTRY = "industry", _("行业主管部门")


class Origin(models.TextChoices):
    PRE_REGISTERED = "pre_registered", _("推荐录入")
    SELF_REGISTERED = "self_registered", _("自荐注册")
    STUDENT_RECOMMENDED = "student_recommended", _("学生推荐")
    PLATFORM = "platform", _("平台开通")


class UnitNature(models.TextChoices):
    """单位性质, as a 用人单位 states it when it registers (manual 004 §三)."""

    STATE_ORGAN = "state_organ", _("机关")
    PUBLIC_INSTITUTION = "public_institution", _("事业单位")
    STATE_ENTERPRISE = "state_enterprise", _("国有企业")
    PRIVATE_ENTERPRISE = "private_enterprise", _("非公有制企业")
    SOCIAL_ORGANISATION = "social_organisation", _("社会组织")
    OTHER = "other", _("其他")


class UnitLevel(models.TextChoices):
    """单位级别 (manual 004 §三)."""

    INTERNATIONAL = "international", _("国际组织、机构")
    CENTRAL = "central", _("中央单位")
    PROVINCE = "province", _("省属单位")
    CITY = "city", _("市属单位")
    COUNTY = "county", _("县（区）属单位")
    OTHER = "other", _("其他")


class VerificationStatus(models.TextChoices):
    UNVERIFIED = "unverified", _("未认证")
    PENDING = "pending", _("认证审核中")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("认证未通过")
    VERIFIED = "verified", _("已认证")


# Which verification status may follow which; organisations.services.set_verification_status
# is the only writer and refuses anything not listed here.
VERIFICATION_TRANSITIONS = {
    VerificationStatus.UNVERIFIED: {VerificationStatus.PENDING},
    VerificationStatus.PENDING: {
        VerificationStatus.VERIFIED,
        VerificationStatus.RETURNED,
        VerificationStatus.REJECTED,
        VerificationStatus.UNVERIFIED,  # withdrawn before the first decision
    },
    VerificationStatus.RETURNED: {VerificationStatus.PENDING},
    VerificationStatus.REJECTED: {VerificationStatus.PENDING},
    VerificationStatus.VERIFIED: {VerificationStatus.PENDING},  # a decision revoked while still pending upstream
}


class Organisation(NotifiesRenames, models.Model):
    copied_names = ("name",)  # into its reviews' search text (reviews)

    name = models.CharField(_("单位名称"), max_length=128)
    credit_code = models.CharField(
        _("统一社会信用代码"), max_length=18, unique=True, validators=[validate_credit_code]
    )
    kind = models.CharField(_("单位类型"), max_length=32, choices=OrganisationKind.choices)
    authority = models.CharField(_("部门类别"), max_length=16, choices=Authority.choices, blank=True)
    gov_level = models.CharField(_("部门层级"), max_length=16, choices=RegionLevel.choices, blank=True)
    legal_representative = models.CharField(_("法人代表/负责人"), max_length=64)
    region = models.ForeignKey(
        "regions.Region", on_delete=models.PROTECT, null=True, blank=True, verbose_name=_("注册地区"),
        related_name="organisations",
    )
    address = models.CharField(_("详细地址"), max_length=255, blank=True)
    contact_person = models.CharField(_("联系人"), max_length=64, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=32, blank=True)
    website = models.URLField(_("单位官网"), blank=True)
    introduction = models.TextField(_("单位简介"), blank=True)
    business_licence = models.ForeignKey(
        "attachments.Attachment", on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", verbose_name=_("营业执照"),
    )
    origin = models.CharField(_("来源"), max_length=32, choices=Origin.choices)
    recommended_by = models.ForeignKey(
        "self", on_delete=models.SET_NULL, null=True, blank=True, related_name="recommended",
        verbose_name=_("推荐单位"),
    )
    recommender_note = models.CharField(_("推荐人"), max_length=128, blank=True)
    # Who typed the record in: the school or department user who pre-registered it, or the student who
    # recommended it (their "我推荐的单位" list). Empty for self-registration.
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        verbose_name=_("录入人"),
    )
    # 所属人社部门 and 主管部门 (manual 004 §三): the departments a 用人单位 is filed with. A programme may address
    # a review step to them (reviews.registry.addressed_step) and show them the unit's records
    # (organisations.jurisdiction, addressed authorities).
    hr_department = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("所属人社部门"),
        limit_choices_to={"kind": "government"},
    )
    supervising_department = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="+", verbose_name=_("主管部门"),
        limit_choices_to={"kind": "government"},
    )
    nature = models.CharField(_("单位性质"), max_length=32, choices=UnitNature.choices, blank=True)
    unit_level = models.CharField(_("单位级别"), max_length=32, choices=UnitLevel.choices, blank=True)
    platform_code = models.CharField(_("平台唯一代码"), max_length=12, unique=True)
    activation_code = models.CharField(_("激活码"), max_length=16, blank=True)
    activated_at = models.DateTimeField(_("激活时间"), null=True, blank=True)
    # Wrong activation codes in a row; at the limit activation is refused until activation_blocked_until.
    activation_failures = models.PositiveSmallIntegerField(_("激活码连续错误次数"), default=0)
    activation_blocked_until = models.DateTimeField(_("暂停激活至"), null=True, blank=True)
    verification_status = models.CharField(
        _("实名认证状态"), max_length=16, choices=VerificationStatus.choices, default=VerificationStatus.UNVERIFIED
    )
    verified_at = models.DateTimeField(_("认证通过时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("单位")
        verbose_name_plural = _("单位")
        constraints = [
            models.CheckConstraint(
                condition=~models.Q(kind=OrganisationKind.GOVERNMENT) | ~models.Q(gov_level=""),
                name="government_has_level",
            ),
        ]
        indexes = [models.Index(fields=["kind", "gov_level", "authority", "region"])]

    def __str__(self):
        return self.name

    @property
    def is_government(self) -> bool:
        return self.kind == OrganisationKind.GOVERNMENT

    @property
    def is_verified(self) -> bool:
        # Government departments are opened by the platform and need no real-name review.
        return self.is_government or self.verification_status == VerificationStatus.VERIFIED

    @property
    def is_activated(self) -> bool:
        return self.activated_at is not None


class Department(models.Model):
    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="departments")
    name = models.CharField(_("部门名称"), max_length=64)
    parent = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, related_name="children", verbose_name=_("上级部门")
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="department_name_unique")]
        verbose_name = _("部门")
        verbose_name_plural = _("部门")

    def __str__(self):
        return self.name


class Role(models.Model):
    """A named set of permission codes (organisations.permissions.CATALOGUE) defined by an organisation."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="roles")
    name = models.CharField(_("角色名称"), max_length=64)
    description = models.CharField(_("说明"), max_length=255, blank=True)
    permissions = models.JSONField(_("权限"), default=list)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="role_name_unique")]
        verbose_name = _("角色")
        verbose_name_plural = _("角色")

    def __str__(self):
        return self.name


class Gender(models.TextChoices):
    MALE = "male", _("男")
    FEMALE = "female", _("女")


class Education(models.TextChoices):
    DOCTORATE = "doctorate", _("博士研究生")
    MASTER = "master", _("硕士研究生")
    BACHELOR = "bachelor", _("大学本科")
    JUNIOR_COLLEGE = "junior_college", _("大学专科")
    SECONDARY = "secondary", _("中专/高中")
    OTHER = "other", _("其他")


class TitleLevel(models.TextChoices):
    """职称等级."""

    SENIOR_FULL = "senior_full", _("正高级")
    SENIOR = "senior", _("副高级")
    INTERMEDIATE = "intermediate", _("中级")
    ASSISTANT = "assistant", _("助理级")
    JUNIOR = "junior", _("员级")
    NONE = "none", _("无")


class StaffLink(models.TextChoices):
    """How a person's own account is linked to this staff record (manual 004: a registered 专技人员 asks to join
    the unit, its administrator approves; 调离 ends it). The link gives no administrator rights."""

    NONE = "none", _("未关联")
    REQUESTED = "requested", _("待审核")
    LINKED = "linked", _("在职")
    REJECTED = "rejected", _("未通过")
    ENDED = "ended", _("已调离")


STAFF_LINK_TRANSITIONS = {
    StaffLink.NONE: {StaffLink.REQUESTED, StaffLink.LINKED},
    StaffLink.REQUESTED: {StaffLink.LINKED, StaffLink.REJECTED, StaffLink.NONE},
    StaffLink.LINKED: {StaffLink.ENDED},
    StaffLink.REJECTED: {StaffLink.REQUESTED},
    StaffLink.ENDED: {StaffLink.REQUESTED, StaffLink.LINKED},
}
CURRENT_LINKS = (StaffLink.REQUESTED, StaffLink.LINKED)


class StaffMember(EncryptedFieldsMixin, models.Model):
    """A person on an organisation's roster (manual 004 §6.1 人员信息); imported in bulk. A person's own account
    may be linked to it (`account`, `link_status`): at most one current unit per person."""

    organisation = models.ForeignKey(Organisation, on_delete=models.CASCADE, related_name="staff")
    name = models.CharField(_("姓名"), max_length=64)
    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18)
    id_number_hash = KeyedHashField(source="id_number")
    gender = models.CharField(_("性别"), max_length=8, choices=Gender.choices)
    birth_date = models.DateField(_("出生日期"))
    mobile = EncryptedTextField(_("手机号"), kind=crypto.MOBILE, max_length=11, blank=True)
    department_name = models.CharField(_("部门"), max_length=64, blank=True)
    job_title = models.CharField(_("岗位/职称"), max_length=64, blank=True)
    hired_on = models.DateField(_("参加工作时间"), null=True, blank=True)
    monthly_wage = models.DecimalField(_("月工资（元）"), max_digits=10, decimal_places=2, null=True, blank=True)
    education = models.CharField(_("学历"), max_length=32, choices=Education.choices, blank=True)
    title_level = models.CharField(_("职称等级"), max_length=32, choices=TitleLevel.choices, blank=True)
    title_series = models.CharField(_("职称系列"), max_length=64, blank=True)
    account = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="staff_links",
        verbose_name=_("个人账号"),
    )
    link_status = models.CharField(_("关联状态"), max_length=16, choices=StaffLink.choices, default=StaffLink.NONE)
    link_requested_at = models.DateTimeField(_("申请加入时间"), null=True, blank=True)
    linked_at = models.DateTimeField(_("加入时间"), null=True, blank=True)
    link_ended_at = models.DateTimeField(_("调离时间"), null=True, blank=True)
    link_reason = models.CharField(_("审核意见/调离原因"), max_length=255, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["name", "id"]
        constraints = [
            models.UniqueConstraint(fields=["organisation", "id_number_hash"], name="staff_unique_per_organisation"),
            models.UniqueConstraint(fields=["account"], condition=models.Q(link_status__in=["requested", "linked"]),
                                    name="staff_one_current_unit_per_person"),
        ]
        # The roster's order (name, id) within the organisation: the page is read from the index, not sorted.
        indexes = [models.Index(fields=["organisation", "name", "id"], name="staff_org_name")]
        verbose_name = _("人员")
        verbose_name_plural = _("人员")

    def __str__(self):
        return self.name
