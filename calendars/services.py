"""Every write to the working-day calendar. Each operation locks the CalendarYear row it changes (years in
ascending order when two are involved), so the checks "year not published" and "date not yet registered" hold
until the write commits."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record, snapshot
from calendars.models import YEAR_TRANSITIONS, CalendarYear, DayKind, SpecialDay, YearStatus
from calendars.rules import may_manage_calendar

DAY_FIELDS = ("date", "kind", "name")


def _require(actor) -> None:
    if not may_manage_calendar(actor):
        raise PermissionDenied


def published_message(year: int) -> str:
    return _("%(year)s年工作日历已发布，不能再修改") % {"year": year}


def duplicate_message(date) -> str:
    return _("%(date)s 已登记，请修改原有记录") % {"date": f"{date:%Y-%m-%d}"}


def check_day(*, date, kind) -> None:
    """The rule of the notice: a make-up working day is a Saturday or Sunday (a weekday is worked anyway)."""
    if kind == DayKind.MAKEUP_WORKDAY and date.weekday() < 5:
        raise ValidationError({"kind": _("调休上班日应为周六或周日，%(date)s 本来就是工作日") % {
            "date": f"{date:%Y-%m-%d}"}})


def _locked_years(*numbers: int) -> dict[int, CalendarYear]:
    years = {}
    for number in sorted(set(numbers)):
        CalendarYear.objects.get_or_create(year=number)
        year = CalendarYear.objects.select_for_update().get(year=number)
        if year.is_published:
            raise ValidationError({"date": published_message(number)})
        years[number] = year
    return years


def add_day(*, actor, date, kind, name) -> SpecialDay:
    _require(actor)
    check_day(date=date, kind=kind)
    with transaction.atomic():
        year = _locked_years(date.year)[date.year]
        if SpecialDay.objects.filter(date=date).exists():
            raise ValidationError({"date": duplicate_message(date)})
        day = SpecialDay.objects.create(calendar_year=year, date=date, kind=kind, name=name)
        record(actor=actor, action="calendars.day_added", target=day, after=snapshot(day, DAY_FIELDS))
    return day


def change_day(*, actor, day: SpecialDay, date, kind, name, precondition=None) -> SpecialDay:
    """precondition(current): called on the row as it is under the year lock (the API's If-Match)."""
    _require(actor)
    check_day(date=date, kind=kind)
    with transaction.atomic():
        years = _locked_years(day.date.year, date.year)
        current = SpecialDay.objects.filter(pk=day.pk).first()
        if current is None or current.date != day.date:
            raise ValidationError(_("该日期已被他人修改或删除，请返回列表刷新后重试"))
        if precondition is not None:
            precondition(current)
        day = current
        if date != day.date and SpecialDay.objects.filter(date=date).exists():
            raise ValidationError({"date": duplicate_message(date)})
        before = snapshot(day, DAY_FIELDS)
        day.calendar_year, day.date, day.kind, day.name = years[date.year], date, kind, name
        try:
            with transaction.atomic():
                day.save()
        except IntegrityError:
            raise ValidationError({"date": duplicate_message(date)}) from None
        record(actor=actor, action="calendars.day_changed", target=day, before=before,
               after=snapshot(day, DAY_FIELDS))
    return day


def delete_day(*, actor, day: SpecialDay, precondition=None) -> None:
    """precondition(current): as in change_day, for a delete that names the version it read."""
    _require(actor)
    with transaction.atomic():
        _locked_years(day.date.year)
        if precondition is not None:
            current = SpecialDay.objects.filter(pk=day.pk).first()
            if current is None or current.date != day.date:
                raise ValidationError(_("该日期已被他人修改或删除，请返回列表刷新后重试"))
            precondition(current)
        before = snapshot(day, DAY_FIELDS)
        record(actor=actor, action="calendars.day_deleted", target=day, before=before)
        SpecialDay.objects.filter(pk=day.pk).delete()


def publish_year(*, actor, year: CalendarYear) -> CalendarYear:
    _require(actor)
    with transaction.atomic():
        year = CalendarYear.objects.select_for_update().get(pk=year.pk)
        if YearStatus.PUBLISHED not in YEAR_TRANSITIONS[YearStatus(year.status)]:
            raise ValidationError(published_message(year.year))
        if not year.days.exists():
            raise ValidationError(_("%(year)s年还没有登记放假或调休上班日期，不能发布") % {"year": year.year})
        before = snapshot(year, ("status",))
        year.status, year.published_at, year.published_by = YearStatus.PUBLISHED, timezone.now(), actor
        year.save(update_fields=["status", "published_at", "published_by"])
        record(actor=actor, action="calendars.year_published", target=year, before=before,
               after={**snapshot(year, ("status", "published_at")), "days": year.days.count()})
    return year


def import_days(*, actor, organisation, rows: list[dict]) -> tuple[int, int, int]:
    """Upsert validated rows (from DayForm) by date: (created, updated, unchanged). The batch engine audits the job."""
    _require(actor)
    years = _locked_years(*(row["date"].year for row in rows))
    existing = {day.date: day for day in SpecialDay.objects.filter(date__in=[row["date"] for row in rows])}
    created = updated = 0
    for row in rows:
        day = existing.get(row["date"])
        if day is None:
            existing[row["date"]] = SpecialDay.objects.create(
                calendar_year=years[row["date"].year], date=row["date"], kind=row["kind"], name=row["name"])
            created += 1
        elif (day.kind, day.name) != (row["kind"], row["name"]):
            day.kind, day.name = row["kind"], row["name"]
            day.save(update_fields=["kind", "name"])
            updated += 1
    return created, updated, len(rows) - created - updated
