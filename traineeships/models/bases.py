"""见习基地 (traineeship bases): one per organisation, reviewed county first and city last."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import crypto
from core.fields import EncryptedTextField


class BaseLevel(models.TextChoices):
    COUNTY = "county", _("区县级见习基地")
    CITY = "city", _("市级见习基地")


class BaseStatus(models.TextChoices):
    DRAFT = "draft", _("未提交")
    PENDING = "pending", _("审核中")
    APPROVED = "approved", _("审核通过")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("审核不通过")


# traineeships.services.bases.set_base_status is the only writer of TraineeshipBase.status.
BASE_TRANSITIONS = {
    BaseStatus.DRAFT: {BaseStatus.PENDING},
    BaseStatus.PENDING: {BaseStatus.APPROVED, BaseStatus.RETURNED, BaseStatus.REJECTED, BaseStatus.DRAFT},
    BaseStatus.APPROVED: {BaseStatus.PENDING},  # the city revokes its approval (撤销审核)
    BaseStatus.RETURNED: {BaseStatus.PENDING},
    BaseStatus.REJECTED: {BaseStatus.PENDING},
}

# The unit may change its application only while no reviewer has it.
EDITABLE_BASE_STATUSES = {BaseStatus.DRAFT, BaseStatus.RETURNED, BaseStatus.REJECTED}


class TraineeshipBase(models.Model):
    organisation = models.OneToOneField(
        "organisations.Organisation", on_delete=models.PROTECT, related_name="traineeship_base",
        verbose_name=_("见习单位"),
    )
    level = models.CharField(_("基地级别"), max_length=16, choices=BaseLevel.choices, default=BaseLevel.COUNTY)
    status = models.CharField(_("状态"), max_length=16, choices=BaseStatus.choices, default=BaseStatus.DRAFT)
    introduction = models.TextField(_("单位简介"), blank=True)
    # 近年专业及人数需求: [{"year": 2025, "major": "计算机科学与技术", "headcount": 5}, ...]
    major_demands = models.JSONField(_("近年专业及人数需求"), default=list, blank=True)
    mentor_team = models.TextField(_("见习指导师资队伍情况"), blank=True)
    bank_account_name = models.CharField(_("开户名称"), max_length=128, blank=True)
    bank_name = models.CharField(_("开户银行"), max_length=128, blank=True)
    bank_account_number = EncryptedTextField(_("银行账号"), kind=crypto.BANK_ACCOUNT, max_length=32, blank=True)
    rules_file = models.ForeignKey(
        "attachments.Attachment", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("就业见习管理制度"),
    )
    certificate_file = models.ForeignKey(
        "attachments.Attachment", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("单位证件"),
    )
    submitted_at = models.DateTimeField(_("最近提交时间"), null=True, blank=True)
    approved_at = models.DateTimeField(_("认定时间"), null=True, blank=True)
    filed_with_province_at = models.DateTimeField(_("报省厅备案时间"), null=True, blank=True)
    filed_with_province_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("报省厅备案人"),
    )
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-updated_at", "-id"]
        verbose_name = _("见习基地")
        verbose_name_plural = _("见习基地")
        indexes = [
            models.Index(fields=["status", "filed_with_province_at"], name="tr_base_status_filed"),
        ]

    def __str__(self):
        return str(self.organisation)

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_BASE_STATUSES

    @property
    def is_approved(self) -> bool:
        return self.status == BaseStatus.APPROVED

    @property
    def is_filed(self) -> bool:
        return self.filed_with_province_at is not None
