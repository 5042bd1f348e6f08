"""实习评价: the enterprise evaluates its interns (process while arrived, the final once), the student evaluates
the enterprise (process any number, the final once); the enterprise sees the students' evaluations of it, the
school both for its students."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from internships.models import Evaluation, EvaluationSide, InternshipStatus
from internships.services import evaluations as services
from notifications.models import Notification
from tests.internships import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a)


@pytest.fixture
def internship(student_record, position):
    return f.internship(f.application(student_record, position), status=InternshipStatus.ARRIVED)


def evaluate(client, internship, stage, grade="good", comment="工作认真，按时完成任务。"):
    return client.post(reverse("internships:evaluation_detail", args=[internship.pk]),
                       {"stage": stage, "grade": grade, "comment": comment})


def errors(response):
    return {name: [str(e) for e in errs] for name, errs in response.context["form"].errors.items()}


def test_the_enterprise_evaluates_during_and_once_at_the_end(client, admin_a, school_admin, student, internship):
    client.force_login(admin_a)
    page = client.get(reverse("internships:evaluation_detail", args=[internship.pk]))
    assert [value for value, _label in page.context["form"].fields["stage"].choices] == ["process", "final"]
    assert evaluate(client, internship, "process").status_code == 302
    assert evaluate(client, internship, "process", comment="第二次过程性评价").status_code == 302
    assert evaluate(client, internship, "final", "excellent").status_code == 302
    response = evaluate(client, internship, "final")
    assert errors(response) == {"stage": ["实习总结评价只能提交一次"]}
    assert list(Evaluation.objects.values_list("side", "stage", "grade")) == [
        ("enterprise", "process", "good"), ("enterprise", "process", "good"), ("enterprise", "final", "excellent")]
    assert AuditEntry.objects.filter(action="internships.evaluation_added").count() == 3
    assert Notification.objects.filter(recipient=student, title__contains="实习总结评价").count() == 1
    assert Notification.objects.filter(recipient=school_admin).count() == 3
    page = client.get(reverse("internships:evaluation_detail", args=[internship.pk]))
    assert [value for value, _label in page.context["form"].fields["stage"].choices] == ["process"]


def test_after_the_end_the_enterprise_gives_only_the_final(client, admin_a, internship):
    type(internship).objects.filter(pk=internship.pk).update(status=InternshipStatus.COMPLETED)
    client.force_login(admin_a)
    assert errors(evaluate(client, internship, "process")) == {
        "stage": ["实习当前状态为“实习结束”，不能提交过程性评价"]}
    assert evaluate(client, internship, "final").status_code == 302
    assert Evaluation.objects.get().stage == "final"


def test_no_evaluation_before_arrival(client, admin_a, student, position, student_record):
    signed = f.internship(f.application(student_record, position), status=InternshipStatus.AGREEMENT_SIGNED)
    client.force_login(admin_a)
    assert errors(evaluate(client, signed, "process"))["stage"] == [
        "实习当前状态为“三方协议已签署”，不能提交过程性评价"]
    client.force_login(student)
    assert errors(evaluate(client, signed, "final"))["stage"] == [
        "实习当前状态为“三方协议已签署”，不能提交实习总结评价"]
    assert not Evaluation.objects.exists()


def test_the_student_evaluates_the_enterprise_and_the_enterprise_sees_it(client, student, admin_a, school_admin,
                                                                         internship):
    client.force_login(student)
    assert client.get(reverse("internships:evaluations")).status_code == 200
    assert evaluate(client, internship, "process", "good", "师傅指导耐心").status_code == 302
    assert evaluate(client, internship, "final", "excellent", "推荐学弟学妹来实习").status_code == 302
    assert errors(evaluate(client, internship, "final")) == {"stage": ["实习总结评价只能提交一次"]}
    assert set(Evaluation.objects.values_list("side", flat=True)) == {EvaluationSide.STUDENT}
    assert Notification.objects.filter(recipient=admin_a, title__startswith="实习学生 张同学").count() == 2

    client.force_login(admin_a)
    page = client.get(reverse("internships:evaluations")).content.decode()
    assert "推荐学弟学妹来实习" in page and "师傅指导耐心" in page
    client.force_login(admin_a)
    evaluate(client, internship, "process", comment="表现良好")
    client.force_login(school_admin)  # the school reads both sides
    response = client.get(reverse("internships:evaluation_detail", args=[internship.pk]))
    assert response.context["form"] is None
    page = response.content.decode()
    assert "表现良好" in page and "推荐学弟学妹来实习" in page


def test_the_final_evaluation_once_is_held_by_the_database(admin_a, internship, monkeypatch):
    services.evaluate(actor=admin_a, internship=internship, stage="final", grade="good", comment="好")
    monkeypatch.setattr(services, "open_stages", lambda internship, side: ["process", "final"])
    with pytest.raises(services.ValidationError) as refused:
        services.evaluate(actor=admin_a, internship=internship, stage="final", grade="good", comment="再一次")
    assert refused.value.message_dict == {"stage": ["实习总结评价只能提交一次"]}
    assert Evaluation.objects.count() == 1


@pytest.mark.parametrize(("who", "status"), [
    ("admin_b", 404), ("school_b_admin", 404), ("student_b_person", 404), ("education_other_reviewer", 404),
    ("county_reviewer_a", 404), ("staff_manager_a", 404), ("outsider", 404),
    ("school_admin", 403), ("education_reviewer", 403),  # they read, they do not evaluate
])
def test_who_may_not_evaluate(client, request, who, status, internship, student_b_record):
    client.force_login(request.getfixturevalue(who))
    assert evaluate(client, internship, "process").status_code == status
    assert not Evaluation.objects.exists()


def test_a_student_sees_only_their_own_internships(client, student_b_person, student_b_record, internship):
    client.force_login(student_b_person)
    response = client.get(reverse("internships:evaluations"))
    assert response.status_code == 200 and list(response.context["object_list"]) == []


@pytest.mark.parametrize("who", ["staff_manager_a", "county_reviewer_a", "outsider"])
def test_the_evaluations_page_is_refused_to_unrelated_users(client, request, who):
    client.force_login(request.getfixturevalue(who))
    assert client.get(reverse("internships:evaluations")).status_code == 403
