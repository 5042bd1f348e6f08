"""培训课程 (manual 004 §3.2): list with filters, add, edit, delete through HTTP with exact messages; the unit's
own teachers only; a course in a class cannot be deleted (a submitted class: refused; a draft: the class named);
an edit of a course in an approved class keeps the class's snapshot; deny tests per role."""

from decimal import Decimal

import pytest

from audit.models import AuditEntry
from continuing_education.models import ClassStatus, Course
from continuing_education.services.catalogue import lock_courses
from tests.continuing_education import factories as ce
from tests.continuing_education.fixtures_catalogue import course_data, texts, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def teacher(enterprise_a):
    return ce.teacher(enterprise_a, name="李教授")


def test_add_a_course_with_the_units_teachers(client, trainer_a, enterprise_a, teacher):
    other = ce.teacher(enterprise_a, name="王老师")
    client.force_login(trainer_a)
    page = client.get(url("course_new")).content.decode()
    assert "李教授" in page and "王老师" in page
    response = client.post(url("course_new"), course_data([teacher, other]))
    assert response.status_code == 302 and response["Location"] == url("courses")
    assert texts(response) == ["培训课程“人工智能导论”已新增"]
    course = Course.objects.get()
    assert (course.organisation, course.subject_type, course.hours, course.outline) == (
        enterprise_a, "professional", Decimal("6.5"), "一、概述；二、应用")
    assert set(course.teachers.all()) == {teacher, other}
    entry = AuditEntry.objects.get(action="continuing_education.course_created")
    assert entry.after["teachers"] == ["李教授", "王老师"] and entry.target_id == str(course.pk)


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"name": ""}, "name", "请填写课程名称"),
    ({"name": "   "}, "name", "请填写课程名称"),
    ({"subject_type": ""}, "subject_type", "请选择科目类型"),
    ({"subject_type": "other"}, "subject_type", "科目类型应为公需科目或专业科目"),
    ({"hours": ""}, "hours", "请填写学时"),
    ({"hours": "0"}, "hours", "学时必须大于 0"),
    ({"hours": "-2"}, "hours", "学时必须大于 0"),
    ({"hours": "1.25"}, "hours", "学时最多一位小数"),
    ({"hours": "abc"}, "hours", "学时应为数字"),
    ({"teachers": []}, "teachers", "请至少选择一名授课教师"),
])
def test_bad_input_is_a_message_beside_the_field(client, admin_a, teacher, changes, field, message):
    client.force_login(admin_a)
    response = client.post(url("course_new"), course_data([teacher], **changes))
    assert response.status_code == 200
    assert response.context["form"].errors[field] == [message]
    assert f'data-field-error="{field}">{message}' in response.content.decode()
    assert not Course.objects.exists()


def test_another_units_teacher_cannot_be_chosen(client, admin_a, enterprise_b, teacher):
    foreign = ce.teacher(enterprise_b, name="乙单位教师")
    client.force_login(admin_a)
    response = client.post(url("course_new"), course_data([teacher, foreign]))
    assert response.context["form"].errors["teachers"] == ["所选教师不在本单位师资中"]
    assert "乙单位教师" not in client.get(url("course_new")).content.decode()
    assert not Course.objects.exists()


def test_the_same_name_twice_is_refused_within_a_unit_only(client, admin_a, enterprise_a, enterprise_b, teacher):
    ce.course(enterprise_a, name="人工智能导论", teachers=[teacher])
    ce.course(enterprise_b, name="乙单位课程")
    client.force_login(admin_a)
    response = client.post(url("course_new"), course_data([teacher]))
    assert response.context["form"].errors["name"] == ["已有同名的培训课程"]
    assert client.post(url("course_new"), course_data([teacher], name="乙单位课程")).status_code == 302
    assert Course.objects.filter(organisation=enterprise_a).count() == 2


