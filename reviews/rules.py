"""Who may do what on a review, asked the same way by the screens and by the engine (reviews.services).

A reviewer of a step is a member of the step's office (its level, region and line of government; or the
organisation of a unit-level step, its administrator) whose role holds the review kind's decide_permission."""

from django.db.models import Q

from accounts.rules import is_active_user
from organisations.models import OrganisationKind
from organisations.rules import SUBMIT
from reviews.models import ReviewerLevel, ReviewStatus, StepStatus
from reviews.registry import ReviewKind, all_kinds, get_kind, people_submit_any

APPROVE = "approve"
REJECT = "reject"
RETURN = "return"
WITHDRAW = "withdraw"
REVOKE = "revoke"
DECISIONS = frozenset({APPROVE, REJECT, RETURN})


def decidable_kinds(user) -> list[str]:
    """The keys of the review kinds whose decide permission the user's role holds."""
    if not is_active_user(user):
        return []
    return [kind.key for kind in all_kinds() if user.has_perm(kind.decide_permission)]


def may_review(user) -> bool:
    """Whether the user decides any kind of review (待我审核 in the menu, the inbox)."""
    return bool(decidable_kinds(user))


def _kind_or_none(key: str) -> ReviewKind | None:
    try:
        return get_kind(key)
    except LookupError:
        return None


def office_matches(step, user) -> bool:
    """Whether the user belongs to the office that decides `step` (role aside)."""
    organisation = user.organisation if user.organisation_id else None
    if organisation is None:
        return False
    if step.level == ReviewerLevel.UNIT:
        return organisation.pk == step.reviewer_org_id and user.is_org_admin
    if step.reviewer_org_id is not None:  # addressed to one department (the unit's 所属人社部门 or 主管部门)
        return organisation.pk == step.reviewer_org_id and organisation.kind == OrganisationKind.GOVERNMENT
    return (
        organisation.kind == OrganisationKind.GOVERNMENT
        and organisation.gov_level == step.level
        and organisation.authority == step.authority
        and organisation.region_id == step.region_id
    )


def reviewer_matches(step, user, kind: ReviewKind | None = None) -> bool:
    """Whether `user` is one of the reviewers of `step`: its office, with the kind's decide permission."""
    if not is_active_user(user):
        return False
    kind = kind or _kind_or_none(step.review.kind)
    if kind is None or not user.has_perm(kind.decide_permission):
        return False
    return office_matches(step, user)


def reviewer_step_filter(user, prefix: str = "") -> Q | None:
    """A Q on ReviewStep (or on a relation to it, with `prefix`) matching the steps `user` reviews."""
    kinds = decidable_kinds(user)
    if not kinds or user.organisation_id is None:
        return None
    organisation = user.organisation
    of_kind = Q(**{f"{prefix}review__kind__in": kinds})
    if organisation.kind == OrganisationKind.GOVERNMENT:
        by_office = Q(
            **{
                f"{prefix}level": organisation.gov_level,
                f"{prefix}authority": organisation.authority,
                f"{prefix}region_id": organisation.region_id,
                f"{prefix}reviewer_org__isnull": True,
            }
        )
        addressed = Q(**{f"{prefix}reviewer_org_id": organisation.pk}) & ~Q(**{f"{prefix}level": ReviewerLevel.UNIT})
        return of_kind & (by_office | addressed)
    if user.is_org_admin:
        return of_kind & Q(**{f"{prefix}level": ReviewerLevel.UNIT, f"{prefix}reviewer_org_id": organisation.pk})
    return None


def submitter_kinds(user) -> list[str]:
    """The review kinds whose submissions a member of the submitting organisation sees: those of the programmes
    whose records the user's role shows (organisations.jurisdiction; the programme owning the kind's decide
    permission). A kind of no registered programme is seen by every member."""
    from organisations.jurisdiction import holds_member_permission, programme_of_permission

    keys = []
    for kind in all_kinds():
        programme = programme_of_permission(kind.decide_permission)
        if programme is None or holds_member_permission(user, programme.key):
            keys.append(kind.key)
    return keys


def may_submit(kind: ReviewKind, subject, actor) -> bool:
    organisation = kind.submitter_org(subject)
    if organisation is not None and (
        actor.organisation_id != organisation.pk or not actor.has_perm(SUBMIT)
    ):
        return False
    return kind.can_submit(actor, subject)


def available_actions(review, user, *, steps=None, rounds=None) -> dict:
    """What `user` may do on `review` now: {"actions": a frozenset of approve/reject/return/withdraw/revoke,
    "current_step", "can_decide", "revocable_step", "waiting_for_lower"}. The review page shows exactly these
    buttons and the engine refuses anything else. `steps` and `rounds` may be passed when the caller has them."""
    kind = _kind_or_none(review.kind)
    if steps is None:
        steps = list(review.steps.order_by("position"))
    if rounds is None:
        from reviews.models import Review

        rounds = list(Review.objects.filter(subject_type_id=review.subject_type_id, subject_id=review.subject_id))
    actions = set()
    pending = review.status == ReviewStatus.PENDING
    current = next((step for step in steps if step.status == StepStatus.PENDING), None) if pending else None
    can_decide = kind is not None and current is not None and reviewer_matches(current, user, kind)
    if can_decide:
        actions |= DECISIONS
    waiting_for_lower = pending and not can_decide and kind is not None and any(
        step.status == StepStatus.WAITING and not step.is_filing and reviewer_matches(step, user, kind)
        for step in steps
    )
    subject = review.subject if kind is not None else None
    if (
        pending and all(step.decided_at is None for step in steps) and subject is not None
        and may_submit(kind, subject, user)
    ):
        actions.add(WITHDRAW)
    decided = [step for step in steps if step.decided_at is not None and not step.is_filing]
    newer_round = any(other.submitted_at > review.submitted_at for other in rounds)
    can_revoke = (
        kind is not None
        and bool(decided)
        and reviewer_matches(decided[-1], user, kind)
        and not newer_round
        and not (review.status == ReviewStatus.APPROVED and not kind.revocable_after_final)
    )
    if can_revoke:
        actions.add(REVOKE)
    return {
        "actions": frozenset(actions),
        "current_step": current,
        "can_decide": can_decide,
        "revocable_step": decided[-1] if can_revoke else None,
        "waiting_for_lower": waiting_for_lower,
    }


def may_see_mine(user) -> bool:
    """我的申报 in the menu: members of organisations that submit (reviews.submit), and individuals only when
    some review kind is submitted by a person for themselves (a student's 实习投诉) and they have submitted one:
    a trainee's agreement and departure are filed by the unit, so for everyone else the list would stay empty
    for ever."""
    from accounts.rules import is_individual

    if not user.is_authenticated:
        return False
    if user.organisation_id:
        return user.has_perm(SUBMIT)
    if not (is_individual(user) and people_submit_any()):
        return False
    from reviews.models import Review

    return Review.objects.filter(submitted_by=user, submitter_org__isnull=True).exists()
