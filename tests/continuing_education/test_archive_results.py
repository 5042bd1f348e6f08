"""认定结果 (selectors.archive.assess) and the forecast: 90 (60 专业 + 30 公需) passes, 89 fails, extra 公需 never fails
a pass, the current year is 进行中 until it ends, no rule gives 未设置, online hours count up to the cap."""

import datetime
from decimal import Decimal

import pytest

from continuing_education.models import ArchiveYear, HoursRule
from continuing_education.selectors.archive import Result, assess, missing_hours
from continuing_education.selectors.hours_rules import rule_for
from tests import factories
from tests.continuing_education import factories as ce

LAST_YEAR_END = datetime.date(2026, 1, 5)


def year(public, professional, *, online=0, of=2025):
    return ArchiveYear(year=of, public_hours=Decimal(public), professional_hours=Decimal(professional),
                       online_hours=Decimal(online))


def floor(**fields):
    return HoursRule(total_min=Decimal(fields.get("total", 90)), professional_min=Decimal(fields.get("pro", 60)),
                     public_min=Decimal(fields.get("public", 30)), online_cap=fields.get("online_cap"))


@pytest.mark.parametrize(("public", "professional", "expected"), [
    (30, 60, Result.PASSED), (29, 60, Result.FAILED), (30, 59, Result.FAILED), (100, 60, Result.PASSED),
    ("30", "59.5", Result.FAILED), (0, 0, Result.FAILED), (20, 80, Result.FAILED)])
def test_a_past_year_passes_on_each_minimum(public, professional, expected):
    assert assess(year(public, professional), floor(), LAST_YEAR_END) == expected


def test_the_current_year_is_in_progress_until_it_passes():
    today = datetime.date(2025, 10, 1)
    assert assess(year(30, 59), floor(), today) == Result.IN_PROGRESS
    assert assess(year(30, 60), floor(), today) == Result.PASSED


def test_no_rule_gives_no_result():
    assert assess(year(30, 60), None, LAST_YEAR_END) == Result.NO_RULE


def test_online_hours_count_up_to_the_cap():
    # 100 hours, 50 of them online, the cap 40: 90 count, a pass; the cap 39: 89 count, a fail.
    assert assess(year(40, 60, online=50), floor(online_cap=Decimal(40)), LAST_YEAR_END) == Result.PASSED
    assert assess(year(40, 60, online=50), floor(online_cap=Decimal(39)), LAST_YEAR_END) == Result.FAILED


def test_missing_hours_name_each_subject_and_the_total():
    missing = missing_hours(Decimal(10), Decimal(50), Decimal(0), floor())
    assert (missing.public, missing.professional, missing.total) == (Decimal(20), Decimal(10), Decimal(30))
    extra_public = missing_hours(Decimal(100), Decimal(50), Decimal(0), floor())
    assert (extra_public.public, extra_public.professional, extra_public.total) == (0, Decimal(10), Decimal(10))
    assert not missing_hours(Decimal(30), Decimal(60), Decimal(0), floor())
    assert missing_hours(Decimal(0), Decimal(0), Decimal(0), None) is None


@pytest.mark.django_db
def test_rule_for_takes_the_city_before_the_province():
    county = factories.region("410105")
    province_rule = HoursRule.objects.get(region_id="410000", year=ce.this_year())
    assert rule_for(county, ce.this_year()) == province_rule
    city_rule = ce.hours_rule("410100", total_min=Decimal(100), is_national_floor=False)
    assert rule_for(county, ce.this_year()) == city_rule
    assert rule_for(factories.region("410300"), ce.this_year()) == province_rule  # 洛阳: no rule of its own
    assert rule_for(county, ce.this_year() - 5) is None
    assert rule_for(None, ce.this_year()) is None
