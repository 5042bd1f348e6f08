"""The review engine: submit, decide, withdraw, revoke. Every function locks the Review row, checks the
rules, writes steps and the append-only history, tells the subject, notifies, and audits, in one
transaction. Nothing else writes Review, ReviewStep or ReviewEvent."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from audit.state import StateMachine, TransitionRefused
from notifications.services import notify
from organisations.models import Organisation, OrganisationKind
from reviews.models import (
    DECISION_REASON_MAX_LENGTH,
    REASON_MAX_LENGTH,
    Decision,
    EventAction,
    Review,
    ReviewerLevel,
    ReviewEvent,
    ReviewStatus,
    ReviewStep,
    StepStatus,
)
from reviews.registry import ReviewKind, get_kind
from reviews.rules import (  # noqa: F401  (reviewer_matches and may_submit are read from here too)
    REVOKE,
    WITHDRAW,
    available_actions,
    may_submit,
    office_matches,
    reviewer_matches,
)
from webhooks.services import emit as emit_webhook


class ReviewConflict(TransitionRefused):
    """The review changed under the actor (someone else was faster, or the state moved on)."""


# Which overall statuses may follow which. set_review_status is the only writer of Review.status.
REVIEW_TRANSITIONS = {
    ReviewStatus.PENDING: {ReviewStatus.APPROVED, ReviewStatus.REJECTED, ReviewStatus.RETURNED, ReviewStatus.WITHDRAWN},
    ReviewStatus.APPROVED: {ReviewStatus.PENDING},  # revoked while the submitter has not moved on
    ReviewStatus.REJECTED: {ReviewStatus.PENDING},
    ReviewStatus.RETURNED: {ReviewStatus.PENDING},
    ReviewStatus.WITHDRAWN: set(),
}


@dataclass
class BatchOutcome:
    succeeded: list[int]
    failed: list[tuple[int, str]]


def _subject_ref(subject):
    return ContentType.objects.get_for_model(subject), subject.pk


def _lock_review(review_id: int) -> Review:
    """Lock the review's subject, then the review (the project's lock order: docs/architecture.md). A unit
    editing its subject holds the subject and then asks for the review; taking them the other way round
    here deadlocked the two. The subject of a review never changes, so reading it unlocked is safe."""
    subject_ref = Review.objects.filter(pk=review_id).values_list("subject_type_id", "subject_id").first()
    if subject_ref is None:
        raise Review.DoesNotExist
    model = ContentType.objects.get_for_id(subject_ref[0]).model_class()
    if model is not None:
        model.objects.select_for_update(of=("self",)).filter(pk=subject_ref[1]).first()
    return Review.objects.select_for_update().get(pk=review_id)


def _current_step(review: Review) -> ReviewStep | None:
    return review.steps.filter(status=StepStatus.PENDING).order_by("position").first()


def reviewers_of(step: ReviewStep):
    """The users who may decide `step` (to notify them): its office's members holding the kind's permission."""
    from accounts.models import User

    permission = get_kind(step.review.kind).decide_permission
    if step.level == ReviewerLevel.UNIT:
        users = User.objects.filter(organisation_id=step.reviewer_org_id, is_org_admin=True, is_active=True)
    elif step.reviewer_org_id is not None:
        users = User.objects.filter(organisation_id=step.reviewer_org_id, is_active=True)
    else:
        offices = Organisation.objects.filter(
            kind=OrganisationKind.GOVERNMENT, gov_level=step.level, authority=step.authority, region_id=step.region_id
        )
        users = User.objects.filter(organisation__in=offices, is_active=True)
    users = users.select_related("organisation").prefetch_related("roles")
    return [user for user in users if user.has_perm(permission)]


def _refuse_unless_available(review: Review, actor, action: str) -> None:
    """The last word of every action: what the review page would not offer, the engine does not do."""
    if action not in available_actions(review, actor)["actions"]:
        raise PermissionDenied(_("您无权进行此操作"))


def _offices_exist(step_spec) -> bool:
    if step_spec.level == ReviewerLevel.UNIT or step_spec.reviewer_org is not None:
        return step_spec.reviewer_org is not None
    return Organisation.objects.filter(
        kind=OrganisationKind.GOVERNMENT,
        gov_level=step_spec.level,
        authority=step_spec.authority,
        region=step_spec.region,
    ).exists()


def _finished_at(review: Review, current, new, actor) -> dict:
    return {"finished_at": None if new == ReviewStatus.PENDING else timezone.now()}


REVIEW_STATES = StateMachine(model=Review, transitions=REVIEW_TRANSITIONS, action="review.status",
                             noun=_("该事项"), stamps=_finished_at, refused=ReviewConflict)


def set_review_status(review: Review, new_status: str, *, actor, now=None) -> None:
    """The only writer of Review.status; the engine holds the review's lock. Every change of the overall
    status is told to the submitter's webhooks (review.decided), in this transaction (the outbox)."""
    now = now or timezone.now()
    before = review.status
    fields = {"finished_at": None if new_status == ReviewStatus.PENDING else now}
    REVIEW_STATES.move(review, ReviewStatus(new_status), actor=actor, locked=True, **fields)
    if review.status != before and review.submitter_org_id:
        emit_webhook(event="review.decided", organisations=[review.submitter_org_id],
                     payload=lambda: _decided_payload(review, now))


