"""申请备案 and 办理结果 (manual 003 §3.2.1.1–§3.2.1.2) through the screens: the 承诺书, the type (refused without
the 生态链 recognition), each tab, the 培训信息 import (a second row fails), materials (a wrong file refused), the
submission problems, submit, the county's return, resubmission, approval, the printed 备案表, 撤回 and 删除; and
who may not do each of them."""

import datetime

import pytest
from django.contrib.messages import get_messages
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import Filing, FilingMaterial, FilingStatus, Trainee, TrainingClass
from apprenticeships.rules import COMMITMENT_VERSION, MATERIALS
from apprenticeships.services import filing as services
from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from notifications.models import Notification
from reviews.models import Review, ReviewStatus
from reviews.selectors import latest_review_for
from tests import factories
from tests.apprenticeships import factories as ap
from tests.attachments.files import pdf_bytes, upload
from tests.batch.helpers import upload as xlsx_upload
from tests.batch.helpers import xlsx_bytes

pytestmark = pytest.mark.django_db

START = datetime.date(2027, 1, 4)
END = datetime.date(2028, 1, 3)
CLASS_HEADERS = ["培训职业（工种）", "职业编码", "培训目标等级", "培训开始日期", "培训结束日期", "培训总课时",
                 "培训方式", "培训期超过2年的原因"]


def url(name, filing=None):
    return reverse(f"apprenticeships:{name}", args=[filing.pk] if filing is not None else [])


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def offices(county_reviewer_a, city_reviewer):
    return county_reviewer_a, city_reviewer


def accept_commitment(client):
    return client.post(url("filing_new"), {"step": "commitment", "accept": "on"})


def new_filing(client, kind="enterprise") -> Filing:
    accept_commitment(client)
    client.post(url("filing_new"), {"apprenticeship_type": kind})
    return Filing.objects.order_by("-id").first()


def class_data(**overrides):
    data = {"occupation": "电工", "occupation_code": "6-31-01-03", "target_level": "senior",
            "starts_on": START.isoformat(), "ends_on": END.isoformat(), "hours": "400", "mode": "on_the_job",
            "extension_reason": ""}
    data.update(overrides)
    return data


def upload_all_materials(client, filing):
    for code, _label in MATERIALS[filing.apprenticeship_type]:
        response = client.post(url("filing_materials", filing),
                               {"material": code, "file": upload(f"{code}.pdf", pdf_bytes(), "application/pdf")})
        assert response.status_code == 302, response.content.decode()


def people(filing):
    mentor = ap.teacher(filing)
    ap.trainee(filing, name="学徒甲")
    ap.trainee(filing, name="学徒乙")
    ap.course(filing, name="电工基础", teacher_=mentor)


def decide(client, reviewer, filing, decision="approve", reason=""):
    review = latest_review_for(filing)
    client.force_login(reviewer)
    step = review.steps.filter(status="pending").get()
    return client.post(reverse("reviews:decide", args=[review.pk]),
                       {"decision": decision, "reason": reason, "step_id": step.pk})


# ------------------------------------------------------------------------------------------ the whole flow


def test_commitment_comes_first_and_is_kept(client, admin_a, enterprise_a):
    client.force_login(admin_a)
    response = client.get(url("filing_new"))
    assert response.status_code == 200 and "承诺书" in response.content.decode()
    assert 'data-testid="commitment-form"' in response.content.decode()
    # Choosing a type without the commitment: refused, nothing created.
    response = client.post(url("filing_new"), {"apprenticeship_type": "enterprise"})
    assert "请先阅读并确认承诺书" in texts(response) and not Filing.objects.exists()
    response = client.post(url("filing_new"), {"step": "commitment"})
    assert "请勾选确认承诺书后继续" in response.content.decode()
    response = accept_commitment(client)
    assert response["Location"] == url("filing_new")
    assert 'data-testid="type-form"' in client.get(url("filing_new")).content.decode()
    response = client.post(url("filing_new"), {"apprenticeship_type": "enterprise"})
    filing = Filing.objects.get()
    assert response["Location"] == url("filing_edit", filing)
    year = timezone.localdate().year
    assert filing.number == f"XTBA-{year}-000001"
    assert (filing.status, filing.region_id, filing.organisation_id) == (FilingStatus.DRAFT, "410105",
                                                                         enterprise_a.pk)
    assert (filing.commitment_version, filing.commitment_accepted_by) == (COMMITMENT_VERSION, admin_a)
    assert filing.commitment_accepted_at is not None
    assert AuditEntry.objects.filter(action="apprenticeships.filing_created").count() == 1
    # The acceptance is used once: the next filing asks again.
    assert 'data-testid="commitment-form"' in client.get(url("filing_new")).content.decode()
    new_filing(client)
    assert Filing.objects.order_by("-id").first().number == f"XTBA-{year}-000002"


