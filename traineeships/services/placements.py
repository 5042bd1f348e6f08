"""录用上岗登记 and the 就业见习协议: the unit registers an approved applicant on the post, downloads the generated
agreement, uploads the signed scan and submits it to the HR department of the base's level; the review engine
reports its decisions back through AGREEMENT_STATUS_MAP. Also 留用登记: the unit registers 留用 (hired) or 未留用,
within a regional period after the end (see "留用登记" below).

Two rules hold under concurrent requests: a post's places are never over-filled (the Post row is locked, and
each placement holds a numbered place that is unique in the database), and a person has one traineeship in a
lifetime (a partial unique index across all units; its IntegrityError becomes a Chinese message)."""

import calendar
import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.services import store_upload
from audit.services import record, snapshot
from audit.state import StateMachine, StatusMap
from calendars.wages import minimum_wage
from core.constraints import known_violation
from core.search import tokens_for
from notifications.services import notify
from organisations.services import require_verified
from reviews import services as review_services
from reviews.models import ReviewStatus
from traineeships.models import (
    ENDED_STATUSES,
    LIFETIME_STATUSES,
    MAX_PERIOD_MONTHS,
    MIN_PERIOD_MONTHS,
    PLACEMENT_TRANSITIONS,
    Application,
    ApplicationStatus,
    BaseStatus,
    Placement,
    PlacementStatus,
    Post,
    RegionParameter,
    RetentionOutcome,
)
from traineeships.rules import MANAGE_BASE as UNIT_PERMISSION
from traineeships.selectors import parameter_for, refusal_of, scan_replaced_since
from traineeships.services.individuals import eligibility_problem

AGREEMENT_KIND = "traineeship_agreement"
AGREEMENT_PURPOSE = "traineeship_agreement"

TERM_FIELDS = (
    "start_on", "end_on", "monthly_allowance", "insurance_company", "insurance_policy_number", "insurance_premium",
    "insurance_sum_insured", "insurance_valid_from", "insurance_valid_to",
)
# The unit corrects the registration (and uploads the scan again) in these states.
EDITABLE_PLACEMENT_STATUSES = (PlacementStatus.DRAFT, PlacementStatus.RETURNED, PlacementStatus.REJECTED)
SUBMITTABLE_PLACEMENT_STATUSES = EDITABLE_PLACEMENT_STATUSES
CANCELLABLE_PLACEMENT_STATUSES = EDITABLE_PLACEMENT_STATUSES
NO_WAGE_MESSAGE = "该地区尚未设置最低工资标准，请联系人社部门"
FULL_MESSAGE = "该岗位招募名额已满（%(places)s人），不能再登记上岗"
LIFETIME_MESSAGE = "该人员已在其他见习单位登记或参加过就业见习，每人只能参加一次就业见习"
ALREADY_MESSAGE = "该报名已登记过上岗"
SCAN_NOT_REPLACED = "请先按审核意见修改，上传重新签字盖章的见习协议扫描件，再重新提交审核"


# ---------------------------------------------------------------- the period rule


def add_months(day: datetime.date, months: int) -> datetime.date:
    """The same day `months` later; the month's last day when that month is shorter (1月31日 + 1 → 2月28/29日)."""
    index = day.month - 1 + months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def period_bounds(start_on: datetime.date) -> tuple[datetime.date, datetime.date]:
    """The earliest and latest allowed end dates. The traineeship runs from start_on to end_on inclusive, so
    3 whole months from 2026-03-01 end on 2026-05-31 (the day before 2026-06-01), 12 on 2027-02-28."""
    return (add_months(start_on, MIN_PERIOD_MONTHS) - datetime.timedelta(days=1),
            add_months(start_on, MAX_PERIOD_MONTHS) - datetime.timedelta(days=1))


