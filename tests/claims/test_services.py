"""The programme-agnostic claim services with a throwaway programme whose calculator returns fixed lines:
numbering, what a draft leaves out, the database rules and their messages, corrections, payment checks."""

import datetime
from decimal import Decimal

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone

from claims import registry
from claims import services as claim_services
from claims.models import Claim, ClaimLine, ClaimStatus, LineKind
from claims.registry import ClaimProgramme, LineSpec
from core.constraints import known_violation
from tests import factories

PROGRAMME = "testing_claims"
MARCH, APRIL, MAY = (datetime.date(2026, month, 1) for month in (3, 4, 5))


@pytest.fixture
def person(db):
    return factories.individual(real_name="赵申领")


@pytest.fixture
def lines():
    """The calculator's answer, changed by the tests."""
    return []


@pytest.fixture
def programme(lines, admin_a):
    registry.register(ClaimProgramme(
        key=PROGRAMME, label="测试补贴", number_prefix="CSBT", review_kind="unused",
        calculator=lambda **period: [line for line in lines if period["first_month"] <= (line.month or MARCH)
                                     <= period["last_month"]],
        may_file=lambda user, organisation: user.organisation_id == organisation.pk and user.is_org_admin,
        may_pay=lambda user, claim: user.is_staff))
    yield PROGRAMME
    registry.unregister(PROGRAMME)


def month(person, when, amount="1260.00"):
    return LineSpec(kind=LineKind.MONTH, person_id=person.pk, subject=f"test.place:{person.pk}", month=when,
                    amount=Decimal(amount), explanation=f"{when:%Y-%m} 月度补贴")


def insurance(person, amount="120.00"):
    return LineSpec(kind=LineKind.INSURANCE, person_id=person.pk, subject=f"test.place:{person.pk}", month=MARCH,
                    amount=Decimal(amount), explanation="保险补贴")


def new_claim(admin, first=MARCH, last=MAY):
    return claim_services.create_claim(programme=PROGRAMME, organisation=admin.organisation, actor=admin,
                                       first_month=first, last_month=last)


def count(claim):
    """As a submission does (the review engine's status map), without a review kind."""
    claim_services._count_lines(claim)
    claim_services.CLAIM_STATES.move(claim, ClaimStatus.SUBMITTED, actor=claim.created_by)


@pytest.mark.django_db
def test_numbers_run_per_prefix_and_year(programme, lines, person, admin_a):
    lines.extend([month(person, MARCH), month(person, APRIL)])
    year = timezone.localdate().year
    assert [new_claim(admin_a).number, new_claim(admin_a).number] == [f"CSBT-{year}-000001", f"CSBT-{year}-000002"]
    Claim.objects.filter(number=f"CSBT-{year}-000002").update(number=f"CSBT-{year}-000041")
    assert new_claim(admin_a).number == f"CSBT-{year}-000042"


@pytest.mark.django_db
def test_a_draft_leaves_out_counted_and_zero_lines(programme, lines, person, admin_a):
    lines.extend([month(person, MARCH), month(person, APRIL, "0.00"), insurance(person)])
    first = new_claim(admin_a, MARCH, MARCH)
    assert [(line.kind, line.amount) for line in first.lines.all()] == [
        (LineKind.MONTH, Decimal("1260.00")), (LineKind.INSURANCE, Decimal("120.00"))]
    assert first.total == Decimal("1380.00")
    count(first)
    lines.append(month(person, MAY))
    second = new_claim(admin_a)
    assert [(line.kind, line.month) for line in second.lines.all()] == [(LineKind.MONTH, MAY)]
    count(second)
    with pytest.raises(ValidationError) as refused:
        new_claim(admin_a)
    assert refused.value.messages == [
        "2026年3月至2026年5月没有可申领的补贴：该期间的补贴均已申领，或没有应发补贴的人员"]


@pytest.mark.django_db
def test_only_the_unit_files_and_periods_are_whole_ordered_months(programme, lines, person, admin_a, admin_b,
                                                                  member_a):
    lines.append(month(person, MARCH))
    for user in (admin_b, member_a):
        with pytest.raises(PermissionDenied):
            claim_services.create_claim(programme=PROGRAMME, organisation=admin_a.organisation, actor=user,
                                        first_month=MARCH, last_month=MARCH)
    with pytest.raises(ValidationError) as refused:
        new_claim(admin_a, MAY, MARCH)
    assert refused.value.messages == ["截止月份不能早于起始月份"]
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_a_period_may_end_this_month_but_not_later(programme, lines, person, admin_a, monkeypatch):
    today = datetime.date(2026, 4, 30)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
    lines.extend([month(person, MARCH), month(person, APRIL), month(person, MAY)])
    with pytest.raises(ValidationError) as refused:
        new_claim(admin_a, MARCH, MAY)
    assert refused.value.message_dict == {
        "last_month": ["截止月份不能晚于本月（2026年04月）：尚未到来的月份不能申领补贴"]}
    assert not Claim.objects.exists()
    claim = new_claim(admin_a, MARCH, APRIL)
    assert list(claim.lines.values_list("month", flat=True)) == [MARCH, APRIL]