def test_ecosystem_types_need_the_citys_recognition(client, admin_a, enterprise_a):
    client.force_login(admin_a)
    accept_commitment(client)
    response = client.post(url("filing_new"), {"apprenticeship_type": "student"})
    assert response.status_code == 200
    assert services.NO_RECOGNITION in response.content.decode() and not Filing.objects.exists()
    # Another city's, an expired and a revoked one do not count.
    ap.recognition(enterprise_a, factories.region("410300"))
    ap.recognition(enterprise_a, factories.region("410100"), valid_to=datetime.date(2026, 6, 30))
    revoked = ap.recognition(enterprise_a, factories.region("410100"))
    revoked.revoked_at, revoked.revoke_reason = timezone.now(), "撤销"
    revoked.save()
    response = client.post(url("filing_new"), {"apprenticeship_type": "technician"})
    assert services.NO_RECOGNITION in response.content.decode() and not Filing.objects.exists()
    ap.recognition(enterprise_a, factories.region("410100"))
    client.post(url("filing_new"), {"apprenticeship_type": "technician"})
    assert Filing.objects.get().apprenticeship_type == "technician"


def test_filing_flow_submit_return_resubmit_approve_print(client, admin_a, enterprise_a, institution, offices,
                                                          county_reviewer_a, run_on_commit):
    client.force_login(admin_a)
    filing = new_filing(client)
    page = client.get(url("filing_edit", filing)).content.decode()
    assert 'data-testid="submission-problems"' in page
    for text in ("培训机构情况：请选择合作培训机构", "培训信息：请新增一条培训信息", "培训师资：请至少录入一名培训教师",
                 "培训人员：请至少录入一名培训人员", "培训课程：请至少新增一门培训课程", "上传材料：请上传"):
        assert text in page
    # 备案信息: contact saved.
    response = client.post(url("filing_edit", filing), {"apprenticeship_type": "enterprise", "contact_name": "李联系",
                                                        "contact_phone": "abc"})
    assert "联系电话只能包含数字" in response.content.decode()
    client.post(url("filing_edit", filing), {"apprenticeship_type": "enterprise", "contact_name": "李联系",
                                             "contact_phone": "0371-12345678"})
    filing.refresh_from_db()
    assert (filing.contact_name, filing.contact_phone) == ("李联系", "0371-12345678")
    # Submitting now: refused, every problem listed on the 企业信息 tab, nothing submitted.
    response = client.post(url("filing_submit", filing))
    assert response["Location"] == url("filing_edit", filing)
    assert "备案信息不完整，未提交，请按下列提示补充后再提交" in texts(response)
    assert not Review.objects.exists() and Filing.objects.get().status == FilingStatus.DRAFT
    # 培训机构情况: neither chosen → the name is required; then the institution.
    response = client.post(url("filing_institution", filing), {"institution": "", "other_institution_name": ""})
    assert "未选择合作培训机构的，请填写其他培训机构名称" in response.content.decode()
    response = client.post(url("filing_institution", filing), {"institution": institution.pk,
                                                               "other_institution_name": "某机构"})
    assert "合作培训机构与其他培训机构名称只能填写一项" in response.content.decode()
    client.post(url("filing_institution", filing), {"institution": institution.pk, "other_institution_name": ""})
    filing.refresh_from_db()
    assert filing.institution == institution and filing.institution_saved_at is not None
    # 培训信息 imported: two rows, the second fails.
    import_url = reverse("batch:import", args=["apprenticeship_class"]) + f"?parent={filing.pk}"
    assert client.get(import_url).status_code == 200
    rows = [["电工", "6-31-01-03", "高级工（三级）", START, END, 400, "在岗（工学交替）", ""],
            ["焊工", "", "中级工（四级）", START, END, 300, "脱产", ""]]
    run_on_commit(lambda: client.post(import_url, {"file": xlsx_upload(xlsx_bytes(rows, headers=CLASS_HEADERS))}))
    job = BatchJob.objects.get()
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 1, 1)
    errors = [(error.row_number, error.message) for error in job.row_errors.all()]
    assert errors == [(3, "一次备案只允许新增一条培训信息")]
    training_class = TrainingClass.objects.get(filing=filing)
    assert (training_class.occupation, training_class.target_level, training_class.mode, training_class.hours,
            training_class.import_job_id) == ("电工", "senior", "on_the_job", 400, job.pk)
    # Edited on the tab: a too short period is refused next to the end date; then saved.
    response = client.post(url("filing_class", filing), class_data(ends_on="2027-06-30"))
    assert "培训期不得少于12个月" in response.content.decode()
    client.post(url("filing_class", filing), class_data(hours="420"))
    assert TrainingClass.objects.get(filing=filing).hours == 420
    # Teachers, trainees and courses are the people area's tabs.
    people(filing)
    # 上传材料: a wrong file is refused with the reason; then every material.
    response = client.post(url("filing_materials", filing),
                           {"material": "plan", "file": upload("plan.exe", b"MZ\x90\x00binary", "application/pdf")})
    assert response.status_code == 200 and 'data-testid="upload-errors"' in response.content.decode()
    assert not FilingMaterial.objects.exists()
    upload_all_materials(client, filing)
    first = FilingMaterial.objects.get(filing=filing, material="plan").attachment_id
    upload_all_materials(client, filing)  # replaces
    assert FilingMaterial.objects.filter(filing=filing).count() == len(MATERIALS["enterprise"])
    assert FilingMaterial.objects.get(filing=filing, material="plan").attachment_id != first
    page = client.get(url("filing_materials", filing)).content.decode()
    assert reverse("attachments:download", args=[FilingMaterial.objects.get(filing=filing,
                                                                             material="plan").attachment_id]) in page
    # Complete now: submitted, the trainees hold their places, the county is asked.
    assert 'data-testid="submission-ready"' in client.get(url("filing_edit", filing)).content.decode()
    response = client.post(url("filing_submit", filing))
    assert response["Location"] == url("filing_detail", filing) and "已提交审核" in texts(response)
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED and filing.submitted_at is not None
    assert set(filing.trainees.values_list("holds_place", flat=True)) == {True}
    review = latest_review_for(filing)
    assert [(step.level, step.is_filing) for step in review.steps.order_by("position")] == [("county", False),
                                                                                           ("city", True)]
    assert Notification.objects.filter(recipient=county_reviewer_a).exists()
    # The tabs are read-only now; a write is refused with a message and changes nothing.
    client.force_login(admin_a)
    page = client.get(url("filing_institution", filing)).content.decode()
    assert 'data-testid="read-only"' in page and 'data-testid="institution-form"' not in page
    response = client.post(url("filing_institution", filing), {"institution": "", "other_institution_name": "别处"})
    assert "备案当前状态为“待审核”，不能修改" in texts(response)
    response = client.post(url("filing_class", filing), class_data(hours="9"))
    assert TrainingClass.objects.get(filing=filing).hours == 420
    # The county returns it: the places are free again.
    response = decide(client, county_reviewer_a, filing, "return", "请补充培训计划")
    filing.refresh_from_db()
    assert filing.status == FilingStatus.RETURNED
    assert set(filing.trainees.values_list("holds_place", flat=True)) == {False}
    assert Notification.objects.filter(recipient=admin_a, title__contains="退回").exists()
    # Resubmitted after the correction, then approved (filed with the city).
    client.force_login(admin_a)
    client.post(url("filing_class", filing), class_data(hours="450"))
    client.post(url("filing_submit", filing))
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED and Review.objects.count() == 2
    decide(client, county_reviewer_a, filing, "approve", "同意备案")
    filing.refresh_from_db()
    assert filing.status == FilingStatus.APPROVED and filing.approved_at is not None
    assert set(filing.trainees.values_list("holds_place", flat=True)) == {True}
    # 办理结果: the detail shows everything and the history; the 备案表 prints.
    client.force_login(admin_a)
    page = client.get(url("filing_detail", filing)).content.decode()
    for text in ("电工", "学徒甲", "学徒乙", "电工基础", "请补充培训计划", "同意备案", institution.name):
        assert text in page
    assert 'data-testid="filing-print"' in page and 'data-testid="filing-delete"' not in page
    response = client.get(url("filing_print", filing))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    # The county reads it too, and its review page shows the filing's summary.
    client.force_login(county_reviewer_a)
    assert client.get(url("filing_detail", filing)).status_code == 200
    assert client.get(url("filing_print", filing)).status_code == 200
    review_page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert 'data-testid="filing-summary"' in review_page and "学徒甲" in review_page


