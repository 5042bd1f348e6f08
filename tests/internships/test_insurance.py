"""实习保险: filing the electronic policy (school and enterprise), the period and overlap rules, the declaration
of the dedicated insurance, the PDF only, adding and importing insured students, the group coverage check, the
daily reminder before a policy ends, the printed list and the insurers' page."""

import datetime

import pytest
from django.urls import reverse

from attachments.models import Attachment
from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from internships.models import Coverage, Insurer, InternshipStatus, Policy, RegionSetting
from internships.services import insurance as services
from notifications.models import Notification
from tests.attachments.files import pdf_bytes, png_upload, upload
from tests.batch.helpers import upload as xlsx_upload
from tests.batch.helpers import xlsx_bytes
from tests.internships import factories as f

pytestmark = pytest.mark.django_db

POLICY_STARTS = f.STARTS_ON - datetime.timedelta(days=7)
POLICY_ENDS = f.ENDS_ON + datetime.timedelta(days=7)


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a)


@pytest.fixture
def internship(student_record, position):
    return f.internship(f.application(student_record, position), status=InternshipStatus.AGREEMENT_SIGNED)


@pytest.fixture
def classmate(school, position):
    record = f.student(school, name="王同学")
    return f.internship(f.application(record, position), status=InternshipStatus.SIGNED)


def policy_data(**overrides):
    data = {"policy_number": "PICC-2026-0001", "insurer": "中国人民财产保险股份有限公司",
            "starts_on": POLICY_STARTS.isoformat(), "ends_on": POLICY_ENDS.isoformat(),
            "document": upload("保单.pdf", pdf_bytes(), "application/pdf"), "is_internship_liability": "on"}
    data.update(overrides)
    return data


def field_errors(response, name):
    return [str(error) for error in response.context["form"].errors.get(name, [])]


def test_the_school_files_a_policy_for_its_students_at_an_enterprise(client, school_admin, admin_a, host_a,
                                                                     internship, classmate):
    client.force_login(school_admin)
    assert client.get(reverse("internships:policy_create")).status_code == 200
    response = client.post(reverse("internships:policy_create"), policy_data(
        enterprise=host_a.pk, internships=[internship.pk, classmate.pk]))
    policy = Policy.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("internships:policy_detail", args=[policy.pk])
    assert (policy.filed_by_organisation, policy.enterprise, policy.starts_on, policy.ends_on,
            policy.is_internship_liability, policy.created_by) == (
        school_admin.organisation, host_a, POLICY_STARTS, POLICY_ENDS, True, school_admin)
    assert policy.document.purpose == "internship_policy"
    assert sorted(Coverage.objects.values_list("internship_id", "starts_on", "ends_on")) == sorted([
        (internship.pk, POLICY_STARTS, POLICY_ENDS), (classmate.pk, POLICY_STARTS, POLICY_ENDS)])
    assert set(AuditEntry.objects.filter(action__startswith="internships.policy").values_list("action", flat=True)) \
        == {"internships.policy_filed", "internships.policy_students_added"}
    assert Notification.objects.filter(recipient=admin_a, title__contains="已备案实习责任保险保单").count() == 1
    page = client.get(reverse("internships:policy_detail", args=[policy.pk])).content.decode()
    assert "张同学" in page and "王同学" in page and "PICC-2026-0001" in page
    # The enterprise sees the policy the school filed for its interns, and downloads its PDF.
    client.force_login(admin_a)
    assert client.get(reverse("internships:policy_detail", args=[policy.pk])).status_code == 200
    assert client.get(reverse("attachments:download", args=[policy.document_id])).status_code == 200


def test_the_enterprise_files_a_policy_for_its_interns(client, admin_a, school_admin, host_a, internship):
    client.force_login(admin_a)
    form = client.get(reverse("internships:policy_create")).context["form"]
    assert "enterprise" not in form.fields
    response = client.post(reverse("internships:policy_create"), policy_data(internships=[internship.pk]))
    assert response.status_code == 302
    policy = Policy.objects.get()
    assert (policy.filed_by_organisation, policy.enterprise) == (host_a, host_a)
    assert list(policy.coverages.values_list("student_id", flat=True)) == [internship.student_id]
    assert Notification.objects.filter(recipient=school_admin, title__contains="已备案实习责任保险保单").exists()


