"""实习分组: the school creates groups per enterprise with its teacher and puts its signed interns in them; the
enterprise assigns a mentor to each group of its interns, and only to those."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from internships.models import InternshipGroup, InternshipStatus
from notifications.models import Notification
from tests.internships import factories as f

pytestmark = pytest.mark.django_db


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a)


@pytest.fixture
def internship(student_record, position):
    return f.internship(f.application(student_record, position))


@pytest.fixture
def group(school, host_a, school_admin, internship):
    return f.group(school, host_a, school_admin)


def _new(client, user, enterprise, **overrides):
    client.force_login(user)
    data = {"enterprise": enterprise.pk, "name": "数控一组", "teacher_name": "钱老师", "teacher_phone": "0371-66668888"}
    data.update(overrides)
    return client.post(reverse("internships:school_groups"), data)


def test_school_creates_a_group_for_an_enterprise_with_its_interns(client, school_admin, host_a, internship):
    response = _new(client, school_admin, host_a)
    group = InternshipGroup.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("internships:school_group_detail", args=[group.pk])
    assert (group.school_id, group.enterprise_id, group.name, group.teacher_name, group.teacher_phone) == (
        school_admin.organisation_id, host_a.pk, "数控一组", "钱老师", "0371-66668888")
    assert AuditEntry.objects.filter(action="internships.group_created").count() == 1


def test_enterprise_choices_are_those_with_the_schools_interns(client, school_admin, host_b, internship):
    response = _new(client, school_admin, host_b)
    assert response.status_code == 200
    assert response.context["form"].errors["enterprise"] == ["请从列表中选择实习企业"]
    assert not InternshipGroup.objects.exists()


def test_duplicate_group_name_is_a_message_next_to_the_name(client, school_admin, host_a, group):
    response = _new(client, school_admin, host_a, name=group.name)
    assert response.status_code == 200
    assert response.context["form"].errors["name"] == ["本校在该企业已有同名的实习分组"]
    assert InternshipGroup.objects.count() == 1


def test_bad_phone_is_refused(client, school_admin, host_a, internship):
    response = _new(client, school_admin, host_a, teacher_phone="call me")
    assert response.context["form"].errors["teacher_phone"] == ["请输入正确的电话号码（数字，可含“-”）"]


def test_school_puts_and_removes_interns(client, school_admin, group, internship):
    client.force_login(school_admin)
    url = reverse("internships:school_group_detail", args=[group.pk])
    response = client.post(url, {"action": "members", "internships": [internship.pk]})
    assert response.status_code == 302
    internship.refresh_from_db()
    assert internship.group == group
    client.post(url, {"action": "members"})
    internship.refresh_from_db()
    assert internship.group is None
    assert AuditEntry.objects.filter(action="internships.group_assigned").count() == 2


def test_only_the_schools_unfinished_interns_of_that_enterprise(client, school, school_admin, group, host_b,
                                                                 admin_b, school_b, student_b_record):
    other_enterprise = f.internship(f.application(f.student(school, name="别企业"), f.position(host_b, admin_b)))
    other_school = f.internship(f.application(student_b_record, f.position(group.enterprise, admin_b)))
    finished = f.internship(f.application(f.student(school, name="已结束"), f.position(group.enterprise, admin_b)),
                            status=InternshipStatus.COMPLETED)
    client.force_login(school_admin)
    for item in (other_enterprise, other_school, finished):
        response = client.post(reverse("internships:school_group_detail", args=[group.pk]),
                               {"action": "members", "internships": [item.pk]})
        assert response.status_code == 200
        assert response.context["members_form"].errors["internships"]
        item.refresh_from_db()
        assert item.group is None


def test_school_edits_the_teacher(client, school_admin, group):
    client.force_login(school_admin)
    client.post(reverse("internships:school_group_detail", args=[group.pk]),
                {"action": "group", "name": "一组", "teacher_name": "孙老师", "teacher_phone": "13900000000"})
    group.refresh_from_db()
    assert (group.name, group.teacher_name) == ("一组", "孙老师")


@pytest.mark.parametrize("persona, status", [
    ("school_b_admin", 404), ("admin_b", 404), ("education_other_reviewer", 404), ("county_reviewer_a", 404),
    ("admin_a", 403), ("education_reviewer", 403), ("school_member", 404), ("student", 404), ("outsider", 404),
])
def test_others_cannot_open_or_change_the_schools_group(client, request, group, internship, persona, status):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("internships:school_group_detail", args=[group.pk])
    assert client.get(url).status_code == status
    assert client.post(url, {"action": "members", "internships": [internship.pk]}).status_code == status
    internship.refresh_from_db()
    assert internship.group is None


@pytest.mark.parametrize("persona", ["admin_a", "education_reviewer", "student", "outsider", "school_member"])
def test_group_list_is_the_schools_screen(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("internships:school_groups")).status_code == 403


# --- the enterprise's mentor ---------------------------------------------------------------------------------------

def test_enterprise_lists_the_groups_of_its_interns_and_assigns_a_mentor(client, admin_a, school_admin, group):
    client.force_login(admin_a)
    response = client.get(reverse("internships:host_groups"))
    assert [item.pk for item in response.context["object_list"]] == [group.pk]
    response = client.post(reverse("internships:host_group_mentor", args=[group.pk]),
                           {"mentor_name": "李师傅", "mentor_phone": "13700000000"})
    assert response.status_code == 302
    group.refresh_from_db()
    assert (group.mentor_name, group.mentor_phone) == ("李师傅", "13700000000")
    assert group.mentor_assigned_at is not None
    assert Notification.objects.filter(recipient=school_admin, title="企业已指定指导师傅").count() == 1
    assert AuditEntry.objects.filter(action="internships.mentor_assigned").count() == 1


def test_mentor_needs_name_and_phone(client, admin_a, group):
    client.force_login(admin_a)
    response = client.post(reverse("internships:host_group_mentor", args=[group.pk]), {"mentor_name": ""})
    assert response.context["form"].errors == {"mentor_name": ["请填写企业指导师傅"],
                                               "mentor_phone": ["请填写指导师傅电话"]}


def test_other_enterprise_sees_nothing_and_cannot_assign(client, admin_b, host_b, group):
    client.force_login(admin_b)
    assert list(client.get(reverse("internships:host_groups")).context["object_list"]) == []
    url = reverse("internships:host_group_mentor", args=[group.pk])
    assert client.get(url).status_code == 404
    assert client.post(url, {"mentor_name": "王", "mentor_phone": "13700000000"}).status_code == 404
    group.refresh_from_db()
    assert group.mentor_name == ""


@pytest.mark.parametrize("persona, status", [
    ("school_admin", 403), ("education_reviewer", 403), ("staff_manager_a", 404), ("student", 404),
])
def test_only_the_enterprise_assigns_the_mentor(client, request, group, persona, status):
    client.force_login(request.getfixturevalue(persona))
    url = reverse("internships:host_group_mentor", args=[group.pk])
    assert client.post(url, {"mentor_name": "王", "mentor_phone": "13700000000"}).status_code == status
    group.refresh_from_db()
    assert group.mentor_name == ""


def test_host_groups_is_the_enterprises_screen(client, school_admin, staff_manager_a):
    for user in (school_admin, staff_manager_a):
        client.force_login(user)
        assert client.get(reverse("internships:host_groups")).status_code == 403


def test_mentor_shows_on_the_internship_page(client, school_admin, school, host_a, internship):
    group = f.group(school, host_a, school_admin, name="二组", mentor_name="周师傅")
    internship.group = group
    internship.save(update_fields=["group"])
    client.force_login(school_admin)
    page = client.get(reverse("internships:internship_detail", args=[internship.pk])).content.decode()
    assert "周师傅 13800000002" in page