def test_print_only_once_approved(client, admin_a, draft_a):
    client.force_login(admin_a)
    response = client.get(url("filing_print", draft_a))
    assert response["Location"] == url("filing_detail", draft_a)
    assert "备案审核通过后才能打印备案表" in texts(response)


def test_a_trainee_elsewhere_refuses_the_submission(client, admin_a, enterprise_b, admin_b, draft_a, offices):
    other = ap.complete_filing(enterprise_b, by=admin_b, status="submitted", trainees=0)
    ap.trainee(other, name="抢先者", id_number=draft_a.trainees.first().id_number)
    client.force_login(admin_a)
    response = client.post(url("filing_submit", draft_a))
    [message] = texts(response)
    assert "已在“乙企业有限公司”的学徒制培训中" in message
    draft_a.refresh_from_db()
    assert draft_a.status == FilingStatus.DRAFT and not Review.objects.exists()
    assert not draft_a.trainees.filter(holds_place=True).exists()


def test_submission_problems_cover_every_tab(draft_a):
    today = datetime.date(2026, 12, 3)
    assert services.submission_problems(draft_a, today) == []
    draft_a.training_class.starts_on = today
    draft_a.training_class.save()
    draft_a.trainees.update(contract_ends_on=datetime.date(2025, 12, 31))
    draft_a.courses.filter(delivery="online").update(delivery="offline", teacher=draft_a.teachers.first())
    FilingMaterial.objects.filter(filing=draft_a, material="plan").delete()
    problems = services.submission_problems(draft_a, today)
    assert "培训信息：培训开始日期 2026-12-03 不晚于今天，备案应在培训开始前提交" in problems
    assert "培训人员 学徒1：企业新型学徒制培训人员应签订12个月以上劳动合同" in problems
    assert "上传材料：请上传培训计划（一班一方案）" in problems


