"""The internship's page and the tripartite agreement: the school fills the terms, the student confirms
online, the school uploads the consent form and signs; the PDF and the signed copy for the three parties."""

import datetime
from decimal import Decimal

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEntry
from internships.models import Internship, InternshipStatus
from internships.services import school as services
from notifications.models import Notification
from tests import factories
from tests.attachments.files import pdf_bytes
from tests.internships import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a)


@pytest.fixture
def internship(student_record, position):
    return f.internship(f.application(student_record, position))


def _terms(internship, **overrides):
    data = {
        "starts_on": internship.starts_on.isoformat(), "ends_on": internship.ends_on.isoformat(),
        "address": "郑州市金水区文化路1号", "content": "数控加工", "pay": "2600", "pay_period": "monthly",
        "pay_method": "money", "lodging": "shared_small", "working_time": "每日8小时，不加班不上夜班",
        "insurance_note": "学校投保实习责任保险", "teacher_name": "赵老师", "teacher_phone": "13800000001",
        "other_terms": "",
    }
    data.update(overrides)
    return data


def _pdf(name="文件.pdf"):
    return SimpleUploadedFile(name, pdf_bytes(), content_type="application/pdf")


def _fill(client, school_admin, internship, **overrides):
    client.force_login(school_admin)
    return client.post(reverse("internships:agreement_terms", args=[internship.pk]), _terms(internship, **overrides))


def _confirm(client, student, internship):
    internship.refresh_from_db()
    client.force_login(student)
    return client.post(reverse("internships:agreement_confirm", args=[internship.pk]),
                       {"digest": services.terms_digest(internship.agreement_terms)})


def _consent(client, school_admin, internship):
    client.force_login(school_admin)
    return client.post(reverse("internships:consent_upload", args=[internship.pk]), {"consent-file": _pdf()})


def _sign(client, school_admin, internship):
    client.force_login(school_admin)
    return client.post(reverse("internships:agreement_sign", args=[internship.pk]))


# --- the page --------------------------------------------------------------------------------------------------

def test_detail_shows_the_parties_the_dates_and_the_actions_of_the_school(client, school_admin, internship):
    client.force_login(school_admin)
    response = client.get(reverse("internships:internship_detail", args=[internship.pk]))
    assert response.status_code == 200
    page = response.content.decode()
    assert "张同学" in page
    assert internship.enterprise.name in page
    assert f"{internship.starts_on:%Y-%m-%d} 至 {internship.ends_on:%Y-%m-%d}" in page
    assert 'data-testid="agreement-terms-link"' in page
    assert 'data-testid="end-early-link"' in page
    assert 'data-testid="confirm-agreement"' not in page


@pytest.mark.parametrize("persona, status", [
    ("admin_a", 200), ("student", 200), ("education_reviewer", 200), ("province_education_reviewer", 200),
    ("admin_b", 404), ("school_b_admin", 404), ("student_b_person", 404), ("education_other_reviewer", 404),
    ("county_reviewer_a", 404), ("staff_manager_a", 404), ("outsider", 404),
])
def test_who_sees_the_internship(client, request, internship, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("internships:internship_detail", args=[internship.pk])).status_code == status


def test_enterprise_and_education_see_no_school_actions(client, admin_a, education_reviewer, internship):
    for user in (admin_a, education_reviewer):
        client.force_login(user)
        page = client.get(reverse("internships:internship_detail", args=[internship.pk])).content.decode()
        assert 'data-testid="agreement-terms-link"' not in page
        assert 'data-testid="sign-agreement"' not in page
        assert client.get(reverse("internships:agreement_terms", args=[internship.pk])).status_code == 403
        assert client.post(reverse("internships:agreement_sign", args=[internship.pk])).status_code == 403
        assert client.post(reverse("internships:end_early", args=[internship.pk])).status_code == 403


# --- terms ------------------------------------------------------------------------------------------------------

