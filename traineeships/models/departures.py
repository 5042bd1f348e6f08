"""离岗 (departure) of a trainee: registered by the unit, or asked for by the trainee and agreed by the unit,
then reviewed by the HR department of the base's level with the stamped 解除见习协议证明.

A departure is its own review subject: the agreement review of the placement and the termination review
must not share one subject, since the engine keeps one history (and one "approved" state) per subject.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from traineeships.models.people import EndReason, EndRequestedBy


class DepartureStatus(models.TextChoices):
    REQUESTED = "requested", _("本人申请，待单位确认")
    REFUSED = "refused", _("单位不同意离岗")
    REGISTERED = "registered", _("已登记，待提交审核")
    PENDING = "pending", _("离岗审核中")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("审核不通过")
    APPROVED = "approved", _("离岗审核通过")
    CANCELLED = "cancelled", _("已撤销")


# traineeships.services.departures.set_departure_status is the only writer of Departure.status.
DEPARTURE_TRANSITIONS = {
    DepartureStatus.REQUESTED: {DepartureStatus.REGISTERED, DepartureStatus.REFUSED, DepartureStatus.CANCELLED},
    DepartureStatus.REFUSED: set(),
    DepartureStatus.REGISTERED: {DepartureStatus.PENDING, DepartureStatus.CANCELLED},
    DepartureStatus.PENDING: {DepartureStatus.APPROVED, DepartureStatus.RETURNED, DepartureStatus.REJECTED,
                              DepartureStatus.REGISTERED},  # REGISTERED: withdrawn before any decision
    DepartureStatus.RETURNED: {DepartureStatus.PENDING, DepartureStatus.CANCELLED},
    DepartureStatus.REJECTED: {DepartureStatus.PENDING, DepartureStatus.CANCELLED},
    DepartureStatus.APPROVED: {DepartureStatus.PENDING},  # HR revoked its approval
    DepartureStatus.CANCELLED: set(),
}

# A placement has at most one departure in these states at a time.
OPEN_DEPARTURE_STATUSES = (
    DepartureStatus.REQUESTED, DepartureStatus.REGISTERED, DepartureStatus.PENDING, DepartureStatus.RETURNED,
    DepartureStatus.REJECTED, DepartureStatus.APPROVED,
)
# The unit corrects the departure and uploads the certificate in these states.
EDITABLE_DEPARTURE_STATUSES = (DepartureStatus.REGISTERED, DepartureStatus.RETURNED, DepartureStatus.REJECTED)


class Departure(models.Model):
    placement = models.ForeignKey("traineeships.Placement", on_delete=models.PROTECT, related_name="departures",
                                  verbose_name=_("上岗登记"))
    requested_by = models.CharField(_("离岗发起方"), max_length=16, choices=EndRequestedBy.choices)
    status = models.CharField(_("状态"), max_length=16, choices=DepartureStatus.choices)
    left_on = models.DateField(_("离岗日期"))
    reason = models.CharField(_("离岗原因"), max_length=16, choices=EndReason.choices)
    note = models.CharField(_("离岗说明"), max_length=255, blank=True)
    certificate_scan = models.ForeignKey(
        "attachments.Attachment", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
        verbose_name=_("解除见习协议证明（盖章扫描件）"),
    )
    unit_reply = models.CharField(_("单位意见"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("发起人"))
    created_at = models.DateTimeField(_("发起时间"), auto_now_add=True)
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("见习离岗")
        verbose_name_plural = _("见习离岗")
        constraints = [
            models.UniqueConstraint(fields=["placement"], condition=models.Q(status__in=OPEN_DEPARTURE_STATUSES),
                                    name="tr_one_open_departure"),
        ]

    def __str__(self):
        return f"{self.placement} 离岗"

    @property
    def is_editable(self) -> bool:
        return self.status in EDITABLE_DEPARTURE_STATUSES

__all__ = [
    "DEPARTURE_TRANSITIONS", "EDITABLE_DEPARTURE_STATUSES", "OPEN_DEPARTURE_STATUSES", "Departure",
    "DepartureStatus",
]
