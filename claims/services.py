"""Every write of a subsidy claim: create a draft, recompute its lines, submit (freeze and count the lines),
withdraw, the review's outcome (through the engine's StatusMap), the payment and correction claims.

Programme-agnostic: the programme's calculator (claims.registry) proposes the lines. "A month already claimed
never changes": a line counted in another claim is left out of a new draft, and the unique constraints on
ClaimLine hold the rule against parallel submissions; their IntegrityError becomes a message naming the
person and the month. Lock order (docs/architecture.md): a corrected claim before its correction claim, a
claim before its review (the engine)."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Sum
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from audit.state import StateMachine, StatusMap
from claims import registry
from claims.models import (
    CLAIM_TRANSITIONS,
    ONCE_PER_SUBJECT,
    Claim,
    ClaimLine,
    ClaimStatus,
    LineKind,
)
from claims.registry import LineSpec, line_key
from core.constraints import known_violation
from notifications.services import notify
from reviews import services as review_services
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from timeline.services import add_event
from webhooks.services import emit as emit_webhook

EDITABLE_STATUSES = (ClaimStatus.DRAFT, ClaimStatus.RETURNED)
CORRECTABLE_STATUSES = (ClaimStatus.APPROVED, ClaimStatus.PAID)
OPEN_STATUSES = (ClaimStatus.DRAFT, ClaimStatus.SUBMITTED, ClaimStatus.RETURNED)
ZERO = Decimal("0.00")

CLAIM_STATES = StateMachine(model=Claim, transitions=CLAIM_TRANSITIONS, action="claims.status",
                            noun=_("补贴申领"))


def month_label(month: datetime.date) -> str:
    return f"{month.year}年{month.month}月"


def _lock(pk: int) -> Claim:
    return Claim.objects.select_for_update(of=("self",)).select_related("organisation").get(pk=pk)


def _check_filer(actor, claim_or_organisation, programme: str) -> None:
    organisation = getattr(claim_or_organisation, "organisation", claim_or_organisation)
    if not registry.get(programme).may_file(actor, organisation):
        raise PermissionDenied(_("只能办理本单位的补贴申领"))


def _check_period(first_month: datetime.date, last_month: datetime.date) -> None:
    if first_month.day != 1 or last_month.day != 1:
        raise ValidationError(_("申领期间应为整月"))
    if last_month < first_month:
        raise ValidationError({"last_month": _("截止月份不能早于起始月份")})
    # A subsidy pays for months on post (regulations §2.2: the trainee's actual months, paid month by month): a
    # month that has not begun has no days on post yet, though the planned period already reaches it.
    this_month = timezone.localdate().replace(day=1)
    if last_month > this_month:
        raise ValidationError({"last_month": _("截止月份不能晚于本月（%(month)s）：尚未到来的月份不能申领补贴")
                                             % {"month": f"{this_month:%Y年%m月}"}})


def _counted_elsewhere(programme: str, specs, claim: Claim | None = None) -> dict:
    """{line key: the counted line holding it} for the keys of `specs` held by claims other than `claim`."""
    months = [spec for spec in specs if spec.kind == LineKind.MONTH]
    subjects = {spec.subject for spec in specs if spec.kind in ONCE_PER_SUBJECT}
    held = {}
    lines = ClaimLine.objects.filter(programme=programme, counted=True).select_related("claim", "person")
    if claim is not None:
        lines = lines.exclude(claim=claim)
    if months:
        for line in lines.filter(kind=LineKind.MONTH, person_id__in={spec.person_id for spec in months},
                                 month__in={spec.month for spec in months}):
            held[line_key(line.kind, line.person_id, line.subject, line.month)] = line
    if subjects:
        for line in lines.filter(kind__in=ONCE_PER_SUBJECT, subject__in=subjects):
            held[line_key(line.kind, line.person_id, line.subject, line.month)] = line
    return held


def _calculate(claim_programme, *, organisation, first_month, last_month, claim=None) -> list[LineSpec]:
    """The calculator's lines: a per_claim programme computes from what the unit put on the claim (nothing
    before the claim exists), the others from the organisation's period."""
    if claim_programme.per_claim:
        return [] if claim is None else list(claim_programme.calculator(claim=claim))
    return list(claim_programme.calculator(organisation=organisation, first_month=first_month,
                                           last_month=last_month))


