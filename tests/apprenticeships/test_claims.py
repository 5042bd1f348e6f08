"""企业新型学徒制培训补贴 through HTTP: 立即办理 (承诺书, stage), 单位基本信息, people added and imported by ID number,
attachments, submission, the county and the city, payment, PDFs and the .xlsx roster, cancel, delete, deny tests.

The windows depend on today (the calculator runs with timezone.localdate()): the advance class started 20 days
ago; the balance class ended a month ago (with 2025 parameters for its start)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.involvement import involvements
from apprenticeships.checks import add_months
from apprenticeships.models import ClaimDetails, ClaimPerson, ClaimStage, FilingStatus, TargetLevel
from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from claims.models import Claim, ClaimLine, ClaimStatus, LineKind
from reviews.models import StepStatus
from reviews.selectors import latest_review_for
from tests import factories
from tests.apprenticeships import factories as ap
from tests.attachments.files import pdf_bytes, upload
from tests.batch.helpers import read_rows, response_bytes, xlsx_bytes
from tests.batch.helpers import upload as xlsx_upload

pytestmark = pytest.mark.django_db

NEW = reverse("apprenticeships:claim_new")
LIST = reverse("apprenticeships:claims")
BASICS = {"contact_name": "甲联系人", "contact_phone": "0371-66668888", "bank_name": "中国工商银行郑州金水支行",
          "account_name": "甲企业有限公司", "bank_account": "6222 0210 0101 2345 678"}


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def claimer(claimer_a):
    """Enterprise A's claim sub-administrator whose role may also submit to review (reviews.submit)."""
    role = claimer_a.roles.get()
    role.permissions = [*role.permissions, "reviews.submit"]
    role.save()
    return claimer_a


def url(name, claim, *args):
    return reverse(f"apprenticeships:{name}", args=[claim.pk, *args])


def messages_of(response) -> list[str]:
    return [str(message) for message in response.wsgi_request._messages._queued_messages]


def advance_filing(enterprise, by, **kwargs):
    starts_on = timezone.localdate() - datetime.timedelta(days=20)
    return ap.complete_filing(enterprise, by=by, starts_on=starts_on,
                              ends_on=add_months(starts_on, 12) - datetime.timedelta(days=1), **kwargs)


def balance_filing(enterprise, by):
    city = factories.region("410100")
    ap.ruleset(city, valid_from=datetime.date(2025, 1, 1))
    ap.standards(city, valid_from=datetime.date(2025, 1, 1))
    ends_on = timezone.localdate() - datetime.timedelta(days=30)
    starts_on = add_months(ends_on + datetime.timedelta(days=1), -12)
    filing = ap.complete_filing(enterprise, by=by, starts_on=starts_on, ends_on=ends_on)
    filing.trainees.update(holds_place=False)
    return filing


def start(client, user, stage=ClaimStage.ADVANCE) -> Claim:
    client.force_login(user)
    response = client.post(NEW, {"commitment": "on", "stage": stage})
    assert response.status_code == 302, response.content.decode()[:3000]
    return Claim.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def ready(client, user, filing, stage=ClaimStage.ADVANCE, trainees=None) -> Claim:
    claim = start(client, user, stage)
    assert client.post(url("claim_basics", claim), BASICS).status_code == 302
    chosen = trainees if trainees is not None else list(filing.trainees.all())
    response = client.post(url("claim_people_add", claim), {"trainees": [trainee.pk for trainee in chosen]})
    assert response.status_code == 302, response.content.decode()[:3000]
    response = client.post(url("claim_attachment_add", claim), {"file": upload("申领材料.pdf", pdf_bytes(),
                                                                               "application/pdf")})
    assert response.status_code == 302, response.content.decode()[:3000]
    return claim


def decide(client, user, claim, decision="approve", reason=""):
    review = latest_review_for(claim)
    step = review.steps.get(status=StepStatus.PENDING)
    client.force_login(user)
    return client.post(reverse("reviews:decide", args=[review.pk]),
                       {"step_id": step.pk, "decision": decision, "reason": reason})


