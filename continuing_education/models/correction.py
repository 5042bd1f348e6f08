"""培训成果更正申请: after a class's results are reported (once), a correction of per-participant hours and
考核结果 goes to the class's reviewer (the issue: "a later correction goes to the class's reviewer")."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class CorrectionStatus(models.TextChoices):
    PENDING = "pending", _("待审核")
    APPROVED = "approved", _("审核通过")
    REJECTED = "rejected", _("审核不通过")
    RETURNED = "returned", _("已退回")
    WITHDRAWN = "withdrawn", _("已撤回")


# A decided correction is closed: the unit files a new one (at most one open per class).
CORRECTION_TRANSITIONS = {
    CorrectionStatus.PENDING: {CorrectionStatus.APPROVED, CorrectionStatus.REJECTED, CorrectionStatus.RETURNED,
                               CorrectionStatus.WITHDRAWN},
    CorrectionStatus.APPROVED: set(),
    CorrectionStatus.REJECTED: set(),
    CorrectionStatus.RETURNED: set(),
    CorrectionStatus.WITHDRAWN: set(),
}


class ResultsCorrection(models.Model):
    training_class = models.ForeignKey("continuing_education.TrainingClass", on_delete=models.PROTECT,
                                       related_name="corrections", verbose_name=_("培训班"))
    reason = models.TextField(_("更正原因"), max_length=500)
    # {"changes": [{"participant", "name", "hours_before", "assessment_before", "hours", "assessment"}]}
    payload = models.JSONField(_("更正内容"), default=dict)
    status = models.CharField(_("审核状态"), max_length=16, choices=CorrectionStatus.choices,
                              default=CorrectionStatus.PENDING)
    decided_at = models.DateTimeField(_("审核时间"), null=True, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("申请人"))
    created_at = models.DateTimeField(_("申请时间"), auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("培训成果更正申请")
        verbose_name_plural = _("培训成果更正申请")
        constraints = [
            models.UniqueConstraint(fields=["training_class"], condition=models.Q(status="pending"),
                                    name="ce_correction_one_open"),
        ]

    def __str__(self):
        return str(_("培训成果更正申请")) + f"·{self.training_class_id}"
