"""The student's side: the positions of the school's open pool (filters, detail), choosing up to five at once
(the lowest free slots; the sixth, under-16, first-year, signed, closed, foreign and repeated choices refused
with the rule's message), the student's applications and withdrawing one."""

import datetime

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from internships.models import Application, ApplicationStatus, InternshipStatus, PositionStatus
from internships.services import applications as services
from notifications.models import Notification
from tests import factories
from tests.internships import factories as f
from timeline.selectors import events_for

pytestmark = pytest.mark.django_db

POSITIONS = reverse("internships:student_positions")
CHOOSE = reverse("internships:student_choose")
MINE = reverse("internships:student_applications")


def make_positions(host, by, count, **fields):
    return [f.position(host, by, title=f"岗位{index}", **fields) for index in range(1, count + 1)]


def choose(client, positions):
    return client.post(CHOOSE, {"positions": [p.pk for p in positions]}, follow=True)


def messages_of(response):
    return [str(message) for message in response.context["messages"]]


def test_the_list_shows_the_open_pool_with_filters(client, host_a, admin_a, host_b, admin_b, student,
                                                   student_record):
    shown = f.position(host_a, admin_a, title="数控操作实习生", majors="数控技术", education="junior_college")
    other = f.position(host_a, admin_a, title="装配实习生", work_region=factories.region("410305"))
    f.position(host_a, admin_a, title="草稿", status=PositionStatus.DRAFT)
    f.position(host_a, admin_a, title="已截止", apply_until=f.TODAY - datetime.timedelta(days=1))
    f.position(host_b, admin_b, title="乙企业岗位")  # enterprise B is admitted (self-registered): in the pool
    f.host_profile(factories.OrganisationFactory(name="丙企业"), blacklisted=True)
    client.force_login(student)

    def titles(**params):
        response = client.get(POSITIONS, params)
        assert response.status_code == 200
        return sorted(p.title for p in response.context["object_list"])

    assert titles() == ["乙企业岗位", "数控操作实习生", "装配实习生"]
    assert titles(q="数控") == ["数控操作实习生"]
    assert titles(q="乙企业") == ["乙企业岗位"]
    assert titles(major="数控") == ["数控操作实习生"]
    assert titles(education="junior_college") == ["数控操作实习生"]
    assert titles(city="410300") == ["装配实习生"]
    # A malformed filter: its message beside the field and no positions, not the pool less filtered than asked.
    response = client.get(POSITIONS, {"city": "999999", "education": "phd"})
    assert response.status_code == 200
    assert response.context["form"].errors == {"city": ["没有该地区，请从列表中选择"],
                                               "education": ["没有该学历要求，请从列表中选择"]}
    assert list(response.context["object_list"]) == []
    page = response.content.decode()
    assert "没有该地区，请从列表中选择" in page and "没有该学历要求，请从列表中选择" in page
    assert titles(education="phd") == []
    assert client.get(reverse("internships:student_position", args=[shown.pk])).status_code == 200
    assert other.pk in {p.pk for p in client.get(POSITIONS).context["object_list"]}


def test_a_position_outside_the_pool_is_not_found(client, host_a, admin_a, student, student_record, enterprise_b,
                                                  admin_b):
    draft = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    f.host_profile(enterprise_b, admission="pending")
    outside = f.position(enterprise_b, admin_b)  # not recommended, not admitted
    client.force_login(student)
    assert client.get(reverse("internships:student_position", args=[draft.pk])).status_code == 404
    assert client.get(reverse("internships:student_position", args=[outside.pk])).status_code == 404


def test_choosing_five_at_once_takes_slots_one_to_five(client, host_a, admin_a, student, student_record):
    positions = make_positions(host_a, admin_a, 5)
    client.force_login(student)
    response = choose(client, positions)
    assert response.redirect_chain[-1][0] == MINE
    assert messages_of(response) == ["已提交 5 个实习申请，请等待企业确认"]
    applications = Application.objects.filter(student=student_record).order_by("choice_slot")
    assert [(a.position.title, a.choice_slot, a.status) for a in applications] == [
        (f"岗位{n}", n, ApplicationStatus.APPLIED) for n in range(1, 6)]
    assert {a.enterprise_id for a in applications} == {host_a.pk}
    assert {a.school_id for a in applications} == {student_record.school_id}
    assert AuditEntry.objects.filter(action="internships.application_created").count() == 5
    assert [e.event for e in events_for(applications[0])] == ["applied"]
    assert Notification.objects.filter(recipient=admin_a, url=reverse("internships:signing")).count() == 1


def test_the_sixth_choice_is_refused(client, host_a, admin_a, student, student_record):
    positions = make_positions(host_a, admin_a, 6)
    client.force_login(student)
    choose(client, positions[:3])
    response = choose(client, positions[3:])
    assert messages_of(response) == ["您同时最多可以选择 5 个实习岗位：已有 3 个待企业确认的申请，本次又选择了 3 个"]
    assert Application.objects.filter(student=student_record).count() == 3
    response = choose(client, positions)
    assert "本次又选择了 6 个" not in messages_of(response)[0]  # the three already chosen are named first
    assert messages_of(response) == [f"“岗位{n}”：您已申请过该岗位" for n in range(1, 4)]
    choose(client, positions[3:5])
    assert Application.objects.filter(student=student_record, status=ApplicationStatus.APPLIED).count() == 5


