"""Scoped reads of placements and departures: the programme's access rule on the base's organisation
(traineeships.rules), and the trainee their own; anyone else gets 404."""

from django.contrib.auth import get_user_model
from django.db.models import QuerySet, Subquery
from django.http import Http404

from core import search
from organisations.jurisdiction import can_see
from reviews.models import EventAction, ReviewEvent, ReviewStatus
from reviews.selectors import latest_review_for
from traineeships.models import (
    Application,
    ApplicationStatus,
    Departure,
    Placement,
    PlacementStatus,
    TraineeshipBase,
)
from traineeships.rules import PROGRAMME
from traineeships.selectors.programme import own_unit_id

_RELATED = ("person", "post__work_region", "base__organisation__region", "agreement_scan", "application")


def placements_for_unit(user) -> QuerySet:
    # The unit's one base as a value (organisation is unique on the base), not a join: the newest registrations
    # are then read in order from the (base, created_at, id) index instead of sorting all of them.
    base_id = Subquery(TraineeshipBase.objects.filter(organisation_id=own_unit_id(user)).values("pk")[:1])
    return (
        Placement.objects.filter(base_id=base_id)
        .exclude(status=PlacementStatus.CANCELLED)
        .select_related(*_RELATED)
        .order_by("-created_at", "-id")
    )


def imported_placements_for_unit(user) -> QuerySet:
    """The registrations the unit's 见习匹配结果 imports created, cancelled ones included (上报记录)."""
    return (
        Placement.objects.filter(base__organisation_id=own_unit_id(user), import_job__isnull=False)
        .select_related(*_RELATED, "import_job")
        .order_by("-created_at", "-id")
    )


def filter_placements(placements: QuerySet, *, status: str = "", q: str = "", post: str = "",
                      retained: str = "") -> QuerySet:
    if status:
        placements = placements.filter(status=status)
    if q:
        # A substring of the name through the placement's search text; or the whole ID number, whose keyed hash
        # finds the person first (one row at most), so the name's plan is not spoilt by a join and an OR.
        named = search.matching(placements, q, whole=True)
        people = list(get_user_model().objects.filter(id_number=q).values_list("pk", flat=True))
        placements = (named | placements.filter(person__in=people)) if people else named
    if post:
        placements = placements.filter(post__title__icontains=post)
    if retained == "yes":
        placements = placements.filter(retained_on__isnull=False)
    elif retained == "no":
        placements = placements.filter(retained_on__isnull=True)
    return placements


def get_unit_placement(user, pk: int) -> Placement:
    placement = placements_for_unit(user).filter(pk=pk).first()
    if placement is None:
        raise Http404("上岗登记不存在")
    return placement


def can_see_placement(user, placement: Placement) -> bool:
    if not user.is_authenticated:
        return False
    return placement.person_id == user.pk or can_see(user, placement.base.organisation, PROGRAMME)


def get_placement_for_user(user, pk: int) -> Placement:
    """The record page (the unit, reviewers with jurisdiction, the trainee)."""
    placement = Placement.objects.select_related(*_RELATED).filter(pk=pk).first()
    if placement is None or not can_see_placement(user, placement):
        raise Http404("上岗登记不存在")
    return placement


def get_departure_for_user(user, pk: int) -> Departure:
    departure = (
        Departure.objects.select_related(*[f"placement__{name}" for name in _RELATED], "certificate_scan")
        .filter(pk=pk)
        .first()
    )
    if departure is None or not can_see_placement(user, departure.placement):
        raise Http404("离岗登记不存在")
    return departure


def get_unit_departure(user, pk: int) -> Departure:
    departure = get_departure_for_user(user, pk)
    if own_unit_id(user) != departure.placement.base.organisation_id:
        raise Http404("离岗登记不存在")
    return departure


def approved_applications_for_unit(user) -> QuerySet:
    """录用上岗登记: approved applications to the unit's posts not yet registered (`onboarded` is "has a
    placement": the tr_application_waiting partial index holds exactly these)."""
    return (
        Application.objects.filter(post__base__organisation_id=own_unit_id(user),
                                   status=ApplicationStatus.APPROVED, onboarded=False)
        .select_related("person", "post")
        .order_by("-decided_at", "-id")
    )


def get_onboardable_application(user, pk: int) -> Application:
    application = (
        Application.objects.filter(post__base__organisation_id=own_unit_id(user))
        .select_related("person", "post__work_region", "post__base__organisation")
        .filter(pk=pk)
        .first()
    )
    if application is None:
        raise Http404("报名不存在")
    return application


def placement_of_person(user) -> Placement | None:
    """我的见习: the person's traineeship (the current one, else the latest registration)."""
    if not user.is_authenticated:
        return None
    placements = Placement.objects.filter(person=user).select_related(*_RELATED).order_by("-created_at", "-id")
    return placements.exclude(status=PlacementStatus.CANCELLED).first() or placements.first()


# ---------------------------------------------------------------- a decision that sent a record back


def refusal_of(subject) -> ReviewEvent | None:
    """The HR decision (退回修改 or 审核不通过, with its reason) where the subject's latest review stands, or
    None: the unit's page shows it on top, and a resubmission needs a scan uploaded after it."""
    review = latest_review_for(subject)
    if review is None or review.status not in (ReviewStatus.REJECTED, ReviewStatus.RETURNED):
        return None
    return (
        review.events.filter(action__in=(EventAction.REJECTED, EventAction.RETURNED))
        .select_related("actor", "actor_org", "step")
        .order_by("-created_at", "-id")
        .first()
    )


def scan_replaced_since(scan, refusal: ReviewEvent | None) -> bool:
    """Whether the scan was uploaded after the decision that sent the record back (True when none did)."""
    return refusal is None or (scan is not None and scan.created_at > refusal.created_at)