def _decided_payload(review: Review, now) -> dict:
    decided = review.steps.exclude(decided_at__isnull=True).filter(is_filing=False).order_by("-position").first()
    return {"review_id": review.pk, "kind": review.kind, "title": review.title, "status": review.status,
            "round": review.round, "decided_at": now, "reason": decided.reason if decided else ""}


def _event(review, *, action, actor, step=None, reason="", now=None):
    ReviewEvent.objects.create(
        review=review,
        step=step,
        action=action,
        level=step.level if step else "",
        actor=actor,
        actor_org=actor.organisation,
        reason=reason,
        created_at=now or timezone.now(),
    )


def _tell_subject(kind: ReviewKind, review: Review, actor) -> None:
    subject = review.subject
    if kind.status_map is not None:
        kind.status_map.apply(subject=subject, review_status=ReviewStatus(review.status), actor=actor, review=review)
    if kind.on_status is not None:
        kind.on_status(subject=subject, status=review.status, actor=actor, review=review)


def _notify_reviewers(kind: ReviewKind, review: Review, step: ReviewStep) -> None:
    notify(
        recipients=reviewers_of(step),
        title=_("新的待审核事项：%(title)s") % {"title": review.title},
        body=_("%(kind)s，申报单位：%(org)s")
        % {"kind": kind.label, "org": review.submitter_org or review.submitted_by},
        url=f"/reviews/{review.pk}/",
    )


def _notify_submitter(review: Review, text: str) -> None:
    recipients = [review.submitted_by]
    if review.submitter_org_id:
        recipients += list(review.submitter_org.members.filter(is_org_admin=True, is_active=True))
    notify(recipients=recipients, title=text, url=f"/reviews/{review.pk}/")


def _emit_submitted(review: Review, step: ReviewStep) -> None:
    """review.submitted, in the submit's transaction, to the submitter and the offices of the first step."""
    if step.reviewer_org_id is not None:
        offices = [step.reviewer_org_id]
    else:
        offices = [Organisation.objects.filter(kind=OrganisationKind.GOVERNMENT, gov_level=step.level,
                                               authority=step.authority, region_id=step.region_id)]
    emit_webhook(event="review.submitted", organisations=[review.submitter_org_id, *offices], payload={
        "review_id": review.pk, "kind": review.kind, "title": review.title, "status": review.status,
        "round": review.round, "submitted_at": review.submitted_at,
        "submitter": {"id": review.submitter_org_id, "name": review.submitter_org.name if review.submitter_org else ""},
    })


