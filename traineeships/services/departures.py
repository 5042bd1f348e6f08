"""离岗: the unit registers a departure, or the trainee asks for one and the unit agrees; the unit uploads the
stamped 解除见习协议证明 and submits it to the HR department of the base's level; approval ends the placement.

Only an EARLY end goes this way: when the end date passes, the daily job makes the placement 见习期满
(traineeships.services.expiry) without a certificate or a review."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.services import store_upload
from audit.services import record, snapshot
from audit.state import StateMachine, StatusMap
from notifications.services import notify, notify_organisation
from reviews import services as review_services
from reviews.models import ReviewStatus
from traineeships.models import (
    DEPARTURE_TRANSITIONS,
    EDITABLE_DEPARTURE_STATUSES,
    OPEN_DEPARTURE_STATUSES,
    Departure,
    DepartureStatus,
    EndReason,
    EndRequestedBy,
    Placement,
    PlacementStatus,
    RetentionOutcome,
)
from traineeships.selectors import refusal_of, scan_replaced_since
from traineeships.services.placements import UNIT_PERMISSION, end_fields, set_placement_status

TERMINATION_KIND = "traineeship_termination"
TERMINATION_PURPOSE = "traineeship_termination"
DEPARTURE_FIELDS = ("left_on", "reason", "note")
SCAN_NOT_REPLACED = "请先按审核意见修改，上传重新盖章的解除见习协议证明扫描件，再重新提交审核"


DEPARTURE_STATES = StateMachine(model=Departure, transitions=DEPARTURE_TRANSITIONS,
                                action="traineeships.departure_status", noun=_("离岗申请"))


def set_departure_status(departure: Departure, new_status: str, *, actor) -> Departure:
    """The only writer of Departure.status; the caller holds the row lock."""
    return DEPARTURE_STATES.move(departure, DepartureStatus(new_status), actor=actor, locked=True)


def _lock_placement(pk: int) -> Placement:
    return (
        Placement.objects.select_for_update(of=("self",))
        .select_related("base__organisation", "post", "person")
        .get(pk=pk)
    )


def _lock(departure: Departure) -> Departure:
    return (
        Departure.objects.select_for_update(of=("self",))
        .select_related("placement__base__organisation", "placement__post", "placement__person")
        .get(pk=departure.pk)
    )


def _check_unit(actor, placement: Placement) -> None:
    if actor.organisation_id != placement.base.organisation_id or not actor.has_perm(UNIT_PERMISSION):
        raise PermissionDenied(_("只能办理本单位的见习人员"))


def check_left_on(placement: Placement, left_on: datetime.date) -> None:
    if left_on < placement.start_on:
        raise ValidationError({"left_on": _("离岗日期不能早于见习开始日期（%(day)s）")
                               % {"day": placement.start_on.isoformat()}})
    if left_on > placement.end_on:
        raise ValidationError({"left_on": _("离岗日期不能晚于见习结束日期（%(day)s）")
                               % {"day": placement.end_on.isoformat()}})
    if left_on == placement.end_on:
        raise ValidationError({"left_on": _("见习结束日期（%(day)s）当天结束即为见习期满，系统将自动办理，无需登记离岗")
                               % {"day": placement.end_on.isoformat()}})


def check_reason(reason: str) -> None:
    if reason == EndReason.COMPLETED:
        raise ValidationError({"reason": _("见习期满由系统在结束日期后自动办理，离岗登记只用于提前结束见习")})


def _check_on_post(placement: Placement) -> None:
    if placement.status != PlacementStatus.ON_POST:
        raise ValidationError(_("只有在岗人员可以办理离岗（当前：%(status)s）")
                              % {"status": placement.get_status_display()}, code="state")
    if placement.departures.filter(status__in=OPEN_DEPARTURE_STATUSES).exists():
        raise ValidationError(_("该人员已有办理中的离岗申请，请先处理"), code="open")


def _detail_url(departure: Departure) -> str:
    return reverse("traineeships:departure_detail", args=[departure.pk])


@transaction.atomic
def register_departure(*, placement: Placement, actor, data: dict) -> Departure:
    """离岗登记 by the unit: the placement is 离岗办理中 until HR approves."""
    locked = _lock_placement(placement.pk)
    _check_unit(actor, locked)
    _check_on_post(locked)
    check_left_on(locked, data["left_on"])
    check_reason(data.get("reason") or "")
    departure = Departure.objects.create(placement=locked, requested_by=EndRequestedBy.UNIT,
                                         status=DepartureStatus.REGISTERED, created_by=actor,
                                         **{name: data.get(name) or "" for name in DEPARTURE_FIELDS})
    set_placement_status(locked, PlacementStatus.LEAVING, actor=actor)
    record(actor=actor, action="traineeships.departure_registered", target=departure,
           after=snapshot(departure, DEPARTURE_FIELDS))
    return departure


@transaction.atomic
def request_departure(*, placement: Placement, actor, left_on: datetime.date, note: str) -> Departure:
    """申请离岗 by the trainee, with a reason; the unit agrees or refuses."""
    locked = _lock_placement(placement.pk)
    if locked.person_id != actor.pk:
        raise PermissionDenied(_("只能申请结束本人的见习"))
    _check_on_post(locked)
    check_left_on(locked, left_on)
    if not note.strip():
        raise ValidationError({"note": _("请填写申请离岗的原因")})
    departure = Departure.objects.create(placement=locked, requested_by=EndRequestedBy.TRAINEE,
                                         status=DepartureStatus.REQUESTED, left_on=left_on,
                                         reason=EndReason.LEFT_BY_TRAINEE, note=note.strip(), created_by=actor)
    record(actor=actor, action="traineeships.departure_requested", target=departure,
           after=snapshot(departure, DEPARTURE_FIELDS))
    notify_organisation(organisation=locked.base.organisation, permission=UNIT_PERMISSION,
                        title=_("见习人员%(name)s申请离岗，请确认") % {"name": locked.person.real_name},
                        url=_detail_url(departure))
    return departure


@transaction.atomic
def withdraw_request(*, departure: Departure, actor) -> Departure:
    locked = _lock(departure)
    if locked.placement.person_id != actor.pk:
        raise PermissionDenied
    if locked.status != DepartureStatus.REQUESTED:
        raise ValidationError(_("单位已处理该申请，不能撤回"), code="state")
    return set_departure_status(locked, DepartureStatus.CANCELLED, actor=actor)


@transaction.atomic
def answer_request(*, departure: Departure, actor, agree: bool, reply: str = "") -> Departure:
    """The unit agrees to (then registers) or refuses the trainee's request."""
    locked = _lock(departure)
    placement = _lock_placement(locked.placement_id)
    _check_unit(actor, placement)
    if locked.status != DepartureStatus.REQUESTED:
        raise ValidationError(_("该离岗申请当前状态为“%(status)s”，不能再处理")
                              % {"status": locked.get_status_display()}, code="state")
    reply = (reply or "").strip()
    if not agree and not reply:
        raise ValidationError({"reply": _("不同意时请填写原因")})
    limit = Departure._meta.get_field("unit_reply").max_length
    if len(reply) > limit:
        # Refused, not cut: the reply is the trainee's answer and goes into their notification as typed.
        raise ValidationError({"reply": ValidationError(
            _("单位意见不能超过%(limit)d个字（目前%(count)d个字）") % {"limit": limit, "count": len(reply)},
            code="max_length")})
    locked.unit_reply = reply
    locked.save(update_fields=["unit_reply", "updated_at"])
    if agree:
        set_departure_status(locked, DepartureStatus.REGISTERED, actor=actor)
        set_placement_status(placement, PlacementStatus.LEAVING, actor=actor)
        title = _("单位已同意您的离岗申请，正在办理离岗手续")
    else:
        set_departure_status(locked, DepartureStatus.REFUSED, actor=actor)
        title = _("单位不同意您的离岗申请：%(reply)s") % {"reply": reply}
    notify(recipients=[placement.person], title=title, url=reverse("traineeships:my_placement"))
    return locked