def _claimable(claim_programme, *, organisation, first_month, last_month, claim=None, keep=frozenset()):
    """The lines the period earns that no other claim holds (and those in `keep`: the draft's own, so that a
    month someone else counted meanwhile is refused at submission rather than silently dropped). Lines of
    0 元 are not claimed: they would freeze the month at nothing (a missing parameter, a 不在岗 report)."""
    specs = [spec for spec in _calculate(claim_programme, organisation=organisation, first_month=first_month,
                                         last_month=last_month, claim=claim) if spec.amount > 0]
    held = _counted_elsewhere(claim_programme.key, specs, claim)
    return [spec for spec in specs if spec.key not in held or spec.key in keep]


def _write_lines(claim: Claim, specs) -> Decimal:
    """Replace the claim's (uncounted) lines with `specs`; returns the new total."""
    claim.lines.all().delete()
    ClaimLine.objects.bulk_create([
        ClaimLine(claim=claim, programme=claim.programme, organisation_id=claim.organisation_id, counted=False,
                  kind=spec.kind, person_id=spec.person_id, subject=spec.subject, month=spec.month,
                  amount=spec.amount, explanation=spec.explanation, detail=spec.detail,
                  corrects_id=spec.corrects_id, position=index)
        for index, spec in enumerate(specs, start=1)
    ])
    total = sum((spec.amount for spec in specs), ZERO)
    claim.total = total
    claim.save(update_fields=["total", "updated_at"])
    return total


def _next_number(prefix: str) -> str:
    head = f"{prefix}-{timezone.localdate().year}-"
    last = (Claim.objects.filter(number__startswith=head).order_by("-number")
            .values_list("number", flat=True).first())
    return f"{head}{(int(last[len(head):]) + 1 if last else 1):06d}"


def _create(claim_programme, **fields) -> Claim:
    """A new claim with the next number of its programme and year; a number taken by a parallel request
    (the unique constraint) is retried with the next one."""
    for _attempt in range(5):
        try:
            with transaction.atomic():
                return Claim.objects.create(number=_next_number(claim_programme.number_prefix), **fields)
        except IntegrityError:
            continue
    raise ValidationError(_("申领编号生成失败，请重试"))


def _snapshot(claim: Claim) -> dict:
    return {"number": claim.number, "first_month": claim.first_month.isoformat(),
            "last_month": claim.last_month.isoformat(), "total": str(claim.total),
            "lines": claim.lines.count()}


@transaction.atomic
def create_claim(*, programme: str, organisation, actor, first_month: datetime.date, last_month: datetime.date,
                 note: str = "") -> Claim:
    """新建申领: a draft whose lines are what the period earns and no other claim holds. A per_claim programme's
    draft starts empty: its lines come from the people the unit then puts on it (recompute_lines)."""
    claim_programme = registry.get(programme)
    _check_filer(actor, organisation, programme)
    _check_period(first_month, last_month)
    specs = _claimable(claim_programme, organisation=organisation, first_month=first_month, last_month=last_month)
    if not specs and not claim_programme.per_claim:
        raise ValidationError(_("%(first)s至%(last)s没有可申领的补贴：该期间的补贴均已申领，或没有应发补贴的人员")
                              % {"first": month_label(first_month), "last": month_label(last_month)},
                              code="nothing")
    claim = _create(claim_programme, programme=programme, organisation=organisation, first_month=first_month,
                    last_month=last_month, note=(note or "").strip(), created_by=actor)
    _write_lines(claim, specs)
    record(actor=actor, action="claims.created", target=claim, after=_snapshot(claim))
    add_event(subject=claim, event="created", label=_("创建申领"), actor=actor, status=claim.status)
    return claim


def _check_editable(claim: Claim, doing: str) -> None:
    if claim.status not in EDITABLE_STATUSES:
        raise ValidationError(_("补贴申领当前状态为“%(status)s”，不能%(doing)s")
                              % {"status": claim.get_status_display(), "doing": doing}, code="state")


