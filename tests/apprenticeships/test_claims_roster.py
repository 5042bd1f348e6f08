"""The claim roster (apprenticeships.services.roster): exact amounts per type and stage, the uplift, the windows
and each refusal with the rule named. Dates are fixed (2026 classes, `today=`), so the windows are deterministic."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from apprenticeships.models import (
    ApprenticeshipType,
    ClaimStage,
    FilingStatus,
    ShortageOccupation,
    SubsidyStandard,
    TargetLevel,
)
from apprenticeships.services.roster import compute_line, money, percent, training_years
from claims.models import Claim, ClaimLine, LineKind
from tests import factories
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db

START = datetime.date(2026, 3, 1)
END = datetime.date(2027, 2, 28)  # 12 months


def enrolment(enterprise, *, kind=ApprenticeshipType.ENTERPRISE, starts_on=START, ends_on=END,
              level=TargetLevel.SENIOR, approved_at=None, **fields):
    from accounts.models import User

    by = User.objects.filter(organisation=enterprise).first()
    filing = ap.filing(enterprise, by=by, kind=kind, status=FilingStatus.APPROVED, starts_on=starts_on,
                       ends_on=ends_on, **fields)
    if level != TargetLevel.SENIOR:
        filing.training_class.target_level = level
        filing.training_class.save()
    if approved_at is not None:
        filing.approved_at = approved_at
        filing.save()
    return ap.trainee(filing, name="钱学徒")


def test_training_years_are_whole_months_over_twelve():
    assert training_years(datetime.date(2026, 1, 1), datetime.date(2026, 12, 31)) == Decimal("1.00")
    assert training_years(datetime.date(2026, 3, 15), datetime.date(2027, 9, 14)) == Decimal("1.50")
    assert training_years(datetime.date(2026, 1, 1), datetime.date(2027, 12, 31)) == Decimal("2.00")
    assert training_years(datetime.date(2026, 1, 1), datetime.date(2027, 1, 20)) == Decimal("1.00")  # days dropped
    assert money(Decimal("6000")) == "6,000" and money(Decimal("2880.5")) == "2,880.50"
    assert percent(Decimal("0.400")) == "40%" and percent(Decimal("0.125")) == "12.5%"


def test_advance_of_a_filed_enterprise(enterprise_a, admin_a):
    line = compute_line(enrolment(enterprise_a), ClaimStage.ADVANCE, today=datetime.date(2026, 4, 10))
    assert (line.refused, line.kind, line.amount) == ("", LineKind.ADVANCE, Decimal("2400.00"))
    assert line.explanation == "补贴标准 6,000 元/年 × 培训期 1.00 年 × 预支比例 40% = 2,400.00 元"
    assert line.detail["years"] == "1.00" and line.detail["standard"] == "6000.00"


def test_advance_with_the_shortage_uplift_for_senior_levels(enterprise_a, admin_a):
    ShortageOccupation.objects.create(region=factories.region("410100"), year=2026, occupation="电工",
                                      uplift_rate=Decimal("0.20"), source="紧缺急需目录",
                                      set_by=factories.UserFactory())
    line = compute_line(enrolment(enterprise_a), ClaimStage.ADVANCE, today=datetime.date(2026, 3, 1))
    assert line.amount == Decimal("2880.00")
    assert line.explanation == ("补贴标准 6,000 元/年 × 培训期 1.00 年 × (1 + 紧缺急需上浮 20%) × 预支比例 40% "
                                "= 2,880.00 元")
    # 中级工 is below the uplift levels: no uplift even in the list.
    intermediate = compute_line(enrolment(enterprise_a, level=TargetLevel.INTERMEDIATE), ClaimStage.ADVANCE,
                                today=datetime.date(2026, 3, 1))
    assert intermediate.amount == Decimal("2000.00")
    assert "紧缺急需" not in intermediate.explanation


def test_two_year_technician_class(enterprise_b, admin_b):
    trainee = enrolment(enterprise_b, kind=ApprenticeshipType.TECHNICIAN, level=TargetLevel.TECHNICIAN,
                        ends_on=datetime.date(2028, 2, 29))
    # 技培生 without a recognition on the filing is a filed enterprise: 40 % within 3 months after the start.
    line = compute_line(trainee, ClaimStage.ADVANCE, today=datetime.date(2026, 6, 1))
    assert line.amount == Decimal("5600.00")
    assert line.explanation == "补贴标准 7,000 元/年 × 培训期 2.00 年 × 预支比例 40% = 5,600.00 元"


def test_ecosystem_advance_after_the_listing(enterprise_a, admin_a):
    city = factories.region("410100")
    recognition = ap.recognition(enterprise_a, city)
    approved = timezone.make_aware(datetime.datetime(2026, 2, 10, 10, 0))
    trainee = enrolment(enterprise_a, kind=ApprenticeshipType.STUDENT, recognition=recognition,
                        approved_at=approved)
    early = compute_line(trainee, ClaimStage.ADVANCE, today=datetime.date(2026, 3, 9))
    assert early.refused == "生态链企业的学徒备案列名满 1 个月后方可申领预支（2026-03-10 起）"
    line = compute_line(trainee, ClaimStage.ADVANCE, today=datetime.date(2026, 3, 10))
    assert line.amount == Decimal("1500.00")
    assert line.explanation == "补贴标准 5,000 元/年 × 培训期 1.00 年 × 预支比例 30% = 1,500.00 元"
    # No upper window for the 生态链 advance until the class ends (2026-09 is still fine).
    assert compute_line(trainee, ClaimStage.ADVANCE, today=datetime.date(2026, 9, 1)).amount == Decimal("1500.00")


def test_advance_windows_of_a_filed_enterprise(enterprise_a, admin_a):
    trainee = enrolment(enterprise_a)
    assert compute_line(trainee, ClaimStage.ADVANCE, today=datetime.date(2026, 2, 28)).refused == (
        "培训班尚未开班（2026-03-01 开班），开班后方可申领预支")
    assert compute_line(trainee, ClaimStage.ADVANCE, today=datetime.date(2026, 6, 1)).amount == Decimal("2400.00")
    assert compute_line(trainee, ClaimStage.ADVANCE, today=datetime.date(2026, 6, 2)).refused == (
        "预支须在开班后 3 个月内申领（截至 2026-06-01），已超出申领期限")
    assert compute_line(trainee, ClaimStage.ADVANCE, today=datetime.date(2027, 3, 1)).refused == (
        "培训期已于 2027-02-28 结束，不能再申领预支，请申领清算")


def test_balance_minus_the_advance_counted(enterprise_a, admin_a):
    trainee = enrolment(enterprise_a)
    trainee.certificate_level, trainee.certificate_number = TargetLevel.SENIOR, "Z-1"
    trainee.save()
    today = datetime.date(2027, 3, 15)
    line = compute_line(trainee, ClaimStage.BALANCE, today=today)
    assert (line.kind, line.amount) == (LineKind.BALANCE, Decimal("6000.00"))
    assert line.explanation == "补贴标准 6,000 元/年 × 培训期 1.00 年 = 6,000.00 元"
    advance = Claim.objects.create(programme="apprenticeships", organisation=enterprise_a, number="XTBT-2026-900001",
                                   first_month=datetime.date(2026, 4, 1), last_month=datetime.date(2026, 4, 1),
                                   status="approved", created_by=admin_a)
    ClaimLine.objects.create(claim=advance, programme="apprenticeships", organisation=enterprise_a, counted=True,
                             kind=LineKind.ADVANCE, person=trainee.person,
                             subject=f"apprenticeships.trainee:{trainee.pk}", amount=Decimal("2400.00"),
                             explanation="预支")
    line = compute_line(trainee, ClaimStage.BALANCE, today=today)
    assert line.amount == Decimal("3600.00")
    assert line.explanation == "补贴标准 6,000 元/年 × 培训期 1.00 年 = 6,000.00 元，− 已预支 2,400.00 元 = 3,600.00 元"
    # A higher certificate than the target also qualifies.
    trainee.certificate_level = TargetLevel.TECHNICIAN
    assert compute_line(trainee, ClaimStage.BALANCE, today=today).amount == Decimal("3600.00")


def test_balance_refusals(enterprise_a, admin_a):
    trainee = enrolment(enterprise_a)
    assert compute_line(trainee, ClaimStage.BALANCE, today=datetime.date(2027, 2, 28)).refused == (
        "培训期至 2027-02-28 结束，期满后方可申领清算")
    assert compute_line(trainee, ClaimStage.BALANCE, today=datetime.date(2027, 3, 1)).refused == (
        "未取得高级工（三级）及以上职业技能等级证书（学徒经评价考核合格后方可申领清算）")
    trainee.certificate_level = TargetLevel.INTERMEDIATE  # below the target
    assert compute_line(trainee, ClaimStage.BALANCE, today=datetime.date(2027, 3, 1)).refused.startswith("未取得高级工")
    trainee.certificate_level = TargetLevel.SENIOR
    assert compute_line(trainee, ClaimStage.BALANCE, today=datetime.date(2028, 2, 28)).amount == Decimal("6000.00")
    assert compute_line(trainee, ClaimStage.BALANCE, today=datetime.date(2028, 2, 29)).refused == (
        "清算须在培训期满后 12 个月内申领（截至 2028-02-28），已超出申领期限")


def test_lost_cancelled_and_missing_parameters_are_refused(enterprise_a, admin_a):
    lost = enrolment(enterprise_a)
    lost.lost_on, lost.lost_reason, lost.holds_place = datetime.date(2026, 4, 1), "离职", False
    assert compute_line(lost, ClaimStage.ADVANCE, today=datetime.date(2026, 4, 10)).refused == (
        "该人员已于 2026-04-01 标记为流失，不再享受补贴")
    cancelled = enrolment(enterprise_a)
    cancelled.filing.status = FilingStatus.CANCELLED
    assert compute_line(cancelled, ClaimStage.ADVANCE, today=datetime.date(2026, 4, 10)).refused == (
        f"培训班已注销（备案 {cancelled.filing.number}），不能申领补贴")
    # No standard for the period: refused, never a default.
    SubsidyStandard.objects.filter(apprenticeship_type=ApprenticeshipType.ENTERPRISE,
                                   target_level=TargetLevel.SENIOR).delete()
    assert compute_line(enrolment(enterprise_a), ClaimStage.ADVANCE, today=datetime.date(2026, 4, 10)).refused == (
        "该期间尚未设置补贴标准（金水区，2026-03-01）")
    # A class before the rules' period: no rules.
    early = enrolment(enterprise_a, starts_on=datetime.date(2025, 6, 1), ends_on=datetime.date(2026, 5, 31))
    assert compute_line(early, ClaimStage.ADVANCE, today=datetime.date(2025, 7, 1)).refused == (
        "金水区 2025-06-01 尚未设置学徒制规则参数，请联系地市人社部门设置")