@transaction.atomic
def submit(*, kind_key: str, subject, actor) -> Review:
    """Submit (or resubmit after a rejection/return) `subject`; the chain is derived now."""
    kind = get_kind(kind_key)
    if not may_submit(kind, subject, actor):
        raise PermissionDenied(_("您无权提交该事项"))
    content_type, subject_id = _subject_ref(subject)
    # Lock the subject so two submissions of it cannot race past the pending check (subject before review).
    type(subject).objects.select_for_update(of=("self",)).filter(pk=subject.pk).first()
    earlier = Review.objects.filter(subject_type=content_type, subject_id=subject_id)
    if earlier.filter(status=ReviewStatus.PENDING).exists():
        raise ReviewConflict(_("该事项已在审核中，请勿重复提交"))
    latest = earlier.order_by("-submitted_at", "-id").first()
    if latest is not None and latest.status == ReviewStatus.APPROVED and not kind.resubmit_after_approval:
        raise ReviewConflict(_("该事项已审核通过，无需重复提交"))
    region = kind.region(subject)
    chain = kind.build_chain(subject)
    if not chain:
        raise ValidationError(_("该事项没有可用的审核流程"))
    for spec in chain:
        if not spec.is_filing and not _offices_exist(spec):
            raise ValidationError(
                _("%(region)s尚无%(level)s审核部门入驻平台，暂无法提交，请联系上级主管部门")
                % {"region": spec.region or "", "level": ReviewerLevel(spec.level).label}
            )
    now = timezone.now()
    try:
        with transaction.atomic():
            review = Review.objects.create(
                kind=kind.key,
                subject_type=content_type,
                subject_id=subject_id,
                title=kind.title(subject)[:255],
                submitter_org=kind.submitter_org(subject),
                submitted_by=actor,
                region=region,
                round=earlier.count() + 1,
                submitted_at=now,
            )
    except IntegrityError:
        raise ReviewConflict(_("该事项已在审核中，请勿重复提交")) from None
    ReviewStep.objects.bulk_create(
        [
            ReviewStep(
                review=review,
                position=index,
                level=spec.level,
                authority=spec.authority if spec.level != ReviewerLevel.UNIT else "",
                region=spec.region,
                reviewer_org=spec.reviewer_org,
                is_filing=spec.is_filing,
                status=StepStatus.PENDING if index == 0 else StepStatus.WAITING,
            )
            for index, spec in enumerate(chain)
        ]
    )
    _event(review, action=EventAction.SUBMITTED, actor=actor, now=now)
    _tell_subject(kind, review, actor)
    first_step = review.steps.get(position=0)
    _notify_reviewers(kind, review, first_step)
    _emit_submitted(review, first_step)
    record(actor=actor, action="review.submitted", target=review, after={"kind": kind.key, "round": review.round})
    return review


@transaction.atomic
def decide(*, review_id: int, actor, decision: str, reason: str = "", step_id: int | None = None) -> Review:
    """Approve, reject or return at the actor's level. `step_id`, when given, is the step the actor saw:
    if it is no longer the one waiting, someone else was faster."""
    reason = (reason or "").strip()
    if decision not in Decision.values:
        raise ValidationError(_("未知的审核结论"))
    if decision in (Decision.REJECT, Decision.RETURN) and not reason:
        raise ValidationError({"reason": _("不通过或退回时必须填写原因")})
    if len(reason) > DECISION_REASON_MAX_LENGTH:
        raise ValidationError({"reason": ValidationError(_("审核意见不能超过%(limit)d个字（目前%(count)d个字）") % {
            "limit": DECISION_REASON_MAX_LENGTH, "count": len(reason)}, code="max_length")})
    review = _lock_review(review_id)
    kind = get_kind(review.kind)
    if step_id is not None:
        step = _seen_step(review, step_id, actor)
    else:
        if review.status != ReviewStatus.PENDING:
            raise ReviewConflict(
                _("该事项已被处理（当前状态：%(status)s），请刷新页面查看最新结果")
                % {"status": review.get_status_display()}
            )
        step = _current_step(review)
        if not reviewer_matches(step, actor):
            # Filing steps are never decided, so a filing office is not "waiting" for anything.
            later_steps = review.steps.filter(status=StepStatus.WAITING, is_filing=False)
            if any(reviewer_matches(later, actor) for later in later_steps):
                raise PermissionDenied(_("下级尚未审核，暂不能审核"))
            raise PermissionDenied(_("您不是该环节的审核人"))
    _refuse_unless_available(review, actor, decision)
    now = timezone.now()
    step.status = {
        Decision.APPROVE: StepStatus.APPROVED,
        Decision.REJECT: StepStatus.REJECTED,
        Decision.RETURN: StepStatus.RETURNED,
    }[decision]
    step.decided_by, step.decided_org, step.decided_at, step.reason = actor, actor.organisation, now, reason
    step.save(update_fields=["status", "decided_by", "decided_org", "decided_at", "reason"])
    action = {
        Decision.APPROVE: EventAction.APPROVED,
        Decision.REJECT: EventAction.REJECTED,
        Decision.RETURN: EventAction.RETURNED,
    }[decision]
    _event(review, action=action, actor=actor, step=step, reason=reason, now=now)

    if decision == Decision.APPROVE:
        following = review.steps.filter(position__gt=step.position).order_by("position")
        next_review_step = None
        for later in following:
            if later.is_filing:
                later.status = StepStatus.FILED
                later.decided_at = now
                later.save(update_fields=["status", "decided_at"])
                _event(review, action=EventAction.FILED, actor=actor, step=later, now=now)
                continue
            next_review_step = later
            break
        if next_review_step is not None:
            next_review_step.status = StepStatus.PENDING
            next_review_step.save(update_fields=["status"])
            _notify_reviewers(kind, review, next_review_step)
        else:
            set_review_status(review, ReviewStatus.APPROVED, actor=actor, now=now)
            _tell_subject(kind, review, actor)
            _notify_submitter(review, _("审核通过：%(title)s") % {"title": review.title})
    else:
        review.steps.filter(status=StepStatus.WAITING).update(status=StepStatus.CANCELLED)
        new_status = ReviewStatus.REJECTED if decision == Decision.REJECT else ReviewStatus.RETURNED
        set_review_status(review, new_status, actor=actor, now=now)
        _tell_subject(kind, review, actor)
        label = _("审核不通过") if decision == Decision.REJECT else _("退回修改")
        _notify_submitter(review, _("%(label)s：%(title)s（原因：%(reason)s）") % {
            "label": label, "title": review.title, "reason": reason})
    record(
        actor=actor,
        action=f"review.{decision}",
        target=review,
        after={"step": step.position, "level": step.level, "reason": reason, "status": review.status},
    )
    return review