def test_a_period_that_does_not_cover_the_internship_is_refused_and_nothing_is_saved(client, admin_a, internship):
    client.force_login(admin_a)
    response = client.post(reverse("internships:policy_create"), policy_data(
        starts_on=(f.STARTS_ON + datetime.timedelta(days=1)).isoformat(), internships=[internship.pk]))
    assert response.status_code == 200
    assert field_errors(response, "internships") == [
        f"保险期间未覆盖该学生的实习期（张同学：实习期 {f.STARTS_ON:%Y-%m-%d} 至 {f.ENDS_ON:%Y-%m-%d}）"]
    assert not Policy.objects.exists() and not Coverage.objects.exists()
    assert not Attachment.objects.filter(purpose="internship_policy").exists()


def test_a_second_policy_over_an_overlapping_period_is_refused(client, admin_a, school, school_admin, host_a,
                                                             internship):
    f.policy(school, host_a, school_admin, [internship], number="OLD-1")
    client.force_login(admin_a)
    response = client.post(reverse("internships:policy_create"), policy_data(internships=[internship.pk]))
    assert field_errors(response, "internships") == ["该学生在此期间已有实习责任保险保单，保险期间不能重叠（张同学）"]
    assert Policy.objects.count() == 1 and Coverage.objects.count() == 1


def test_only_the_dedicated_internship_liability_insurance_is_accepted(client, admin_a, internship):
    client.force_login(admin_a)
    data = policy_data(internships=[internship.pk])
    del data["is_internship_liability"]
    response = client.post(reverse("internships:policy_create"), data)
    assert field_errors(response, "is_internship_liability") == [
        "只能备案学生实习责任保险（实习专用险）；雇主责任险等其他险种不能替代，请重新选择"]
    assert not Policy.objects.exists()


def test_the_policy_must_be_a_pdf(client, admin_a, internship):
    client.force_login(admin_a)
    response = client.post(reverse("internships:policy_create"), policy_data(
        document=png_upload("保单.png"), internships=[internship.pk]))
    assert response.status_code == 200
    assert field_errors(response, "document")
    assert not Policy.objects.exists() and not Attachment.objects.exists()


def test_a_policy_number_is_filed_once_per_insurer(client, admin_a, school, school_admin, host_a, internship):
    f.policy(school, host_a, school_admin, number="PICC-2026-0001",
             starts_on=POLICY_ENDS + datetime.timedelta(days=1), ends_on=POLICY_ENDS + datetime.timedelta(days=300))
    client.force_login(admin_a)
    response = client.post(reverse("internships:policy_create"), policy_data(internships=[internship.pk]))
    assert field_errors(response, "policy_number") == ["该保险公司的此保单号已备案"]
    assert Policy.objects.count() == 1 and not Coverage.objects.exists()


def test_the_end_must_follow_the_start(client, admin_a, internship):
    client.force_login(admin_a)
    response = client.post(reverse("internships:policy_create"), policy_data(
        ends_on=POLICY_STARTS.isoformat(), internships=[internship.pk]))
    assert field_errors(response, "ends_on") == ["保险期间止必须晚于保险期间起"]


def test_a_school_insures_only_its_own_students_and_an_enterprise_only_its_interns(
        client, school_admin, school_b_admin, admin_b, host_a, host_b, internship, student_b_record, position):
    other = f.internship(f.application(student_b_record, position), status=InternshipStatus.SIGNED)
    client.force_login(school_admin)
    response = client.post(reverse("internships:policy_create"), policy_data(
        enterprise=host_a.pk, internships=[internship.pk, other.pk]))
    assert field_errors(response, "internships") == ["所选学生不在可投保的实习学生中"]
    client.force_login(admin_b)
    response = client.post(reverse("internships:policy_create"), policy_data(internships=[internship.pk]))
    assert field_errors(response, "internships") == ["所选学生不在可投保的实习学生中"]
    client.force_login(school_b_admin)  # its student is at enterprise A: it may file for enterprise A only
    response = client.post(reverse("internships:policy_create"), policy_data(enterprise=host_b.pk))
    assert field_errors(response, "enterprise") == ["请选择本校学生实习的企业"]
    assert not Policy.objects.exists()