def check_editable(departure: Departure) -> None:
    if departure.status not in EDITABLE_DEPARTURE_STATUSES:
        raise ValidationError(_("离岗登记当前状态为“%(status)s”，不能修改")
                              % {"status": departure.get_status_display()}, code="not_editable")


@transaction.atomic
def update_departure(*, departure: Departure, actor, data: dict) -> Departure:
    locked = _lock(departure)
    _check_unit(actor, locked.placement)
    check_editable(locked)
    check_left_on(locked.placement, data["left_on"])
    check_reason(data.get("reason") or "")
    before = snapshot(locked, DEPARTURE_FIELDS)
    for name in DEPARTURE_FIELDS:
        setattr(locked, name, data.get(name) or "")
    locked.save()
    record(actor=actor, action="traineeships.departure_updated", target=locked, before=before,
           after=snapshot(locked, DEPARTURE_FIELDS))
    return locked


@transaction.atomic
def attach_certificate(*, departure: Departure, actor, uploaded_file) -> Departure:
    locked = _lock(departure)
    _check_unit(actor, locked.placement)
    check_editable(locked)
    locked.certificate_scan = store_upload(purpose=TERMINATION_PURPOSE, uploaded_file=uploaded_file, actor=actor,
                                           owner_org=locked.placement.base.organisation)
    locked.save(update_fields=["certificate_scan", "updated_at"])
    record(actor=actor, action="traineeships.certificate_uploaded", target=locked,
           after={"certificate_scan": str(locked.certificate_scan_id)})
    return locked