def _seen_step(review: Review, step_id: int, actor) -> ReviewStep:
    """The step the actor saw on their screen, if it is still theirs to decide. Whether it is theirs is
    asked first, so nobody learns the state of steps they do not review."""
    seen = review.steps.filter(pk=step_id).first()
    if seen is None:
        raise ReviewConflict(_("审核环节不存在"))
    if not reviewer_matches(seen, actor) or seen.is_filing:
        raise PermissionDenied(_("您不是该环节的审核人"))
    if seen.status == StepStatus.WAITING:
        raise PermissionDenied(_("下级尚未审核，暂不能审核"))
    if review.status == ReviewStatus.WITHDRAWN:
        raise ReviewConflict(_("申报单位已撤回该事项，请刷新页面查看最新结果"))
    if seen.status != StepStatus.PENDING or review.status != ReviewStatus.PENDING:
        raise ReviewConflict(_("该环节已由他人处理，请刷新页面查看最新结果"))
    return seen


def decide_many(*, step_ids, actor, decision: str = Decision.APPROVE, reason: str = "") -> BatchOutcome:
    """Batch approval from the inbox: each review in its own transaction, so one failure stops none.
    Takes the steps the reviewer saw, so a step someone else has meanwhile decided is reported as such."""
    outcome = BatchOutcome(succeeded=[], failed=[])
    review_of_step = dict(ReviewStep.objects.filter(pk__in=step_ids).values_list("pk", "review_id"))
    for step_id in step_ids:
        review_id = review_of_step.get(step_id)
        try:
            if review_id is None:
                raise Review.DoesNotExist
            decide(review_id=review_id, actor=actor, decision=decision, reason=reason, step_id=step_id)
        except (ValidationError, PermissionDenied, Review.DoesNotExist) as error:
            outcome.failed.append((review_id or step_id, _error_text(error)))
        else:
            outcome.succeeded.append(review_id)
    return outcome


def _error_text(error) -> str:
    if isinstance(error, ValidationError):
        return "；".join(error.messages)
    if isinstance(error, Review.DoesNotExist):
        return _("审核事项不存在")
    return str(error) or _("无权操作")


@transaction.atomic
def refresh_title(*, subject) -> None:
    """The submitter edited a pending subject (allowed before any decision): keep the inbox title current."""
    content_type, subject_id = _subject_ref(subject)
    pending = Review.objects.select_for_update().filter(
        subject_type=content_type, subject_id=subject_id, status=ReviewStatus.PENDING
    ).first()
    if pending is not None:
        title = get_kind(pending.kind).title(subject)[:255]
        if title != pending.title:
            pending.title = title
            pending.save(update_fields=["title"])