def test_list_filters_by_name_and_subject_type(client, admin_a, enterprise_a, enterprise_b, teacher):
    ce.course(enterprise_a, name="公需科目：法治", subject_type="public", teachers=[teacher])
    ce.course(enterprise_a, name="专业科目：芯片", teachers=[teacher])
    ce.course(enterprise_b, name="乙单位芯片")
    client.force_login(admin_a)

    def names(query=None):
        return [course.name for course in client.get(url("courses"), query or {}).context["object_list"]]

    assert names() == ["专业科目：芯片", "公需科目：法治"]
    assert names({"name": "芯片"}) == ["专业科目：芯片"]
    assert names({"subject_type": "public"}) == ["公需科目：法治"]
    page = client.get(url("courses")).content.decode()
    assert "李教授" in page and "乙单位芯片" not in page


def test_a_malformed_filter_is_a_message_not_an_error(client, admin_a, enterprise_a, teacher):
    ce.course(enterprise_a, name="课程甲", teachers=[teacher])
    client.force_login(admin_a)
    response = client.get(url("courses"), {"subject_type": "<script>", "name": "x" * 500, "page": "zz"})
    assert response.status_code == 200
    assert texts(response) == ["查询条件有误，已忽略有误的条件"]
    assert [course.name for course in response.context["object_list"]] == ["课程甲"]


def test_edit_changes_the_course_and_its_teachers(client, trainer_a, enterprise_a, teacher):
    course = ce.course(enterprise_a, name="旧课程", teachers=[teacher])
    other = ce.teacher(enterprise_a, name="王老师")
    client.force_login(trainer_a)
    page = client.get(url("course_edit", course))
    assert page.context["form"].initial["teachers"] == [teacher.pk]
    assert 'data-testid="snapshot-note"' not in page.content.decode()
    response = client.post(url("course_edit", course), course_data([other], name="新课程", hours="12"))
    assert texts(response) == ["培训课程“新课程”已保存"]
    course.refresh_from_db()
    assert (course.name, course.hours, list(course.teachers.all())) == ("新课程", Decimal("12"), [other])
    entry = AuditEntry.objects.get(action="continuing_education.course_updated")
    assert (entry.before["name"], entry.after["name"], entry.before["teachers"], entry.after["teachers"]) == (
        "旧课程", "新课程", ["李教授"], ["王老师"])


def test_editing_a_course_of_an_approved_class_keeps_the_class_snapshot(client, admin_a, enterprise_a, teacher):
    course = ce.course(enterprise_a, name="芯片设计", hours=30, teachers=[teacher])
    approved = ce.training_class(enterprise_a, by=admin_a, status=ClassStatus.APPROVED, courses=[course])
    client.force_login(admin_a)
    page = client.get(url("course_edit", course)).content.decode()
    assert ("该课程已用于审核通过的培训班：修改只影响今后的申报，已审核通过的培训班保留审核通过时的课程与师资。"
            in page)
    other = ce.teacher(enterprise_a, name="王老师")
    response = client.post(url("course_edit", course), course_data([other], name="芯片设计（新版）", hours="40"))
    assert response.status_code == 302
    approved.refresh_from_db()
    assert approved.approved_snapshot == {"courses": [
        {"name": "芯片设计", "subject_type": "professional", "hours": "30", "teachers": ["李教授"]}]}
    assert approved.hours == Decimal("30")


def test_delete_an_unused_course(client, admin_a, enterprise_a, teacher):
    course = ce.course(enterprise_a, name="闲置课程", teachers=[teacher])
    client.force_login(admin_a)
    response = client.post(url("course_delete", course))
    assert response["Location"] == url("courses") and texts(response) == ["培训课程“闲置课程”已删除"]
    assert not Course.objects.exists()
    entry = AuditEntry.objects.get(action="continuing_education.course_deleted")
    assert (entry.target_repr, entry.before["teachers"]) == ("闲置课程", ["李教授"])
    teacher.refresh_from_db()  # the teacher stays


@pytest.mark.parametrize("status", [ClassStatus.PENDING, ClassStatus.APPROVED, ClassStatus.RETURNED,
                                    ClassStatus.REJECTED])