def check_terms(post: Post, data: dict) -> dict:
    """The rules of a registration's terms, as {field: message}; shared by the screen, the import and the
    service (which has the last word)."""
    errors = {}
    start_on, end_on = data.get("start_on"), data.get("end_on")
    if start_on and end_on:
        earliest, latest = period_bounds(start_on)
        if not earliest <= end_on <= latest:
            errors["end_on"] = _(
                "见习期限须为3至12个月：开始日期为%(start)s时，结束日期应在%(earliest)s至%(latest)s之间"
            ) % {"start": start_on.isoformat(), "earliest": earliest.isoformat(), "latest": latest.isoformat()}
    allowance = data.get("monthly_allowance")
    if start_on and allowance is not None:
        wage = minimum_wage(post.work_region, start_on)
        if parameter_for(post.work_region, start_on) is None or wage is None:
            errors["monthly_allowance"] = _(NO_WAGE_MESSAGE)
        elif allowance < wage:
            errors["monthly_allowance"] = _("生活费不能低于当地%(month)s的月最低工资标准 %(wage)s 元") % {
                "month": f"{start_on:%Y年%-m月}", "wage": wage}
    valid_from, valid_to = data.get("insurance_valid_from"), data.get("insurance_valid_to")
    if valid_from and valid_to and valid_to < valid_from:
        errors["insurance_valid_to"] = _("保险截止日期不能早于起始日期")
    elif start_on and end_on and valid_from and valid_to and (valid_from > start_on or valid_to < end_on):
        errors["insurance_valid_to"] = _("人身意外伤害保险须在见习开始前生效，并覆盖整个见习期")
    return errors


# ---------------------------------------------------------------- the one status writer


PLACEMENT_STATES = StateMachine(model=Placement, transitions=PLACEMENT_TRANSITIONS,
                                action="traineeships.placement_status", noun=_("上岗登记"))


def set_placement_status(placement: Placement, new_status: str, *, actor, **fields) -> Placement:
    """The only writer of Placement.status; the caller holds the row lock. Every field given (ended_on,
    end_reason, the certificate...) is written and audited with the status."""
    try:
        return PLACEMENT_STATES.move(placement, PlacementStatus(new_status), actor=actor, locked=True, **fields)
    except IntegrityError as error:
        raise _integrity_message(error, placement) from None


def _integrity_message(error: IntegrityError, placement: Placement) -> ValidationError:
    """The message of the constraint a registration ran into. The application's own uniqueness is asked
    first (traineeships.constraints registers it): a second registration of one application is that, even
    when the person's one-traineeship index would refuse it too."""
    known = known_violation(error)
    if known is not None and known.code == "already_onboarded":
        return known
    text = str(error)
    if "tr_placement_one_per_place" in text or "place_number" in text:
        return ValidationError(_(FULL_MESSAGE) % {"places": placement.post.places}, code="full")
    return known or ValidationError(_(LIFETIME_MESSAGE), code="lifetime")


# ---------------------------------------------------------------- places


def _lock_post(post_id: int) -> Post:
    return Post.objects.select_for_update(of=("self",)).select_related("work_region").get(pk=post_id)


def _take_place(post_id: int, post: Post | None = None) -> tuple[Post, int]:
    """Lock the post (unless the caller holds it) and return the lowest free place number; refuse when every
    place is held."""
    post = post or _lock_post(post_id)
    held = set(
        Placement.objects.filter(post_id=post.pk, status__in=LIFETIME_STATUSES).values_list("place_number", flat=True)
    )
    free = [number for number in range(1, post.places + 1) if number not in held]
    if not free:
        raise ValidationError(_(FULL_MESSAGE) % {"places": post.places}, code="full")
    return post, free[0]


def _check_person_free(person_id: int, exclude_pk=None) -> None:
    taken = Placement.objects.filter(person_id=person_id, status__in=LIFETIME_STATUSES)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError(_(LIFETIME_MESSAGE), code="lifetime")


# ---------------------------------------------------------------- onboarding


def _check_unit(actor, organisation_id: int) -> None:
    if actor.organisation_id != organisation_id or not actor.has_perm(UNIT_PERMISSION):
        raise PermissionDenied(_("只能办理本单位的见习人员"))


def onboardable(application: Application) -> str:
    """Why the application cannot be registered on its post now ("" when it can)."""
    if application.status != ApplicationStatus.APPROVED:
        return _("只有审核通过的报名可以登记上岗（当前：%(status)s）") % {"status": application.get_status_display()}
    if Placement.objects.filter(application=application).exists():
        return _(ALREADY_MESSAGE)
    return ""


# ---------------------------------------------------------------- back-dating