def _current_specs(claim: Claim, *, keep_own: bool):
    """The claim's lines computed today. keep_own (submission): the lines the draft holds stay even when another
    claim counted them meanwhile, so that the constraint refuses the submission with a message instead of the
    month silently disappearing; without it (重新计算) only what is free is taken."""
    claim_programme = registry.get(claim.programme)
    if claim.corrects_id is not None:
        return correction_specs(claim.corrects, exclude=claim)
    keep = {line_key(line.kind, line.person_id, line.subject, line.month)
            for line in claim.lines.all()} if keep_own else frozenset()
    return _claimable(claim_programme, organisation=claim.organisation, first_month=claim.first_month,
                      last_month=claim.last_month, claim=claim, keep=keep)


def recompute_lines(claim: Claim) -> Decimal:
    """A per_claim programme's draft after the unit changed what is on it (people added or removed): the lines
    computed again, those another claim counts left out; an empty claim is allowed (unlike 重新计算). The caller
    holds the claim's lock, checks the filer and the state and records the change."""
    return _write_lines(claim, _current_specs(claim, keep_own=False))


@transaction.atomic
def refresh_claim(*, claim: Claim, actor) -> Claim:
    """重新计算: a draft (or returned) claim's lines computed again from today's data."""
    if claim.corrects_id is not None:
        _lock(claim.corrects_id)
    locked = _lock(claim.pk)
    _check_filer(actor, locked, locked.programme)
    _check_editable(locked, _("重新计算"))
    before = _snapshot(locked)
    specs = _current_specs(locked, keep_own=False)
    if not specs:
        raise ValidationError(_("重新计算后没有可申领的补贴，请删除或撤销本申领"), code="nothing")
    _write_lines(locked, specs)
    record(actor=actor, action="claims.lines_replaced", target=locked, before=before, after=_snapshot(locked))
    return locked


@transaction.atomic
def delete_claim(*, claim: Claim, actor) -> None:
    """删除 a draft never submitted (nothing was counted, nobody reviewed it)."""
    locked = _lock(claim.pk)
    _check_filer(actor, locked, locked.programme)
    if locked.status != ClaimStatus.DRAFT or latest_review_for(locked) is not None:
        raise ValidationError(_("只能删除从未提交的申领草稿"), code="state")
    record(actor=actor, action="claims.deleted", target=locked, before=_snapshot(locked))
    locked.delete()


@transaction.atomic
def submit_claim(*, claim: Claim, actor) -> Claim:
    """提交: the lines are computed once more, frozen and counted (the engine's StatusMap counts them when the
    review is pending); the county, then the city, review it."""
    if claim.corrects_id is not None:
        _lock(claim.corrects_id)  # the corrected claim before its correction: two corrections never both pass
    locked = _lock(claim.pk)
    _check_filer(actor, locked, locked.programme)
    _check_editable(locked, _("提交"))
    specs = _current_specs(locked, keep_own=True)
    if not specs:
        raise ValidationError(_("没有可申领的补贴，不能提交"), code="nothing")
    _write_lines(locked, specs)
    review_services.submit(kind_key=registry.get(locked.programme).review_kind, subject=locked, actor=actor)
    locked.refresh_from_db()
    add_event(subject=locked, event="submitted", label=_("提交申领"), actor=actor, status=locked.status,
              note=_("申领金额 %(total)s 元") % {"total": locked.total})
    return locked


@transaction.atomic
def withdraw_claim(*, claim: Claim, actor) -> Claim:
    """撤回 before any decision: the claim is a draft again and its months are free."""
    locked = _lock(claim.pk)
    _check_filer(actor, locked, locked.programme)
    review = latest_review_for(locked)
    if locked.status != ClaimStatus.SUBMITTED or review is None or review.status != ReviewStatus.PENDING:
        raise ValidationError(_("补贴申领当前状态为“%(status)s”，不能撤回")
                              % {"status": locked.get_status_display()}, code="state")
    review_services.withdraw(review_id=review.pk, actor=actor)
    locked.refresh_from_db()
    add_event(subject=locked, event="withdrawn", label=_("撤回申领"), actor=actor, status=locked.status)
    return locked


