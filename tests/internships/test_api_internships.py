"""实习 and its 三方协议 through /api/v1/internships/internships/: the school fills the terms under If-Match, the
student confirms what they read (session), the school uploads the consent form and signs, the parties print the
PDF; the early end; everyone else refused."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from audit.models import AuditEntry
from core.masking import mask_id_number
from internships.models import Internship, InternshipStatus
from tests.api.keys import auth, token_for
from tests.attachments.files import pdf_bytes
from tests.internships import factories as f

pytestmark = pytest.mark.django_db
API = "/api/v1/internships/internships"


@pytest.fixture
def internship(host_a, admin_a, student_record):
    return f.internship(f.application(student_record, f.position(host_a, admin_a)))


def terms(internship, **overrides):
    return {"starts_on": internship.starts_on.isoformat(), "ends_on": internship.ends_on.isoformat(),
            "address": "郑州市金水区文化路1号", "content": "数控加工", "pay": "2600", "pay_period": "monthly",
            "pay_method": "money", "lodging": "shared_small", "working_time": "每日8小时，不加班不上夜班",
            "insurance_note": "学校投保实习责任保险", "teacher_name": "赵老师", "teacher_phone": "13800000001",
            "other_terms": "", **overrides}


def pdf(name="文件.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def test_the_agreement_from_terms_to_signature(client, school_admin, student, admin_a, internship):
    school = auth(token_for(school_admin, scopes=["internships:read", "internships:write"]))
    url = f"{API}/{internship.pk}/"
    assert client.get(f"{url}agreement/pdf/", **school).status_code == 409  # no terms yet, as on screen
    etag = client.get(url, **school)["ETag"]
    filled = client.put(f"{url}agreement/", terms(internship), content_type="application/json",
                        HTTP_IF_MATCH=etag, **school)
    assert filled.status_code == 200, filled.json()
    assert filled.json()["agreement_terms"]["teacher_name"] == "赵老师" and filled.json()["terms_digest"]

    client.force_login(student)  # the student reads the internship with their session and confirms its digest
    read = client.get(url)
    assert read.status_code == 200 and read.json()["student_confirmed_at"] is None
    confirmed = client.post(f"{url}agreement/confirm/", {"digest": read.json()["terms_digest"]},
                            content_type="application/json")
    assert confirmed.status_code == 200 and confirmed.json()["student_confirmed_at"] is not None
    assert client.get(f"{API}/mine/").json()["results"][0]["id"] == internship.pk
    client.logout()

    uploaded = client.post(f"{url}agreement/consent/", {"file": pdf("知情同意书.pdf")}, **school)
    assert uploaded.status_code == 200 and uploaded.json()["has_consent_form"] is True
    signed = client.post(f"{url}agreement/sign/", **school)
    assert signed.status_code == 200 and signed.json()["status"] == InternshipStatus.AGREEMENT_SIGNED
    copy = client.post(f"{url}agreement/copy/", {"file": pdf("协议.pdf")}, **school)
    assert copy.status_code == 200 and copy.json()["has_agreement_copy"] is True

    for headers in (school, auth(token_for(admin_a))):
        printed = client.get(f"{url}agreement/pdf/", **headers)
        assert printed.status_code == 200 and printed["Content-Type"] == "application/pdf"
        assert printed.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(action="internships.agreement_printed", target_id=str(internship.pk)).count() == 2


def test_the_terms_follow_the_forms_rules_and_the_etag(client, school_admin, internship):
    school = auth(token_for(school_admin))
    url = f"{API}/{internship.pk}/agreement/"
    etag = client.get(f"{API}/{internship.pk}/", **school)["ETag"]
    refused = client.put(url, terms(internship, pay_method="third_party"), content_type="application/json",
                         HTTP_IF_MATCH=etag, **school)
    assert refused.status_code == 400
    assert refused.json()["field"] == "pay_method"
    assert refused.json()["message"] == "实习报酬应以货币形式按时足额直接发放给学生本人"
    assert client.put(url, terms(internship), content_type="application/json", **school).status_code == 428
    assert client.put(url, terms(internship), content_type="application/json", HTTP_IF_MATCH=etag,
                      **school).status_code == 200
    stale = client.put(url, terms(internship, content="改过的内容"), content_type="application/json",
                       HTTP_IF_MATCH=etag, **school)
    assert stale.status_code == 412
    assert Internship.objects.get(pk=internship.pk).agreement_terms["content"] == "数控加工"


def test_a_stale_digest_is_not_confirmed(client, school_admin, student, internship):
    school = auth(token_for(school_admin))
    client.put(f"{API}/{internship.pk}/agreement/", terms(internship), content_type="application/json",
               HTTP_IF_MATCH="*", **school)
    client.force_login(student)
    response = client.post(f"{API}/{internship.pk}/agreement/confirm/", {"digest": "0" * 16},
                           content_type="application/json")
    assert response.status_code == 400 and response.json()["message"] == "学校已修改协议条款，请重新阅读后再确认"
    assert Internship.objects.get(pk=internship.pk).student_confirmed_at is None


def test_the_school_ends_early_and_nobody_else_may(client, school_admin, school_b_admin, admin_a, admin_b,
                                                    education_reviewer, internship):
    url = f"{API}/{internship.pk}/end/"
    body = {"ended_on": timezone.localdate().isoformat(), "reason": "学生身体原因"}
    for user, status in ((admin_a, 403), (admin_b, 404), (school_b_admin, 404), (education_reviewer, 403)):
        assert client.post(url, body, content_type="application/json", **auth(token_for(user))).status_code == status
    read_only = client.post(url, body, content_type="application/json",
                            **auth(token_for(school_admin, scopes=["internships:read"])))
    assert read_only.status_code == 403 and read_only.json()["code"] == "scope_missing"
    later = client.post(url, {**body, "ended_on": (timezone.localdate() + datetime.timedelta(days=1)).isoformat()},
                        content_type="application/json", **auth(token_for(school_admin)))
    assert later.status_code == 400 and later.json()["message"] == "终止日期不能晚于今天"
    assert Internship.objects.get(pk=internship.pk).status == InternshipStatus.SIGNED
    ended = client.post(url, body, content_type="application/json", **auth(token_for(school_admin)))
    assert ended.status_code == 200, ended.json()
    assert (ended.json()["status"], ended.json()["end_reason"]) == ("ended_early", "学生身体原因")
    again = client.post(url, body, content_type="application/json", **auth(token_for(school_admin)))
    assert again.status_code == 400 and again.json()["message"] == "实习当前状态为“提前终止”，不能提前终止"


def test_the_id_number_is_masked_as_on_screen(client, school_admin, admin_a, education_reviewer, student,
                                               internship):
    whole = internship.student.id_number
    masked = mask_id_number(whole)
    seen = {}
    for name, user in (("school", school_admin), ("enterprise", admin_a), ("education", education_reviewer)):
        seen[name] = client.get(f"{API}/{internship.pk}/", **auth(token_for(user))).json()["student_id_number"]
    client.force_login(student)
    seen["student"] = client.get(f"{API}/{internship.pk}/").json()["student_id_number"]
    # the parties' administrators hold organisations.view_personal_data; the student does not (nor on screen)
    assert seen == {"school": whole, "enterprise": whole, "education": whole, "student": masked}


def test_the_education_department_lists_its_regions_internships(client, education_reviewer,
                                                                education_other_reviewer, school_admin, internship):
    supervision = "/api/v1/internships/supervision/"
    listed = client.get(supervision, {"status": "signed"}, **auth(token_for(education_reviewer)))
    assert listed.status_code == 200
    assert [row["id"] for row in listed.json()["results"]] == [internship.pk]
    assert client.get(supervision, {"status": "arrived"}, **auth(token_for(education_reviewer))).json()[
        "results"] == []
    assert client.get(supervision, {"active_from": "2026-05-01", "active_until": "2026-04-01"},
                      **auth(token_for(education_reviewer))).status_code == 400
    assert client.get(supervision, **auth(token_for(education_other_reviewer))).json()["results"] == []
    assert client.get(supervision, **auth(token_for(school_admin))).status_code == 403


def test_the_enterprise_confirms_an_arrival(client, host_a, admin_a, admin_b, school, school_admin, internship):
    starts, ends = f.TODAY - datetime.timedelta(days=10), f.TODAY + datetime.timedelta(days=120)
    running = f.position(host_a, admin_a, title="已开始的岗位", starts_on=starts, ends_on=ends)
    agreed = f.internship(f.application(f.student(school, name="王同学"), running),
                          status=InternshipStatus.AGREEMENT_SIGNED)
    f.policy(school, host_a, school_admin, [agreed], starts_on=starts, ends_on=ends)  # insured: may arrive
    headers = auth(token_for(admin_a))
    listed = client.get("/api/v1/internships/arrivals/", {"status": "agreement_signed"}, **headers)
    assert listed.status_code == 200 and [row["id"] for row in listed.json()["results"]] == [agreed.pk]
    assert client.get("/api/v1/internships/arrivals/", {"status": "completed"}, **headers).status_code == 400
    today = timezone.localdate()
    body = {"arrived_on": today.isoformat()}
    early = client.post(f"{API}/{internship.pk}/arrival/", body, content_type="application/json", **headers)
    assert early.status_code == 400 and early.json()["message"] == "三方协议签署后才能确认到岗"
    url = f"{API}/{agreed.pk}/arrival/"
    assert client.post(url, body, content_type="application/json", **auth(token_for(admin_b))).status_code == 404
    assert client.post(url, body, content_type="application/json",
                       **auth(token_for(school_admin))).status_code == 403
    future = client.post(url, {"arrived_on": (today + datetime.timedelta(days=1)).isoformat()},
                         content_type="application/json", **headers)
    assert future.status_code == 400 and (future.json()["field"], future.json()["message"]) == (
        "arrived_on", "到岗日期不能晚于今天")
    arrived = client.post(url, body, content_type="application/json", **headers)
    assert arrived.status_code == 200, arrived.json()
    assert (arrived.json()["status"], arrived.json()["arrived_on"]) == ("arrived", today.isoformat())


def test_evaluations_by_the_enterprise_and_the_student(client, host_a, admin_a, school_admin, education_other_reviewer,
                                                        student, student_record):
    arrived = f.internship(f.application(student_record, f.position(host_a, admin_a)),
                           status=InternshipStatus.ARRIVED)
    url = f"{API}/{arrived.pk}/evaluations/"
    body = {"stage": "process", "grade": "good", "comment": "工作认真"}
    enterprise = auth(token_for(admin_a))
    page = client.get(url, **enterprise).json()
    assert (page["side"], page["open_stages"], page["evaluations"]) == ("enterprise", ["process", "final"], [])
    assert client.post(url, {**body, "grade": "best"}, content_type="application/json",
                       **enterprise).json()["field"] == "grade"
    written = client.post(url, body, content_type="application/json", **enterprise)
    assert written.status_code == 201, written.json()
    assert [(item["side"], item["grade"], item["comment"]) for item in written.json()["evaluations"]] == [
        ("enterprise", "good", "工作认真")]
    assert client.post(url, {**body, "stage": "final"}, content_type="application/json",
                       **enterprise).status_code == 201
    twice = client.post(url, {**body, "stage": "final"}, content_type="application/json", **enterprise)
    assert twice.status_code == 400 and (twice.json()["field"], twice.json()["message"]) == (
        "stage", "实习总结评价只能提交一次")

    client.force_login(student)
    assert client.post(url, {**body, "comment": "企业很好"}, content_type="application/json").status_code == 201
    assert [row["id"] for row in client.get("/api/v1/internships/evaluations/").json()["results"]] == [arrived.pk]
    client.logout()

    school = auth(token_for(school_admin))
    assert client.get(url, **school).json()["side"] is None
    assert client.post(url, body, content_type="application/json", **school).status_code == 403
    assert client.post(url, body, content_type="application/json",
                       **auth(token_for(education_other_reviewer))).status_code == 404
    assert [item["side"] for item in client.get(url, **school).json()["evaluations"]] == [
        "enterprise", "enterprise", "student"]