def test_commitment_and_stage_are_required(client, claimer):
    client.force_login(claimer)
    page = client.get(NEW)
    assert page.status_code == 200 and "企业新型学徒制培训补贴申领承诺书" in page.content.decode()
    response = client.post(NEW, {"stage": "advance"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"commitment": ["请阅读并确认承诺书"]}
    response = client.post(NEW, {"commitment": "on", "stage": "later"})
    assert response.context["form"].errors == {"stage": ["请选择申领阶段（预支或清算）"]}
    assert not Claim.objects.exists()


def test_the_claim_is_created_with_its_details_prefilled(client, enterprise_a, claimer):
    enterprise_a.contact_person, enterprise_a.contact_phone = "甲联系人", "0371-12345678"
    enterprise_a.save()
    claim = start(client, claimer, ClaimStage.BALANCE)
    month = timezone.localdate().replace(day=1)
    assert (claim.programme, claim.status, claim.first_month, claim.last_month, claim.total) == (
        "apprenticeships", ClaimStatus.DRAFT, month, month, Decimal("0.00"))
    assert claim.number == f"XTBT-{timezone.localdate().year}-000001"
    details = ClaimDetails.objects.get(claim=claim)
    assert (details.stage, details.commitment_version, details.commitment_accepted_by, details.contact_name,
            details.contact_phone, details.account_name) == (
        "balance", "2026-01", claimer, "甲联系人", "0371-12345678", "甲企业有限公司")
    page = client.get(url("claim_edit", claim)).content.decode()
    assert "保存单位基本信息后填写人员信息" in page


def test_basics_are_checked_and_saved_with_the_account_encrypted(client, claimer):
    claim = start(client, claimer)
    response = client.post(url("claim_basics", claim), {**BASICS, "bank_account": "12ab", "contact_phone": "x"})
    assert response.status_code == 200
    assert response.context["basics_form"].errors == {"contact_phone": ["联系电话应为7至20位数字（可含“-”）"],
                                                      "bank_account": ["银行账号应为8至32位数字"]}
    assert ClaimDetails.objects.get(claim=claim).basics_saved_at is None
    response = client.post(url("claim_basics", claim), BASICS)
    assert messages_of(response) == ["单位基本信息已保存"]
    details = ClaimDetails.objects.get(claim=claim)
    assert details.bank_account == "6222021001012345678" and details.basics_saved_at is not None
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("select bank_account from apprenticeships_claimdetails where id = %s", [details.pk])
        assert "6222021001012345678" not in cursor.fetchone()[0]


def test_advance_claim_end_to_end(client, enterprise_a, admin_a, claimer, county_reviewer_a, city_reviewer,
                                  institution, run_on_commit):
    filing = advance_filing(enterprise_a, admin_a, institution=institution)
    first, second = filing.trainees.order_by("id")
    claim = ready(client, claimer, filing)
    claim.refresh_from_db()
    assert claim.total == Decimal("4800.00")
    lines = list(claim.lines.order_by("position"))
    assert [(line.kind, line.amount, line.person_id, line.subject) for line in lines] == [
        (LineKind.ADVANCE, Decimal("2400.00"), first.person_id, f"apprenticeships.trainee:{first.pk}"),
        (LineKind.ADVANCE, Decimal("2400.00"), second.person_id, f"apprenticeships.trainee:{second.pk}")]
    assert lines[0].explanation == "补贴标准 6,000 元/年 × 培训期 1.00 年 × 预支比例 40% = 2,400.00 元"
    assert lines[0].detail["filing"] == filing.number and lines[0].detail["id_number"] == first.id_number
    page = client.get(url("claim_edit", claim)).content.decode()
    assert "补贴标准 6,000 元/年 × 培训期 1.00 年 × 预支比例 40% = 2,400.00 元" in page
    assert "未发现其他项目记录" in page  # the self-check
    assert "下载申请表" not in page  # before submission

    response = client.post(url("claim_submit", claim))
    assert messages_of(response) == ["申领已提交，等待县级人社部门审核"]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED and claim.submitted_by == claimer
    assert set(claim.lines.values_list("counted", flat=True)) == {True}
    # Submitted: no more edits.
    response = client.post(reverse("apprenticeships:claim_person_remove",
                                   args=[claim.apprenticeship_people.first().pk]))
    assert messages_of(response) == ["补贴申领当前状态为“审核中”，不能移除人员"]
    assert claim.apprenticeship_people.count() == 2

    # The county reads the roster and the self-check, then approves; the city decides.
    client.force_login(county_reviewer_a)
    review_page = client.get(reverse("reviews:detail", args=[latest_review_for(claim).pk])).content.decode()
    assert "人员自查" in review_page and "2,400.00 元" in review_page
    assert decide(client, county_reviewer_a, claim).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.SUBMITTED
    assert decide(client, city_reviewer, claim).status_code == 302
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.APPROVED

    # The county may not register the payment; the city does.
    client.force_login(county_reviewer_a)
    assert client.post(url("claim_pay", claim), {"paid_on": timezone.localdate().isoformat(),
                                                 "voucher_number": "PZ-1"}).status_code == 403
    client.force_login(city_reviewer)
    response = client.post(url("claim_pay", claim), {"paid_on": timezone.localdate().isoformat(),
                                                     "voucher_number": "PZ-2026-1203"})
    assert messages_of(response) == ["已登记拨付"]
    claim.refresh_from_db()
    assert (claim.status, claim.voucher_number) == (ClaimStatus.PAID, "PZ-2026-1203")

    # Downloads: the form and the roster as PDF, the roster as .xlsx through the batch export.
    client.force_login(claimer)
    for name in ("claim_pdf", "claim_roster_pdf"):
        response = client.get(url(name, claim))
        assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
        assert response.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(action="claims.printed").count() == 2
    response = run_on_commit(lambda: client.post(
        reverse("batch:export", args=["apprenticeship_claim_roster"]) + f"?claim={claim.pk}"))
    job = BatchJob.objects.get(spec="apprenticeship_claim_roster")
    assert response.status_code == 302 and job.status == JobStatus.SUCCEEDED
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert rows[0][:4] == ["序号", "申领编号", "姓名", "身份证号"]
    assert [row[2] for row in rows[1:]] == ["学徒1", "学徒2"]
    assert rows[1][11] == "2400.00" and rows[1][12].startswith("补贴标准 6,000 元/年")

    # The advance is counted: the same enrolment cannot be advanced twice; the self-check names the claim.
    other = ready(client, claimer, filing, trainees=[first])
    other_page = client.get(url("claim_edit", other)).content.decode()
    assert f"该人员本次培训的预支补贴已在申领 {claim.number} 中申领，每次培训只能申领一次" in other_page
    assert f"学徒制补贴申领 {claim.number}：预支补贴 2400.00 元（已拨付）" in other_page
    response = client.post(url("claim_submit", other))
    assert Claim.objects.get(pk=other.pk).status == ClaimStatus.DRAFT
    assert messages_of(response)[0].startswith(
        "以下人员不符合申领条件，请移除后再提交：学徒1（该人员本次培训的预支补贴已在申领")


def test_balance_claim_with_the_advance_deducted_and_refused_people(client, enterprise_a, admin_a, claimer,
                                                                    county_reviewer_a, city_reviewer):
    filing = balance_filing(enterprise_a, admin_a)
    certified, uncertified = filing.trainees.order_by("id")
    certified.certificate_level, certified.certificate_number = TargetLevel.SENIOR, "Z2026-1"
    certified.save()
    advance = Claim.objects.create(programme="apprenticeships", organisation=enterprise_a, number="XTBT-2025-000009",
                                   first_month=datetime.date(2025, 3, 1), last_month=datetime.date(2025, 3, 1),
                                   status=ClaimStatus.PAID, paid_on=datetime.date(2025, 4, 1), voucher_number="V",
                                   created_by=admin_a)
    ClaimLine.objects.create(claim=advance, programme="apprenticeships", organisation=enterprise_a, counted=True,
                             kind=LineKind.ADVANCE, person=certified.person, amount=Decimal("2400.00"),
                             subject=f"apprenticeships.trainee:{certified.pk}", explanation="预支")
    claim = ready(client, claimer, filing, stage=ClaimStage.BALANCE)
    claim.refresh_from_db()
    assert claim.total == Decimal("3600.00")
    line = claim.lines.get()
    assert (line.kind, line.person_id) == (LineKind.BALANCE, certified.person_id)
    assert line.explanation == ("补贴标准 6,000 元/年 × 培训期 1.00 年 = 6,000.00 元，− 已预支 2,400.00 元 = "
                                "3,600.00 元")
    page = client.get(url("claim_edit", claim)).content.decode()
    assert "不予申领：未取得高级工（三级）及以上职业技能等级证书（学徒经评价考核合格后方可申领清算）" in page
    response = client.post(url("claim_submit", claim))
    assert messages_of(response) == [
        "以下人员不符合申领条件，请移除后再提交：学徒2（未取得高级工（三级）及以上职业技能等级证书（学徒经评价考核合格后方可申领清算））"]
    entry = ClaimPerson.objects.get(claim=claim, trainee=uncertified)
    client.post(reverse("apprenticeships:claim_person_remove", args=[entry.pk]))
    response = client.post(url("claim_submit", claim))
    assert messages_of(response) == ["申领已提交，等待县级人社部门审核"]
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.SUBMITTED


def test_a_lost_trainee_is_refused(client, enterprise_a, admin_a, claimer):
    filing = advance_filing(enterprise_a, admin_a)
    lost = filing.trainees.order_by("id").first()
    lost.lost_on, lost.lost_reason, lost.holds_place = timezone.localdate(), "离职", False
    lost.save()
    claim = ready(client, claimer, filing)
    claim.refresh_from_db()
    assert claim.total == Decimal("2400.00") and claim.lines.count() == 1
    page = client.get(url("claim_edit", claim)).content.decode()
    assert f"不予申领：该人员已于 {timezone.localdate().isoformat()} 标记为流失，不再享受补贴" in page


def test_submission_needs_everything(client, claimer):
    claim = start(client, claimer)
    response = client.post(url("claim_submit", claim))
    assert messages_of(response) == ["请先填写并保存单位基本信息；请添加申领人员；请上传附件"]
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.DRAFT


def test_people_only_from_the_enterprises_approved_filings(client, enterprise_a, admin_a, claimer, filing_b,
                                                          draft_a):
    claim = start(client, claimer)
    client.post(url("claim_basics", claim), BASICS)
    foreign = filing_b.trainees.first()
    response = client.post(url("claim_people_add", claim), {"trainees": [foreign.pk]})
    assert response.status_code == 200
    assert response.context["add_form"].errors == {"trainees": ["所选人员不是本单位已备案的培训人员"]}
    response = client.post(url("claim_people_add", claim), {"trainees": [draft_a.trainees.first().pk]})
    assert response.context["add_form"].errors == {"trainees": ["所选人员不是本单位已备案的培训人员"]}
    assert not ClaimPerson.objects.exists()


def test_people_imported_by_id_number(client, enterprise_a, admin_a, claimer, filing_b, run_on_commit):
    filing = advance_filing(enterprise_a, admin_a)
    first, second = filing.trainees.order_by("id")
    claim = start(client, claimer)
    client.post(url("claim_basics", claim), BASICS)
    import_url = reverse("batch:import", args=["apprenticeship_claim_people"]) + f"?parent={claim.pk}"
    assert client.get(import_url).status_code == 200
    unknown = factories.make_id_number("19990101")
    rows = [[first.id_number, "学徒1"], [second.id_number, ""], [unknown, "路人"],
            [filing_b.trainees.first().id_number, ""], [first.id_number.lower()[:17] + "0", ""],
            [second.id_number, "别人"]]
    sheet = xlsx_upload(xlsx_bytes(rows, headers=["身份证号", "姓名"]))
    run_on_commit(lambda: client.post(import_url, {"file": sheet}))
    job = BatchJob.objects.get(spec="apprenticeship_claim_people")
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 2, 4)
    reasons = sorted(job.row_errors.values_list("message", flat=True))
    assert reasons.count("该身份证号不在本单位审核通过的学徒制培训备案中") == 2
    assert set(ClaimPerson.objects.filter(claim=claim).values_list("trainee_id", flat=True)) == {first.pk, second.pk}
    claim.refresh_from_db()
    assert claim.total == Decimal("4800.00")
    # Another enterprise may not import into the claim.
    client.force_login(factories.org_admin(factories.OrganisationFactory(region=factories.region("410105"))))
    assert client.get(import_url).status_code == 404