def test_recognition_rechecked_at_approval(client, admin_a, enterprise_a, offices, county_reviewer_a):
    recognition = ap.recognition(enterprise_a, factories.region("410100"))
    filing = ap.complete_filing(enterprise_a, by=admin_a, status="draft", kind="student")
    client.force_login(admin_a)
    client.post(url("filing_submit", filing))
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED and filing.recognition == recognition
    recognition.revoked_at, recognition.revoke_reason = timezone.now(), "不再符合条件"
    recognition.save()
    response = decide(client, county_reviewer_a, filing, "approve")
    assert response.status_code == 302
    filing.refresh_from_db()
    assert filing.status == FilingStatus.SUBMITTED
    assert latest_review_for(filing).status == ReviewStatus.PENDING
    page = client.get(response["Location"]).content.decode()
    assert str(services.NO_RECOGNITION) in page


def test_withdraw_only_while_undecided(client, admin_a, draft_a, offices, county_reviewer_a):
    client.force_login(admin_a)
    response = client.post(url("filing_withdraw", draft_a))
    assert "只有待审核的备案可以撤回" in texts(response)
    client.post(url("filing_submit", draft_a))
    page = client.get(url("filing_detail", draft_a)).content.decode()
    assert 'data-testid="filing-withdraw"' in page
    response = client.post(url("filing_withdraw", draft_a))
    assert "已撤回，备案恢复为未提交" in texts(response)
    draft_a.refresh_from_db()
    assert draft_a.status == FilingStatus.DRAFT and not draft_a.trainees.filter(holds_place=True).exists()
    assert latest_review_for(draft_a).status == ReviewStatus.WITHDRAWN
    # Resubmitted and approved: withdrawing is too late.
    client.post(url("filing_submit", draft_a))
    decide(client, county_reviewer_a, draft_a, "approve")
    client.force_login(admin_a)
    response = client.post(url("filing_withdraw", draft_a))
    assert "只有待审核的备案可以撤回" in texts(response)
    assert Filing.objects.get(pk=draft_a.pk).status == FilingStatus.APPROVED


