"""备案变更 (manual 003 §3.2.1.4): 课程信息配置 and 开班信息变更 of an approved filing, and the daily jobs that fall
due with the class's dates ("课程未配置，明日开课"; a class past its end frees its trainees' places).

Lock order (docs/architecture.md): the Filing row, then its TrainingClass, then its Courses / Trainees. A refused
attempt writes nothing: every check runs before the first write, inside one transaction.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from apprenticeships import checks
from apprenticeships.models import (
    ChangeKind,
    ChangeRecord,
    Course,
    DateChange,
    Delivery,
    Filing,
    FilingStatus,
    TrainingClass,
    Venue,
)
from apprenticeships.rules import FILE, may_file
from apprenticeships.selectors.parameters import rules_for
from apprenticeships.services.places import release_places
from audit.services import record
from calendars.workdays import add_working_days
from core.constraints import known_violation
from notifications.services import notify_organisation

ONE_DAY = datetime.timedelta(days=1)
COURSE_FIELDS = ("starts_on", "ends_on", "daily_start", "daily_end", "venue")


# ------------------------------------------------------------------------------------------------ shared checks


def _today(today):
    return today or timezone.localdate()


def lock_filing(pk: int) -> Filing:
    return Filing.objects.select_for_update(of=("self",)).select_related("region", "organisation").get(pk=pk)


def lock_class(filing: Filing) -> TrainingClass:
    training_class = TrainingClass.objects.select_for_update().filter(filing_id=filing.pk).first()
    if training_class is None:
        raise ValidationError(_("该备案没有培训信息"), code="no_class")
    return training_class


def check_enterprise(actor, filing: Filing) -> None:
    """Only the filing enterprise's members holding the filing permission change it."""
    if actor.organisation_id != filing.organisation_id or not may_file(actor):
        raise PermissionDenied(_("只能变更本单位的学徒制培训备案"))


def check_changeable(filing: Filing) -> None:
    """Changes are for approved filings (not cancelled, not in review)."""
    if filing.status != FilingStatus.APPROVED:
        raise ValidationError(_("只有审核通过的备案可以办理变更（当前状态：%(status)s）")
                              % {"status": filing.get_status_display()}, code="state")


def _day(value) -> str:
    return value.isoformat() if value else ""


def _time(value) -> str:
    return value.strftime("%H:%M") if value else ""


def add_record(*, filing, kind, summary, before, after, actor) -> ChangeRecord:
    return ChangeRecord.objects.create(filing=filing, kind=kind, summary=summary[:255], before=before, after=after,
                                       actor=actor)


# ------------------------------------------------------------------------------------------------ 开班信息变更


def earliest_allowed_start(today: datetime.date, rules) -> datetime.date:
    """The earliest start that leaves `change_notice_working_days` WHOLE working days strictly between the request
    day and it, on the official calendar (CalendarNotPublished names a year not yet published). A request on
    2026-02-13 with 5 days: 02-14 (调休上班), 02-24, 02-25, 02-26, 02-27 → 02-28 at the earliest."""
    return add_working_days(today, rules.change_notice_working_days) + ONE_DAY