def backdating_limit(post: Post, today: datetime.date) -> tuple[int, bool]:
    """(backdating_warning_days of the post's work region on the registration day, whether a region
    parameter gave it); without a parameter, the model's default."""
    parameter = parameter_for(post.work_region, today)
    if parameter is not None:
        return parameter.backdating_warning_days, True
    return RegionParameter._meta.get_field("backdating_warning_days").default, False


def backdating_warning(post: Post, start_on: datetime.date | None, today: datetime.date | None = None) -> str:
    """The warning a start date further in the past than the region allows asks the unit to confirm ("" when
    it needs no confirmation)."""
    if start_on is None:
        return ""
    today = today or timezone.localdate()
    limit, found = backdating_limit(post, today)
    late = (today - start_on).days
    if late <= limit:
        return ""
    text = _("见习开始日期%(start)s早于今天%(late)s天，超过本地区规定的%(limit)s天（倒签上岗）。"
             "请核实见习人员确已于该日起到岗，并勾选确认") % {
        "start": start_on.isoformat(), "late": late, "limit": limit}
    if not found:
        text += _("（该地区未设置参数，按默认%(limit)s天提示）") % {"limit": limit}
    return text


def _check_backdating(post: Post, data: dict, errors: dict) -> str:
    """The warning when the start date needs the confirmation; a missing confirmation is the form's error."""
    warning = backdating_warning(post, data.get("start_on"))
    if warning and not data.get("backdating_confirmed") and "start_on" not in errors:
        errors["backdating_confirmed"] = warning
    return warning


def _stamp_backdating(placement: Placement, actor, warning: str) -> None:
    if warning:
        placement.backdating_confirmed_by, placement.backdating_confirmed_at = actor, timezone.now()
    else:
        placement.backdating_confirmed_by, placement.backdating_confirmed_at = None, None


def _record_backdating(placement: Placement, actor, warning: str) -> None:
    if warning:
        record(actor=actor, action="traineeships.backdating_confirmed", target=placement,
               after={"start_on": placement.start_on, "confirmed_at": placement.backdating_confirmed_at,
                      "warning": warning})


@transaction.atomic
def onboard(*, application: Application, actor, data: dict, import_job=None) -> Placement:
    """录用上岗登记: a placement waiting for its signed agreement (status 待提交协议); `import_job` is the
    见习匹配结果 import that registered it, if any.

    The post is locked first and the application re-read under that lock, so a second registration of the
    same application (twice in a row, or two requests at once) always answers 该报名已登记过上岗 before the
    places or the person's one traineeship are looked at. A start date further back than the region's
    backdating_warning_days needs data["backdating_confirmed"]; who confirmed it and when are recorded."""
    application = Application.objects.select_related("post__base__organisation", "post__work_region",
                                                     "person").get(pk=application.pk)
    base = application.post.base
    _check_unit(actor, base.organisation_id)
    require_verified(base.organisation)
    if base.status != BaseStatus.APPROVED:
        raise ValidationError(_("见习基地资格不在审核通过状态，不能登记上岗"), code="base")
    problem = onboardable(application)
    if problem:
        raise ValidationError(problem, code="state")
    post = _lock_post(application.post_id)
    application = Application.objects.select_for_update(of=("self",)).get(pk=application.pk)
    problem = onboardable(application)
    if problem:
        raise ValidationError(problem, code="state")
    # The agreement is signed now: the person must still be eligible today where the post is.
    problem = eligibility_problem(application.person, region=application.post.work_region)
    if problem:
        raise ValidationError(problem, code="ineligible")
    post, place_number = _take_place(post.pk, post)
    errors = check_terms(post, data)
    warning = _check_backdating(post, data, errors)
    if errors:
        raise ValidationError(errors)
    _check_person_free(application.person_id)
    placement = Placement(application=application, person=application.person, post=post, base=base,
                          created_by=actor, place_number=place_number, status=PlacementStatus.DRAFT,
                          import_job=import_job,
                          **{name: data.get(name) for name in TERM_FIELDS})
    _stamp_backdating(placement, actor, warning)
    try:
        with transaction.atomic():
            placement.save()
    except IntegrityError as error:
        # Another unit registered the person (or another request took the place) in the same instant.
        raise _integrity_message(error, placement) from None
    record(actor=actor, action="traineeships.placement_created", target=placement,
           after=snapshot(placement, TERM_FIELDS + ("place_number",)))
    _record_backdating(placement, actor, warning)
    return placement


