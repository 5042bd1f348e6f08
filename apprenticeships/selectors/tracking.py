"""培训情况跟踪 (manual 003 §3.2.1.5): approved and cancelled filings' classes, for the enterprise, the HR
departments of its region and the institution the filing names; the advance a cancelled class owes back."""

import datetime
from decimal import Decimal

from django.db.models import Q, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apprenticeships.models import Filing, FilingStatus
from apprenticeships.rules import is_hr_reviewer, may_file, may_record_attendance
from apprenticeships.selectors.access import filings_for_user
from claims.models import ClaimLine, LineKind

TRACKED_STATUSES = (FilingStatus.APPROVED, FilingStatus.CANCELLED)


class ClassState:
    """The class's 状态 on the tracking list (computed from the filing's status and the class's dates)."""

    TRAINING = "training"
    NOT_STARTED = "not_started"
    ENDED = "ended"
    CANCELLED = "cancelled"
    CHOICES = [(TRAINING, _("在训")), (NOT_STARTED, _("未开班")), (ENDED, _("已结束")), (CANCELLED, _("已注销"))]
    LABELS = dict(CHOICES)


def may_track(user) -> bool:
    """Who opens 培训情况跟踪: the enterprise's filers, the region's HR reviewers, the named institution."""
    return may_file(user) or is_hr_reviewer(user) or may_record_attendance(user)


def class_state(filing: Filing, today: datetime.date | None = None) -> str:
    today = today or timezone.localdate()
    if filing.status == FilingStatus.CANCELLED:
        return ClassState.CANCELLED
    training_class = getattr(filing, "training_class", None)
    if training_class is None or today < training_class.starts_on:
        return ClassState.NOT_STARTED
    if today > training_class.ends_on:
        return ClassState.ENDED
    return ClassState.TRAINING


def state_q(state: str, today: datetime.date) -> Q:
    approved = Q(status=FilingStatus.APPROVED)
    if state == ClassState.CANCELLED:
        return Q(status=FilingStatus.CANCELLED)
    if state == ClassState.NOT_STARTED:
        return approved & Q(training_class__starts_on__gt=today)
    if state == ClassState.ENDED:
        return approved & Q(training_class__ends_on__lt=today)
    return approved & Q(training_class__starts_on__lte=today, training_class__ends_on__gte=today)


def tracked_filings(user, filters: dict | None = None, today: datetime.date | None = None):
    """The approved and cancelled filings the user sees (the programme's access rule), filtered."""
    today = today or timezone.localdate()
    filings = (filings_for_user(user).filter(status__in=TRACKED_STATUSES)
               .select_related("training_class").order_by("-approved_at", "-id"))
    filters = filters or {}
    if filters.get("number"):
        filings = filings.filter(number__icontains=filters["number"].strip())
    if filters.get("apprenticeship_type"):
        filings = filings.filter(apprenticeship_type=filters["apprenticeship_type"])
    if filters.get("occupation"):
        filings = filings.filter(training_class__occupation__icontains=filters["occupation"].strip())
    if filters.get("state"):
        filings = filings.filter(state_q(filters["state"], today))
    if filters.get("start_month"):
        month = filters["start_month"]
        filings = filings.filter(training_class__starts_on__year=month.year,
                                 training_class__starts_on__month=month.month)
    return filings


def institution_filings(user):
    """学徒制培训班（培训机构）: the submitted, approved and cancelled filings naming the user's institution."""
    if not may_record_attendance(user):
        return Filing.objects.none()
    return (Filing.objects.filter(institution_id=user.organisation_id)
            .exclude(status__in=[FilingStatus.DRAFT, FilingStatus.RETURNED])
            .select_related("organisation", "training_class").order_by("-submitted_at", "-id"))


def trainee_subjects(filing: Filing) -> list[str]:
    return [f"apprenticeships.trainee:{pk}" for pk in filing.trainees.values_list("pk", flat=True)]


def advance_owed(filing: Filing) -> Decimal:
    """The advances (预支) counted on claims for the filing's trainees: owed back once the class is cancelled."""
    total = ClaimLine.objects.filter(kind=LineKind.ADVANCE, counted=True,
                                     subject__in=trainee_subjects(filing)).aggregate(total=Sum("amount"))["total"]
    return Decimal(total or 0).quantize(Decimal("0.01"))
