"""产业技能生态链企业 recognitions, kept by the city HR department (regulations §3.2; manual 003: 学生学徒制 and
技培生 filings need a recognition of the filing's city, valid at submission and at approval)."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class EcosystemRole(models.TextChoices):
    CHAIN_LEADER = "chain_leader", _("链主单位")
    MEMBER = "member", _("生态企业")


class EcosystemRecognition(models.Model):
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="ecosystem_recognitions", verbose_name=_("企业"))
    city = models.ForeignKey("regions.Region", on_delete=models.PROTECT, related_name="+",
                             verbose_name=_("认定地市"))
    role = models.CharField(_("认定类型"), max_length=16, choices=EcosystemRole.choices)
    chain_name = models.CharField(_("产业技能生态链名称"), max_length=128)
    valid_from = models.DateField(_("有效期起"))
    valid_to = models.DateField(_("有效期止"))
    source = models.CharField(_("认定依据（文件）"), max_length=255)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("维护人"))
    created_at = models.DateTimeField(_("维护时间"), auto_now_add=True)
    revoked_at = models.DateTimeField(_("撤销时间"), null=True, blank=True)
    revoked_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+", verbose_name=_("撤销人"))
    revoke_reason = models.CharField(_("撤销原因"), max_length=255, blank=True)

    class Meta:
        ordering = ["city", "organisation", "-valid_from"]
        verbose_name = _("产业技能生态链企业认定")
        verbose_name_plural = _("产业技能生态链企业认定")
        constraints = [
            models.CheckConstraint(condition=models.Q(valid_to__gte=models.F("valid_from")),
                                   name="ap_recognition_period_ordered"),
            models.CheckConstraint(condition=models.Q(revoked_at__isnull=True) | ~models.Q(revoke_reason=""),
                                   name="ap_recognition_revoke_reason"),
        ]
        indexes = [models.Index(fields=["organisation", "city", "valid_from"], name="ap_recognition_lookup")]

    def __str__(self):
        return f"{self.organisation}（{self.get_role_display()}·{self.chain_name}）"