def test_terms_form_is_prefilled_from_the_position(client, school_admin, internship):
    client.force_login(school_admin)
    response = client.get(reverse("internships:agreement_terms", args=[internship.pk]))
    assert response.status_code == 200
    form = response.context["form"]
    assert form.initial["pay"] == Decimal("2400")
    assert form.initial["starts_on"] == internship.starts_on
    assert form.initial["lodging"] == "shared_small"
    assert "郑州市金水区文化路1号" in form.initial["address"]


def test_school_fills_the_terms_and_the_student_is_told(client, school_admin, student, internship):
    response = _fill(client, school_admin, internship, ends_on=(internship.ends_on - datetime.timedelta(days=10))
                     .isoformat())
    assert response.status_code == 302
    internship.refresh_from_db()
    assert internship.agreement_terms["pay"] == "2600.00"
    assert internship.agreement_terms["pay_period"] == "monthly"
    assert internship.ends_on == internship.position.ends_on - datetime.timedelta(days=10)
    assert internship.status == InternshipStatus.SIGNED
    assert Notification.objects.filter(recipient=student, title="实习协议待您确认").count() == 1
    assert AuditEntry.objects.filter(action="internships.agreement_terms", target_id=str(internship.pk)).count() == 1


@pytest.mark.parametrize("overrides, field, message", [
    ({"pay": "2399.99"}, "pay", "实习报酬原则上不低于本单位相同岗位工资标准的 80%（2400.00 元/月）"),
    ({"pay_period": "quarterly"}, "pay_period", "实习报酬的发放周期原则上不得超过 1 个月"),
    ({"pay_method": "in_kind"}, "pay_method", "实习报酬应以货币形式按时足额直接发放给学生本人"),
    ({"pay_method": "bitcoin"}, "pay_method", "请从列表中选择报酬发放方式"),
    ({"pay": "abc"}, "pay", "请输入金额数字"),
    ({"starts_on": "2026-13-01"}, "starts_on", "日期格式应为 2026-03-01"),
    ({"teacher_phone": "phone"}, "teacher_phone", "请输入正确的电话号码（数字，可含“-”）"),
    ({"address": ""}, "address", "请填写实习地点"),
])
def test_bad_terms_are_refused_next_to_the_field(client, school_admin, internship, overrides, field, message):
    response = _fill(client, school_admin, internship, **overrides)
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    internship.refresh_from_db()
    assert internship.agreement_terms == {}


def test_end_before_start_is_refused(client, school_admin, internship):
    response = _fill(client, school_admin, internship, ends_on=internship.starts_on.isoformat())
    assert response.context["form"].errors["ends_on"] == ["实习结束日期须晚于开始日期"]


def test_a_first_year_student_cannot_start(client, school, school_admin, position):
    freshman = f.student(school, name="新生", enrolled_on=f.STARTS_ON - datetime.timedelta(days=100))
    internship = f.internship(f.application(freshman, position))
    response = _fill(client, school_admin, internship)
    assert response.context["form"].errors["starts_on"] == ["学生在实习开始日期仍处于第一学年，不能安排岗位实习"]


def test_an_under_16_student_cannot_start(client, school, school_admin, position):
    young = f.student(school, name="小同学", id_number=factories.make_id_number(
        f"{f.STARTS_ON.year - 15}{f.STARTS_ON:%m%d}"))
    internship = f.internship(f.application(young, position))
    response = _fill(client, school_admin, internship)
    assert "学生在实习开始日期未满 16 周岁，不能安排岗位实习" in response.context["form"].errors["starts_on"]


def test_other_school_cannot_fill_the_terms(client, school_b_admin, school_member, internship):
    client.force_login(school_b_admin)
    assert client.get(reverse("internships:agreement_terms", args=[internship.pk])).status_code == 404
    client.force_login(school_member)  # the school's sub-admin without the programme's permission
    assert client.get(reverse("internships:agreement_terms", args=[internship.pk])).status_code == 404