@transaction.atomic
def submit_departure(*, departure: Departure, actor) -> Departure:
    locked = _lock(departure)
    _check_unit(actor, locked.placement)
    if locked.status not in EDITABLE_DEPARTURE_STATUSES:
        raise ValidationError(_("离岗登记当前状态为“%(status)s”，不能提交审核")
                              % {"status": locked.get_status_display()}, code="state")
    if locked.certificate_scan_id is None:
        raise ValidationError(_("请先上传盖章的解除见习协议证明扫描件"), code="no_scan")
    if not scan_replaced_since(locked.certificate_scan, refusal_of(locked)):
        # HR sent back what it saw: a resubmission must carry a new scan, not the one it refused.
        raise ValidationError(_(SCAN_NOT_REPLACED), code="scan_not_replaced")
    review_services.submit(kind_key=TERMINATION_KIND, subject=locked, actor=actor)
    locked.refresh_from_db()
    return locked


@transaction.atomic
def cancel_departure(*, departure: Departure, actor) -> Departure:
    """撤销离岗登记: the trainee stays on post."""
    locked = _lock(departure)
    placement = _lock_placement(locked.placement_id)
    _check_unit(actor, placement)
    if locked.status not in EDITABLE_DEPARTURE_STATUSES:
        raise ValidationError(_("离岗登记当前状态为“%(status)s”，不能撤销")
                              % {"status": locked.get_status_display()}, code="state")
    set_departure_status(locked, DepartureStatus.CANCELLED, actor=actor)
    set_placement_status(placement, PlacementStatus.ON_POST, actor=actor)
    return locked


def _termination_review_hook(*, subject, status, actor, review=None) -> None:
    """The departure's placement follows: approval ends it (and the person is told); a revoked approval
    puts it back to 离岗办理中. Lock order: the departure (locked by the engine), then its placement."""
    departure = subject
    placement = _lock_placement(departure.placement_id)
    status = ReviewStatus(status)
    if status == ReviewStatus.APPROVED:
        set_placement_status(placement, PlacementStatus.ENDED, actor=actor, ended_on=departure.left_on,
                             end_reason=departure.reason, end_note=departure.note,
                             end_requested_by=departure.requested_by,
                             termination_certificate_id=departure.certificate_scan_id,
                             **end_fields(placement, ended_on=departure.left_on, recorded_on=timezone.localdate()))
        notify_organisation(
            organisation=placement.base.organisation, permission=UNIT_PERMISSION,
            title=_("%(name)s已离岗，请于%(day)s前登记留用情况（留用或未留用），逾期按未留用计")
            % {"name": placement.person.real_name, "day": placement.retention_due_on.isoformat()},
            url=reverse("traineeships:placement_detail", args=[placement.pk]))
        notify(recipients=[placement.person], title=_("您的就业见习已结束（离岗日期：%(day)s）")
               % {"day": departure.left_on.isoformat()}, url=reverse("traineeships:my_placement"))
    elif departure.status == DepartureStatus.APPROVED:
        # HR took its approval back: the placement is being ended again, not ended.
        # An outcome settled since (未留用, or 留用 made final by the end) is open again; 留用 itself stays.
        retained = placement.retention_outcome == RetentionOutcome.RETAINED
        set_placement_status(placement, PlacementStatus.LEAVING, actor=actor, ended_on=None, end_reason="",
                             end_note="", end_requested_by="", termination_certificate_id=None,
                             retention_due_on=None, retention_settled_on=None,
                             retention_outcome=RetentionOutcome.RETAINED if retained else "")


TERMINATION_STATUS_MAP = StatusMap(
    machine=DEPARTURE_STATES,
    statuses={
        ReviewStatus.PENDING: DepartureStatus.PENDING,
        ReviewStatus.APPROVED: DepartureStatus.APPROVED,
        ReviewStatus.REJECTED: DepartureStatus.REJECTED,
        ReviewStatus.RETURNED: DepartureStatus.RETURNED,
        ReviewStatus.WITHDRAWN: DepartureStatus.REGISTERED,
    },
    hook=_termination_review_hook,
)
