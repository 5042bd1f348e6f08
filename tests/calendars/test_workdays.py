"""Counting working days on the published calendar; 2026 shipped from the State Council notice."""

import datetime

import pytest

from calendars.models import CalendarYear, DayKind, SpecialDay, YearStatus
from calendars.workdays import CalendarNotPublished, add_working_days, is_working_day, working_days_between

D = datetime.date


@pytest.mark.django_db
def test_2026_is_shipped_published_with_the_notices_dates():
    year = CalendarYear.objects.get(year=2026)
    assert year.status == YearStatus.PUBLISHED
    assert year.days.filter(kind=DayKind.HOLIDAY).count() == 33
    assert sorted(year.days.filter(kind=DayKind.MAKEUP_WORKDAY).values_list("date", flat=True)) == [
        D(2026, 1, 4), D(2026, 2, 14), D(2026, 2, 28), D(2026, 5, 9), D(2026, 9, 20), D(2026, 10, 10)]
    assert SpecialDay.objects.get(date=D(2026, 2, 15)).name == "春节"


@pytest.mark.django_db
@pytest.mark.parametrize(("day", "working"), [
    (D(2026, 1, 1), False),  # 元旦, Thursday
    (D(2026, 1, 4), True),  # Sunday worked
    (D(2026, 1, 5), True),  # ordinary Monday
    (D(2026, 1, 10), False),  # ordinary Saturday
    (D(2026, 2, 23), False),  # 春节, Monday
    (D(2026, 10, 10), True),  # Saturday worked
])
def test_is_working_day(day, working):
    assert is_working_day(day) is working


@pytest.mark.django_db
def test_add_working_days_skips_the_holiday_and_counts_the_makeup_saturday():
    # 1–5 May off; 6, 7, 8 May, Saturday 9 May, Monday 11 May.
    assert add_working_days(D(2026, 4, 30), 5) == D(2026, 5, 11)
    assert add_working_days(D(2026, 4, 30), 0) == D(2026, 4, 30)
    # Over the Spring Festival: Friday 13 Feb, Saturday 14 Feb worked, then 24 Feb.
    assert add_working_days(D(2026, 2, 12), 3) == D(2026, 2, 24)
    with pytest.raises(ValueError):
        add_working_days(D(2026, 4, 30), -1)


@pytest.mark.django_db
def test_working_days_between_is_the_inverse_of_add():
    assert working_days_between(D(2026, 1, 1), D(2026, 12, 31)) == 248  # 261 weekdays − 19 off + 6 worked
    assert working_days_between(D(2026, 4, 30), D(2026, 5, 11)) == 5
    assert working_days_between(D(2026, 5, 11), D(2026, 4, 30)) == -5
    assert working_days_between(D(2026, 3, 3), D(2026, 3, 3)) == 0
    for start in (D(2026, 1, 1), D(2026, 2, 13), D(2026, 9, 18)):
        for count in (1, 4, 10):
            assert working_days_between(start, add_working_days(start, count)) == count


@pytest.mark.django_db
def test_counting_through_an_unpublished_year_is_refused_in_chinese():
    with pytest.raises(CalendarNotPublished) as refused:
        add_working_days(D(2026, 12, 30), 3)
    assert refused.value.messages == [
        "2027年的工作日历尚未发布，无法计算工作日。请联系省级人社部门发布该年度工作日历。"]
    CalendarYear.objects.create(year=2027)  # a draft is not enough
    with pytest.raises(CalendarNotPublished):
        working_days_between(D(2026, 12, 1), D(2027, 1, 5))
    with pytest.raises(CalendarNotPublished):
        is_working_day(D(2025, 12, 31))
