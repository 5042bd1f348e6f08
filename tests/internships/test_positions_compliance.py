"""internships.compliance: each red line of the regulation passes and fails with its explanation."""

import datetime
from decimal import Decimal

import pytest

from internships.compliance import add_months, blocking_failures, check_position, from_snapshot
from internships.models import EnterpriseProfile, Overtime, PayMethod, PayPeriod, PositionStatus
from tests.internships import factories as f

TODAY = f.TODAY


def _fields(**overrides):
    return f.position_fields(**{"pay_period": PayPeriod.MONTHLY, "pay_method": PayMethod.MONEY, **overrides})


def _checks(profile, **overrides):
    data = _fields(**overrides)
    return {check.code: check for check in check_position(data, profile=profile, today=TODAY)}


@pytest.fixture
def profile(host_a):
    return EnterpriseProfile.objects.get(organisation=host_a)  # 200 staff on duty


def test_a_compliant_position_passes_every_check(profile):
    checks = _checks(profile)
    assert [code for code, check in checks.items() if not check.passed] == []
    assert list(checks) == ["night_shift", "overtime", "pay_floor", "pay_period", "pay_method", "no_fees",
                            "no_documents", "no_entertainment", "no_intermediary", "post_ratio", "enterprise_ratio",
                            "duration", "apply_dates"]


def test_night_shift_is_blocked_without_an_exemption_and_passes_with_one(profile):
    refused = _checks(profile, night_shift=True)["night_shift"]
    assert (refused.passed, refused.blocking, refused.symbol) == (False, True, "✗")
    assert "不得安排实习学生上夜班" in refused.explanation
    data = _fields(night_shift=True)
    with_file = {c.code: c for c in check_position(data, profile=profile, today=TODAY, exemption_on_file=True)}
    assert with_file["night_shift"].passed


@pytest.mark.parametrize("overtime, passed", [(Overtime.NONE, True), (Overtime.OCCASIONAL, False),
                                              (Overtime.FREQUENT, False)])
def test_overtime_occasional_or_frequent_is_blocked(profile, overtime, passed):
    check = _checks(profile, overtime=overtime)["overtime"]
    assert (check.passed, check.blocking) == (passed, True)


def test_pay_must_reach_eighty_percent_of_the_same_post_wage(profile):
    assert _checks(profile, pay_min=Decimal("2400"), same_post_wage=Decimal("3000"))["pay_floor"].passed
    check = _checks(profile, pay_min=Decimal("2399.99"), same_post_wage=Decimal("3000"))["pay_floor"]
    assert not check.passed and check.blocking
    assert "2400.00" in check.explanation and "80%" in check.explanation


@pytest.mark.parametrize("period, passed", [(PayPeriod.MONTHLY, True), (PayPeriod.HALF_MONTHLY, True),
                                            (PayPeriod.WEEKLY, True), (PayPeriod.QUARTERLY, False),
                                            (PayPeriod.AT_END, False)])
def test_pay_period_within_a_month(profile, period, passed):
    assert _checks(profile, pay_period=period)["pay_period"].passed is passed


@pytest.mark.parametrize("method, passed", [(PayMethod.MONEY, True), (PayMethod.THIRD_PARTY, False),
                                            (PayMethod.IN_KIND, False)])
def test_pay_in_money_directly(profile, method, passed):
    assert _checks(profile, pay_method=method)["pay_method"].passed is passed


@pytest.mark.parametrize("field, code", [("charges_fees", "no_fees"), ("retains_documents", "no_documents"),
                                         ("entertainment_venue", "no_entertainment"),
                                         ("via_intermediary", "no_intermediary")])
def test_declared_banned_practices_block(profile, field, code):
    assert _checks(profile)[code].passed
    check = _checks(profile, **{field: True})[code]
    assert (check.passed, check.blocking) == (False, True)
    assert check.explanation.startswith("不得")


def test_places_at_most_twenty_percent_of_the_post_staff(profile):
    assert _checks(profile, places=20, post_staff=100)["post_ratio"].passed
    check = _checks(profile, places=21, post_staff=100)["post_ratio"]
    assert not check.passed and "最多 20 人" in check.explanation


def test_interns_at_most_ten_percent_of_the_staff_counting_overlapping_published_and_pending(host_a, admin_a,
                                                                                           profile):
    f.position(host_a, admin_a, places=8)  # published, same period
    f.position(host_a, admin_a, status=PositionStatus.PENDING, places=4)
    f.position(host_a, admin_a, status=PositionStatus.DRAFT, places=50)  # not counted
    f.position(host_a, admin_a, status=PositionStatus.CLOSED, places=50)  # not counted
    later = f.STARTS_ON + datetime.timedelta(days=400)
    f.position(host_a, admin_a, places=50, starts_on=later, ends_on=later + datetime.timedelta(days=60),
               apply_until=later - datetime.timedelta(days=1))  # another period
    assert _checks(profile, places=8)["enterprise_ratio"].passed  # 8 + 4 + 8 = 20 = 10 % of 200
    check = _checks(profile, places=9)["enterprise_ratio"]
    assert not check.passed and check.blocking
    assert "共 21 人" in check.explanation and "最多 20 人" in check.explanation


def test_a_position_is_not_counted_twice_against_itself(host_a, admin_a, profile):
    position = f.position(host_a, admin_a, places=20)
    checks = {c.code: c for c in check_position(position, profile=profile, today=TODAY)}
    assert checks["enterprise_ratio"].passed


def test_missing_staff_on_duty_is_a_blocking_check(profile):
    profile.staff_on_duty = None
    check = _checks(profile)["enterprise_ratio"]
    assert (check.passed, check.blocking) == (False, True)
    assert check.explanation.startswith("请先填写在岗职工总数")
    assert not check_position(_fields(), profile=None, today=TODAY)[10].passed


def test_more_than_six_months_is_a_warning_only(profile):
    start = f.STARTS_ON
    assert _checks(profile, starts_on=start, ends_on=add_months(start, 6) - datetime.timedelta(days=1),
                   apply_until=start - datetime.timedelta(days=1))["duration"].passed
    check = _checks(profile, starts_on=start, ends_on=add_months(start, 6), apply_until=start - datetime.timedelta(
        days=1))["duration"]
    assert (check.passed, check.blocking, check.symbol) == (False, False, "!")
    assert not blocking_failures([check])


def test_applications_close_before_the_start(profile):
    check = _checks(profile, apply_until=f.STARTS_ON)["apply_dates"]
    assert (check.passed, check.blocking) == (False, True)


def test_a_finished_application_window_is_a_warning(profile):
    checks = _checks(profile, apply_from=TODAY - datetime.timedelta(days=9), apply_until=TODAY - datetime.timedelta(
        days=1))
    assert checks["apply_open"].passed is False and checks["apply_open"].blocking is False


def test_missing_values_ask_to_be_filled_in(profile):
    checks = {c.code: c for c in check_position({}, profile=profile, today=TODAY)}
    assert checks["pay_floor"].explanation.startswith("请先填写")
    assert not checks["night_shift"].passed


def test_the_snapshot_comes_back_as_checks(profile):
    checks = check_position(_fields(), profile=profile, today=TODAY)
    assert from_snapshot([check.as_dict() for check in checks]) == checks


def test_add_months_keeps_the_end_of_month():
    assert add_months(datetime.date(2026, 8, 31), 6) == datetime.date(2027, 2, 28)