def test_terms_cannot_change_after_signing(client, school_admin, position, school):
    person = factories.individual(username="signed_one", real_name="孙同学")
    internship = f.internship(f.application(f.student(school, person=person), position),
                              status=InternshipStatus.AGREEMENT_SIGNED)
    response = _fill(client, school_admin, internship)
    assert response.status_code == 302
    internship.refresh_from_db()
    assert internship.agreement_terms == {}
    with pytest.raises(Exception, match="不能修改协议条款"):
        services.save_agreement_terms(internship=internship, actor=school_admin, terms={
            "starts_on": internship.starts_on, "ends_on": internship.ends_on})


# --- confirm, consent, sign -------------------------------------------------------------------------------------

def test_the_whole_agreement_flow(client, school_admin, student, admin_a, internship):
    assert _fill(client, school_admin, internship).status_code == 302
    client.force_login(student)
    page = client.get(reverse("internships:internship_detail", args=[internship.pk])).content.decode()
    assert 'data-testid="confirm-agreement"' in page
    assert _confirm(client, student, internship).status_code == 302
    internship.refresh_from_db()
    assert internship.student_confirmed_at is not None
    assert _consent(client, school_admin, internship).status_code == 302
    internship.refresh_from_db()
    assert internship.consent_form.purpose == "internship_consent"
    assert _sign(client, school_admin, internship).status_code == 302
    internship.refresh_from_db()
    assert internship.status == InternshipStatus.AGREEMENT_SIGNED
    assert internship.agreement_signed_by == school_admin
    assert internship.agreement_signed_at is not None
    assert Notification.objects.filter(recipient=admin_a, title="三方实习协议已签署").count() == 1
    assert Notification.objects.filter(recipient=student, title="三方实习协议已签署").count() == 1
    entry = AuditEntry.objects.get(action="internships.internship_status", target_id=str(internship.pk))
    assert entry.before["status"] == "signed" and entry.after["status"] == "agreement_signed"


def test_sign_refused_without_confirmation_and_consent(client, school_admin, internship):
    _fill(client, school_admin, internship)
    response = _sign(client, school_admin, internship)
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages[-1] == "学生尚未在线确认实习协议；尚未上传知情同意书"
    internship.refresh_from_db()
    assert internship.status == InternshipStatus.SIGNED


def test_sign_refused_without_terms(client, school_admin, internship):
    response = _sign(client, school_admin, internship)
    assert [str(m) for m in response.wsgi_request._messages][-1] == (
        "学校尚未填写实习协议条款；学生尚未在线确认实习协议；尚未上传知情同意书")


def test_sign_refused_when_the_enterprise_is_blacklisted(client, school_admin, student, internship, host_a):
    _fill(client, school_admin, internship)
    _confirm(client, student, internship)
    _consent(client, school_admin, internship)
    f.host_profile(host_a, blacklisted=True)
    response = _sign(client, school_admin, internship)
    assert [str(m) for m in response.wsgi_request._messages][-1] == "该企业已列入黑名单，不能签署实习协议"
    internship.refresh_from_db()
    assert internship.status == InternshipStatus.SIGNED


def test_sign_refused_in_a_wrong_state(client, school_admin, school, position):
    person = factories.individual(username="arrived_one", real_name="周同学")
    internship = f.internship(f.application(f.student(school, person=person), position),
                              status=InternshipStatus.ARRIVED)
    response = _sign(client, school_admin, internship)
    assert [str(m) for m in response.wsgi_request._messages][-1] == "实习当前状态为“已到岗”，不能签署协议"


def test_changed_terms_withdraw_the_confirmation(client, school_admin, student, internship):
    _fill(client, school_admin, internship)
    _confirm(client, student, internship)
    _fill(client, school_admin, internship, pay="2800")
    internship.refresh_from_db()
    assert internship.student_confirmed_at is None


def test_confirmation_of_stale_terms_is_refused(client, school_admin, student, internship):
    _fill(client, school_admin, internship)
    internship.refresh_from_db()
    old = services.terms_digest(internship.agreement_terms)
    _fill(client, school_admin, internship, pay="2800")
    client.force_login(student)
    response = client.post(reverse("internships:agreement_confirm", args=[internship.pk]), {"digest": old})
    assert [str(m) for m in response.wsgi_request._messages][-1] == "学校已修改协议条款，请重新阅读后再确认"
    internship.refresh_from_db()
    assert internship.student_confirmed_at is None


