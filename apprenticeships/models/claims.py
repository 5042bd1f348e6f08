"""企业新型学徒制培训补贴 (manual 003 §3.2.3): what the programme keeps beside the foundation's claims.Claim: the
stage (预支 or 清算), the commitment, the bank account and the people the enterprise put on the claim."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from core import crypto
from core.fields import EncryptedFieldsMixin, EncryptedTextField


class ClaimStage(models.TextChoices):
    ADVANCE = "advance", _("预支")
    BALANCE = "balance", _("清算")


class ClaimDetails(EncryptedFieldsMixin, models.Model):
    claim = models.OneToOneField("claims.Claim", on_delete=models.CASCADE, related_name="apprenticeship",
                                 verbose_name=_("补贴申领"))
    stage = models.CharField(_("申领阶段"), max_length=8, choices=ClaimStage.choices)
    commitment_version = models.CharField(_("承诺书版本"), max_length=32)
    commitment_accepted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT,
                                               related_name="+", verbose_name=_("承诺人"))
    commitment_accepted_at = models.DateTimeField(_("承诺时间"))
    # 单位基本信息: prefilled from the organisation, plus the account the subsidy is paid into.
    contact_name = models.CharField(_("联系人"), max_length=32, blank=True)
    contact_phone = models.CharField(_("联系电话"), max_length=20, blank=True)
    bank_name = models.CharField(_("开户银行"), max_length=128, blank=True)
    account_name = models.CharField(_("账户名称"), max_length=128, blank=True)
    bank_account = EncryptedTextField(_("银行账号"), kind=crypto.BANK_ACCOUNT, max_length=32, blank=True)
    basics_saved_at = models.DateTimeField(_("单位基本信息保存时间"), null=True, blank=True)

    class Meta:
        verbose_name = _("学徒制补贴申领信息")
        verbose_name_plural = _("学徒制补贴申领信息")


class ClaimPerson(models.Model):
    """A trainee the enterprise put on the claim (新增 or 导入 by ID number); the roster computes each line."""

    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="apprenticeship_people",
                              verbose_name=_("补贴申领"))
    trainee = models.ForeignKey("apprenticeships.Trainee", on_delete=models.PROTECT, related_name="claim_entries",
                                verbose_name=_("培训人员"))
    added_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                 verbose_name=_("添加人"))
    added_at = models.DateTimeField(_("添加时间"), auto_now_add=True)
    import_job = models.ForeignKey("batch.BatchJob", on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+", verbose_name=_("导入批次"))

    class Meta:
        ordering = ["claim", "id"]
        verbose_name = _("申领人员")
        verbose_name_plural = _("申领人员")
        constraints = [models.UniqueConstraint(fields=["claim", "trainee"], name="ap_claim_person_once")]


class ClaimMaterial(models.Model):
    claim = models.ForeignKey("claims.Claim", on_delete=models.CASCADE, related_name="apprenticeship_materials",
                              verbose_name=_("补贴申领"))
    attachment = models.ForeignKey("attachments.Attachment", on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("附件"))
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                    verbose_name=_("上传人"))
    uploaded_at = models.DateTimeField(_("上传时间"), auto_now_add=True)

    class Meta:
        ordering = ["claim", "uploaded_at"]
        verbose_name = _("申领附件")
        verbose_name_plural = _("申领附件")