@pytest.mark.django_db
def test_the_database_holds_a_person_month_and_a_subject_once(programme, lines, person, admin_a):
    lines.extend([month(person, MARCH), insurance(person)])
    first, second = new_claim(admin_a), new_claim(admin_a)
    count(first)
    line = second.lines.get(kind=LineKind.MONTH)
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        ClaimLine.objects.filter(pk=line.pk).update(counted=True)
    assert known_violation(error.value).messages == [
        "该人员该月份的补贴已在其他申领中申领，同一人同一月份只能申领一次"]
    with pytest.raises(IntegrityError) as error, transaction.atomic():
        second.lines.filter(kind=LineKind.INSURANCE).update(counted=True)
    assert known_violation(error.value).messages == [
        "该人员的该项补贴（保险补贴、期满补差、预支或清算补贴）已在其他申领中申领，同一补贴对象只计一次"]
    # The service names the person and the month.
    with pytest.raises(ValidationError) as refused:
        claim_services._count_lines(second)
    assert refused.value.messages == [
        f"赵申领 2026年3月的补贴已在申领 {first.number} 中申领，同一人同一月份只能申领一次；请重新计算本申领"]
    # Correction lines are never held: a month may be corrected any number of times.
    for claim in (first, second):
        ClaimLine.objects.create(claim=claim, programme=PROGRAMME, organisation=claim.organisation, counted=True,
                                 kind=LineKind.CORRECTION, person=person, subject="test.place:1", month=MARCH,
                                 amount=Decimal("-10.00"), explanation="更正")


@pytest.mark.django_db
def test_correction_lines_are_differences_net_of_earlier_corrections(programme, lines, person, admin_a):
    lines.extend([month(person, MARCH), month(person, APRIL), insurance(person)])
    original = new_claim(admin_a)
    count(original)
    claim_services.CLAIM_STATES.move(original, ClaimStatus.APPROVED, actor=admin_a)
    lines[:] = [month(person, MARCH, "1300.00"), insurance(person)]  # April dropped, March raised
    correction = claim_services.create_correction(claim=original, actor=admin_a)
    assert [(line.kind, line.month, line.amount, line.corrects.month) for line in correction.lines.all()] == [
        (LineKind.CORRECTION, MARCH, Decimal("40.00"), MARCH), (LineKind.CORRECTION, APRIL, Decimal("-1260.00"), APRIL)]
    assert correction.total == Decimal("-1220.00") and correction.corrects == original
    assert correction.lines.all()[1].explanation == (
        "更正2026年4月：重新计算 0.00 元 − 已申领 1260.00 元 = -1260.00 元（重新计算：重新计算后不再享受该项补贴）")
    count(correction)
    claim_services.CLAIM_STATES.move(correction, ClaimStatus.APPROVED, actor=admin_a)
    lines[0] = month(person, MARCH, "1310.00")
    later = claim_services.create_correction(claim=original, actor=admin_a)
    assert [(line.month, line.amount) for line in later.lines.all()] == [(MARCH, Decimal("10.00"))]


@pytest.mark.django_db
def test_payment_needs_the_permission_and_an_approved_claim(programme, lines, person, admin_a, outsider):
    lines.append(month(person, MARCH))
    claim = new_claim(admin_a)
    payer = factories.UserFactory(username="payer", is_staff=True, kind="platform", organisation=None)
    with pytest.raises(ValidationError) as refused:
        claim_services.mark_paid(claim=claim, actor=payer, paid_on=timezone.localdate(), voucher_number="PZ1")
    assert refused.value.messages == ["补贴申领当前状态为“未提交”，审核通过后才能登记拨付"]
    count(claim)
    claim_services.CLAIM_STATES.move(claim, ClaimStatus.APPROVED, actor=admin_a, approved_at=timezone.now())
    with pytest.raises(PermissionDenied):
        claim_services.mark_paid(claim=claim, actor=admin_a, paid_on=timezone.localdate(), voucher_number="PZ1")
    with pytest.raises(ValidationError) as refused:
        claim_services.mark_paid(claim=claim, actor=payer, paid_on=timezone.localdate() + datetime.timedelta(days=1),
                                 voucher_number="PZ1")
    assert refused.value.message_dict == {"paid_on": ["拨付日期不能晚于今天"]}
    claim_services.mark_paid(claim=claim, actor=payer, paid_on=timezone.localdate(), voucher_number=" PZ1 ")
    claim.refresh_from_db()
    assert (claim.status, claim.voucher_number, claim.paid_by) == (ClaimStatus.PAID, "PZ1", payer)
    assert claim.lines.get().counted