def _lock(placement: Placement) -> Placement:
    return (
        Placement.objects.select_for_update(of=("self",))
        .select_related("post__work_region", "base__organisation", "person", "agreement_scan")
        .get(pk=placement.pk)
    )


def check_editable(placement: Placement) -> None:
    if placement.status not in EDITABLE_PLACEMENT_STATUSES:
        raise ValidationError(
            _("上岗登记当前状态为“%(status)s”，不能修改") % {"status": placement.get_status_display()},
            code="not_editable",
        )


@transaction.atomic
def update_terms(*, placement: Placement, actor, data: dict) -> Placement:
    locked = _lock(placement)
    _check_unit(actor, locked.base.organisation_id)
    check_editable(locked)
    errors = check_terms(locked.post, data)
    # A changed start date is registered anew: the back-dating rule asks again (an unchanged one was
    # settled when it was first registered).
    start_changed = data.get("start_on") != locked.start_on
    warning = _check_backdating(locked.post, data, errors) if start_changed else ""
    if errors:
        raise ValidationError(errors)
    before = snapshot(locked, TERM_FIELDS)
    for name in TERM_FIELDS:
        setattr(locked, name, data.get(name))
    if start_changed:
        _stamp_backdating(locked, actor, warning)
    locked.save()
    record(actor=actor, action="traineeships.placement_updated", target=locked, before=before,
           after=snapshot(locked, TERM_FIELDS))
    if start_changed:
        _record_backdating(locked, actor, warning)
    return locked


@transaction.atomic
def attach_agreement(*, placement: Placement, actor, uploaded_file) -> Placement:
    """The signed and stamped agreement scan; a new upload replaces the previous one (kept in the history)."""
    locked = _lock(placement)
    _check_unit(actor, locked.base.organisation_id)
    check_editable(locked)
    before = {"agreement_scan": str(locked.agreement_scan_id or "")}
    locked.agreement_scan = store_upload(purpose=AGREEMENT_PURPOSE, uploaded_file=uploaded_file, actor=actor,
                                         owner_org=locked.base.organisation)
    locked.save(update_fields=["agreement_scan", "updated_at"])
    record(actor=actor, action="traineeships.agreement_uploaded", target=locked, before=before,
           after={"agreement_scan": str(locked.agreement_scan_id)})
    return locked


@transaction.atomic
def submit_agreement(*, placement: Placement, actor) -> Placement:
    """提交审核 (and, after a return or a rejection, 重新提交)."""
    locked = _lock(placement)
    _check_unit(actor, locked.base.organisation_id)
    if locked.status not in SUBMITTABLE_PLACEMENT_STATUSES:
        raise ValidationError(_("上岗登记当前状态为“%(status)s”，不能提交审核")
                              % {"status": locked.get_status_display()}, code="state")
    if locked.agreement_scan_id is None:
        raise ValidationError(_("请先上传双方签字盖章的见习协议扫描件"), code="no_scan")
    if not scan_replaced_since(locked.agreement_scan, refusal_of(locked)):
        # HR sent back what it saw: a resubmission must carry a new scan, not the one it refused.
        raise ValidationError(_(SCAN_NOT_REPLACED), code="scan_not_replaced")
    errors = check_terms(locked.post, {name: getattr(locked, name) for name in TERM_FIELDS})
    if errors:
        raise ValidationError(errors)
    require_verified(locked.base.organisation)
    if locked.status == PlacementStatus.REJECTED:
        # A rejected registration gave up its place and the person's lifetime slot: take them again.
        post, number = _take_place(locked.post_id)
        _check_person_free(locked.person_id, exclude_pk=locked.pk)
        locked.place_number = number
        locked.save(update_fields=["place_number", "updated_at"])
    review_services.submit(kind_key=AGREEMENT_KIND, subject=locked, actor=actor)
    locked.refresh_from_db()
    return locked