@pytest.mark.parametrize("who", ["staff_manager_a", "education_reviewer", "student", "outsider"])
def test_who_may_not_file(client, request, who, internship):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("internships:policy_create")).status_code == 403
    assert client.post(reverse("internships:policy_create"), policy_data()).status_code == 403
    assert not Policy.objects.exists()


def test_students_are_added_to_a_filed_policy(client, school, school_admin, admin_a, host_a, internship, classmate):
    policy = f.policy(school, host_a, school_admin, [internship])
    client.force_login(school_admin)
    page = client.get(reverse("internships:policy_detail", args=[policy.pk]))
    assert list(page.context["add_form"].fields["internships"].queryset) == [classmate]
    response = client.post(reverse("internships:policy_add_students", args=[policy.pk]),
                           {"internships": [classmate.pk]})
    assert response.status_code == 302
    assert set(policy.coverages.values_list("internship_id", flat=True)) == {internship.pk, classmate.pk}
    # The enterprise sees the school's policy but adds nothing to it; another school does not see it.
    client.force_login(admin_a)
    assert client.post(reverse("internships:policy_add_students", args=[policy.pk]),
                       {"internships": [classmate.pk]}).status_code == 403


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def test_insured_students_are_imported_into_a_policy(client, school, school_admin, host_a, internship, classmate,
                                                     run_on_commit):
    policy = f.policy(school, host_a, school_admin)
    url = reverse("batch:import", args=["internship_insured_students"]) + f"?parent={policy.pk}"
    client.force_login(school_admin)
    assert client.get(url).status_code == 200
    rows = [[internship.student.id_number, "张同学"], [classmate.student.id_number, "王同学"],
            [classmate.student.id_number, "李四"]]
    run_on_commit(lambda: client.post(url, {"file": xlsx_upload(xlsx_bytes(rows, headers=["身份证号", "姓名"]))}))
    job = BatchJob.objects.get()
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 2, 1)
    assert set(policy.coverages.values_list("internship_id", flat=True)) == {internship.pk, classmate.pk}


def test_the_import_is_refused_into_another_organisations_policy(client, school, school_admin, admin_a, host_a,
                                                                 school_b_admin):
    policy = f.policy(school, host_a, school_admin)
    url = reverse("batch:import", args=["internship_insured_students"]) + f"?parent={policy.pk}"
    client.force_login(admin_a)  # sees the school's policy, does not file into it
    assert client.get(url).status_code == 403
    client.force_login(school_b_admin)
    assert client.get(url).status_code == 404


def test_every_student_of_a_group_is_insured(client, school, school_admin, host_a, internship, classmate):
    group = f.group(school, host_a, school_admin)
    for item in (internship, classmate):
        item.group = group
        item.save(update_fields=["group"])
    policy = f.policy(school, host_a, school_admin, [internship])
    client.force_login(school_admin)
    response = client.get(reverse("internships:insurance"))
    [coverage] = response.context["groups"]
    assert (coverage.students, coverage.uninsured) == (2, [classmate])
    page = response.content.decode()
    assert 'data-insured="missing">未投保：王同学<' in page
    assert [item.pk for item in response.context["uninsured"]] == [classmate.pk]
    services.add_to_policy(actor=school_admin, policy=policy, internship_ids=[classmate.pk])
    response = client.get(reverse("internships:insurance"))
    assert response.context["groups"][0].all_insured and not response.context["uninsured"]
    assert 'data-insured="all">全组学生均已投保<' in response.content.decode()


