"""实习签约管理: the enterprise agrees (first confirmation wins: the internship is created, the student's other
open applications are superseded, everyone concerned is told) or refuses with a reason; a later agreement, a
full position, a blacklisted enterprise and a closed position are refused with a message; the school's list."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from internships.models import (
    Application,
    ApplicationStatus,
    Internship,
    InternshipStatus,
    Position,
    PositionStatus,
)
from notifications.models import Notification
from tests.internships import factories as f
from timeline.selectors import events_for

pytestmark = pytest.mark.django_db

SIGNING = reverse("internships:signing")


def agree(client, application):
    return client.post(reverse("internships:signing_agree", args=[application.pk]), follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def choices(host_a, admin_a, host_b, admin_b, school_admin, student_record):
    """张同学 chose one position of A, one of B and a second of A."""
    f.recommend(student_record.school, host_b, school_admin)
    position_a = f.position(host_a, admin_a, title="甲岗位", places=2)
    position_b = f.position(host_b, admin_b, title="乙岗位")
    other_a = f.position(host_a, admin_a, title="甲岗位二")
    return (f.application(student_record, position_a), f.application(student_record, position_b),
            f.application(student_record, other_a))


def test_agreeing_signs_and_supersedes_the_other_choices(client, admin_a, admin_b, school_admin, student,
                                                         student_record, choices):
    chosen, of_b, other_a = choices
    client.force_login(admin_a)
    response = agree(client, chosen)
    assert messages_of(response) == ["已同意张同学的实习申请，学生的其他申请已自动撤回"]
    internship = Internship.objects.get()
    position = chosen.position
    assert (internship.student, internship.application_id, internship.position_id, internship.enterprise,
            internship.school, internship.status, internship.starts_on, internship.ends_on) == (
        student_record, chosen.pk, position.pk, position.enterprise, student_record.school, InternshipStatus.SIGNED,
        position.starts_on, position.ends_on)
    statuses = {a.pk: (a.status, a.choice_slot, a.decided_by_id) for a in Application.objects.all()}
    assert statuses == {chosen.pk: (ApplicationStatus.AGREED, None, admin_a.pk),
                        of_b.pk: (ApplicationStatus.SUPERSEDED, None, None),
                        other_a.pk: (ApplicationStatus.SUPERSEDED, None, None)}
    assert Position.objects.get(pk=position.pk).filled == 1
    # Audit and business history.
    assert AuditEntry.objects.filter(action="internships.application_status").count() == 3
    assert AuditEntry.objects.filter(action="internships.internship_created").count() == 1
    assert [e.event for e in events_for(internship)] == ["signed"]
    assert [e.event for e in events_for(of_b)] == ["superseded"]
    # The student, the school, and enterprise B (whose application was withdrawn) are told; A is not told
    # about its own other position.
    assert list(Notification.objects.filter(recipient=student).values_list("title", flat=True)) == [
        "“甲企业有限公司”已同意您的实习申请（甲岗位）"]
    assert list(Notification.objects.filter(recipient=school_admin).values_list("title", flat=True)) == [
        "张同学已与“甲企业有限公司”签约（甲岗位）"]
    assert list(Notification.objects.filter(recipient=admin_b).values_list("title", flat=True)) == [
        "张同学已与其他企业签约，申请自动撤回"]
    assert not Notification.objects.filter(recipient=admin_a).exists()
    # The student's pages say with whom they signed.
    client.force_login(student)
    assert client.get(reverse("internships:student_applications")).context["signed_with"] == internship


def test_a_later_agreement_is_refused_with_the_winner_named(client, admin_a, admin_b, choices):
    chosen, of_b, _other = choices
    client.force_login(admin_a)
    agree(client, chosen)
    client.force_login(admin_b)
    response = agree(client, of_b)
    assert messages_of(response) == ["该学生已与“甲企业有限公司”签约，同一时间只能有一个实习"]
    assert Internship.objects.count() == 1
    of_b.refresh_from_db()
    assert of_b.status == ApplicationStatus.SUPERSEDED
    assert Position.objects.get(pk=of_b.position_id).filled == 0


def test_a_full_position_is_refused(client, host_a, admin_a, school, student_record):
    position = f.position(host_a, admin_a, places=1)
    taken = f.student(school, name="王同学")
    f.internship(f.application(taken, position))
    application = f.application(student_record, position)
    client.force_login(admin_a)
    response = agree(client, application)
    assert messages_of(response) == ["该岗位的实习人数已满（1人）"]
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPLIED
    assert Internship.objects.filter(student=student_record).count() == 0


def test_a_blacklisted_enterprise_cannot_agree(client, host_a, admin_a, student_record):
    application = f.application(student_record, f.position(host_a, admin_a))
    f.host_profile(host_a, blacklisted=True)
    client.force_login(admin_a)
    response = agree(client, application)
    assert messages_of(response) == ["贵单位已列入实习企业黑名单，不能签约实习学生"]
    assert not Internship.objects.exists()
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPLIED


def test_a_closed_position_cannot_be_signed(client, host_a, admin_a, student_record):
    position = f.position(host_a, admin_a, title="甲岗位")
    application = f.application(student_record, position)
    Position.objects.filter(pk=position.pk).update(status=PositionStatus.CLOSED)
    client.force_login(admin_a)
    response = agree(client, application)
    assert messages_of(response) == ["岗位“甲岗位”当前状态为“已关闭”，不能签约"]
    assert not Internship.objects.exists()


def test_a_withdrawn_application_cannot_be_agreed(client, host_a, admin_a, student_record):
    application = f.application(student_record, f.position(host_a, admin_a), status=ApplicationStatus.WITHDRAWN)
    client.force_login(admin_a)
    response = agree(client, application)
    assert messages_of(response) == ["实习申请当前状态为“本人撤回”，不能变为“企业同意签约”"]
    assert not Internship.objects.exists()


def test_refusing_needs_a_reason_and_frees_the_slot(client, admin_a, student, choices):
    chosen = choices[0]
    url = reverse("internships:signing_refuse", args=[chosen.pk])
    client.force_login(admin_a)
    assert client.get(url).status_code == 200
    response = client.post(url, {"reason": "  "})
    assert response.status_code == 200
    assert response.context["form"].errors["reason"] == ["请填写拒绝原因"]
    response = client.post(url, {"reason": "专业不对口"}, follow=True)
    assert messages_of(response) == ["已拒绝张同学的实习申请"]
    chosen.refresh_from_db()
    assert (chosen.status, chosen.choice_slot, chosen.refusal_reason, chosen.decided_by) == (
        ApplicationStatus.REFUSED, None, "专业不对口", admin_a)
    assert list(Notification.objects.filter(recipient=student).values_list("title", "body")) == [
        ("“甲企业有限公司”未同意您的实习申请（甲岗位）", "专业不对口")]
    # Refused once: again is a message, not a second write.
    response = client.post(url, {"reason": "再次拒绝"}, follow=True)
    assert messages_of(response) == ["实习申请当前状态为“企业拒绝签约”，不能变为“企业拒绝签约”"]
    assert AuditEntry.objects.filter(action="internships.application_status", target_id=str(chosen.pk)).count() == 1


def test_the_signing_list_filters_and_shows_only_the_enterprises_applications(client, admin_a, admin_b, choices,
                                                                              school, host_a):
    chosen, of_b, other_a = choices
    someone = f.student(school, name="王同学")
    f.application(someone, chosen.position)
    client.force_login(admin_a)

    def pks(**params):
        response = client.get(SIGNING, params)
        assert response.status_code == 200
        return sorted(a.pk for a in response.context["object_list"])

    everything = pks()
    assert chosen.pk in everything and other_a.pk in everything and of_b.pk not in everything
    assert len(everything) == 3
    assert pks(q="王") == [Application.objects.get(student=someone).pk]
    assert pks(position=other_a.position_id) == [other_a.pk]
    assert pks(status="refused") == []
    # Enterprise B's position is not one of A's: a message, and nothing listed (not A's list unfiltered).
    response = client.get(SIGNING, {"position": of_b.position_id, "status": "nonsense"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"position": ["请选择列表中的岗位"],
                                               "status": ["没有该状态，请从列表中选择"]}
    assert list(response.context["object_list"]) == []
    client.force_login(admin_b)
    assert pks() == [of_b.pk]


def test_who_may_not_decide(client, choices, admin_b, school_admin, staff_manager_a, student, education_reviewer):
    chosen = choices[0]
    for user, status in ((admin_b, 404), (school_admin, 403), (staff_manager_a, 403), (student, 403),
                         (education_reviewer, 403)):
        client.force_login(user)
        assert client.post(reverse("internships:signing_agree", args=[chosen.pk])).status_code == status
        assert client.post(reverse("internships:signing_refuse", args=[chosen.pk]),
                           {"reason": "x"}).status_code == status
    # Enterprise B holds the host permission but cannot see A's application.
    client.force_login(admin_b)
    assert client.get(reverse("internships:signing_refuse", args=[chosen.pk])).status_code == 404
    assert not Internship.objects.exists()
    chosen.refresh_from_db()
    assert chosen.status == ApplicationStatus.APPLIED
    for user in (school_admin, student, education_reviewer, staff_manager_a):
        client.force_login(user)
        assert client.get(SIGNING).status_code == 403


def test_the_schools_list_shows_where_its_students_applied_and_signed(client, admin_a, school_admin, school_b_admin,
                                                                      choices, student_b_record, host_a):
    chosen = choices[0]
    f.application(student_b_record, chosen.position)
    client.force_login(admin_a)
    agree(client, chosen)
    client.force_login(school_admin)
    response = client.get(reverse("internships:school_applications"))
    assert response.status_code == 200
    rows = {a.pk: a.status for a in response.context["object_list"]}
    assert rows == {chosen.pk: "agreed", choices[1].pk: "superseded", choices[2].pk: "superseded"}
    assert list(response.context["signed"]) == [chosen.pk]
    assert client.get(reverse("internships:school_applications"), {"status": "agreed"}).context[
        "object_list"][0].pk == chosen.pk
    assert client.get(reverse("internships:school_applications"), {"class_name": "nope"}).status_code == 200
    client.force_login(school_b_admin)
    response = client.get(reverse("internships:school_applications"))
    assert [a.student.name for a in response.context["object_list"]] == ["李同学"]
    client.force_login(admin_a)
    assert client.get(reverse("internships:school_applications")).status_code == 403


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def test_the_signing_and_school_lists_export_what_they_show(client, run_on_commit, admin_a, school_admin, choices,
                                                           staff_manager_a, student):
    from batch.models import BatchJob, JobStatus

    client.force_login(admin_a)
    response = run_on_commit(lambda: client.post(reverse("batch:export", args=["internship_signing"])
                                                 + "?status=applied"))
    assert response.status_code == 302
    client.force_login(school_admin)
    run_on_commit(lambda: client.post(reverse("batch:export", args=["internship_school_applications"])))
    jobs = list(BatchJob.objects.order_by("pk").values_list("spec", "status", "total_rows"))
    assert [(spec, status) for spec, status, _total in jobs] == [
        ("internship_signing", JobStatus.SUCCEEDED), ("internship_school_applications", JobStatus.SUCCEEDED)]
    for user in (staff_manager_a, student, school_admin):
        client.force_login(user)
        assert client.post(reverse("batch:export", args=["internship_signing"])).status_code == 403
    client.force_login(admin_a)
    assert client.post(reverse("batch:export", args=["internship_school_applications"])).status_code == 403


@pytest.fixture
def export(client, run_on_commit):
    from batch.models import BatchJob, JobStatus
    from tests.batch.helpers import read_rows, response_bytes

    def run(key, query=""):
        run_on_commit(lambda: client.post(reverse("batch:export", args=[key]) + (f"?{query}" if query else "")))
        job = BatchJob.objects.filter(spec=key).latest("pk")
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))[1:]

    return run


@pytest.mark.parametrize("query, field, message", [
    ("status=nonsense", "status", "没有该状态，请从列表中选择"),
    ("position=999999", "position", "请选择列表中的岗位"),
])
def test_a_malformed_signing_filter_is_its_message_and_nothing_listed_or_exported(client, export, admin_a, choices,
                                                                                  query, field, message):
    client.force_login(admin_a)
    response = client.get(SIGNING + f"?{query}")
    assert response.status_code == 200 and list(response.context["object_list"]) == []
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert export("internship_signing", query) == []
    assert len(export("internship_signing", "status=applied")) == 2


@pytest.mark.parametrize("query, field, message", [
    ("status=nonsense", "status", "没有该状态，请从列表中选择"),
    ("class_name=nope", "class_name", "没有该班级，请从列表中选择"),
])
def test_a_malformed_school_applications_filter_is_its_message_and_nothing_listed_or_exported(
        client, export, school_admin, choices, query, field, message):
    client.force_login(school_admin)
    response = client.get(reverse("internships:school_applications") + f"?{query}")
    assert response.status_code == 200 and list(response.context["object_list"]) == []
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()
    assert export("internship_school_applications", query) == []
    assert len(export("internship_school_applications", "status=applied")) == 3


def test_a_blacklisted_enterprises_positions_cannot_be_chosen(client, host_a, admin_a, student, student_record):
    position = f.position(host_a, admin_a, title="甲岗位")
    f.host_profile(host_a, blacklisted=True)
    client.force_login(student)
    assert position.pk not in {p.pk for p in client.get(reverse("internships:student_positions"))
                               .context["object_list"]}
    response = client.post(reverse("internships:student_choose"), {"positions": [position.pk]}, follow=True)
    assert messages_of(response) == ["“甲岗位”：该岗位不在本校可选的实习岗位中，或已停止报名"]
    assert client.get(reverse("internships:student_position", args=[position.pk])).status_code == 404
