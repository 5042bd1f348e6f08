from django.core.exceptions import PermissionDenied
from django.db.models import Count, Q
from django.http import Http404

from calendars.models import CalendarYear, DayKind, SpecialDay
from calendars.rules import may_manage_calendar


def _require(user) -> None:
    if not may_manage_calendar(user):
        raise PermissionDenied


def years_for_user(user):
    _require(user)
    return CalendarYear.objects.annotate(
        holidays=Count("days", filter=Q(days__kind=DayKind.HOLIDAY)),
        makeup_days=Count("days", filter=Q(days__kind=DayKind.MAKEUP_WORKDAY)),
    ).order_by("-year")


def get_year_for_user(user, year: int) -> CalendarYear:
    _require(user)
    calendar = CalendarYear.objects.filter(year=year).first()
    if calendar is None:
        raise Http404("该年度没有工作日历")
    return calendar


def get_day_for_user(user, pk: int) -> SpecialDay:
    _require(user)
    day = SpecialDay.objects.select_related("calendar_year").filter(pk=pk).first()
    if day is None:
        raise Http404("日期不存在")
    return day