def test_a_withdrawn_choice_frees_its_slot(client, host_a, admin_a, student, student_record):
    positions = make_positions(host_a, admin_a, 6)
    client.force_login(student)
    choose(client, positions[:5])
    second = Application.objects.get(student=student_record, choice_slot=2)
    response = client.post(reverse("internships:student_withdraw", args=[second.pk]), follow=True)
    assert messages_of(response) == ["已撤回对“岗位2”的申请"]
    second.refresh_from_db()
    assert (second.status, second.choice_slot) == (ApplicationStatus.WITHDRAWN, None)
    assert AuditEntry.objects.filter(action="internships.application_status", target_id=str(second.pk)).count() == 1
    choose(client, positions[5:])
    assert Application.objects.get(position=positions[5]).choice_slot == 2
    # Withdrawn again: the state machine refuses, the page says why.
    response = client.post(reverse("internships:student_withdraw", args=[second.pk]), follow=True)
    assert messages_of(response) == ["实习申请当前状态为“本人撤回”，不能变为“本人撤回”"]
    # A withdrawn position may be chosen again.
    response = choose(client, positions[1:2])
    assert messages_of(response) == ["您同时最多可以选择 5 个实习岗位：已有 5 个待企业确认的申请，本次又选择了 1 个"]


def test_under_sixteen_on_the_start_date_is_refused(client, school, host_a, admin_a):
    start = f.STARTS_ON
    birth = start.replace(year=start.year - 16) + datetime.timedelta(days=1)  # turns 16 the day after
    person = factories.individual(username="young", real_name="小明",
                                  id_number=factories.make_id_number(birth.strftime("%Y%m%d")))
    f.student(school, person=person)
    position = f.position(host_a, admin_a, title="钳工实习生")
    client.force_login(person)
    response = choose(client, [position])
    assert messages_of(response) == [
        f"“钳工实习生”：按照《职业学校学生实习管理规定》，不得安排未满16周岁的学生岗位实习，您在实习开始日期（{start}）未满16周岁"]
    assert not Application.objects.exists()


def test_sixteen_on_the_start_date_may_choose(client, school, host_a, admin_a):
    start = f.STARTS_ON
    birth = start.replace(year=start.year - 16)
    person = factories.individual(username="sixteen", real_name="小红",
                                  id_number=factories.make_id_number(birth.strftime("%Y%m%d")))
    f.student(school, person=person)
    choose_response = None
    client.force_login(person)
    choose_response = choose(client, [f.position(host_a, admin_a)])
    assert messages_of(choose_response) == ["已提交 1 个实习申请，请等待企业确认"]


def test_first_year_on_the_start_date_is_refused(client, school, host_a, admin_a, student):
    enrolled = f.STARTS_ON - datetime.timedelta(days=200)
    f.student(school, person=student, enrolled_on=enrolled)
    position = f.position(host_a, admin_a, title="钳工实习生")
    client.force_login(student)
    response = choose(client, [position])
    assert messages_of(response) == [
        "“钳工实习生”：按照《职业学校学生实习管理规定》，不得安排一年级在校学生岗位实习"
        f"（实习开始日期 {f.STARTS_ON} 时您入学未满一年）"]
    assert not Application.objects.exists()


def test_a_signed_student_cannot_choose(client, host_a, admin_a, student, student_record):
    first, second = make_positions(host_a, admin_a, 2)
    f.internship(f.application(student_record, first), status=InternshipStatus.SIGNED)
    client.force_login(student)
    response = choose(client, [second])
    assert messages_of(response) == ["您已与“甲企业有限公司”签约，不能再选择实习岗位"]
    assert "signed_with" in client.get(POSITIONS).context


def test_closed_foreign_and_bad_choices_are_refused(client, host_a, admin_a, enterprise_b, admin_b, student,
                                                    student_record):
    closed = f.position(host_a, admin_a, title="已关闭岗位", status=PositionStatus.CLOSED)
    f.host_profile(enterprise_b, admission="pending")
    foreign = f.position(enterprise_b, admin_b, title="库外岗位")
    client.force_login(student)
    response = choose(client, [closed, foreign])
    assert messages_of(response) == ["“已关闭岗位”：该岗位不在本校可选的实习岗位中，或已停止报名",
                                     "“库外岗位”：该岗位不在本校可选的实习岗位中，或已停止报名"]
    assert messages_of(client.post(CHOOSE, {"positions": ["x"]}, follow=True)) == ["所选岗位无效"]
    assert messages_of(client.post(CHOOSE, {}, follow=True)) == ["请至少选择一个实习岗位"]
    assert messages_of(client.post(CHOOSE, {"positions": ["999999"]}, follow=True)) == ["所选岗位不存在或已删除"]
    assert not Application.objects.exists()


def test_the_service_refuses_another_persons_choice(host_a, admin_a, student_record, outsider):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.apply_for_positions(student=student_record, positions=[f.position(host_a, admin_a)], actor=outsider)


def test_only_students_open_the_students_pages(client, admin_a, school_admin, outsider, education_reviewer,
                                               host_a, student_b_person, student_b_record, student_record):
    position = f.position(host_a, admin_a)
    application = f.application(student_record, position)
    for user in (admin_a, school_admin, outsider, education_reviewer):
        client.force_login(user)
        assert client.get(POSITIONS).status_code == 403
        assert client.get(MINE).status_code == 403
        assert client.post(CHOOSE, {"positions": [position.pk]}).status_code == 403
    # Another student does not see, let alone withdraw, 张同学's application.
    client.force_login(student_b_person)
    assert client.post(reverse("internships:student_withdraw", args=[application.pk])).status_code == 404
    # The school sees it but may not withdraw it.
    client.force_login(school_admin)
    assert client.post(reverse("internships:student_withdraw", args=[application.pk])).status_code == 403
    application.refresh_from_db()
    assert application.status == ApplicationStatus.APPLIED
    client.logout()
    assert client.get(POSITIONS).status_code == 302
