"""Enterprises in the internship pool (manual 000 §1–§2): the market regulator's registry they are checked
against, their admission to the pool, the schools that recommended them, and the blacklist."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from organisations.validators import validate_credit_code


class RegistryStanding(models.TextChoices):
    ACTIVE = "active", _("存续（在业）")
    ABNORMAL = "abnormal", _("列入经营异常名录")
    REVOKED = "revoked", _("吊销")
    CANCELLED = "cancelled", _("注销")


class RegistryRecord(models.Model):
    """One enterprise of the market regulator's data (市场监管部门备案企业信息), imported by the education
    department; self-registered and student-recommended enterprises are checked against it."""

    credit_code = models.CharField(_("统一社会信用代码"), max_length=18, unique=True,
                                   validators=[validate_credit_code])
    name = models.CharField(_("企业名称"), max_length=128)
    legal_representative = models.CharField(_("法定代表人"), max_length=64)
    standing = models.CharField(_("登记状态"), max_length=16, choices=RegistryStanding.choices,
                                default=RegistryStanding.ACTIVE)
    registered_on = models.DateField(_("成立日期"), null=True, blank=True)
    business_scope = models.TextField(_("经营范围"), blank=True)
    import_job = models.ForeignKey("batch.BatchJob", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("导入批次"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["credit_code"]
        verbose_name = _("企业登记信息")
        verbose_name_plural = _("企业登记信息")

    def __str__(self):
        return f"{self.name}（{self.credit_code}）"


class AdmissionStatus(models.TextChoices):
    PENDING = "pending", _("待核查")
    MANUAL = "manual", _("待人工审核")  # no registry record matched: an education department decides
    ADMITTED = "admitted", _("已入库")
    REFUSED = "refused", _("未通过审查")


# internships.services.enterprises is the only writer of EnterpriseProfile.admission_status.
ADMISSION_TRANSITIONS = {
    AdmissionStatus.PENDING: {AdmissionStatus.ADMITTED, AdmissionStatus.MANUAL, AdmissionStatus.REFUSED},
    AdmissionStatus.MANUAL: {AdmissionStatus.ADMITTED, AdmissionStatus.REFUSED, AdmissionStatus.PENDING},
    AdmissionStatus.REFUSED: {AdmissionStatus.PENDING},
    AdmissionStatus.ADMITTED: {AdmissionStatus.PENDING},  # an admission revoked while its review is reopened
}


class EnterpriseProfile(models.Model):
    """What the programme keeps about a host organisation beside the foundation's Organisation. Its row is
    also the lock that blacklisting and signing share (docs/architecture.md, lock order)."""

    organisation = models.OneToOneField("organisations.Organisation", on_delete=models.CASCADE,
                                        related_name="internship_profile", verbose_name=_("企业"))
    admission_status = models.CharField(_("入库状态"), max_length=16, choices=AdmissionStatus.choices,
                                        default=AdmissionStatus.PENDING)
    admission_checked_at = models.DateTimeField(_("核查时间"), null=True, blank=True)
    registry_record = models.ForeignKey(RegistryRecord, on_delete=models.SET_NULL, null=True, blank=True,
                                        related_name="+", verbose_name=_("匹配的登记信息"))
    admission_note = models.CharField(_("核查说明"), max_length=255, blank=True)
    # 在岗职工总数: the 10 % ratio of interns is checked against it (regulation §1.5).
    staff_on_duty = models.PositiveIntegerField(_("在岗职工总数"), null=True, blank=True)
    # Written only by internships.services.blacklist, under this row's lock.
    blacklisted = models.BooleanField(_("已列入黑名单"), default=False)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("实习企业")
        verbose_name_plural = _("实习企业")
        indexes = [models.Index(fields=["admission_status", "blacklisted"], name="in_ent_pool")]

    def __str__(self):
        return str(self.organisation)


class SchoolRecommendation(models.Model):
    """学校推荐: a school vouches for an enterprise it inspected; the enterprise joins that school's pool."""

    school = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                               related_name="internship_recommendations", verbose_name=_("推荐学校"))
    enterprise = models.ForeignKey("organisations.Organisation", on_delete=models.CASCADE,
                                   related_name="internship_recommenders", verbose_name=_("企业"))
    recommended_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                       verbose_name=_("推荐人"))
    # The school's due-diligence note (regulation §1.10: on-site inspection before a unit is added).
    inspection_note = models.TextField(_("实地考察情况"), blank=True)
    created_at = models.DateTimeField(_("推荐时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("学校推荐")
        verbose_name_plural = _("学校推荐")
        constraints = [
            models.UniqueConstraint(fields=["school", "enterprise"], name="in_recommend_once"),
        ]

    def __str__(self):
        return f"{self.school} → {self.enterprise}"


class BlacklistReason(models.TextChoices):
    VIOLATION = "violation", _("出现违规行为")
    RIGHTS = "rights", _("侵害学生权益")
    COMPLAINTS = "complaints", _("投诉较多")
    MISDESCRIBED = "misdescribed", _("工作生活条件、实习待遇与描述差距较大")


class BlacklistStatus(models.TextChoices):
    PROPOSED = "proposed", _("待审核")
    RETURNED = "returned", _("退回修改")
    LISTED = "listed", _("已列入黑名单")
    REJECTED = "rejected", _("不予列入")
    WITHDRAWN = "withdrawn", _("已撤回")
    REMOVED = "removed", _("已移出黑名单")


BLACKLIST_TRANSITIONS = {
    BlacklistStatus.PROPOSED: {BlacklistStatus.LISTED, BlacklistStatus.RETURNED, BlacklistStatus.REJECTED,
                               BlacklistStatus.WITHDRAWN},
    BlacklistStatus.RETURNED: {BlacklistStatus.PROPOSED, BlacklistStatus.WITHDRAWN},
    BlacklistStatus.LISTED: {BlacklistStatus.REMOVED, BlacklistStatus.PROPOSED},  # PROPOSED: decision revoked
    BlacklistStatus.REJECTED: {BlacklistStatus.PROPOSED},
    BlacklistStatus.WITHDRAWN: set(),
    BlacklistStatus.REMOVED: set(),
}
# An enterprise has at most one blacklisting that is proposed or in force.
OPEN_BLACKLIST_STATUSES = (BlacklistStatus.PROPOSED, BlacklistStatus.RETURNED, BlacklistStatus.LISTED)


class BlacklistEntry(models.Model):
    enterprise = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                   related_name="internship_blacklistings", verbose_name=_("企业"))
    reason = models.CharField(_("列入原因"), max_length=16, choices=BlacklistReason.choices)
    details = models.TextField(_("情况说明"))
    evidence = models.ForeignKey("attachments.Attachment", on_delete=models.SET_NULL, null=True, blank=True,
                                 related_name="+", verbose_name=_("证明材料"))
    status = models.CharField(_("状态"), max_length=16, choices=BlacklistStatus.choices,
                              default=BlacklistStatus.PROPOSED)
    proposed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("提出人"))
    proposing_organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                               related_name="+", verbose_name=_("提出单位"))
    listed_at = models.DateTimeField(_("列入时间"), null=True, blank=True)
    removed_at = models.DateTimeField(_("移出时间"), null=True, blank=True)
    removed_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("移出人"))
    removal_reason = models.TextField(_("移出原因"), blank=True)
    created_at = models.DateTimeField(_("提出时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("黑名单记录")
        verbose_name_plural = _("黑名单记录")
        constraints = [
            models.UniqueConstraint(fields=["enterprise"], condition=models.Q(status__in=OPEN_BLACKLIST_STATUSES),
                                    name="in_one_open_blacklisting"),
            models.CheckConstraint(condition=~models.Q(status="listed") | models.Q(listed_at__isnull=False),
                                   name="in_listed_has_time"),
            models.CheckConstraint(
                condition=~models.Q(status="removed")
                | (models.Q(removed_at__isnull=False) & ~models.Q(removal_reason="")),
                name="in_removed_has_reason",
            ),
        ]

    def __str__(self):
        return f"{self.enterprise}·{self.get_status_display()}"


class RegionSetting(models.Model):
    """What an education department decides for its region (the nearest ancestor's row applies)."""

    region = models.OneToOneField("regions.Region", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("地区"))
    position_review_required = models.BooleanField(_("实习岗位发布前须经教育部门审核"), default=False)
    insurance_warning_days = models.PositiveSmallIntegerField(_("保单到期前提醒天数"), default=15)
    updated_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("维护人"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("实习地区设置")
        verbose_name_plural = _("实习地区设置")

    def __str__(self):
        return str(self.region)


class Insurer(models.Model):
    """An insurer offering the dedicated internship liability insurance (购买实习专用险, manual 000 §4.3)."""

    name = models.CharField(_("保险公司"), max_length=128, unique=True)
    product = models.CharField(_("产品名称"), max_length=128)
    contact_phone = models.CharField(_("联系电话"), max_length=32)
    website = models.URLField(_("网址"), blank=True)
    description = models.TextField(_("产品说明"), blank=True)
    active = models.BooleanField(_("在列表中显示"), default=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("实习责任保险承保机构")
        verbose_name_plural = _("实习责任保险承保机构")

    def __str__(self):
        return self.name