def test_two_policies_one_after_the_other_insure_the_whole_period(school, school_admin, host_a, internship):
    from internships.selectors.insurance import is_fully_insured

    middle = f.STARTS_ON + datetime.timedelta(days=30)
    first = f.policy(school, host_a, school_admin, number="A", starts_on=POLICY_STARTS, ends_on=middle)
    Coverage.objects.create(policy=first, student=internship.student, internship=internship, starts_on=POLICY_STARTS,
                            ends_on=middle)
    assert not is_fully_insured(internship)
    second = f.policy(school, host_a, school_admin, number="B", starts_on=middle + datetime.timedelta(days=1),
                      ends_on=POLICY_ENDS)
    Coverage.objects.create(policy=second, student=internship.student, internship=internship,
                            starts_on=second.starts_on, ends_on=POLICY_ENDS)
    assert is_fully_insured(internship)


@pytest.fixture
def ending_policy(school, school_admin, host_a, internship):
    today = f.TODAY
    return f.policy(school, host_a, school_admin, [internship], starts_on=today - datetime.timedelta(days=30),
                    ends_on=today + datetime.timedelta(days=10))


def test_the_daily_reminder_before_a_policy_ends_is_sent_once(client, ending_policy, school_admin, admin_a):
    from core.daily import run_daily_jobs

    assert services.warn_ending_policies(today=f.TODAY) == 1
    ending_policy.refresh_from_db()
    assert ending_policy.ending_warned_at is not None
    titles = list(Notification.objects.filter(title__startswith="实习责任保险保单即将到期")
                  .values_list("recipient__username", flat=True))
    assert sorted(titles) == ["admin_a", "school"]  # the filer (the school's admin) once, the enterprise
    assert "张同学" in Notification.objects.filter(recipient=admin_a).last().body
    assert services.warn_ending_policies(today=f.TODAY) == 0
    assert Notification.objects.filter(title__startswith="实习责任保险保单即将到期").count() == 2
    assert AuditEntry.objects.filter(action="internships.policy_ending_warned").count() == 1
    run_daily_jobs(today=f.TODAY)  # the registered job: nothing more to say
    assert Notification.objects.filter(title__startswith="实习责任保险保单即将到期").count() == 2


def test_the_region_decides_how_early_the_reminder_comes(ending_policy, host_a, education_reviewer):
    RegionSetting.objects.create(region=host_a.region.parent, insurance_warning_days=5, updated_by=education_reviewer)
    assert services.warn_ending_policies(today=f.TODAY) == 0
    assert services.warn_ending_policies(today=f.TODAY + datetime.timedelta(days=5)) == 1


def test_no_reminder_when_every_insured_internship_ends_within_the_policy(school, school_admin, host_a, internship):
    f.policy(school, host_a, school_admin, [internship], starts_on=f.TODAY - datetime.timedelta(days=30),
             ends_on=f.ENDS_ON + datetime.timedelta(days=1))
    assert services.warn_ending_policies(today=f.ENDS_ON - datetime.timedelta(days=3)) == 0


def test_the_insurance_page_warns_before_a_policy_ends(client, ending_policy, admin_a, admin_b):
    client.force_login(admin_a)
    page = client.get(reverse("internships:insurance")).content.decode()
    assert f'data-testid="policy-ending" data-policy="{ending_policy.pk}"' in page
    assert "张同学（实习至" in page
    client.force_login(admin_b)
    response = client.get(reverse("internships:insurance"))
    assert response.status_code == 200 and not response.context["ending"]
    assert not response.context["object_list"]


@pytest.mark.parametrize(("who", "status"), [
    ("admin_a", 200), ("school_admin", 200), ("education_reviewer", 200), ("staff_manager_a", 403),
    ("student", 403), ("county_reviewer_a", 403),
])
def test_who_opens_the_insurance_page(client, request, ending_policy, who, status):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("internships:insurance")).status_code == status