@transaction.atomic
def cancel_placement(*, placement: Placement, actor) -> Placement:
    """撤销登记 before the agreement is under review or after it came back: the place is free again."""
    locked = _lock(placement)
    _check_unit(actor, locked.base.organisation_id)
    if locked.status not in CANCELLABLE_PLACEMENT_STATUSES:
        raise ValidationError(_("上岗登记当前状态为“%(status)s”，不能撤销")
                              % {"status": locked.get_status_display()}, code="state")
    return set_placement_status(locked, PlacementStatus.CANCELLED, actor=actor)


def _agreement_review_hook(*, subject, status, actor, review=None) -> dict:
    """Refuses revoking an approval the traineeship has moved on from; stamps approved_at; tells the person."""
    placement = subject
    status = ReviewStatus(status)
    if status == ReviewStatus.PENDING and placement.status not in (*SUBMITTABLE_PLACEMENT_STATUSES,
                                                                   PlacementStatus.PENDING):
        if placement.status == PlacementStatus.EXPIRED:
            raise review_services.ReviewConflict(_("见习已期满，不能撤销协议审核"))
        if placement.status != PlacementStatus.ON_POST or placement.departures.exists():
            raise review_services.ReviewConflict(_("见习人员已办理离岗，不能撤销协议审核"))
        if placement.monthly_reports.exists():
            raise review_services.ReviewConflict(_("已上报该人员的月度在岗情况，不能撤销协议审核"))
    fields = {}
    if status == ReviewStatus.APPROVED:
        fields["approved_at"] = timezone.now()
    elif placement.status == PlacementStatus.ON_POST:
        fields["approved_at"] = None
    if status in (ReviewStatus.APPROVED, ReviewStatus.REJECTED, ReviewStatus.RETURNED):
        text = {
            ReviewStatus.APPROVED: _("您的就业见习协议已审核通过，请按约定时间到岗：%(unit)s·%(post)s"),
            ReviewStatus.REJECTED: _("您的就业见习协议审核不通过，单位将修改后重新提交：%(unit)s·%(post)s"),
            ReviewStatus.RETURNED: _("您的就业见习协议被退回修改，单位将修改后重新提交：%(unit)s·%(post)s"),
        }[status] % {"unit": placement.base.organisation.name, "post": placement.post.title}
        notify(recipients=[placement.person], title=text, url=reverse("traineeships:my_placement"))
    return fields


AGREEMENT_STATUS_MAP = StatusMap(
    machine=PLACEMENT_STATES,
    statuses={
        ReviewStatus.PENDING: PlacementStatus.PENDING,
        ReviewStatus.APPROVED: PlacementStatus.ON_POST,
        ReviewStatus.REJECTED: PlacementStatus.REJECTED,
        ReviewStatus.RETURNED: PlacementStatus.RETURNED,
        ReviewStatus.WITHDRAWN: PlacementStatus.DRAFT,
    },
    hook=_agreement_review_hook,
)


# ---------------------------------------------------------------- 留用登记

# The outcome of a traineeship (留用 or 未留用) is registered by the unit: 留用 at any time from the start (a trainee
# hired early), 未留用 once the traineeship has ended; after the end, within the region's
# retention_registration_days. The first registration after the end is final (retention_settled_on): the "1+1"
# top-up falls due that day. A traineeship not registered by the deadline counts as not retained (LAPSED, written
# by the daily job).
DEFAULT_REGISTRATION_DAYS = 30
RETAINABLE_STATUSES = (PlacementStatus.ON_POST, PlacementStatus.LEAVING, *ENDED_STATUSES)


def retention_due_on(placement: Placement, ended_on: datetime.date, recorded_on: datetime.date) -> datetime.date:
    """The last day to register the outcome: retention_registration_days (the parameter of the end month)
    counted from the day after the end, or from the day the end was recorded when that is later (an early
    departure approved weeks after the trainee left still leaves the unit the whole period)."""
    parameter = parameter_for(placement.post.work_region, ended_on)
    days = parameter.retention_registration_days if parameter else DEFAULT_REGISTRATION_DAYS
    first_day = max(ended_on + datetime.timedelta(days=1), recorded_on)
    return first_day + datetime.timedelta(days=days - 1)


