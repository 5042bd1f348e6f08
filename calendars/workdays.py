"""Counting working days on the published calendar. Every rule of the project that counts 工作日 uses these.

A day is a working day when it is a weekday without a 放假 row, or a weekend day with a 调休上班 row.
Counting through a year whose calendar is not published is refused (CalendarNotPublished): the rows of that
year are not yet known, and a deadline computed from guesses would be wrong.
"""

import datetime

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from calendars.models import CalendarYear, DayKind, YearStatus

ONE_DAY = datetime.timedelta(days=1)


class CalendarNotPublished(ValidationError):
    def __init__(self, year: int):
        super().__init__(_("%(year)s年的工作日历尚未发布，无法计算工作日。请联系省级人社部门发布该年度工作日历。")
                         % {"year": year}, code="calendar_not_published")
        self.year = year


class _Calendar:
    """The special days of the years a computation touches, each year read once."""

    def __init__(self):
        self._years: dict[int, dict[datetime.date, str]] = {}

    def _days(self, year: int) -> dict[datetime.date, str]:
        days = self._years.get(year)
        if days is None:
            calendar = CalendarYear.objects.filter(year=year, status=YearStatus.PUBLISHED).first()
            if calendar is None:
                raise CalendarNotPublished(year)
            days = dict(calendar.days.values_list("date", "kind"))
            self._years[year] = days
        return days

    def is_working_day(self, day: datetime.date) -> bool:
        kind = self._days(day.year).get(day)
        if kind == DayKind.HOLIDAY:
            return False
        if kind == DayKind.MAKEUP_WORKDAY:
            return True
        return day.weekday() < 5


def is_working_day(day: datetime.date) -> bool:
    return _Calendar().is_working_day(day)


def add_working_days(start: datetime.date, count: int) -> datetime.date:
    """The count-th working day after `start` (start itself not counted); `start` when count is 0.

    E.g. 5 working days after Thursday 2026-04-30 is Monday 2026-05-11 (1–5 May off, Saturday 9 May worked).
    """
    if count < 0:
        raise ValueError("count must not be negative")
    calendar = _Calendar()
    day = start
    while count:
        day += ONE_DAY
        if calendar.is_working_day(day):
            count -= 1
    return day


def working_days_between(start: datetime.date, end: datetime.date) -> int:
    """The working days after `start` up to and including `end`, so that
    working_days_between(d, add_working_days(d, n)) == n; negative when end is before start."""
    if end < start:
        return -working_days_between(end, start)
    calendar = _Calendar()
    count = 0
    day = start
    while day < end:
        day += ONE_DAY
        if calendar.is_working_day(day):
            count += 1
    return count