def test_the_policy_list_prints_with_masked_id_numbers(client, ending_policy, admin_a, monkeypatch):
    from internships.views import insurance as views

    rendered = {}

    def capture(template, context, *, reader=None, **kwargs):
        from django.template.loader import render_to_string

        # As render_pdf does for a reader without organisations.view_personal_data.
        rendered["html"] = render_to_string(template, {**context, "user": reader, "personal_data_visible": False})
        return b"%PDF-1.4 test"

    monkeypatch.setattr(views, "render_pdf", capture)
    client.force_login(admin_a)
    response = client.get(reverse("internships:policy_print"))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    student_id = ending_policy.coverages.get().student.id_number
    assert "张同学" in rendered["html"] and student_id not in rendered["html"]
    assert student_id[:3] in rendered["html"]
    assert AuditEntry.objects.filter(action="internships.policies_printed").count() == 1


def test_the_policy_list_is_a_real_pdf(client, ending_policy, school_admin):
    client.force_login(school_admin)
    response = client.get(reverse("internships:policy_print"))
    assert response.content.startswith(b"%PDF")


def test_the_policy_pdf_is_downloaded_only_by_who_sees_the_policy(client, ending_policy, school_b_admin, admin_b,
                                                                   education_reviewer):
    url = reverse("attachments:download", args=[ending_policy.document_id])
    client.force_login(education_reviewer)
    assert client.get(url).status_code == 200
    for user in (school_b_admin, admin_b):
        client.force_login(user)
        assert client.get(url).status_code in (403, 404)


# --- insurers -------------------------------------------------------------------------------------------------


def test_everyone_signed_in_sees_the_active_insurers(client, student, admin_a):
    Insurer.objects.create(name="中国人寿财产保险股份有限公司", product="实习责任险", contact_phone="95519")
    Insurer.objects.create(name="已停办保险公司", product="实习责任险", contact_phone="95500", active=False)
    for user in (student, admin_a):
        client.force_login(user)
        response = client.get(reverse("internships:insurers"))
        page = response.content.decode()
        assert "中国人寿财产保险股份有限公司" in page and "已停办保险公司" not in page
        assert not response.context["can_manage"]
    client.logout()
    assert client.get(reverse("internships:insurers")).status_code == 302


def test_the_province_keeps_the_insurers(client, province_education_reviewer):
    client.force_login(province_education_reviewer)
    response = client.post(reverse("internships:insurer_create"), {
        "name": "中国平安财产保险股份有限公司", "product": "学生实习责任保险", "contact_phone": "95511",
        "website": "https://www.pingan.com", "description": "每人每年保费约 100 元", "active": "on"})
    assert response.status_code == 302
    insurer = Insurer.objects.get()
    response = client.post(reverse("internships:insurer_edit", args=[insurer.pk]), {
        "name": insurer.name, "product": insurer.product, "contact_phone": "95511", "website": "",
        "description": ""})
    insurer.refresh_from_db()
    assert response.status_code == 302 and not insurer.active  # hidden
    assert AuditEntry.objects.filter(action="internships.insurer_saved").count() == 2
    page = client.get(reverse("internships:insurers")).content.decode()
    assert "已隐藏" in page
    response = client.post(reverse("internships:insurer_create"), {
        "name": insurer.name, "product": "x", "contact_phone": "1"})
    assert response.context["form"].errors["name"] == ["该保险公司已在列表中"]


@pytest.mark.parametrize("who", ["education_reviewer", "school_admin", "admin_a", "student"])
def test_only_the_province_keeps_the_insurers(client, request, who):
    insurer = Insurer.objects.create(name="甲保险", product="实习责任险", contact_phone="95500")
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("internships:insurer_create")).status_code == 403
    assert client.post(reverse("internships:insurer_create"), {
        "name": "乙保险", "product": "x", "contact_phone": "1", "active": "on"}).status_code == 403
    assert client.post(reverse("internships:insurer_edit", args=[insurer.pk]), {
        "name": "甲保险", "product": "x", "contact_phone": "1"}).status_code == 403
    assert list(Insurer.objects.values_list("name", "active")) == [("甲保险", True)]