def test_cancel_and_delete(client, enterprise_a, admin_a, claimer, county_reviewer_a, city_reviewer):
    filing = advance_filing(enterprise_a, admin_a)
    claim = ready(client, claimer, filing)
    client.post(url("claim_submit", claim))
    # Submitted: not deleted.
    response = client.post(url("claim_delete", claim))
    assert messages_of(response) == ["只能删除从未提交的申领草稿"]
    response = client.post(url("claim_withdraw", claim))
    assert messages_of(response) == ["已取消申请，申领恢复为未提交"]
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.DRAFT
    assert set(claim.lines.values_list("counted", flat=True)) == {False}
    # Once submitted, never deleted (a review exists); a fresh draft is.
    assert messages_of(client.post(url("claim_delete", claim))) == ["只能删除从未提交的申领草稿"]
    fresh = start(client, claimer)
    response = client.post(url("claim_delete", fresh))
    assert response["Location"] == LIST and not Claim.objects.filter(pk=fresh.pk).exists()
    # 取消申请 only while undecided.
    client.post(url("claim_submit", claim))
    decide(client, county_reviewer_a, claim)
    client.force_login(claimer)
    response = client.post(url("claim_withdraw", claim))
    assert messages_of(response) == ["审核部门已作出审核，不能撤回"]