def date_change_problems(*, filing, training_class, starts_on, ends_on, today, rules, used: int) -> dict:
    """{field or None: message} of a date change, empty when it may be made (nothing written)."""
    problems: dict = {}
    if today >= training_class.starts_on:
        problems[None] = _("培训班已于 %(day)s 开班，开班后不能变更开班信息") % {"day": _day(training_class.starts_on)}
        return problems
    if used >= rules.max_date_changes:
        problems[None] = _("开班信息最多可变更%(max)s次，本班已变更%(used)s次，不能再变更") % {
            "max": rules.max_date_changes, "used": used}
        return problems
    if starts_on is None or ends_on is None:
        return problems
    if (starts_on, ends_on) == (training_class.starts_on, training_class.ends_on):
        problems[None] = _("新的开始日期和结束日期与当前相同，无需变更")
        return problems
    earliest = earliest_allowed_start(today, rules)
    if min(starts_on, training_class.starts_on) < earliest:
        if training_class.starts_on < earliest:
            problems["starts_on"] = _(
                "开班信息变更须在开班前至少%(days)s个工作日办理：当前开班日期 %(current)s 已不足%(days)s个工作日"
                "（今天申请，开班日期最早须为 %(earliest)s），不能变更") % {
                "days": rules.change_notice_working_days, "current": _day(training_class.starts_on),
                "earliest": _day(earliest)}
        else:
            problems["starts_on"] = _(
                "新的开始日期距今不足%(days)s个工作日，最早可改至 %(earliest)s") % {
                "days": rules.change_notice_working_days, "earliest": _day(earliest)}
    duration = checks.duration_problem(starts_on=starts_on, ends_on=ends_on,
                                       extension_reason=training_class.extension_reason, rules=rules)
    if duration:
        problems.setdefault("ends_on", duration)
    outside = [course for course in filing.courses.filter(starts_on__isnull=False).order_by("starts_on", "pk")
               if course.starts_on < starts_on or (course.ends_on or course.starts_on) > ends_on]
    if outside:
        course = outside[0]
        problems.setdefault(None, _(
            "已配置的课程“%(name)s”（%(start)s至%(end)s）不在新的培训期间内，请先调整课程或选择包含全部已配置课程的日期")
            % {"name": course.name, "start": _day(course.starts_on), "end": _day(course.ends_on)})
    return problems


def date_change_preview(*, filing, starts_on=None, ends_on=None, today=None) -> dict:
    """What the change screen shows as the dates are typed: the quota left, the earliest allowed start and the
    problems of the typed dates (read only; a refusal of the calendar is a problem too)."""
    today = _today(today)
    training_class = TrainingClass.objects.filter(filing_id=filing.pk).first()
    result = {"remaining": None, "earliest": None, "problems": [], "ok": False}
    if training_class is None:
        result["problems"] = [_("该备案没有培训信息")]
        return result
    try:
        rules = rules_for(filing.region, today)
        used = training_class.date_changes.count()
        result["remaining"] = max(rules.max_date_changes - used, 0)
        result["earliest"] = earliest_allowed_start(today, rules)
        problems = date_change_problems(filing=filing, training_class=training_class, starts_on=starts_on,
                                        ends_on=ends_on, today=today, rules=rules, used=used)
    except ValidationError as error:
        result["problems"] = list(error.messages)
        return result
    result["problems"] = list(problems.values())
    result["ok"] = not problems and starts_on is not None and ends_on is not None
    return result


@transaction.atomic
def change_class_dates(*, filing, actor, starts_on: datetime.date, ends_on: datetime.date, reason: str = "",
                       today: datetime.date | None = None) -> DateChange:
    """开班信息变更: only before the class starts, at most `max_date_changes` accepted changes, at least
    `change_notice_working_days` whole working days before the earlier of the current and the new start; the new
    period keeps the duration rule and contains every configured course."""
    today = _today(today)
    locked = lock_filing(filing.pk)
    check_enterprise(actor, locked)
    check_changeable(locked)
    training_class = lock_class(locked)
    rules = rules_for(locked.region, today)
    used = training_class.date_changes.count()
    problems = date_change_problems(filing=locked, training_class=training_class, starts_on=starts_on,
                                    ends_on=ends_on, today=today, rules=rules, used=used)
    if problems:
        raise ValidationError({field or "__all__": message for field, message in problems.items()})
    before = {"starts_on": _day(training_class.starts_on), "ends_on": _day(training_class.ends_on)}
    try:
        with transaction.atomic():
            change = DateChange.objects.create(
                training_class=training_class, sequence=used + 1, old_starts_on=training_class.starts_on,
                old_ends_on=training_class.ends_on, new_starts_on=starts_on, new_ends_on=ends_on, requested_on=today,
                earliest_allowed=earliest_allowed_start(today, rules), reason=(reason or "").strip()[:255],
                actor=actor)
    except IntegrityError as error:
        raise known_violation(error) or error from None
    training_class.starts_on, training_class.ends_on = starts_on, ends_on
    training_class.save(update_fields=["starts_on", "ends_on", "updated_at"])
    after = {"starts_on": _day(starts_on), "ends_on": _day(ends_on)}
    add_record(filing=locked, kind=ChangeKind.CLASS_DATES, actor=actor, before=before, after=after,
               summary=_("第%(n)s次开班信息变更：%(old_start)s至%(old_end)s → %(start)s至%(end)s") % {
                   "n": change.sequence, "old_start": before["starts_on"], "old_end": before["ends_on"],
                   "start": after["starts_on"], "end": after["ends_on"]})
    record(actor=actor, action="apprenticeships.class_dates_changed", target=locked, before=before,
           after={**after, "sequence": change.sequence, "reason": change.reason})
    return change


