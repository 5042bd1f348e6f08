"""补贴经费花名册: the computation with exact amounts (pure), and the pages and files through HTTP."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from tests.traineeships.test_placements import on_post_placement
from traineeships.models import MonthlyReport
from traineeships.services.roster import Rates, TraineeInput, compute_roster

pytest_plugins = ["tests.traineeships.test_placements"]

RATES = Rates(Decimal("2100.00"), Decimal("0.600"), Decimal("0.700"), Decimal("0.500"))
CODES = ("410105", "410100", "410000")


def trainee(start, end, key=1, **extra):
    return TraineeInput(key=key, name="王见习", id_number="410105200103071234", post_title="测试", start_on=start,
                        end_on=end, region_codes=CODES, **extra)


def rates_until(last_month):
    """Parameters set up to (and including) `last_month`, none after."""
    return lambda codes, month: RATES if month <= last_month else None


def compute(trainees, first, last, reports=None, retained=0, ended=0, rates_for=None):
    return compute_roster(trainees=trainees, first_month=first, last_month=last, reports=reports or {},
                          rates_for=rates_for or (lambda codes, month: RATES), retained=retained, ended=ended)


def test_full_months_at_the_base_rate():
    roster = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31))],
                     datetime.date(2026, 1, 1), datetime.date(2026, 12, 1))
    line = roster.lines[0]
    assert [month.amount for month in line.months] == [Decimal("1260.00")] * 3
    assert line.total == Decimal("3780.00") and roster.total == Decimal("3780.00")
    assert line.months[0].explanation == "2026年3月：在岗；最低工资 2100 元 × 60% = 1260 元"
    assert roster.retention_text == "尚无结束见习的人员，留用率暂不适用，按基础比例计算"


def test_partial_months_are_paid_by_calendar_days():
    roster = compute([trainee(datetime.date(2026, 3, 15), datetime.date(2026, 6, 14))],
                     datetime.date(2026, 3, 1), datetime.date(2026, 6, 1))
    months = roster.lines[0].months
    # 1260 × 17/31 = 690.967… → 690.97; 1260 × 14/30 = 588.00
    assert [(month.days, month.amount) for month in months] == [
        (17, Decimal("690.97")), (30, Decimal("1260.00")), (31, Decimal("1260.00")), (14, Decimal("588.00"))]
    assert months[0].explanation == "2026年3月：在岗 17/31 天；最低工资 2100 元 × 60% × 17/31 = 690.97 元"
    assert roster.lines[0].total == Decimal("3798.97")


def test_period_intersection_month_without_parameter_and_not_on_post_report():
    roster = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 8, 31))],
                     datetime.date(2026, 5, 1), datetime.date(2026, 12, 1),
                     reports={(1, datetime.date(2026, 6, 1)): False, (1, datetime.date(2026, 5, 1)): True},
                     rates_for=rates_until(datetime.date(2026, 7, 1)))
    months = roster.lines[0].months
    assert [month.month.month for month in months] == [5, 6, 7, 8]
    assert [month.amount for month in months] == [Decimal("1260.00"), Decimal("0.00"), Decimal("1260.00"),
                                                   Decimal("0.00")]
    assert months[1].explanation == "2026年6月：单位上报当月不在岗，不计补贴；0 元"
    assert months[3].explanation == "2026年8月：在岗；该地区未设置当月最低工资标准，暂按 0 元计"
    assert [month.month.month for month in roster.lines[0].paid_months] == [5, 7]


def test_raised_rate_from_the_threshold():
    below = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31))],
                    datetime.date(2026, 3, 1), datetime.date(2026, 3, 1), retained=1, ended=3)
    assert below.lines[0].total == Decimal("1260.00")
    assert below.retention_text == "留用率 = 留用 1 人 ÷ 结束见习 3 人 = 33.3%"
    at = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31))],
                 datetime.date(2026, 3, 1), datetime.date(2026, 3, 1), retained=1, ended=2)
    assert at.lines[0].total == Decimal("1470.00")
    assert at.lines[0].months[0].explanation == (
        "2026年3月：在岗；最低工资 2100 元 × 70% = 1470 元（留用率达到 50%，按提高比例）")


def test_trainee_outside_the_period_is_not_listed():
    roster = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31))],
                     datetime.date(2026, 6, 1), datetime.date(2026, 7, 1))
    assert roster.lines == [] and roster.total == Decimal("0.00")


# ---------------------------------------------------------------- the pages


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    placement = on_post_placement(application, admin_a, county_reviewer_a)
    MonthlyReport.objects.create(placement=placement, month=datetime.date(2026, 4, 1), on_post=False,
                                 reported_by=admin_a, reported_at=placement.created_at)
    return placement


ROSTER = reverse("traineeships:roster")
PERIOD = {"first_month": "2026-01", "last_month": "2026-12"}


@pytest.mark.django_db
def test_unit_roster_page_and_files(client, admin_a, placement):
    client.force_login(admin_a)
    page = client.get(ROSTER, PERIOD).content.decode()
    # March, May–August paid (5 × 1260), April reported not on post.
    assert 'data-testid="roster-total">6300.00<' in page
    assert "2026年4月：单位上报当月不在岗，不计补贴；0 元" in page
    xlsx = client.get(ROSTER, {**PERIOD, "format": "xlsx"})
    rows = CalamineWorkbook.from_filelike(io.BytesIO(xlsx.content)).get_sheet_by_index(0).to_python()
    assert rows[4][1:4] == ["王见习", placement.person.id_number, "软件测试见习生"]
    assert rows[4][8] == 6300.0 and rows[5][8] == 6300.0
    pdf = client.get(ROSTER, {**PERIOD, "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    bad = client.get(ROSTER, {"first_month": "2026-05", "last_month": "2026-03"}).content.decode()
    assert "截止月份不能早于起始月份" in bad


@pytest.mark.django_db
def test_hr_roster_within_jurisdiction(client, placement, county_reviewer_a, county_reviewer_b, outsider):
    base = placement.base
    client.force_login(county_reviewer_a)
    page = client.get(ROSTER, {**PERIOD, "base": base.pk}).content.decode()
    assert 'data-testid="roster-total">6300.00<' in page
    client.force_login(county_reviewer_b)
    assert client.get(ROSTER, {**PERIOD, "base": base.pk}).status_code == 404
    client.force_login(outsider)
    assert client.get(ROSTER, PERIOD).status_code == 403
