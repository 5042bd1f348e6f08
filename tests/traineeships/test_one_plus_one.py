"""The "1+1" subsidy (issue 7: "The raised rate is applied backwards"): every month at the base rate, and at the end
of a traineeship a one-off top-up of (raised − base rate) over its paid months when the unit's retention over the
assessment window reaches the threshold. Exact figures: the pure computation, then a unit at 40 % and later at
60 % retention through the services, the daily job and the roster page."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from tests import factories
from tests.traineeships.test_placements import approved_application, on_post_placement, wage_parameter
from traineeships.models import EndReason, MonthlyReport, Placement, PlacementStatus, RetentionOutcome
from traineeships.services import placements as placement_services
from traineeships.services.expiry import expire_placements
from traineeships.services.roster import Rates, TopUpBasis, TraineeInput, compute_roster, roster_for_base

pytest_plugins = ["tests.traineeships.test_placements"]

RATES = Rates(Decimal("2100.00"), Decimal("0.600"), Decimal("0.700"), Decimal("0.500"), Decimal("240.00"))
CODES = ("410105", "410100", "410000")
D = datetime.date


def trainee(start, end, top_up=None, key=1):
    return TraineeInput(key=key, name="王见习", id_number="410105200103071234", post_title="测试", start_on=start,
                        end_on=end, region_codes=CODES, top_up=top_up)


def basis(retained, ended, due=D(2026, 9, 2)):
    return TopUpBasis(ended_on=D(2026, 8, 31), due_on=due, retained=retained, ended=ended,
                      window_first=D(2026, 3, 1), window_last=D(2026, 8, 1))


def compute(trainees, first, last, reports=None, rates_for=None):
    return compute_roster(trainees=trainees, first_month=first, last_month=last, reports=reports or {},
                          rates_for=rates_for or (lambda codes, month: RATES))


APRIL_AWAY = {(1, D(2026, 4, 1)): False}


# ---------------------------------------------------------------- the computation


def test_top_up_at_the_threshold_over_the_paid_months_pro_rata():
    person = trainee(D(2026, 3, 15), D(2026, 8, 31), basis(retained=3, ended=5))
    at_end = compute([person], D(2026, 9, 1), D(2026, 9, 1), reports=APRIL_AWAY)
    line = at_end.lines[0]
    assert line.months == [] and line.insurance is None
    # 2100 × 10 % × 17/31 = 115.161… → 115.16; April not on post: nothing; May–August 210 each.
    assert (line.top_up.amount, line.top_up.month, line.top_up.due_on) == (
        Decimal("955.16"), D(2026, 8, 1), D(2026, 9, 2))
    assert line.total == Decimal("955.16") and at_end.total == at_end.top_up_total == Decimal("955.16")
    assert line.top_up.explanation == (
        "见习结束一次性补差（“1+1”）：2026年8月31日见习结束；本单位考核期2026年3月至2026年8月结束见习 5 人、留用 3 人，"
        "留用率 60%，达到 50%；补差 955.16 元（2026年9月2日留用情况确定后计发；各月："
        "2026年3月 2100 元 × （70% − 60%） × 17/31 = 115.16 元；2026年5月 2100 元 × （70% − 60%） = 210 元；"
        "2026年6月 2100 元 × （70% − 60%） = 210 元；2026年7月 2100 元 × （70% − 60%） = 210 元；"
        "2026年8月 2100 元 × （70% − 60%） = 210 元）")
    assert line.explanations == [line.top_up.explanation]


def test_below_the_threshold_no_top_up_and_the_line_says_why():
    person = trainee(D(2026, 3, 15), D(2026, 8, 31), basis(retained=2, ended=5))
    roster = compute([person], D(2026, 9, 1), D(2026, 9, 1), reports=APRIL_AWAY)
    line = roster.lines[0]
    assert (line.top_up, line.total, roster.total) == (None, Decimal("0.00"), Decimal("0.00"))
    assert line.top_up_note == (
        "见习结束一次性补差（“1+1”）：2026年8月31日见习结束；本单位考核期2026年3月至2026年8月结束见习 5 人、留用 2 人，"
        "留用率 40%，未达到 50%，不补差")
    assert line.explanations == [line.top_up_note]


def test_months_never_change_with_the_retention_and_the_top_up_is_in_one_period_only():
    months = D(2026, 3, 1), D(2026, 8, 1)
    low = compute([trainee(D(2026, 3, 15), D(2026, 8, 31), basis(2, 5))], *months, reports=APRIL_AWAY)
    high = compute([trainee(D(2026, 3, 15), D(2026, 8, 31), basis(3, 5))], *months, reports=APRIL_AWAY)
    expected = [Decimal("690.97"), Decimal("0.00"), Decimal("1260.00"), Decimal("1260.00"), Decimal("1260.00"),
                Decimal("1260.00")]
    assert [m.amount for m in low.lines[0].months] == [m.amount for m in high.lines[0].months] == expected
    assert low.total == high.total == Decimal("5730.97")  # due in September: not in the March–August roster
    assert high.lines[0].top_up is None and high.lines[0].top_up_note == ""
    whole_year = compute([trainee(D(2026, 3, 15), D(2026, 8, 31), basis(3, 5))], D(2026, 1, 1), D(2026, 12, 1),
                         reports=APRIL_AWAY)
    assert whole_year.total == Decimal("6686.13")  # 5730.97 + 955.16, once
    october = compute([trainee(D(2026, 3, 15), D(2026, 8, 31), basis(3, 5))], D(2026, 10, 1), D(2026, 12, 1))
    assert october.lines == []


def test_each_months_own_parameter_gives_the_difference():
    later = Rates(Decimal("2300.00"), Decimal("0.600"), Decimal("0.800"), Decimal("0.500"), Decimal("240.00"))
    rates = lambda codes, month: later if month >= D(2026, 5, 1) else RATES  # noqa: E731
    person = trainee(D(2026, 3, 1), D(2026, 5, 31), TopUpBasis(
        ended_on=D(2026, 5, 31), due_on=D(2026, 6, 1), retained=1, ended=1, window_first=D(2025, 6, 1),
        window_last=D(2026, 5, 1)))
    roster = compute([person], D(2026, 3, 1), D(2026, 6, 1), rates_for=rates)
    line = roster.lines[0]
    assert [m.amount for m in line.months] == [Decimal("1260.00"), Decimal("1260.00"), Decimal("1380.00")]
    # 210 + 210 + 2300 × 20 % = 460; the threshold is the end month's (May).
    assert line.top_up.amount == Decimal("880.00") and line.total == Decimal("4780.00")


def test_without_a_parameter_for_the_end_month_the_top_up_waits():
    person = trainee(D(2026, 3, 1), D(2026, 8, 31), basis(3, 5))
    roster = compute([person], D(2026, 9, 1), D(2026, 9, 1),
                     rates_for=lambda codes, month: None if month == D(2026, 8, 1) else RATES)
    assert roster.lines[0].top_up is None
    assert roster.lines[0].top_up_note.endswith("该地区未设置2026年8月的参数，无法判断留用率是否达标，暂不补差")


# ---------------------------------------------------------------- a unit at 40 %, then at 60 %


def history(post, admin, *, ended_on, retained, settled_on):
    """A traineeship of the same base that ended earlier, as the daily job and the unit left it."""
    person = factories.individual()
    return Placement.objects.create(
        application=approved_application(post, person), person=person, post=post, base=post.base,
        start_on=ended_on - datetime.timedelta(days=120), end_on=ended_on, monthly_allowance=Decimal("2200"),
        insurance_company="中国人寿", insurance_policy_number="P1", insurance_premium=Decimal("100"),
        insurance_sum_insured=Decimal("500000"), status=PlacementStatus.EXPIRED, ended_on=ended_on,
        end_reason=EndReason.COMPLETED, retention_due_on=ended_on + datetime.timedelta(days=30),
        retention_outcome=RetentionOutcome.RETAINED if retained else RetentionOutcome.NOT_RETAINED,
        retained_on=ended_on + datetime.timedelta(days=1) if retained else None, retention_settled_on=settled_on,
        created_by=admin)


@pytest.fixture
def on_day(monkeypatch):
    def set_day(day):
        monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: day)
        return day
    return set_day


def amounts(roster, *placements):
    keys = {placement.pk for placement in placements}
    return {line.trainee.key: [month.amount for month in line.months] for line in roster.lines
            if line.trainee.key in keys}


def line_of(roster, placement):
    return next(line for line in roster.lines if line.trainee.key == placement.pk)


@pytest.mark.django_db
def test_a_unit_at_40_then_at_60_percent(client, admin_a, post_a, base_a, county_reviewer_a, wage, on_day):
    # 金水区 assesses the retention over 6 months from August 2026 (the city's parameter: 12).
    wage_parameter(county_reviewer_a, region_code="410105", valid_from=D(2026, 8, 1), retention_window_months=6)
    first = on_post_placement(approved_application(post_a, real_name="甲见习"), admin_a, county_reviewer_a,
                              start_on=D(2026, 3, 1), end_on=D(2026, 5, 31))
    second = on_post_placement(approved_application(post_a, real_name="乙见习"), admin_a, county_reviewer_a,
                               start_on=D(2026, 3, 15), end_on=D(2026, 8, 31))
    MonthlyReport.objects.create(placement=second, month=D(2026, 4, 1), on_post=False, reported_by=admin_a,
                                 reported_at=timezone.now())
    # January: 2 of 4 retained.
    for retained in (True, True, False, False):
        history(post_a, admin_a, ended_on=D(2026, 1, 31), retained=retained, settled_on=D(2026, 2, 1))
    spring = roster_for_base(base_a, D(2026, 3, 1), D(2026, 5, 1))
    before = amounts(spring, first, second)
    assert before == {first.pk: [Decimal("1260.00")] * 3,
                      second.pk: [Decimal("690.97"), Decimal("0.00"), Decimal("1260.00")]}
    assert all(line.top_up is None and not line.top_up_note for line in spring.lines)  # nobody has ended

    # The first traineeship expires on 1 June; the unit registers 未留用 on 3 June: 2 of 5 = 40 %.
    assert expire_placements(today=D(2026, 6, 1)) == 1
    on_day(D(2026, 6, 3))
    placement_services.register_not_retained(placement=first, actor=admin_a)
    june = roster_for_base(base_a, D(2026, 6, 1), D(2026, 6, 1))
    line = line_of(june, first)
    assert line.top_up is None and line.total == Decimal("0.00")
    assert line.top_up_note == (
        "见习结束一次性补差（“1+1”）：2026年5月31日见习结束；本单位考核期2025年6月至2026年5月结束见习 5 人、留用 2 人，"
        "留用率 40%，未达到 50%，不补差")

    # Summer: three more end (two retained), settled in July and August. (They are paid and topped up too: the
    # assertions below look at the two traineeships followed.)
    history(post_a, admin_a, ended_on=D(2026, 6, 30), retained=True, settled_on=D(2026, 7, 1))
    history(post_a, admin_a, ended_on=D(2026, 7, 31), retained=True, settled_on=D(2026, 8, 1))
    history(post_a, admin_a, ended_on=D(2026, 7, 31), retained=False, settled_on=D(2026, 8, 1))
    # The second traineeship on post: no top-up before its end, whatever the rate.
    august = line_of(roster_for_base(base_a, D(2026, 8, 1), D(2026, 8, 1)), second)
    assert (august.top_up, august.top_up_note, august.total) == (None, "", Decimal("1260.00"))
    assert expire_placements(today=D(2026, 9, 1)) == 1
    assert roster_for_base(base_a, D(2026, 9, 1), D(2026, 9, 1)).lines == []  # ended, 留用 not registered yet
    on_day(D(2026, 9, 2))
    placement_services.register_retention(placement=second, actor=admin_a, retained_on=D(2026, 9, 1),
                                          contract="HT-2026-015")
    # Window March–August 2026 (the August parameter): 甲 not retained, three of summer, 乙 retained: 3 of 5.
    september = roster_for_base(base_a, D(2026, 9, 1), D(2026, 9, 1))
    (line,) = september.lines
    assert (line.trainee.key, line.months, line.top_up.amount, line.total) == (
        second.pk, [], Decimal("955.16"), Decimal("955.16"))
    assert line.top_up.explanation.startswith(
        "见习结束一次性补差（“1+1”）：2026年8月31日见习结束；本单位考核期2026年3月至2026年8月结束见习 5 人、留用 3 人，"
        "留用率 60%，达到 50%；补差 955.16 元（2026年9月2日留用情况确定后计发；")

    # The months claimed before are the same after; the first traineeship gets no top-up afterwards either.
    after = roster_for_base(base_a, D(2026, 3, 1), D(2026, 5, 1))
    assert amounts(after, first, second) == before
    assert line_of(roster_for_base(base_a, D(2026, 6, 1), D(2026, 6, 1)), first).top_up is None
    # A traineeship of the window settled later (未留用 on 10 September) does not change the top-up already due.
    history(post_a, admin_a, ended_on=D(2026, 8, 20), retained=False, settled_on=D(2026, 9, 10))
    again = roster_for_base(base_a, D(2026, 9, 1), D(2026, 9, 1))
    assert line_of(again, second).top_up.explanation == line.top_up.explanation
    assert again.retention_text.startswith("考核期2026年4月至2026年9月留用率 = 留用 3 人 ÷ 结束见习 6 人 = 50%；")
    # The whole year: each month once, the insurance premiums once, the top-up once.
    year = roster_for_base(base_a, D(2026, 1, 1), D(2026, 12, 1))
    assert (line_of(year, first).total, line_of(year, second).total) == (
        Decimal("3900.00"), Decimal("5730.97") + Decimal("120.00") + Decimal("955.16"))
    assert line_of(year, first).top_up is None

    # The page, the Excel file and the PDF say it.
    client.force_login(admin_a)
    query = {"first_month": "2026-09", "last_month": "2026-09"}
    page = client.get(reverse("traineeships:roster"), query).content.decode()
    assert f'<tr data-trainee="{second.pk}">' in page
    assert f'<div data-testid="top-up-line">{line.top_up.explanation}</div>' in page
    xlsx = client.get(reverse("traineeships:roster"), {**query, "format": "xlsx"})
    rows = CalamineWorkbook.from_filelike(io.BytesIO(xlsx.content)).get_sheet_by_index(0).to_python()
    row = next(row for row in rows if row[1] == "乙见习")
    assert (rows[3][11], row[8], row[11]) == ("其中见习结束一次性补差（元）", 955.16, 955.16)
    assert row[9] == line.top_up.explanation
    pdf = client.get(reverse("traineeships:roster"), {**query, "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