# ------------------------------------------------------------------------------------------------ 课程信息配置


def course_problems(*, course, training_class, data: dict, today, rules, organisation_id) -> dict:
    problems: dict = {}
    days = rules.course_config_days_before
    if course.starts_on is not None and today >= course.starts_on:
        problems[None] = _("课程“%(name)s”已于 %(day)s 开始，已开始的课程不能变更") % {
            "name": course.name, "day": _day(course.starts_on)}
        return problems
    if course.starts_on is not None and today > course.starts_on - datetime.timedelta(days=days):
        problems[None] = _("已配置的课程须在开课%(days)s天前变更（开课日期 %(day)s），现已不能变更") % {
            "days": days, "day": _day(course.starts_on)}
        return problems
    starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
    if starts_on is not None and today > starts_on - datetime.timedelta(days=days):
        problems["starts_on"] = _("课程信息须在开课%(days)s天前配置，开始日期最早为 %(day)s") % {
            "days": days, "day": _day(today + datetime.timedelta(days=days))}
    if starts_on is not None and ends_on is not None and ends_on < starts_on:
        problems["ends_on"] = _("课程结束日期不能早于开始日期")
    if starts_on is not None and not training_class.starts_on <= starts_on <= training_class.ends_on:
        problems.setdefault("starts_on", _("课程日期须在培训期间（%(start)s至%(end)s）内") % {
            "start": _day(training_class.starts_on), "end": _day(training_class.ends_on)})
    if ends_on is not None and not training_class.starts_on <= ends_on <= training_class.ends_on:
        problems.setdefault("ends_on", _("课程日期须在培训期间（%(start)s至%(end)s）内") % {
            "start": _day(training_class.starts_on), "end": _day(training_class.ends_on)})
    daily_start, daily_end = data.get("daily_start"), data.get("daily_end")
    if daily_start is not None and daily_end is not None and daily_end <= daily_start:
        problems["daily_end"] = _("每日结束时间应晚于开始时间")
    venue = data.get("venue")
    if venue is not None and venue.organisation_id != organisation_id:
        problems["venue"] = _("请选择本单位的培训场地")
    if venue is None and course.delivery == Delivery.OFFLINE:
        problems["venue"] = _("线下培训须选择培训场地")
    return problems


def _course_snapshot(course) -> dict:
    return {"starts_on": _day(course.starts_on), "ends_on": _day(course.ends_on),
            "daily_start": _time(course.daily_start), "daily_end": _time(course.daily_end),
            "venue": course.venue.name if course.venue_id else ""}