def end_fields(placement: Placement, *, ended_on: datetime.date, recorded_on: datetime.date) -> dict:
    """The retention fields written with the move into an ended status: the deadline, and an outcome already
    registered (留用 during the traineeship) becomes final the day the end is recorded."""
    fields = {"retention_due_on": retention_due_on(placement, ended_on, recorded_on)}
    if placement.retention_outcome == RetentionOutcome.RETAINED:
        fields["retention_settled_on"] = recorded_on
    return fields


def retention_open(placement: Placement, today: datetime.date) -> bool:
    """Whether the unit may (still) register the outcome today."""
    if placement.status in (PlacementStatus.ON_POST, PlacementStatus.LEAVING):
        return True
    return (placement.status in ENDED_STATUSES and placement.retention_settled_on is None
            and placement.retention_due_on is not None and today <= placement.retention_due_on)


def _check_retention_open(locked: Placement, today: datetime.date) -> None:
    if locked.status not in RETAINABLE_STATUSES:
        raise ValidationError(_("只有在岗或已结束见习的人员可以登记留用情况（当前：%(status)s）")
                              % {"status": locked.get_status_display()}, code="state")
    if locked.retention_settled_on is not None:
        raise ValidationError(_("留用情况已于%(day)s确定为“%(outcome)s”，不能再修改")
                              % {"day": locked.retention_settled_on.isoformat(),
                                 "outcome": locked.get_retention_outcome_display()}, code="settled")
    if not retention_open(locked, today):
        raise ValidationError(_("留用登记期限已于%(day)s届满，按未留用计")
                              % {"day": locked.retention_due_on.isoformat()}, code="late")


RETENTION_FIELDS = ("retained_on", "retention_contract", "retention_outcome", "retention_settled_on")


@transaction.atomic
def register_retention(*, placement: Placement, actor, retained_on: datetime.date, contract: str) -> Placement:
    """留用: the unit signed a labour contract with the trainee."""
    locked = _lock(placement)
    _check_unit(actor, locked.base.organisation_id)
    today = timezone.localdate()
    _check_retention_open(locked, today)
    if retained_on < locked.start_on:
        raise ValidationError({"retained_on": _("留用日期不能早于见习开始日期")})
    if retained_on > today:
        raise ValidationError({"retained_on": _("留用日期不能晚于今天")})
    if not contract.strip():
        raise ValidationError({"contract": _("请填写劳动合同信息")})
    before = snapshot(locked, RETENTION_FIELDS)
    locked.retained_on, locked.retention_contract = retained_on, contract.strip()
    locked.retention_outcome = RetentionOutcome.RETAINED
    if locked.status in ENDED_STATUSES:
        locked.retention_settled_on = today
    locked.save(update_fields=[*RETENTION_FIELDS, "updated_at"])
    record(actor=actor, action="traineeships.retention_registered", target=locked, before=before,
           after=snapshot(locked, RETENTION_FIELDS))
    return locked


@transaction.atomic
def register_not_retained(*, placement: Placement, actor) -> Placement:
    """未留用: registered once the traineeship has ended, within the registration period."""
    locked = _lock(placement)
    _check_unit(actor, locked.base.organisation_id)
    today = timezone.localdate()
    _check_retention_open(locked, today)
    if locked.status not in ENDED_STATUSES:
        raise ValidationError(_("见习结束后才能登记未留用（当前：%(status)s）")
                              % {"status": locked.get_status_display()}, code="state")
    before = snapshot(locked, RETENTION_FIELDS)
    locked.retained_on, locked.retention_contract = None, ""
    locked.retention_outcome, locked.retention_settled_on = RetentionOutcome.NOT_RETAINED, today
    locked.save(update_fields=[*RETENTION_FIELDS, "updated_at"])
    record(actor=actor, action="traineeships.not_retained_registered", target=locked, before=before,
           after=snapshot(locked, RETENTION_FIELDS))
    return locked


def minimum_wage_on(post: Post, day: datetime.date) -> Decimal | None:
    return minimum_wage(post.work_region, day)


def refresh_search_text(person) -> int:
    """Rewrite the 姓名 search text of the person's placements from their current name (core.renames);
    returns how many rows changed."""
    return (Placement.objects.filter(person=person).exclude(search_text=tokens_for(person.real_name))
            .update(search_text=tokens_for(person.real_name)))


def names_changed(sender, instance, fields, **_kwargs) -> None:
    if "real_name" in fields:
        refresh_search_text(instance)
