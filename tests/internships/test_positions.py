"""岗位管理 (manual 000 §3) through the screens: add, list with filters, publish (the compliance checks refuse
with their list), edit (back to 未发布), close, publish again, delete, the staff on duty, the live checklist,
the position's page for each reader."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from audit.models import AuditEntry
from internships.models import (
    AdmissionStatus,
    ApplicationStatus,
    EnterpriseProfile,
    InternshipStatus,
    Position,
    PositionStatus,
)
from tests import factories
from tests.attachments.files import pdf_bytes
from tests.internships import factories as f
from tests.internships.helpers_positions import form_data

pytestmark = pytest.mark.django_db


def _publish(client, position):
    return client.post(reverse("internships:position_publish", args=[position.pk]), follow=True)


def _status(position):
    position.refresh_from_db()
    return position.status


def test_add_saves_an_unpublished_position(client, host_a, admin_a):
    client.force_login(admin_a)
    assert client.get(reverse("internships:position_create")).status_code == 200
    response = client.post(reverse("internships:position_create"), form_data(title="数控实习生"))
    position = Position.objects.get(title="数控实习生")
    assert response.status_code == 302
    assert response["Location"] == reverse("internships:position_detail", args=[position.pk])
    assert (position.enterprise, position.status, position.created_by) == (host_a, PositionStatus.DRAFT, admin_a)
    assert position.published_at is None
    assert AuditEntry.objects.filter(action="internships.position_created", target_id=str(position.pk)).exists()


def test_bad_input_is_a_message_next_to_the_field_and_nothing_is_saved(client, host_a, admin_a):
    client.force_login(admin_a)
    data = form_data(pay_min="3000", pay_max="2000", apply_from="2026-13-01", ends_on=f.STARTS_ON.isoformat(),
                     education="phd", places="0")
    data["night_shift"] = "maybe"
    response = client.post(reverse("internships:position_create"), data)
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["pay_max"] == ["报酬上限不能低于下限"]
    assert errors["apply_from"] == ["日期格式应为 2026-03-01"]
    assert errors["ends_on"] == ["实习结束日期须晚于开始日期"]
    assert errors["education"] == ["学历要求为中专、大专、本科或不限"]
    assert errors["places"] == ["实习人数至少为1人"]
    assert errors["night_shift"] == ["请选择“是”或“否”"]
    assert 'data-field-error="pay_max"' in response.content.decode()
    assert Position.objects.count() == 0


def test_publish_runs_the_checks_and_keeps_the_snapshot(client, host_a, admin_a):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    response = _publish(client, position)
    assert response.status_code == 200
    assert "岗位已发布，学生可以报名" in response.content.decode()
    position.refresh_from_db()
    assert position.status == PositionStatus.PUBLISHED and position.published_at is not None
    assert [row["code"] for row in position.compliance][:3] == ["night_shift", "overtime", "pay_floor"]
    assert all(row["passed"] for row in position.compliance)


def test_publish_is_refused_with_the_failed_checks(client, host_a, admin_a):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT, night_shift=True,
                          pay_min=2000, pay_max=2500, same_post_wage=3000)
    client.force_login(admin_a)
    response = client.post(reverse("internships:position_publish", args=[position.pk]))
    assert response.status_code == 200
    text = response.content.decode()
    assert "岗位未通过合规检查，不能发布：不安排夜班、实习报酬不低于相同岗位工资标准的80%" in text
    assert 'data-testid="publish-refused"' in text
    assert 'data-check="night_shift" data-passed="no" data-blocking="yes"' in text
    assert 'data-check="no_fees" data-passed="yes"' in text
    position.refresh_from_db()
    assert (position.status, position.published_at, position.compliance) == (PositionStatus.DRAFT, None, [])


def test_night_shift_with_an_uploaded_exemption_can_be_published(client, host_a, admin_a):
    client.force_login(admin_a)
    data = form_data(title="夜班岗位", night_shift=True, overtime="occasional", exemption_note="连续生产工艺")
    data["exemption_file"] = SimpleUploadedFile("备案.pdf", pdf_bytes(), content_type="application/pdf")
    client.post(reverse("internships:position_create"), data)
    position = Position.objects.get(title="夜班岗位")
    assert position.exemption.purpose == "internship_exemption"
    _publish(client, position)
    assert _status(position) == PositionStatus.PUBLISHED


def test_a_wrong_exemption_file_is_refused_next_to_the_field(client, host_a, admin_a):
    client.force_login(admin_a)
    data = form_data(night_shift=True)
    data["exemption_file"] = SimpleUploadedFile("备案.exe", b"MZ\x90\x00binary", content_type="application/pdf")
    response = client.post(reverse("internships:position_create"), data)
    assert response.status_code == 200
    assert response.context["form"].errors
    assert Position.objects.count() == 0


def test_publish_without_staff_on_duty_asks_for_it(client, host_a, admin_a):
    EnterpriseProfile.objects.filter(organisation=host_a).update(staff_on_duty=None)
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    text = client.post(reverse("internships:position_publish", args=[position.pk])).content.decode()
    assert "请先填写在岗职工总数" in text
    assert _status(position) == PositionStatus.DRAFT


def test_staff_on_duty_is_saved_from_the_positions_page(client, enterprise_a, admin_a):
    client.force_login(admin_a)
    assert not EnterpriseProfile.objects.filter(organisation=enterprise_a).exists()
    page = client.get(reverse("internships:positions")).content.decode()
    assert 'data-testid="staff-missing"' in page
    response = client.post(reverse("internships:position_staff_on_duty"), {"staff_on_duty": "150"}, follow=True)
    assert "在岗职工总数已保存" in response.content.decode()
    assert EnterpriseProfile.objects.get(organisation=enterprise_a).staff_on_duty == 150
    assert AuditEntry.objects.filter(action="internships.staff_on_duty").count() == 1
    response = client.post(reverse("internships:position_staff_on_duty"), {"staff_on_duty": "-3"}, follow=True)
    assert "在岗职工总数须为正整数" in response.content.decode()
    assert EnterpriseProfile.objects.get(organisation=enterprise_a).staff_on_duty == 150


def test_the_ten_percent_counts_the_other_published_positions(client, host_a, admin_a):
    f.position(host_a, admin_a, places=15)  # 200 staff: 20 allowed
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT, places=6, title="第二个岗位")
    client.force_login(admin_a)
    text = client.post(reverse("internships:position_publish", args=[position.pk])).content.decode()
    assert "企业实习生不超过在岗职工总数的10%" in text and "共 21 人" in text
    assert _status(position) == PositionStatus.DRAFT


def test_edit_of_a_published_position_sets_it_back_to_unpublished(client, host_a, admin_a):
    position = f.position(host_a, admin_a)
    client.force_login(admin_a)
    page = client.get(reverse("internships:position_edit", args=[position.pk])).content.decode()
    assert "修改后的岗位需要再度发布" in page
    assert f'value="{position.starts_on.isoformat()}"' in page  # the date inputs take ISO dates
    response = client.post(reverse("internships:position_edit", args=[position.pk]),
                           form_data(title="新名称"), follow=True)
    assert "修改后的岗位需要再度发布才能被实习生选择申请" in response.content.decode()
    position.refresh_from_db()
    assert (position.title, position.status) == ("新名称", PositionStatus.DRAFT)
    assert AuditEntry.objects.filter(action="internships.position_updated", target_id=str(position.pk)).exists()
    _publish(client, position)
    assert _status(position) == PositionStatus.PUBLISHED


def test_edit_of_a_closed_position_also_needs_publishing_again(client, host_a, admin_a):
    position = f.position(host_a, admin_a, status=PositionStatus.CLOSED)
    client.force_login(admin_a)
    client.post(reverse("internships:position_edit", args=[position.pk]), form_data())
    assert _status(position) == PositionStatus.DRAFT


def test_close_and_publish_again(client, host_a, admin_a):
    position = f.position(host_a, admin_a)
    client.force_login(admin_a)
    response = client.post(reverse("internships:position_close", args=[position.pk]), follow=True)
    assert "岗位已关闭" in response.content.decode()
    assert _status(position) == PositionStatus.CLOSED
    response = client.post(reverse("internships:position_close", args=[position.pk]), follow=True)
    assert "只有已发布的岗位可以关闭（当前：已关闭）" in response.content.decode()
    _publish(client, position)
    assert _status(position) == PositionStatus.PUBLISHED


def test_closing_withdraws_the_open_choices_and_tells_the_students(client, host_a, admin_a, student,
                                                                   student_record):
    from internships.models import Application
    from notifications.models import Notification

    position = f.position(host_a, admin_a)
    application = f.application(student_record, position)
    signed = f.application(f.student(host_a.internship_recommenders.first().school, name="已签约",
                                     id_number=factories.make_id_number("20040101")), position)
    f.internship(signed)
    client.force_login(admin_a)
    client.post(reverse("internships:position_close", args=[position.pk]))
    application.refresh_from_db()
    assert (application.status, application.choice_slot) == (ApplicationStatus.CANCELLED, None)
    assert Application.objects.get(pk=signed.pk).status == ApplicationStatus.AGREED
    assert Notification.objects.filter(recipient=student, title="实习岗位已关闭，您的申请已自动撤回").count() == 1


def test_delete_a_draft_keeps_the_row_as_deleted(client, host_a, admin_a):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    response = client.post(reverse("internships:position_delete", args=[position.pk]))
    assert response["Location"] == reverse("internships:positions")
    assert _status(position) == PositionStatus.DELETED
    assert position.pk not in [row["position"].pk for row in client.get(reverse("internships:positions"))
                               .context["rows"]]
    assert client.get(reverse("internships:position_detail", args=[position.pk])).status_code == 404


def test_a_published_position_is_closed_before_it_is_deleted(client, host_a, admin_a):
    position = f.position(host_a, admin_a)
    client.force_login(admin_a)
    response = client.post(reverse("internships:position_delete", args=[position.pk]), follow=True)
    assert "岗位已发布，请先关闭再删除" in response.content.decode()
    assert _status(position) == PositionStatus.PUBLISHED


def test_delete_is_refused_while_an_application_is_open(client, host_a, admin_a, student_record):
    position = f.position(host_a, admin_a, status=PositionStatus.CLOSED)
    f.application(student_record, position, status=ApplicationStatus.APPLIED)
    client.force_login(admin_a)
    response = client.post(reverse("internships:position_delete", args=[position.pk]), follow=True)
    assert "该岗位还有待确认的学生报名" in response.content.decode()
    assert _status(position) == PositionStatus.CLOSED


def test_delete_is_refused_while_a_signed_internship_runs(client, host_a, admin_a, student_record):
    position = f.position(host_a, admin_a)
    f.internship(f.application(student_record, position), status=InternshipStatus.SIGNED)
    position.refresh_from_db()
    client.force_login(admin_a)
    client.post(reverse("internships:position_close", args=[position.pk]))
    response = client.post(reverse("internships:position_delete", args=[position.pk]), follow=True)
    assert "该岗位有正在进行的实习（已签约），不能删除" in response.content.decode()
    assert _status(position) == PositionStatus.CLOSED


def test_a_refused_application_does_not_stop_the_deletion(client, host_a, admin_a, student_record):
    position = f.position(host_a, admin_a, status=PositionStatus.CLOSED)
    f.application(student_record, position, status=ApplicationStatus.REFUSED)
    client.force_login(admin_a)
    client.post(reverse("internships:position_delete", args=[position.pk]))
    assert _status(position) == PositionStatus.DELETED


def test_list_filters_and_search(client, host_a, admin_a, host_b, admin_b):
    f.position(host_a, admin_a, title="机械制造", department="机械部")
    f.position(host_a, admin_a, title="网络运维", department="网络部", status=PositionStatus.DRAFT)
    f.position(host_a, admin_a, title="软件开发测试", department="软件部", status=PositionStatus.CLOSED)
    f.position(host_b, admin_b, title="乙的岗位", department="机械部")
    client.force_login(admin_a)

    def titles(**params):
        response = client.get(reverse("internships:positions"), params)
        assert response.status_code == 200
        return sorted(row["position"].title for row in response.context["rows"])

    assert titles() == ["机械制造", "网络运维", "软件开发测试"]
    assert titles(status="draft") == ["网络运维"]
    assert titles(title="软件") == ["软件开发测试"]
    assert titles(department="机械") == ["机械制造"]
    assert titles(q="网络") == ["网络运维"]


@pytest.mark.parametrize("params", [{"status": "bogus"}, {"title": "长" * 100}, {"page": "abc"},
                                    {"status": ["draft", "published"]}, {"q": "\x00"}])
def test_malformed_filters_are_a_message_not_a_500(client, host_a, admin_a, params):
    f.position(host_a, admin_a)
    client.force_login(admin_a)
    response = client.get(reverse("internships:positions"), params)
    assert response.status_code == 200


def test_a_bad_status_filter_says_so_and_lists_nothing(client, host_a, admin_a, django_capture_on_commit_callbacks):
    from batch.models import BatchJob
    from tests.batch.helpers import read_rows

    f.position(host_a, admin_a)
    client.force_login(admin_a)
    response = client.get(reverse("internships:positions"), {"status": "bogus"})
    assert response.context["form"].errors["status"] == ["没有该岗位状态，请从列表中选择"]
    assert list(response.context["object_list"]) == []
    assert "没有该岗位状态，请从列表中选择" in response.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("batch:export", args=["internship_positions"]) + "?status=bogus")
    job = BatchJob.objects.get(spec="internship_positions")
    assert read_rows(job.result_file.read())[1:] == []


def test_export_starts_a_job(client, host_a, admin_a, django_capture_on_commit_callbacks):
    from batch.models import BatchJob, JobStatus
    from tests.batch.helpers import read_rows

    f.position(host_a, admin_a)
    f.position(host_a, admin_a, status=PositionStatus.DRAFT, title="草稿")
    client.force_login(admin_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("batch:export", args=["internship_positions"]) + "?status=published")
    assert response.status_code == 302
    job = BatchJob.objects.get()
    assert (job.spec, job.organisation, job.status) == ("internship_positions", host_a, JobStatus.SUCCEEDED)
    rows = read_rows(job.result_file.read())
    assert rows[0][:3] == ["实习部门", "实习岗位", "岗位状态"]
    assert [row[:3] for row in rows[1:]] == [["机械部", "机械制造实习生", "已发布"]]


def test_the_live_checklist_writes_nothing(client, host_a, admin_a):
    client.force_login(admin_a)
    before = AuditEntry.objects.count()
    response = client.post(reverse("internships:position_checklist"), form_data(overtime="frequent"),
                           HTTP_HX_REQUEST="true")
    text = response.content.decode()
    assert response.status_code == 200
    assert 'data-check="overtime" data-passed="no" data-blocking="yes"' in text
    assert 'data-check="pay_floor" data-passed="yes"' in text
    assert "<html" not in text
    partial = client.post(reverse("internships:position_checklist"), {"pay_min": "abc", "night_shift": "no"})
    assert 'data-check="pay_floor" data-passed="no"' in partial.content.decode()
    assert (Position.objects.count(), AuditEntry.objects.count()) == (0, before)


def test_the_edit_checklist_counts_the_kept_exemption(client, host_a, admin_a):
    exemption = f.attachment("internship_exemption", host_a, admin_a)
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT, night_shift=True, exemption=exemption)
    client.force_login(admin_a)
    url = reverse("internships:position_edit_checklist", args=[position.pk])
    assert 'data-check="night_shift" data-passed="yes"' in client.post(url, form_data(night_shift=True)) \
        .content.decode()
    removed = client.post(url, {**form_data(night_shift=True), "remove_exemption": "on"}).content.decode()
    assert 'data-check="night_shift" data-passed="no"' in removed


def test_the_positions_page_is_the_enterprise_s_own(client, host_a, admin_a, admin_b, school_admin, student,
                                                    education_reviewer, staff_manager_a):
    for user in (school_admin, education_reviewer, staff_manager_a):
        client.force_login(user)
        assert client.get(reverse("internships:positions")).status_code == 403
        assert client.post(reverse("internships:position_create"), form_data()).status_code == 403
        assert client.post(reverse("internships:position_staff_on_duty"), {"staff_on_duty": "9"}).status_code == 403
    client.force_login(student)
    assert client.get(reverse("internships:positions")).status_code == 403
    assert Position.objects.count() == 0


def test_another_enterprise_cannot_act_on_the_position(client, host_a, admin_a, host_b, admin_b):
    position = f.position(host_a, admin_a)
    client.force_login(admin_b)
    for name in ("position_publish", "position_close", "position_delete", "position_edit",
                 "position_edit_checklist"):
        assert client.post(reverse(f"internships:{name}", args=[position.pk]), form_data()).status_code == 404
    assert _status(position) == PositionStatus.PUBLISHED


def test_a_blacklisted_enterprise_cannot_publish(client, host_a, admin_a):
    EnterpriseProfile.objects.filter(organisation=host_a).update(blacklisted=True)
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    response = _publish(client, position)
    assert "企业已列入黑名单，不能发布实习岗位" in response.content.decode()
    assert _status(position) == PositionStatus.DRAFT


@pytest.mark.parametrize("reader, published, draft", [
    ("admin_a", 200, 200), ("admin_b", 404, 404), ("school_admin", 200, 404), ("school_b_admin", 404, 404),
    ("student", 200, 404), ("student_b_person", 404, 404), ("education_reviewer", 200, 200),
    ("education_other_reviewer", 404, 404), ("county_reviewer_a", 404, 404), ("staff_manager_a", 404, 404),
    ("outsider", 404, 404),
])
def test_who_reads_the_position_page(client, request, host_a, admin_a, student_record, student_b_record,
                                     host_b, reader, published, draft):
    # Not admitted on its own (self-registered, waiting for manual review): in the recommending school's pool only.
    EnterpriseProfile.objects.filter(organisation=host_a).update(admission_status=AdmissionStatus.MANUAL)
    shown = f.position(host_a, admin_a)
    hidden = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(request.getfixturevalue(reader))
    assert client.get(reverse("internships:position_detail", args=[shown.pk])).status_code == published
    assert client.get(reverse("internships:position_detail", args=[hidden.pk])).status_code == draft


def test_students_and_schools_see_the_offer_not_the_checklist(client, host_a, admin_a, student_record,
                                                              school_admin, education_reviewer):
    position = f.position(host_a, admin_a)
    client.force_login(admin_a)
    _ = client.post(reverse("internships:position_close", args=[position.pk]))
    _publish(client, position)
    client.force_login(school_admin)
    text = client.get(reverse("internships:position_detail", args=[position.pk])).content.decode()
    assert 'data-testid="checklist"' not in text and "机械制造实习生" in text
    client.force_login(education_reviewer)
    text = client.get(reverse("internships:position_detail", args=[position.pk])).content.decode()
    assert 'data-testid="checklist"' in text and 'data-check="pay_floor" data-passed="yes"' in text


def test_an_admitted_self_registered_enterprise_is_in_every_school_s_pool(client, host_a, admin_a, school_b_admin):
    position = f.position(host_a, admin_a)
    client.force_login(school_b_admin)
    assert client.get(reverse("internships:position_detail", args=[position.pk])).status_code == 200


def test_a_blacklisted_enterprise_s_position_leaves_the_pool(client, host_a, admin_a, school_admin):
    position = f.position(host_a, admin_a)
    EnterpriseProfile.objects.filter(organisation=host_a).update(blacklisted=True)
    client.force_login(school_admin)
    assert client.get(reverse("internships:position_detail", args=[position.pk])).status_code == 404


def test_the_menu_entry_is_for_hosts(client, host_a, admin_a, school_admin):
    from core.navigation import navigation_for

    def labels(user):
        return [item["label"] for section in navigation_for(user, "/") for item in section["items"]]

    assert "岗位管理" in labels(admin_a)
    assert "岗位管理" not in labels(school_admin)


def test_apply_dates_after_the_start_are_refused_at_publication(client, host_a, admin_a):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT,
                          apply_until=f.STARTS_ON + datetime.timedelta(days=3))
    client.force_login(admin_a)
    text = client.post(reverse("internships:position_publish", args=[position.pk])).content.decode()
    assert "报名截止日期早于实习开始日期" in text
    assert _status(position) == PositionStatus.DRAFT
