"""补贴经费花名册: the computation with exact amounts (pure), and the pages and files through HTTP."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from audit.models import AuditEntry
from tests.traineeships.test_placements import on_post_placement
from traineeships.models import MonthlyReport
from traineeships.services.roster import Rates, TraineeInput, compute_roster

pytest_plugins = ["tests.traineeships.test_placements"]

RATES = Rates(Decimal("2100.00"), Decimal("0.600"), Decimal("0.700"), Decimal("0.500"), Decimal("240.00"))
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
    assert roster.retention_text == ("尚无已确定留用情况的结束见习人员；按“1+1”办法，每月按基础比例计发，"
                                     "见习结束后单位留用率达标的，一次性补发提高比例与基础比例的差额")


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


def test_months_stay_at_the_base_rate_whatever_the_retention():
    """Issue 7: the raised rate was applied to every month once the retention reached the threshold. Under "1+1"
    a month is always paid at the base rate; the retention only decides the top-up at the end."""
    below = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31))],
                    datetime.date(2026, 3, 1), datetime.date(2026, 3, 1), retained=1, ended=3)
    assert below.lines[0].total == Decimal("1260.00")
    assert below.retention_text.startswith("留用率 = 留用 1 人 ÷ 结束见习 3 人 = 33.3%；按“1+1”办法")
    at = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31))],
                 datetime.date(2026, 3, 1), datetime.date(2026, 3, 1), retained=1, ended=2)
    assert at.lines[0].total == Decimal("1260.00") and at.lines[0].top_up is None
    assert at.lines[0].months[0].explanation == "2026年3月：在岗；最低工资 2100 元 × 60% = 1260 元"


def test_trainee_outside_the_period_is_not_listed():
    roster = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31))],
                     datetime.date(2026, 6, 1), datetime.date(2026, 7, 1))
    assert roster.lines == [] and roster.total == Decimal("0.00")


# ---------------------------------------------------------------- the accident-insurance subsidy


def test_insurance_premium_above_the_cap_is_paid_up_to_the_cap_once():
    roster = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31), insurance_premium=Decimal("300"))],
                     datetime.date(2026, 1, 1), datetime.date(2026, 12, 1))
    line = roster.lines[0]
    assert line.allowance_total == Decimal("3780.00") and line.insurance_amount == Decimal("240.00")
    assert line.total == Decimal("4020.00") and roster.total == Decimal("4020.00")
    assert roster.insurance_total == Decimal("240.00")
    assert line.insurance.explanation == (
        "意外伤害保险补贴：保费 300 元，超过上限 240 元/人，按上限计 240 元（每人见习期内计一次）")
    assert line.explanations[-1] == line.insurance.explanation and len(line.explanations) == 4


def test_insurance_premium_below_the_cap_is_paid_in_full_with_cents():
    roster = compute([trainee(datetime.date(2026, 3, 15), datetime.date(2026, 6, 14),
                              insurance_premium=Decimal("180.50"))],
                     datetime.date(2026, 3, 1), datetime.date(2026, 6, 1))
    line = roster.lines[0]
    assert line.insurance_amount == Decimal("180.50") and line.total == Decimal("3979.47")  # 3798.97 + 180.50
    assert line.insurance.explanation == (
        "意外伤害保险补贴：保费 180.50 元，未超过上限 240 元/人，按实缴保费计 180.50 元（每人见习期内计一次）")


def test_insurance_belongs_to_the_period_of_the_start_month_only():
    """Rosters of successive periods: the insurance is in the first (start month) and never again."""
    person = trainee(datetime.date(2026, 3, 1), datetime.date(2026, 8, 31), insurance_premium=Decimal("300"))
    first = compute([person], datetime.date(2026, 1, 1), datetime.date(2026, 4, 1))
    later = compute([person], datetime.date(2026, 5, 1), datetime.date(2026, 8, 1))
    assert first.lines[0].insurance_amount == Decimal("240.00") and first.total == Decimal("2760.00")
    assert later.lines[0].insurance is None and later.total == Decimal("5040.00")


def test_insurance_is_paid_even_when_the_start_month_is_reported_not_on_post():
    roster = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31), insurance_premium=Decimal("100"))],
                     datetime.date(2026, 3, 1), datetime.date(2026, 3, 1),
                     reports={(1, datetime.date(2026, 3, 1)): False})
    assert roster.lines[0].months[0].amount == Decimal("0.00")
    assert roster.total == Decimal("100.00")


def test_insurance_without_a_parameter_for_the_start_month_counts_zero():
    roster = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31), insurance_premium=Decimal("100"))],
                     datetime.date(2026, 3, 1), datetime.date(2026, 5, 1),
                     rates_for=lambda codes, month: None if month.month == 3 else RATES)
    line = roster.lines[0]
    assert line.insurance_amount == Decimal("0.00") and line.total == Decimal("2520.00")
    assert line.insurance.explanation == (
        "意外伤害保险补贴：保费 100 元；该地区未设置2026年3月（见习开始当月）的保险补贴上限，暂按 0 元计")


def test_the_start_months_cap_applies_not_a_later_one():
    later_cap = Rates(Decimal("2100.00"), Decimal("0.600"), Decimal("0.700"), Decimal("0.500"), Decimal("300.00"))
    roster = compute([trainee(datetime.date(2026, 3, 1), datetime.date(2026, 5, 31), insurance_premium=Decimal("280"))],
                     datetime.date(2026, 3, 1), datetime.date(2026, 5, 1),
                     rates_for=lambda codes, month: RATES if month.month == 3 else later_cap)
    assert roster.lines[0].insurance_amount == Decimal("240.00")


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
    # March, May–August paid (5 × 1260 = 6300), April reported not on post; plus the premium of 120 元 under
    # the region's cap of 240 元.
    assert 'data-testid="roster-total">6420.00<' in page
    assert 'data-testid="insurance-total">120.00<' in page
    assert "2026年4月：单位上报当月不在岗，不计补贴；0 元" in page
    assert ('<div data-testid="insurance-line">意外伤害保险补贴：保费 120 元，未超过上限 240 元/人，按实缴保费计 120 元'
            '（每人见习期内计一次）</div>') in page
    xlsx = client.get(ROSTER, {**PERIOD, "format": "xlsx"})
    rows = CalamineWorkbook.from_filelike(io.BytesIO(xlsx.content)).get_sheet_by_index(0).to_python()
    assert rows[4][1:4] == ["王见习", placement.person.id_number, "软件测试见习生"]
    assert rows[4][8] == 6420.0 and rows[5][8] == 6420.0
    assert rows[4][10] == 120.0 and rows[5][10] == 120.0
    assert rows[4][9].endswith(
        "意外伤害保险补贴：保费 120 元，未超过上限 240 元/人，按实缴保费计 120 元（每人见习期内计一次）")
    pdf = client.get(ROSTER, {**PERIOD, "format": "pdf"})
    assert pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    bad = client.get(ROSTER, {"first_month": "2026-05", "last_month": "2026-03"}).content.decode()
    assert "截止月份不能早于起始月份" in bad
    # A ?format= that is neither button's: the message above the page, no roster and nothing exported.
    for tampered in ("docx", "XLSX", "pdf "):
        response = client.get(ROSTER, {**PERIOD, "format": tampered})
        page = response.content.decode()
        assert response["Content-Type"].startswith("text/html") and 'data-testid="roster"' not in page
        assert ('<div class="alert alert-warning py-2" role="alert" data-field-error="format">'
                "没有该导出格式，请用页面上的“导出 Excel”或“打印 PDF”</div>") in page, tampered
    assert not AuditEntry.objects.filter(action="traineeships.roster_exported", after__format="docx").exists()
    assert AuditEntry.objects.filter(action="traineeships.roster_exported").count() == 2


@pytest.mark.django_db
def test_roster_caps_the_premium_with_the_region_parameter(client, admin_a, application, county_reviewer_a, wage):
    """Through the onboarding data: a 360 元 premium, the 金水区 parameter's cap of 200 元 wins over the city's."""
    from tests.traineeships.test_placements import wage_parameter

    wage_parameter(county_reviewer_a, region_code="410105", insurance_subsidy_cap=Decimal("200"))
    placement = on_post_placement(application, admin_a, county_reviewer_a, insurance_premium=Decimal("360"))
    client.force_login(admin_a)
    page = client.get(ROSTER, {"first_month": "2026-03", "last_month": "2026-03"}).content.decode()
    # March: 1260 + the capped 200.
    assert f'<tr data-trainee="{placement.pk}">' in page
    assert 'data-testid="roster-total">1460.00<' in page
    assert "意外伤害保险补贴：保费 360 元，超过上限 200 元/人，按上限计 200 元（每人见习期内计一次）" in page
    later = client.get(ROSTER, {"first_month": "2026-04", "last_month": "2026-04"}).content.decode()
    assert 'data-testid="roster-total">1260.00<' in later and 'data-testid="insurance-line"' not in later


@pytest.mark.django_db
def test_hr_roster_within_jurisdiction(client, placement, county_reviewer_a, county_reviewer_b, outsider):
    base = placement.base
    client.force_login(county_reviewer_a)
    page = client.get(ROSTER, {**PERIOD, "base": base.pk}).content.decode()
    assert 'data-testid="roster-total">6420.00<' in page
    client.force_login(county_reviewer_b)
    assert client.get(ROSTER, {**PERIOD, "base": base.pk}).status_code == 404
    client.force_login(outsider)
    assert client.get(ROSTER, PERIOD).status_code == 403


@pytest.mark.django_db
def test_a_unit_without_a_base_is_told_what_to_do_first(client, admin_a):
    client.force_login(admin_a)
    for query in ({}, {"format": "xlsx"}, {"format": "pdf"}):
        response = client.get(reverse("traineeships:roster"), query)
        assert response.status_code == 200
        html = response.content.decode()
        assert 'data-testid="roster-no-base"' in html and "本单位还没有就业见习基地" in html
        assert f'href="{reverse("traineeships:base")}"' in html