def test_returned_claim_is_edited_and_resubmitted(client, enterprise_a, admin_a, claimer, county_reviewer_a,
                                                   city_reviewer):
    filing = advance_filing(enterprise_a, admin_a)
    claim = ready(client, claimer, filing)
    client.post(url("claim_submit", claim))
    decide(client, county_reviewer_a, claim, "return", "请补充劳动合同")
    claim.refresh_from_db()
    assert claim.status == ClaimStatus.RETURNED
    client.force_login(claimer)
    page = client.get(url("claim_edit", claim)).content.decode()
    assert "请补充劳动合同" in page
    client.post(url("claim_attachment_add", claim), {"file": upload("合同.pdf", pdf_bytes(), "application/pdf")})
    assert messages_of(client.post(url("claim_submit", claim))) == ["申领已提交，等待县级人社部门审核"]


def test_list_filters_and_bad_parameters(client, enterprise_a, admin_a, claimer):
    advance = start(client, claimer, ClaimStage.ADVANCE)
    balance = start(client, claimer, ClaimStage.BALANCE)
    response = client.get(LIST)
    assert [row["claim"].pk for row in response.context["rows"]] == [balance.pk, advance.pk]
    response = client.get(LIST, {"stage": "balance"})
    assert [row["claim"].pk for row in response.context["rows"]] == [balance.pk]
    response = client.get(LIST, {"number": advance.number[-3:], "status": "draft",
                                 "month": timezone.localdate().strftime("%Y-%m")})
    assert {row["claim"].pk for row in response.context["rows"]} >= {advance.pk}
    response = client.get(LIST, {"month": "2026-13", "status": "nope"})
    assert response.status_code == 200
    assert "查询条件有误：请选择列表中的状态；月份格式应为 2026-03" in response.content.decode()
    # A malformed filter: its message beside the field and no rows, not the list less filtered than asked.
    for bad, field, message in (({"month": "2026-13"}, "month", "月份格式应为 2026-03"),
                                ({"stage": "zzz"}, "stage", "请选择列表中的申领阶段"),
                                ({"status": "nope"}, "status", "请选择列表中的状态")):
        response = client.get(LIST, bad)
        assert response.status_code == 200 and response.context["rows"] == []
        assert response.context["form"].errors[field] == [message]
        assert "暂无补贴申领" in response.content.decode()


