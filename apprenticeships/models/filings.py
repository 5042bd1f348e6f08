"""学徒制培训备案 (manual 003 §3.2.1.1–§3.2.1.2): the filing, its one 培训信息 (the class) and its materials.

One set of screens serves the three 学徒制培训类型; the type decides the differences (the 生态链 recognition,
the school of a 学生学徒, the materials asked for, the subsidy standard)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ApprenticeshipType(models.TextChoices):
    ENTERPRISE = "enterprise", _("企业新型学徒制培训")
    STUDENT = "student", _("学生学徒制培训")
    TECHNICIAN = "technician", _("技培生学徒制培训")


# 学生学徒制 and 技培生 are run by 产业技能生态链企业 (manual 003 §3.2.1.1; regulations §3.2).
ECOSYSTEM_TYPES = (ApprenticeshipType.STUDENT, ApprenticeshipType.TECHNICIAN)


class TargetLevel(models.TextChoices):
    INTERMEDIATE = "intermediate", _("中级工（四级）")
    SENIOR = "senior", _("高级工（三级）")
    TECHNICIAN = "technician", _("技师（二级）")
    SENIOR_TECHNICIAN = "senior_technician", _("高级技师（一级）")


# 高级工 and above may earn the 紧缺急需 uplift (regulations §3.2).
UPLIFT_LEVELS = (TargetLevel.SENIOR, TargetLevel.TECHNICIAN, TargetLevel.SENIOR_TECHNICIAN)
LEVEL_ORDER = [TargetLevel.INTERMEDIATE, TargetLevel.SENIOR, TargetLevel.TECHNICIAN, TargetLevel.SENIOR_TECHNICIAN]


class TrainingMode(models.TextChoices):
    FULL_TIME = "full_time", _("脱产")
    PART_TIME = "part_time", _("半脱产")
    ON_THE_JOB = "on_the_job", _("在岗（工学交替）")


class FilingStatus(models.TextChoices):
    DRAFT = "draft", _("未提交")
    SUBMITTED = "submitted", _("待审核")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("审核不通过")
    APPROVED = "approved", _("审核通过")
    CANCELLED = "cancelled", _("已注销")


FILING_TRANSITIONS = {
    FilingStatus.DRAFT: {FilingStatus.SUBMITTED},
    FilingStatus.SUBMITTED: {FilingStatus.APPROVED, FilingStatus.RETURNED, FilingStatus.REJECTED,
                             FilingStatus.DRAFT},  # DRAFT: 撤回 before any decision
    FilingStatus.RETURNED: {FilingStatus.SUBMITTED},
    FilingStatus.REJECTED: set(),
    FilingStatus.APPROVED: {FilingStatus.CANCELLED},
    FilingStatus.CANCELLED: set(),
}
EDITABLE_STATUSES = (FilingStatus.DRAFT, FilingStatus.RETURNED)
# While submitted or approved the filing's trainees hold their place (one active apprenticeship per person).
HOLDING_STATUSES = (FilingStatus.SUBMITTED, FilingStatus.APPROVED)


class Filing(models.Model):
    number = models.CharField(_("备案编号"), max_length=32, unique=True)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="apprenticeship_filings", verbose_name=_("备案企业"))
    # Filed where the staff's social insurance is paid (regulations §3.2): the enterprise's region by default.
    region = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("备案地（参保地）"))
    apprenticeship_type = models.CharField(_("学徒制培训类型"), max_length=16, choices=ApprenticeshipType.choices)
    status = models.CharField(_("状态"), max_length=16, choices=FilingStatus.choices, default=FilingStatus.DRAFT)
    # 确认承诺书: which version was accepted, by whom and when (kept for the record).
    commitment_version = models.CharField(_("承诺书版本"), max_length=32)
    commitment_accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                               related_name="+", verbose_name=_("承诺人"))
    commitment_accepted_at = models.DateTimeField(_("承诺时间"))
    # 培训机构情况: a training institution or school on Praxis, or 其他培训机构 by name.
    institution = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="apprenticeship_filings_trained",
                                    verbose_name=_("合作培训机构"))
    other_institution_name = models.CharField(_("其他培训机构名称"), max_length=128, blank=True)
    institution_saved_at = models.DateTimeField(_("培训机构情况保存时间"), null=True, blank=True)
    contact_name = models.CharField(_("联系人"), max_length=32, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    # The 生态链 recognition the filing relied on (checked at submission and again at approval).
    recognition = models.ForeignKey("apprenticeships.EcosystemRecognition", on_delete=models.PROTECT, null=True,
                                    blank=True, related_name="filings", verbose_name=_("生态链企业认定"))
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("审核通过时间"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("注销时间"), null=True, blank=True)
    cancelled_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("注销人"))
    cancel_reason = models.CharField(_("注销原因"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("创建人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("学徒制培训备案")
        verbose_name_plural = _("学徒制培训备案")
        constraints = [
            models.CheckConstraint(condition=models.Q(institution__isnull=True) | models.Q(other_institution_name=""),
                                   name="ap_filing_one_institution"),
            models.CheckConstraint(
                condition=~models.Q(status="cancelled") | ~models.Q(cancel_reason=""),
                name="ap_filing_cancel_has_reason"),
        ]
        indexes = [
            models.Index(fields=["organisation", "status"], name="ap_filing_org_status"),
            models.Index(fields=["region", "status"], name="ap_filing_region_status"),
            models.Index(fields=["institution", "status"], name="ap_filing_institution"),
        ]

    def __str__(self):
        return self.number

    @property
    def institution_name(self) -> str:
        return self.institution.name if self.institution_id else self.other_institution_name

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_STATUSES


class TrainingClass(models.Model):
    """培训信息: exactly one per filing (manual 003: 一次备案只允许新增一条培训信息), held by the one-to-one key."""

    filing = models.OneToOneField(Filing, on_delete=models.CASCADE, related_name="training_class",
                                  verbose_name=_("备案"))
    occupation = models.CharField(_("培训职业（工种）"), max_length=64)
    occupation_code = models.CharField(_("职业编码"), max_length=32, blank=True)
    target_level = models.CharField(_("培训目标等级"), max_length=24, choices=TargetLevel.choices)
    starts_on = models.DateField(_("培训开始日期"))
    ends_on = models.DateField(_("培训结束日期"))
    hours = models.PositiveIntegerField(_("培训总课时"))
    mode = models.CharField(_("培训方式"), max_length=16, choices=TrainingMode.choices)
    # A period over 2 years (up to 3) needs a stated reason (regulations §3.1: 特殊情况可延长到3年).
    extension_reason = models.CharField(_("培训期超过2年的原因"), max_length=255, blank=True)
    import_job = models.ForeignKey("batch.BatchJob", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("导入批次"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        verbose_name = _("培训信息")
        verbose_name_plural = _("培训信息")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gt=models.F("starts_on")),
                                   name="ap_class_period_ordered"),
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="ap_class_hours_positive"),
        ]

    def __str__(self):
        return f"{self.occupation}（{self.get_target_level_display()}）"


class FilingMaterial(models.Model):
    """上传材料: one file per required material of the filing's type (a new upload replaces the old)."""

    filing = models.ForeignKey(Filing, on_delete=models.CASCADE, related_name="materials", verbose_name=_("备案"))
    material = models.CharField(_("材料"), max_length=32)  # a code of apprenticeships.rules.MATERIALS
    attachment = models.ForeignKey("attachments.Attachment", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("文件"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("上传人"))
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now=True)

    class Meta:
        ordering = ["filing", "material"]
        verbose_name = _("备案材料")
        verbose_name_plural = _("备案材料")
        constraints = [models.UniqueConstraint(fields=["filing", "material"], name="ap_material_once")]