def test_confirm_refused_before_terms_and_twice(client, school_admin, student, internship):
    client.force_login(student)
    response = client.post(reverse("internships:agreement_confirm", args=[internship.pk]), {"digest": "x"})
    assert [str(m) for m in response.wsgi_request._messages][-1] == "学校尚未填写实习协议条款"
    _fill(client, school_admin, internship)
    _confirm(client, student, internship)
    response = _confirm(client, student, internship)
    assert [str(m) for m in response.wsgi_request._messages][-1] == "您已确认过该实习协议"


def test_only_the_student_confirms(client, school_admin, admin_a, student_b_person, outsider, internship):
    _fill(client, school_admin, internship)
    for user, status in ((school_admin, 403), (admin_a, 403), (student_b_person, 404), (outsider, 404)):
        client.force_login(user)
        assert client.post(reverse("internships:agreement_confirm", args=[internship.pk]),
                           {"digest": "x"}).status_code == status
    internship.refresh_from_db()
    assert internship.student_confirmed_at is None


def test_consent_upload_refuses_a_wrong_file(client, school_admin, internship):
    client.force_login(school_admin)
    response = client.post(reverse("internships:consent_upload", args=[internship.pk]),
                           {"consent-file": SimpleUploadedFile("a.pdf", b"not a pdf", content_type="application/pdf")})
    assert response.status_code == 302
    internship.refresh_from_db()
    assert internship.consent_form is None


# --- the PDF and the signed copy ----------------------------------------------------------------------------------

@pytest.mark.parametrize("persona", ["school_admin", "admin_a", "student", "education_reviewer"])
def test_agreement_pdf_renders_for_the_parties(client, request, school_admin, internship, persona):
    _fill(client, school_admin, internship)
    client.force_login(request.getfixturevalue(persona))
    response = client.get(reverse("internships:agreement_pdf", args=[internship.pk]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")


def test_agreement_pdf_is_not_for_others(client, school_admin, admin_b, school_b_admin, internship):
    _fill(client, school_admin, internship)
    for user in (admin_b, school_b_admin):
        client.force_login(user)
        assert client.get(reverse("internships:agreement_pdf", args=[internship.pk])).status_code == 404


def test_signed_copy_is_downloadable_by_the_three_parties_only(client, school_admin, student, admin_a, admin_b,
                                                               education_reviewer, school_b_admin, internship):
    _fill(client, school_admin, internship)
    client.force_login(school_admin)
    client.post(reverse("internships:agreement_copy_upload", args=[internship.pk]), {"copy-file": _pdf("协议.pdf")})
    internship.refresh_from_db()
    assert internship.agreement_copy.purpose == "internship_agreement"
    url = reverse("attachments:download", args=[internship.agreement_copy.pk])
    for user, status in ((school_admin, 200), (student, 200), (admin_a, 200), (education_reviewer, 200),
                         (admin_b, 404), (school_b_admin, 404)):
        client.force_login(user)
        assert client.get(url).status_code == status, user


def test_copy_needs_terms(client, school_admin, internship):
    client.force_login(school_admin)
    response = client.post(reverse("internships:agreement_copy_upload", args=[internship.pk]),
                           {"copy-file": _pdf()})
    assert [str(m) for m in response.wsgi_request._messages][-1] == "请先填写实习协议条款"
    assert Internship.objects.get(pk=internship.pk).agreement_copy is None


# --- the student's page -----------------------------------------------------------------------------------------

def test_student_finds_the_agreement_to_confirm_on_my_internships(client, school_admin, student, internship):
    _fill(client, school_admin, internship)
    client.force_login(student)
    response = client.get(reverse("internships:my_internships"))
    assert response.status_code == 200
    assert [item.pk for item in response.context["internships"]] == [internship.pk]
    assert 'data-testid="to-confirm"' in response.content.decode()


@pytest.mark.parametrize("persona", ["school_admin", "admin_a", "outsider", "education_reviewer"])
def test_my_internships_is_for_students(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("internships:my_internships")).status_code == 403