def _conflict(claim: Claim) -> ValidationError | None:
    """The first line of `claim` another counted claim holds, as the message the unit reads."""
    lines = list(claim.lines.select_related("person"))
    held = _counted_elsewhere(claim.programme, [
        LineSpec(kind=line.kind, person_id=line.person_id, subject=line.subject, month=line.month,
                 amount=line.amount, explanation="") for line in lines], claim)
    for line in lines:
        other = held.get(line_key(line.kind, line.person_id, line.subject, line.month))
        if other is None:
            continue
        name = line.detail.get("name") or line.person.real_name or line.person.username
        if line.kind == LineKind.MONTH:
            return ValidationError(
                _("%(name)s %(month)s的补贴已在申领 %(number)s 中申领，同一人同一月份只能申领一次；请重新计算本申领")
                % {"name": name, "month": month_label(line.month), "number": other.claim.number}, code="claimed")
        return ValidationError(
            _("%(name)s的%(kind)s已在申领 %(number)s 中申领，同一补贴对象每项补贴只计一次；请重新计算本申领")
            % {"name": name, "kind": line.get_kind_display(), "number": other.claim.number}, code="claimed")
    return None


def _count_lines(claim: Claim) -> None:
    try:
        with transaction.atomic():
            claim.lines.update(counted=True)
    except IntegrityError as error:
        known = known_violation(error)
        if known is None:
            raise
        raise _conflict(claim) or known from None


def _claim_review_hook(*, subject, status, actor, review=None) -> dict | None:
    """What the review's status makes of the claim's lines: pending counts them (the database refuses a month
    another claim holds), approval stamps the date, a return, rejection or withdrawal frees them."""
    claim = subject
    status = ReviewStatus(status)
    if status == ReviewStatus.PENDING:
        _count_lines(claim)
        if actor.organisation_id == claim.organisation_id:
            return {"submitted_at": timezone.now(), "submitted_by": actor}
        return None
    if status == ReviewStatus.APPROVED:
        return {"approved_at": timezone.now()}
    claim.lines.update(counted=False)
    return None


CLAIM_STATUS_MAP = StatusMap(
    machine=CLAIM_STATES,
    statuses={
        ReviewStatus.PENDING: ClaimStatus.SUBMITTED,
        ReviewStatus.APPROVED: ClaimStatus.APPROVED,
        ReviewStatus.REJECTED: ClaimStatus.REJECTED,
        ReviewStatus.RETURNED: ClaimStatus.RETURNED,
        ReviewStatus.WITHDRAWN: ClaimStatus.DRAFT,
    },
    hook=_claim_review_hook,
)


@transaction.atomic
def mark_paid(*, claim: Claim, actor, paid_on: datetime.date, voucher_number: str) -> Claim:
    """拨付登记: the paying department records the date and the voucher of an approved claim."""
    locked = _lock(claim.pk)
    if not registry.get(locked.programme).may_pay(actor, locked):
        raise PermissionDenied(_("您无权登记该申领的拨付"))
    if locked.status != ClaimStatus.APPROVED:
        raise ValidationError(_("补贴申领当前状态为“%(status)s”，审核通过后才能登记拨付")
                              % {"status": locked.get_status_display()}, code="state")
    voucher_number = (voucher_number or "").strip()
    if not voucher_number:
        raise ValidationError({"voucher_number": _("请填写拨付凭证号")})
    if paid_on > timezone.localdate():
        raise ValidationError({"paid_on": _("拨付日期不能晚于今天")})
    if locked.approved_at is not None and paid_on < timezone.localdate(locked.approved_at):
        raise ValidationError({"paid_on": _("拨付日期不能早于审核通过日期（%(day)s）")
                               % {"day": timezone.localdate(locked.approved_at).isoformat()}})
    CLAIM_STATES.move(locked, ClaimStatus.PAID, actor=actor, locked=True, paid_on=paid_on,
                      voucher_number=voucher_number, paid_by=actor)
    note = _("拨付日期 %(day)s，凭证号 %(voucher)s") % {"day": paid_on.isoformat(), "voucher": voucher_number}
    add_event(subject=locked, event="paid", label=_("登记拨付"), actor=actor, status=locked.status, note=note)
    recipients = [user for user in (locked.submitted_by, locked.created_by) if user is not None]
    notify(recipients=list({user.pk: user for user in recipients}.values()),
           title=_("补贴申领 %(number)s 已拨付（%(total)s 元）") % {"number": locked.number, "total": locked.total},
           body=note, url=registry.get(locked.programme).detail_url(locked))
    emit_webhook(event="claim.paid", organisations=[locked.organisation_id], payload={
        "claim_id": locked.pk, "number": locked.number, "programme": locked.programme, "total": locked.total,
        "first_month": locked.first_month, "last_month": locked.last_month, "paid_on": paid_on,
        "voucher_number": voucher_number,
    })
    return locked