def test_withdraw_reason_is_kept_whole_or_refused_never_cut(client, admin_a, draft_a, offices):
    client.force_login(admin_a)
    client.post(url("filing_submit", draft_a))
    response = client.post(url("filing_withdraw", draft_a), {"reason": "备" * 1001})
    assert texts(response)[-1:] == ["撤回原因不能超过1000个字（目前1001个字）"]
    draft_a.refresh_from_db()
    assert draft_a.status == FilingStatus.SUBMITTED
    assert latest_review_for(draft_a).status == ReviewStatus.PENDING
    with pytest.raises(ValidationError, match="撤回原因不能超过1000个字"):
        services.withdraw_filing(filing=draft_a, actor=admin_a, reason="备" * 1001)
    response = client.post(url("filing_withdraw", draft_a), {"reason": "  培训计划需要调整  "})
    assert texts(response)[-1:] == ["已撤回，备案恢复为未提交"]
    draft_a.refresh_from_db()
    assert draft_a.status == FilingStatus.DRAFT
    assert latest_review_for(draft_a).events.get(action="withdrawn").reason == "培训计划需要调整"


def test_delete_only_a_draft_never_submitted(client, admin_a, draft_a, filing_a, offices):
    client.force_login(admin_a)
    response = client.post(url("filing_delete", filing_a))
    assert "备案当前状态为“审核通过”，不能删除" in texts(response)
    client.post(url("filing_submit", draft_a))
    client.post(url("filing_withdraw", draft_a))
    response = client.post(url("filing_delete", draft_a))
    assert "该备案已提交过审核，审核记录须保留，不能删除；可修改后重新提交" in texts(response)
    assert Filing.objects.filter(pk=draft_a.pk).exists()
    fresh = new_filing(client)
    page = client.get(url("filing_detail", fresh)).content.decode()
    assert 'data-testid="filing-delete"' in page
    response = client.post(url("filing_delete", fresh))
    assert response["Location"] == url("filings")
    assert not Filing.objects.filter(pk=fresh.pk).exists()
    assert AuditEntry.objects.filter(action="apprenticeships.filing_deleted").count() == 1


def test_a_second_class_on_the_tab_is_refused(client, admin_a, draft_a):
    client.force_login(admin_a)
    response = client.post(url("filing_class", draft_a), {**class_data(), "new": "1"})
    assert "一次备案只允许新增一条培训信息" in response.content.decode()
    assert TrainingClass.objects.filter(filing=draft_a).count() == 1