@transaction.atomic
def withdraw(*, review_id: int, actor, reason: str = "") -> Review:
    """The submitter takes the submission back before anyone has decided on it."""
    reason = _checked_note(reason, _("撤回原因"))
    review = _lock_review(review_id)
    kind = get_kind(review.kind)
    if not may_submit(kind, review.subject, actor):
        raise PermissionDenied(_("您无权撤回该事项"))
    if review.status != ReviewStatus.PENDING:
        raise ReviewConflict(_("该事项已办结，不能撤回"))
    if review.steps.exclude(decided_at__isnull=True).exists():
        raise ReviewConflict(_("审核部门已作出审核，不能撤回"))
    _refuse_unless_available(review, actor, WITHDRAW)
    now = timezone.now()
    review.steps.filter(status__in=[StepStatus.PENDING, StepStatus.WAITING]).update(status=StepStatus.CANCELLED)
    set_review_status(review, ReviewStatus.WITHDRAWN, actor=actor, now=now)
    _event(review, action=EventAction.WITHDRAWN, actor=actor, reason=reason, now=now)
    _tell_subject(kind, review, actor)
    record(actor=actor, action="review.withdrawn", target=review, after={"reason": reason})
    return review


def _checked_note(reason: str, label) -> str:
    """A withdrawal's or revocation's note, refused (not cut) beyond REASON_MAX_LENGTH."""
    reason = (reason or "").strip()
    if len(reason) > REASON_MAX_LENGTH:
        message = _("%(label)s不能超过%(limit)d个字（目前%(count)d个字）") % {
            "label": label, "limit": REASON_MAX_LENGTH, "count": len(reason)}
        raise ValidationError({"reason": ValidationError(message, code="max_length")})
    return reason


@transaction.atomic
def revoke(*, review_id: int, actor, reason: str = "") -> Review:
    """撤销审核: the reviewer of the latest decided step takes the decision back, while the next level
    has not acted and the submitter has not resubmitted."""
    reason = _checked_note(reason, _("撤销原因"))
    review = _lock_review(review_id)
    kind = get_kind(review.kind)
    decided_steps = list(review.steps.exclude(decided_at__isnull=True).filter(is_filing=False).order_by("position"))
    if not decided_steps:
        raise ReviewConflict(_("该事项尚无审核结论，无需撤销"))
    decided = decided_steps[-1]
    if not reviewer_matches(decided, actor):
        # Only the latest decision can be taken back: a lower office whose decision the next level has
        # already acted on is told so, everyone else is simply not its reviewer.
        if any(reviewer_matches(earlier, actor) for earlier in decided_steps[:-1]):
            raise ReviewConflict(_("上级已作出审核，不能撤销"))
        raise PermissionDenied(_("只有作出该审核结论的部门可以撤销"))
    newer = Review.objects.filter(
        subject_type_id=review.subject_type_id, subject_id=review.subject_id, submitted_at__gt=review.submitted_at
    )
    if newer.exists():
        raise ReviewConflict(_("申报单位已重新提交，不能撤销"))
    if review.status == ReviewStatus.APPROVED and not kind.revocable_after_final:
        raise ReviewConflict(_("该类事项审核通过后不能撤销"))
    _refuse_unless_available(review, actor, REVOKE)
    now = timezone.now()
    previous = decided.get_status_display()
    decided.status = StepStatus.PENDING
    decided.decided_by = decided.decided_org = decided.decided_at = None
    decided.reason = ""
    decided.save(update_fields=["status", "decided_by", "decided_org", "decided_at", "reason"])
    review.steps.filter(position__gt=decided.position).update(status=StepStatus.WAITING, decided_at=None)
    if review.status != ReviewStatus.PENDING:
        set_review_status(review, ReviewStatus.PENDING, actor=actor, now=now)
        _tell_subject(kind, review, actor)
    _event(review, action=EventAction.REVOKED, actor=actor, step=decided, reason=reason or previous, now=now)
    _notify_submitter(review, _("审核结论已撤销，重新审核中：%(title)s") % {"title": review.title})
    record(actor=actor, action="review.revoked", target=review, before={"step": decided.position, "was": previous})
    return review


# ---------------------------------------------------------------- the inbox keyword's text


def refresh_search_text(reviews) -> int:
    """Rewrite the search text of these reviews from the current names (a unit or a submitter renamed);
    returns how many changed."""
    stale = []
    for review in reviews.select_related("submitter_org", "submitted_by").iterator(chunk_size=2000):
        tokens = review.search_tokens()
        if tokens != review.search_text:
            review.search_text = tokens
            stale.append(review)
    Review.objects.bulk_update(stale, ["search_text"], batch_size=2000)
    return len(stale)


def names_changed(sender, instance, fields, **_kwargs) -> None:
    """core.renames.renamed: a submitter's or a unit's name changed."""
    if sender is Organisation:
        refresh_search_text(Review.objects.filter(submitter_org=instance))
    elif "real_name" in fields:
        refresh_search_text(Review.objects.filter(submitted_by=instance))