def correction_specs(original: Claim, *, exclude: Claim | None = None) -> list[LineSpec]:
    """The correction lines of an approved claim: for each line it counted, today's recomputed amount minus
    what was claimed (the line and the counted corrections of it); nothing where they agree. Lines the
    original claim did not hold are not corrections: a normal claim files them (and the constraints hold)."""
    claim_programme = registry.get(original.programme)
    recomputed = {spec.key: spec for spec in _calculate(
        claim_programme, organisation=original.organisation, first_month=original.first_month,
        last_month=original.last_month, claim=original)}
    corrected = ClaimLine.objects.filter(kind=LineKind.CORRECTION, counted=True, corrects__claim=original)
    if exclude is not None:
        corrected = corrected.exclude(claim=exclude)
    earlier = dict(corrected.values("corrects_id").annotate(total=Sum("amount")).values_list("corrects_id", "total"))
    specs = []
    for line in original.lines.exclude(kind=LineKind.CORRECTION).order_by("position", "id"):
        claimed = line.amount + earlier.get(line.pk, ZERO)
        now = recomputed.get(line_key(line.kind, line.person_id, line.subject, line.month))
        amount_now = now.amount if now is not None else ZERO
        difference = amount_now - claimed
        if not difference:
            continue
        what = month_label(line.month) if line.month and line.kind == LineKind.MONTH else line.get_kind_display()
        why = now.explanation if now is not None else _("重新计算后不再享受该项补贴")
        specs.append(LineSpec(
            kind=LineKind.CORRECTION, person_id=line.person_id, subject=line.subject, month=line.month,
            amount=difference, corrects_id=line.pk,
            explanation=_("更正%(what)s：重新计算 %(now)s 元 − 已申领 %(claimed)s 元 = %(diff)s 元"
                          "（重新计算：%(why)s）")
            % {"what": what, "now": amount_now, "claimed": claimed, "diff": difference, "why": why},
            detail={**line.detail, "corrected_kind": line.kind, "recomputed": str(amount_now),
                    "claimed": str(claimed)},
        ))
    return specs


@transaction.atomic
def create_correction(*, claim: Claim, actor, note: str = "") -> Claim:
    """更正申领 after approval: a new claim whose lines are the differences, never an edit of the approved one."""
    original = _lock(claim.pk)
    _check_filer(actor, original, original.programme)
    if original.status not in CORRECTABLE_STATUSES:
        raise ValidationError(_("补贴申领当前状态为“%(status)s”，审核通过后才能更正")
                              % {"status": original.get_status_display()}, code="state")
    open_correction = original.corrections.filter(status__in=OPEN_STATUSES).first()
    if open_correction is not None:
        raise ValidationError(_("该申领已有办理中的更正申领 %(number)s，请先办结")
                              % {"number": open_correction.number}, code="open")
    specs = correction_specs(original)
    if not specs:
        raise ValidationError(_("重新计算的金额与已申领金额一致，无需更正"), code="nothing")
    correction = _create(registry.get(original.programme), programme=original.programme,
                         organisation=original.organisation, first_month=original.first_month,
                         last_month=original.last_month, corrects=original, created_by=actor,
                         note=(note or "").strip() or _("更正申领 %(number)s") % {"number": original.number})
    _write_lines(correction, specs)
    record(actor=actor, action="claims.correction_created", target=correction,
           after={**_snapshot(correction), "corrects": original.number})
    add_event(subject=correction, event="created", label=_("创建更正申领"), actor=actor, status=correction.status,
              note=_("更正 %(number)s") % {"number": original.number})
    add_event(subject=original, event="corrected", label=_("发起更正"), actor=actor, status=original.status,
              note=correction.number)
    return correction


def record_output(*, claim: Claim, actor, what: str) -> None:
    """打印 / 导出: who took the claim's personal data out of the platform."""
    record(actor=actor, action=f"claims.{what}", target=claim, after={"number": claim.number})