def test_class_import_refused_when_one_exists(client, admin_a, draft_a, run_on_commit):
    client.force_login(admin_a)
    import_url = reverse("batch:import", args=["apprenticeship_class"]) + f"?parent={draft_a.pk}"
    rows = [["焊工", "", "中级工（四级）", START, END, 300, "脱产", ""]]
    run_on_commit(lambda: client.post(import_url, {"file": xlsx_upload(xlsx_bytes(rows, headers=CLASS_HEADERS))}))
    job = BatchJob.objects.get()
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.ROWS_FAILED, 0, 1)
    assert [error.message for error in job.row_errors.all()] == ["一次备案只允许新增一条培训信息"]
    assert TrainingClass.objects.get(filing=draft_a).occupation == "电工"


def test_class_import_denied(client, admin_b, claimer_a, draft_a, filing_a):
    for user, status in ((admin_b, 404), (claimer_a, 403)):
        client.force_login(user)
        response = client.get(reverse("batch:import", args=["apprenticeship_class"]) + f"?parent={draft_a.pk}")
        assert response.status_code == status


# ------------------------------------------------------------------------------------------ 办理结果


def test_list_filters_and_malformed_queries(client, admin_a, enterprise_a, draft_a, filing_a, filing_b):
    client.force_login(admin_a)
    response = client.get(url("filings"))
    assert {item.pk for item in response.context["object_list"]} == {draft_a.pk, filing_a.pk}
    response = client.get(url("filings"), {"status": "approved"})
    assert [item.pk for item in response.context["object_list"]] == [filing_a.pk]
    response = client.get(url("filings"), {"number": draft_a.number[-6:]})
    assert [item.pk for item in response.context["object_list"]] == [draft_a.pk]
    month = timezone.localdate().strftime("%Y-%m")
    response = client.get(url("filings"), {"month": month, "apprenticeship_type": "enterprise"})
    assert len(response.context["object_list"]) == 2
    assert not client.get(url("filings"), {"month": "2020-01"}).context["object_list"]
    for bad in ({"month": "2026-13"}, {"month": "abc"}, {"status": "nonsense"}, {"apprenticeship_type": "x"},
                {"page": "zz"}):
        response = client.get(url("filings"), bad)
        assert response.status_code == 200
    # A malformed filter: its message beside the field and no rows, not the list less filtered than asked.
    for bad, field, message in (({"month": "2026-13"}, "month", "月份格式应为 2026-03"),
                                ({"status": "nonsense"}, "status", "请选择列表中的状态"),
                                ({"apprenticeship_type": "x"}, "apprenticeship_type", "请选择列表中的学徒制培训类型")):
        response = client.get(url("filings"), bad)
        assert response.status_code == 200 and list(response.context["object_list"]) == []
        assert response.context["form"].errors[field] == [message]
        assert "暂无备案" in response.content.decode() and "进入处理" not in response.content.decode()
    assert texts(client.get(url("filings"), {"month": "2026-13"})) == ["查询条件有误：月份格式应为 2026-03"]


# ------------------------------------------------------------------------------------------ deny


def test_other_enterprise_and_roles_are_refused(client, admin_b, claimer_a, member_a, filer_a, draft_a,
                                               education_reviewer, other_city_reviewer, county_reviewer_b,
                                               institution_b_admin):
    tabs = ("filing_edit", "filing_institution", "filing_class", "filing_materials")
    for user in (admin_b, member_a, education_reviewer, other_city_reviewer, county_reviewer_b,
                 institution_b_admin):
        client.force_login(user)
        assert client.get(url("filing_detail", draft_a)).status_code == 404
        for name in tabs:
            assert client.get(url(name, draft_a)).status_code == 404
    client.force_login(claimer_a)  # sees the filing, may not file
    assert client.get(url("filing_detail", draft_a)).status_code == 200
    for name in tabs:
        assert client.get(url(name, draft_a)).status_code == 403
    for name in ("filing_submit", "filing_withdraw", "filing_delete"):
        assert client.post(url(name, draft_a)).status_code == 403
    for user in (claimer_a, member_a):
        client.force_login(user)
        assert client.get(url("filings")).status_code == 403
        assert client.get(url("filing_new")).status_code == 403
    client.force_login(filer_a)  # files, but submitting needs the submit permission too
    assert client.get(url("filing_edit", draft_a)).status_code == 200
    response = client.post(url("filing_submit", draft_a))
    assert "提交审核还需要“提交申报、撤回申报”权限，请联系单位管理员" in texts(response)
    assert Filing.objects.get(pk=draft_a.pk).status == FilingStatus.DRAFT