def test_a_course_of_a_submitted_class_cannot_be_deleted(client, admin_a, enterprise_a, teacher, status):
    course = ce.course(enterprise_a, name="在用课程", teachers=[teacher])
    ce.training_class(enterprise_a, by=admin_a, status=status, courses=[course])
    client.force_login(admin_a)
    response = client.post(url("course_delete", course))
    assert texts(response) == ["该课程已用于已提交的培训班，不能删除"]
    assert Course.objects.filter(pk=course.pk).exists()
    assert not AuditEntry.objects.filter(action="continuing_education.course_deleted").exists()


def test_a_course_of_a_draft_class_is_refused_naming_the_class(client, admin_a, enterprise_a, teacher):
    course = ce.course(enterprise_a, name="草稿课程", teachers=[teacher])
    ce.training_class(enterprise_a, by=admin_a, name="秋季专业科目培训班", courses=[course])
    client.force_login(admin_a)
    response = client.post(url("course_delete", course))
    assert texts(response) == ["该课程已用于未提交的培训班“秋季专业科目培训班”，请先从培训班中移除该课程"]
    assert Course.objects.filter(pk=course.pk).exists()


def test_lock_courses_returns_them_in_id_order_and_refuses_a_deleted_one(enterprise_a, enterprise_b, teacher):
    from django.core.exceptions import ValidationError
    from django.db import transaction

    first = ce.course(enterprise_a, name="甲", teachers=[teacher])
    second = ce.course(enterprise_a, name="乙", teachers=[teacher])
    foreign = ce.course(enterprise_b, name="丙")
    with transaction.atomic():
        assert lock_courses([second.pk, first.pk, second.pk]) == [first, second]
        with pytest.raises(ValidationError, match="所选课程已被删除，请重新选择"):
            lock_courses([first.pk, foreign.pk], organisation_id=enterprise_a.pk)
        with pytest.raises(ValidationError, match="所选课程已被删除，请重新选择"):
            lock_courses([first.pk, 999999])


# --- who may ----------------------------------------------------------------------------------------------------


def test_another_unit_does_not_find_the_course(client, admin_b, enterprise_a, teacher):
    course = ce.course(enterprise_a, name="甲课程", teachers=[teacher])
    client.force_login(admin_b)
    assert client.get(url("course_edit", course)).status_code == 404
    assert client.post(url("course_edit", course), course_data([teacher], name="改名")).status_code == 404
    assert client.post(url("course_delete", course)).status_code == 404
    assert "甲课程" not in client.get(url("courses")).content.decode()
    course.refresh_from_db()
    assert course.name == "甲课程"


@pytest.mark.parametrize("persona", ["declarer_a", "member_a", "archivist_a", "county_reviewer_a",
                                     "county_reviewer_b", "industry_reviewer", "pro_a", "pro_b"])
def test_without_the_training_role_every_page_is_refused(client, request, enterprise_a, teacher, persona):
    user = request.getfixturevalue(persona)
    course = ce.course(enterprise_a, name="甲课程", teachers=[teacher])
    client.force_login(user)
    assert client.get(url("courses")).status_code == 403
    assert client.get(url("course_new")).status_code == 403
    assert client.post(url("course_new"), course_data([teacher], name="新")).status_code == 403
    assert client.get(url("course_edit", course)).status_code == 403
    assert client.post(url("course_edit", course), course_data([teacher], name="改名")).status_code == 403
    assert client.post(url("course_delete", course)).status_code == 403
    assert list(Course.objects.values_list("name", flat=True)) == ["甲课程"]


def test_the_service_refuses_an_actor_the_screen_refuses(declarer_a, enterprise_a, teacher):
    from django.core.exceptions import PermissionDenied

    from continuing_education.services import catalogue as services

    with pytest.raises(PermissionDenied):
        services.create_course(organisation=enterprise_a, actor=declarer_a,
                               data={"name": "x", "subject_type": "public", "hours": Decimal(1),
                                     "teachers": [teacher], "outline": ""})
    assert not Course.objects.exists()
