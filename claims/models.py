"""补贴申领: a filed, reviewed and paid claim for public money, shared by every programme that pays subsidies.

A programme computes the lines (each with its explanation); the claim freezes them on submission. A line
that is *counted* (its claim submitted, approved or paid) holds its person-month, or its once-per-subject
payment, in a unique constraint, so the same month is never claimed twice whatever the screens do. A
correction after approval is a new claim with correction lines (negative or positive), never an edit.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ClaimStatus(models.TextChoices):
    DRAFT = "draft", _("未提交")
    SUBMITTED = "submitted", _("审核中")
    RETURNED = "returned", _("退回修改")
    REJECTED = "rejected", _("审核不通过")
    APPROVED = "approved", _("审核通过（待拨付）")
    PAID = "paid", _("已拨付")


# Lines of a claim in these statuses are counted: they hold their person-month.
COUNTED_STATUSES = (ClaimStatus.SUBMITTED, ClaimStatus.APPROVED, ClaimStatus.PAID)

CLAIM_TRANSITIONS = {
    ClaimStatus.DRAFT: {ClaimStatus.SUBMITTED},
    ClaimStatus.SUBMITTED: {ClaimStatus.APPROVED, ClaimStatus.RETURNED, ClaimStatus.REJECTED,
                            ClaimStatus.DRAFT},  # DRAFT: the unit withdrew it before any decision
    ClaimStatus.RETURNED: {ClaimStatus.SUBMITTED},
    ClaimStatus.REJECTED: set(),
    ClaimStatus.APPROVED: {ClaimStatus.PAID},
    ClaimStatus.PAID: set(),
}


class Claim(models.Model):
    programme = models.CharField(_("项目"), max_length=32)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT,
                                     related_name="subsidy_claims", verbose_name=_("申领单位"))
    number = models.CharField(_("申领编号"), max_length=32, unique=True)
    first_month = models.DateField(_("申领起始月份"))  # the first day of its month
    last_month = models.DateField(_("申领截止月份"))  # the first day of its month
    # A correction claim corrects an approved claim of the same organisation and programme.
    corrects = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True,
                                 related_name="corrections", verbose_name=_("更正的申领"))
    status = models.CharField(_("状态"), max_length=16, choices=ClaimStatus.choices, default=ClaimStatus.DRAFT)
    total = models.DecimalField(_("申领金额（元）"), max_digits=12, decimal_places=2, default=0)
    note = models.CharField(_("申领说明"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                                   verbose_name=_("创建人"))
    created_at = models.DateTimeField(_("创建时间"), auto_now_add=True)
    submitted_at = models.DateTimeField(_("提交时间"), null=True, blank=True)
    submitted_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                     related_name="+", verbose_name=_("提交人"))
    approved_at = models.DateTimeField(_("审核通过时间"), null=True, blank=True)
    paid_on = models.DateField(_("拨付日期"), null=True, blank=True)
    voucher_number = models.CharField(_("拨付凭证号"), max_length=64, blank=True)
    paid_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
                                related_name="+", verbose_name=_("拨付登记人"))
    updated_at = models.DateTimeField(_("更新时间"), auto_now=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        verbose_name = _("补贴申领")
        verbose_name_plural = _("补贴申领")
        constraints = [
            models.CheckConstraint(condition=models.Q(last_month__gte=models.F("first_month")),
                                   name="claim_period_ordered"),
            models.CheckConstraint(condition=models.Q(first_month__day=1) & models.Q(last_month__day=1),
                                   name="claim_months_first_day"),
            models.CheckConstraint(
                condition=~models.Q(status="paid") | (models.Q(paid_on__isnull=False) & ~models.Q(voucher_number="")),
                name="claim_paid_has_voucher"),
        ]
        indexes = [
            models.Index(fields=["programme", "organisation", "status"], name="claim_org_status"),
            models.Index(fields=["programme", "status", "first_month"], name="claim_status_month"),
        ]

    def __str__(self):
        return self.number


class LineKind(models.TextChoices):
    MONTH = "month", _("月度补贴")
    INSURANCE = "insurance", _("保险补贴")
    TOP_UP = "top_up", _("期满留用达标补差")
    ADVANCE = "advance", _("预支补贴")
    BALANCE = "balance", _("清算补贴")
    CORRECTION = "correction", _("更正")


# Kinds paid at most once per subject (a traineeship, an apprenticeship enrolment), whatever the month.
ONCE_PER_SUBJECT = (LineKind.INSURANCE, LineKind.TOP_UP, LineKind.ADVANCE, LineKind.BALANCE)


class ClaimLine(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="lines", verbose_name=_("申领"))
    # Denormalised from the claim so the database constraints below can hold the rules across claims.
    programme = models.CharField(_("项目"), max_length=32)
    organisation = models.ForeignKey("organisations.Organisation", on_delete=models.PROTECT, related_name="+",
                                     verbose_name=_("申领单位"))
    counted = models.BooleanField(_("计入已申领"), default=False)
    kind = models.CharField(_("类别"), max_length=16, choices=LineKind.choices)
    person = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+",
                               verbose_name=_("人员"))
    # What the line pays for, as "<app>.<model>:<pk>" (e.g. "traineeships.placement:12").
    subject = models.CharField(_("补贴对象"), max_length=64)
    month = models.DateField(_("月份"), null=True, blank=True)  # first day; empty for once-per-subject kinds
    amount = models.DecimalField(_("金额（元）"), max_digits=10, decimal_places=2)
    explanation = models.TextField(_("计算说明"))
    # The frozen inputs of the calculation (wage, rate, days, names at submission) for print and export.
    detail = models.JSONField(_("计算依据"), default=dict, blank=True)
    # A correction line points at the counted line it corrects (empty for a correction of a missing month).
    corrects = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                                 verbose_name=_("更正的明细"))
    position = models.PositiveIntegerField(_("序号"), default=0)

    class Meta:
        ordering = ["claim", "position", "id"]
        verbose_name = _("申领明细")
        verbose_name_plural = _("申领明细")
        constraints = [
            models.UniqueConstraint(
                fields=["programme", "person", "month"],
                condition=models.Q(counted=True, kind="month"),
                name="claim_one_person_month"),
            models.UniqueConstraint(
                fields=["programme", "subject", "kind"],
                condition=models.Q(counted=True, kind__in=["insurance", "top_up", "advance", "balance"]),
                name="claim_once_per_subject"),
            models.CheckConstraint(
                condition=~models.Q(kind="month") | models.Q(month__isnull=False),
                name="claim_month_line_has_month"),
            models.CheckConstraint(
                condition=models.Q(kind="correction") | models.Q(amount__gte=0),
                name="claim_only_corrections_negative"),
        ]
        indexes = [
            models.Index(fields=["programme", "organisation", "month"], name="claim_line_org_month"),
            models.Index(fields=["programme", "subject"], name="claim_line_subject"),
        ]

    def __str__(self):
        return f"{self.claim} {self.subject} {self.get_kind_display()}"