def test_only_the_enterprises_county_decides(client, admin_a, draft_a, offices, county_reviewer_b,
                                             other_city_reviewer, city_reviewer):
    client.force_login(admin_a)
    client.post(url("filing_submit", draft_a))
    review = latest_review_for(draft_a)
    step = review.steps.get(position=0)
    for reviewer in (county_reviewer_b, other_city_reviewer):
        client.force_login(reviewer)
        response = client.post(reverse("reviews:decide", args=[review.pk]),
                               {"decision": "approve", "reason": "", "step_id": step.pk})
        assert response.status_code == 404
    client.force_login(city_reviewer)  # the city sees it, the county decides
    client.post(reverse("reviews:decide", args=[review.pk]), {"decision": "approve", "reason": "", "step_id": step.pk})
    assert Filing.objects.get(pk=draft_a.pk).status == FilingStatus.SUBMITTED


def test_trainees_places_are_not_held_by_a_draft(draft_a):
    assert not Trainee.objects.filter(filing=draft_a, holds_place=True).exists()


def test_wrong_states_change_nothing(client, admin_a, filing_a, enterprise_b):
    client.force_login(admin_a)
    response = client.post(url("filing_submit", filing_a))
    assert "备案当前状态为“审核通过”，不能修改" in texts(response)
    response = client.post(url("filing_materials", filing_a),
                           {"material": "plan", "file": upload("plan.pdf", pdf_bytes(), "application/pdf")})
    assert "备案当前状态为“审核通过”，不能修改" in texts(response)
    response = client.post(url("filing_edit", filing_a), {"apprenticeship_type": "enterprise", "contact_name": "改",
                                                          "contact_phone": "0371-1234567"})
    assert "备案当前状态为“审核通过”，不能修改" in texts(response)
    assert Filing.objects.get(pk=filing_a.pk).contact_name != "改"
    assert Review.objects.count() == 0
    # Only training institutions and schools may be named.
    draft = ap.filing(filing_a.organisation, by=admin_a)
    with pytest.raises(services.ValidationError):
        services.save_institution(filing=draft, actor=admin_a, institution=enterprise_b)


def test_a_complete_draft_never_submitted_is_deleted_with_its_rows(client, admin_a, draft_a):
    client.force_login(admin_a)
    response = client.post(url("filing_delete", draft_a))
    assert response["Location"] == url("filings")
    assert not Filing.objects.filter(pk=draft_a.pk).exists()
    assert not Trainee.objects.filter(filing_id=draft_a.pk).exists()
    assert not FilingMaterial.objects.filter(filing_id=draft_a.pk).exists()


def test_the_chain_county_then_filed_with_the_city_or_the_city_alone(enterprise_a, admin_a):
    from apprenticeships.kinds import filing_chain

    county = ap.filing(enterprise_a, by=admin_a)
    assert [(step.level, step.region.code, step.is_filing) for step in filing_chain(county)] == [
        ("county", "410105", False), ("city", "410100", True)]
    city_enterprise = factories.OrganisationFactory(name="市直企业", region=factories.region("410100"))
    city = ap.filing(city_enterprise)
    assert [(step.level, step.region.code, step.is_filing) for step in filing_chain(city)] == [
        ("city", "410100", False)]


def test_tabs_of_an_approved_filing_are_read_only(client, admin_a, filing_a):
    client.force_login(admin_a)
    for name, form in (("filing_edit", "info-form"), ("filing_institution", "institution-form"),
                       ("filing_class", "class-form"), ("filing_materials", 'type="file"')):
        page = client.get(url(name, filing_a)).content.decode()
        assert 'data-testid="read-only"' in page and form not in page
    assert 'data-testid="training-class"' in client.get(url("filing_class", filing_a)).content.decode()
    assert 'data-testid="filing-submit"' not in client.get(url("filing_edit", filing_a)).content.decode()