def test_deny(client, enterprise_a, admin_a, claimer, filer_a, admin_b, county_reviewer_a, county_reviewer_b,
              city_reviewer, education_reviewer, other_city_reviewer):
    filing = advance_filing(enterprise_a, admin_a)
    claim = ready(client, claimer, filing)
    # A draft: only the enterprise sees it.
    for user, status in ((admin_b, 404), (filer_a, 403), (county_reviewer_a, 404), (education_reviewer, 404)):
        client.force_login(user)
        assert client.get(url("claim_edit", claim)).status_code == status, user
    for user in (filer_a, county_reviewer_a, education_reviewer):
        client.force_login(user)
        assert client.get(NEW).status_code == 403
        assert client.get(LIST).status_code == 403
        assert client.post(NEW, {"commitment": "on", "stage": "advance"}).status_code == 403
    client.force_login(claimer)
    client.post(url("claim_submit", claim))
    for user, status in ((admin_b, 404), (filer_a, 403), (county_reviewer_a, 200), (county_reviewer_b, 404),
                         (city_reviewer, 200), (other_city_reviewer, 404), (education_reviewer, 404)):
        client.force_login(user)
        assert client.get(url("claim_edit", claim)).status_code == status, user
        assert client.get(url("claim_pdf", claim)).status_code == status, user
    before = AuditEntry.objects.count()
    for user in (admin_b, filer_a, county_reviewer_a, county_reviewer_b):
        client.force_login(user)
        assert client.post(url("claim_withdraw", claim)).status_code in (403, 404)
        assert client.post(url("claim_basics", claim), BASICS).status_code in (403, 404)
    assert AuditEntry.objects.count() == before
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.SUBMITTED


def test_self_check_names_other_programmes(client, enterprise_a, admin_a, claimer, enterprise_b, admin_b):
    filing = advance_filing(enterprise_a, admin_a)
    trainee = filing.trainees.first()
    earlier = ap.filing(enterprise_b, by=admin_b, status=FilingStatus.APPROVED)
    ap.trainee(earlier, name=trainee.name, id_number=trainee.id_number, holds_place=False,
               lost_on=datetime.date(2026, 3, 1), lost_reason="离职")
    found = involvements(trainee.person, exclude_trainee=trainee)
    assert found == [("企业新型学徒制", f"学徒制备案 {earlier.number}（{enterprise_b.name}），已流失")]


def test_a_sub_admin_without_the_submit_permission_is_told(client, enterprise_a, admin_a, claimer_a,
                                                           county_reviewer_a, city_reviewer):
    filing = advance_filing(enterprise_a, admin_a)
    claim = ready(client, claimer_a, filing)
    response = client.post(url("claim_submit", claim))
    assert messages_of(response) == ["您无权提交该事项"]
    assert Claim.objects.get(pk=claim.pk).status == ClaimStatus.DRAFT