@transaction.atomic
def configure_course(*, course, actor, data: dict, today: datetime.date | None = None) -> Course:
    """课程信息配置: dates, daily times and venue of a course of an approved filing, at the latest
    `course_config_days_before` calendar days before it begins (both the current and the new start); a course
    already begun cannot change; the course lies inside the class period."""
    today = _today(today)
    locked = lock_filing(course.filing_id)
    check_enterprise(actor, locked)
    check_changeable(locked)
    training_class = lock_class(locked)
    row = Course.objects.select_for_update(of=("self",)).select_related("venue").get(pk=course.pk)
    rules = rules_for(locked.region, today)
    problems = course_problems(course=row, training_class=training_class, data=data, today=today, rules=rules,
                               organisation_id=locked.organisation_id)
    if problems:
        raise ValidationError({field or "__all__": message for field, message in problems.items()})
    before = _course_snapshot(row)
    first = row.configured_at is None
    for name in COURSE_FIELDS:
        setattr(row, name, data.get(name))
    row.configured_at = timezone.now()
    row.save(update_fields=[*COURSE_FIELDS, "configured_at"])
    after = _course_snapshot(row)
    add_record(filing=locked, kind=ChangeKind.COURSE, actor=actor, before=before, after=after,
               summary=(_("配置课程“%(name)s”：%(start)s至%(end)s") if first else
                        _("变更课程“%(name)s”：%(start)s至%(end)s")) % {
                   "name": row.name, "start": after["starts_on"], "end": after["ends_on"]})
    record(actor=actor, action="apprenticeships.course_configured", target=row, before=before, after=after)
    return row


def venues_for(organisation) -> list:
    return Venue.objects.filter(organisation=organisation).order_by("name", "pk")


# ------------------------------------------------------------------------------------------------ daily jobs


def _unconfigured(queryset):
    return queryset.filter(Q(starts_on__isnull=True) | Q(ends_on__isnull=True)
                           | Q(delivery=Delivery.OFFLINE, venue__isnull=True))


def unconfigured_due(today: datetime.date):
    """Courses of approved filings that begin tomorrow (their own date, or the class's when the course has none)
    and are not configured, not yet warned today."""
    tomorrow = today + ONE_DAY
    courses = Course.objects.filter(filing__status=FilingStatus.APPROVED).filter(
        Q(starts_on=tomorrow) | Q(starts_on__isnull=True, filing__training_class__starts_on=tomorrow))
    return _unconfigured(courses).exclude(unconfigured_warned_on=today)


@transaction.atomic
def warn_unconfigured(*, course_id: int, today: datetime.date) -> bool:
    """Tell the enterprise's filing users "课程未配置，明日开课" once; False if it no longer applies."""
    row = unconfigured_due(today).filter(pk=course_id).select_for_update(of=("self",)).first()
    if row is None:
        return False
    filing = Filing.objects.select_related("organisation").get(pk=row.filing_id)
    notify_organisation(organisation=filing.organisation, permission=FILE,
                        title=_("课程未配置，明日开课：%(name)s") % {"name": row.name},
                        body=_("备案 %(number)s 的课程“%(name)s”明日（%(day)s）开课，"
                               "尚未配置培训日期或场地，请尽快配置。")
                        % {"number": filing.number, "name": row.name, "day": _day(today + ONE_DAY)},
                        url=reverse("apprenticeships:course_configure", args=[row.pk]))
    row.unconfigured_warned_on = today
    row.save(update_fields=["unconfigured_warned_on"])
    return True


def remind_unconfigured_courses(*, today: datetime.date) -> int:
    ids = list(unconfigured_due(today).order_by("pk").values_list("pk", flat=True))
    return sum(1 for pk in ids if warn_unconfigured(course_id=pk, today=today))


@transaction.atomic
def release_ended_class(*, filing_id: int, today: datetime.date) -> int:
    """A class whose end date has passed: its trainees free their places (one active apprenticeship per person).
    Lock order: the filing, its class, then the trainees (ascending id)."""
    filing = lock_filing(filing_id)
    training_class = TrainingClass.objects.select_for_update().filter(filing_id=filing.pk).first()
    if training_class is None or training_class.ends_on >= today:
        return 0
    trainees = list(filing.trainees.select_for_update().filter(holds_place=True).order_by("pk"))
    if not trainees:
        return 0
    released = release_places(filing, trainees)
    record(actor=None, action="apprenticeships.class_ended_places_released", target=filing,
           after={"ended_on": _day(training_class.ends_on), "released": released})
    return released


def release_ended_classes(*, today: datetime.date) -> int:
    ids = list(Filing.objects.filter(training_class__ends_on__lt=today, trainees__holds_place=True)
               .order_by("pk").values_list("pk", flat=True).distinct())
    return sum(release_ended_class(filing_id=pk, today=today) for pk in ids)
