"""学时申报 (manual 004 §2.1.3, §2.2, §7) and 网络班培训成果 (online results, imported: no class, no review)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from continuing_education.models.choices import LearningForm, SubjectType
from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField, KeyedHashField


class DeclarationStatus(models.TextChoices):
    DRAFT = "draft", _("未提交")
    PENDING = "pending", _("审核中")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("审核不通过")
    APPROVED = "approved", _("审核通过")


DECLARATION_TRANSITIONS = {
    DeclarationStatus.DRAFT: {DeclarationStatus.PENDING},
    DeclarationStatus.PENDING: {DeclarationStatus.APPROVED, DeclarationStatus.REJECTED, DeclarationStatus.RETURNED,
                                DeclarationStatus.DRAFT},
    DeclarationStatus.RETURNED: {DeclarationStatus.PENDING},
    DeclarationStatus.REJECTED: {DeclarationStatus.PENDING},
    # A department may revoke its approval while the hours can still be taken back out of the archive.
    DeclarationStatus.APPROVED: {DeclarationStatus.PENDING},
}
EDITABLE_DECLARATION_STATUSES = (DeclarationStatus.DRAFT, DeclarationStatus.RETURNED, DeclarationStatus.REJECTED)


class HoursDeclaration(EncryptedFieldsMixin, models.Model):
    """学时申报. From the staff member (`on_behalf` False): the unit's administrator, then the department; from the
    administrator on the person's behalf (学时申报管理): the department only. Archived on final approval."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="ce_declarations", verbose_name=_("所在单位"))
    staff = models.ForeignKey("organisations.StaffMember", on_delete=models.PROTECT, related_name="+",
                              verbose_name=_("专技人员"))
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                               related_name="ce_declarations", verbose_name=_("个人账号"))
    name = models.CharField(_("姓名"), max_length=64)
    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18)
    id_number_hash = KeyedHashField(source="id_number")
    on_behalf = models.BooleanField(_("单位代为申报"), default=False)
    year = models.PositiveSmallIntegerField(_("年度"))
    learning_form = models.CharField(_("学习形式"), max_length=16, choices=LearningForm.choices)
    subject_type = models.CharField(_("科目类型"), max_length=16, choices=SubjectType.choices)
    title = models.CharField(_("名称"), max_length=128)
    organiser = models.CharField(_("主办单位"), max_length=128)
    starts_on = models.DateField(_("开始日期"))
    ends_on = models.DateField(_("结束日期"))
    hours = models.DecimalField(_("申报学时"), max_digits=5, decimal_places=1)
    proof = models.ForeignKey("attachments.Attachment", on_delete=models.PROTECT, null=True, blank=True,
                              related_name="+", verbose_name=_("证明材料"))
    status = models.CharField(_("审核状态"), max_length=16, choices=DeclarationStatus.choices,
                              default=DeclarationStatus.DRAFT)
    # Shown to reviewers: an overlapping class or online result of the same person (dates, similar title).
    duplicate_note = models.CharField(_("疑似重复"), max_length=255, blank=True)
    declared_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("申报人"))
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("审核通过时间"), null=True, blank=True)
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("学时申报")
        verbose_name_plural = _("学时申报")
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                   name="ce_declaration_period_ordered"),
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="ce_declaration_hours_positive"),
        ]
        indexes = [models.Index(fields=["organisation", "year", "status"])]

    def __str__(self):
        return self.title

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_DECLARATION_STATUSES


class OnlineResult(EncryptedFieldsMixin, models.Model):
    """网络班培训成果: per person from a 网授平台; written to the archive at once (no class, no review)."""

    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="ce_online_results", verbose_name=_("导入单位"))
    platform = models.ForeignKey("continuing_education.OnlinePlatform", on_delete=models.PROTECT,
                                 related_name="results", verbose_name=_("网授平台"))
    name = models.CharField(_("姓名"), max_length=64)
    id_number = EncryptedTextField(_("身份证号"), kind=crypto.ID_NUMBER, max_length=18)
    id_number_hash = KeyedHashField(source="id_number")
    course_name = models.CharField(_("课程名称"), max_length=128)
    year = models.PositiveSmallIntegerField(_("年度"))
    subject_type = models.CharField(_("科目类型"), max_length=16, choices=SubjectType.choices)
    hours = models.DecimalField(_("学时"), max_digits=5, decimal_places=1)
    completed_on = models.DateField(_("完成日期"))
    imported_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    import_job = models.ForeignKey("batch.BatchJob", on_delete=models.SET_NULL, null=True, blank=True, related_name="+")
    created_at = models.DateTimeField(_("导入时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("网络培训成果")
        verbose_name_plural = _("网络培训成果")
        constraints = [
            models.UniqueConstraint(fields=["platform", "id_number_hash", "course_name", "year"],
                                    name="ce_online_result_once"),
            models.CheckConstraint(condition=models.Q(hours__gt=0), name="ce_online_hours_positive"),
        ]
