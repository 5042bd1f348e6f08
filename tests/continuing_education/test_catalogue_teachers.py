"""师资管理 (manual 004 §3.4): add, edit, delete the unit's teachers; the mobile masked in the list; a teacher a
course uses cannot be deleted (the message names the courses); an edit shows in every course; one catalogue per
organisation, also for a unit that is a training institution."""

import pytest

from audit.models import AuditEntry
from continuing_education.models import Teacher
from organisations.models import OrganisationKind
from tests import factories
from tests.continuing_education import factories as ce
from tests.continuing_education.fixtures_catalogue import teacher_data, texts, url

pytestmark = pytest.mark.django_db


def test_add_a_teacher(client, trainer_a, enterprise_a):
    client.force_login(trainer_a)
    assert client.get(url("teacher_new")).status_code == 200
    response = client.post(url("teacher_new"), teacher_data())
    assert response["Location"] == url("teachers") and texts(response) == ["教师“陈教授”已新增"]
    teacher = Teacher.objects.get()
    assert (teacher.organisation, teacher.name, teacher.title, teacher.employer, teacher.specialty, teacher.mobile,
            teacher.introduction) == (enterprise_a, "陈教授", "教授", "郑州大学", "人工智能", "13912345678",
                                      "从事人工智能研究二十年")
    entry = AuditEntry.objects.get(action="continuing_education.teacher_created")
    assert entry.target_id == str(teacher.pk)


def test_the_mobile_is_optional_and_checked(client, admin_a):
    client.force_login(admin_a)
    response = client.post(url("teacher_new"), teacher_data(mobile="12345"))
    assert response.context["form"].errors["mobile"] == ["请输入11位中国大陆手机号码"]
    response = client.post(url("teacher_new"), teacher_data(name=""))
    assert response.context["form"].errors["name"] == ["请填写教师姓名"]
    assert not Teacher.objects.exists()
    assert client.post(url("teacher_new"), teacher_data(mobile="", title="")).status_code == 302
    assert Teacher.objects.get().mobile == ""


def test_the_list_masks_the_mobile_and_filters(client, trainer_a, enterprise_a, enterprise_b):
    ce.teacher(enterprise_a, name="陈教授", mobile="13912345678", specialty="人工智能")
    ce.teacher(enterprise_a, name="李讲师", specialty="法律")
    ce.teacher(enterprise_b, name="乙单位教师")
    client.force_login(trainer_a)
    response = client.get(url("teachers"))
    page = response.content.decode()
    assert "139****5678" in page and "13912345678" not in page and "乙单位教师" not in page
    assert [t.name for t in response.context["object_list"]] == ["李讲师", "陈教授"]
    assert [t.name for t in client.get(url("teachers"), {"specialty": "法律"}).context["object_list"]] == ["李讲师"]
    assert [t.name for t in client.get(url("teachers"), {"name": "陈"}).context["object_list"]] == ["陈教授"]


def test_an_edit_shows_in_every_course(client, admin_a, enterprise_a):
    teacher = ce.teacher(enterprise_a, name="陈教授")
    ce.course(enterprise_a, name="课程一", teachers=[teacher])
    ce.course(enterprise_a, name="课程二", teachers=[teacher])
    client.force_login(admin_a)
    page = client.get(url("teacher_edit", teacher)).content.decode()
    assert "该教师讲授的课程：课程一、课程二" in page
    response = client.post(url("teacher_edit", teacher), teacher_data(name="陈振华教授", title="二级教授"))
    assert texts(response) == ["教师“陈振华教授”已保存"]
    listed = client.get(url("courses")).context["object_list"]
    assert [(course.name, [t.name for t in course.teachers.all()]) for course in listed] == [
        ("课程一", ["陈振华教授"]), ("课程二", ["陈振华教授"])]
    entry = AuditEntry.objects.get(action="continuing_education.teacher_updated")
    assert (entry.before["name"], entry.after["name"]) == ("陈教授", "陈振华教授")


def test_a_teacher_used_by_courses_cannot_be_deleted(client, admin_a, enterprise_a):
    teacher = ce.teacher(enterprise_a, name="陈教授")
    ce.course(enterprise_a, name="课程二", teachers=[teacher])
    ce.course(enterprise_a, name="课程一", teachers=[teacher])
    client.force_login(admin_a)
    response = client.post(url("teacher_delete", teacher))
    assert texts(response) == ["该教师已被课程“课程一”、“课程二”使用，不能删除"]
    assert Teacher.objects.filter(pk=teacher.pk).exists()


def test_delete_an_unused_teacher(client, admin_a, enterprise_a):
    teacher = ce.teacher(enterprise_a, name="陈教授")
    client.force_login(admin_a)
    response = client.post(url("teacher_delete", teacher))
    assert texts(response) == ["教师“陈教授”已删除"]
    assert not Teacher.objects.exists()
    assert AuditEntry.objects.get(action="continuing_education.teacher_deleted").target_repr == "陈教授"


def test_a_training_institution_has_the_one_catalogue_of_its_organisation(client):
    """A unit that is also a training institution (机构类型 培训机构) keeps one catalogue: the same teachers and
    courses whichever of its users manages them; nothing is split by role."""
    institution = factories.OrganisationFactory(name="中原专技培训学院", kind=OrganisationKind.TRAINING_INSTITUTION,
                                                region=factories.region("410105"))
    admin = factories.org_admin(institution, username="institute_admin")
    teacher = ce.teacher(institution, name="院内教师")
    ce.course(institution, name="院内课程", teachers=[teacher])
    client.force_login(admin)
    assert [t.name for t in client.get(url("teachers")).context["object_list"]] == ["院内教师"]
    assert [c.name for c in client.get(url("courses")).context["object_list"]] == ["院内课程"]
    response = client.post(url("teacher_new"), teacher_data(name="新教师", mobile=""))
    assert response.status_code == 302
    assert set(Teacher.objects.filter(organisation=institution).values_list("name", flat=True)) == {"院内教师",
                                                                                                 "新教师"}


def test_another_unit_and_roles_without_the_permission_are_refused(client, admin_b, declarer_a, member_a,
                                                                    county_reviewer_a, pro_a, enterprise_a):
    teacher = ce.teacher(enterprise_a, name="陈教授")
    client.force_login(admin_b)
    assert client.get(url("teacher_edit", teacher)).status_code == 404
    assert client.post(url("teacher_delete", teacher)).status_code == 404
    for user in (declarer_a, member_a, county_reviewer_a, pro_a):
        client.force_login(user)
        assert client.get(url("teachers")).status_code == 403
        assert client.post(url("teacher_new"), teacher_data()).status_code == 403
        assert client.post(url("teacher_edit", teacher), teacher_data(name="改名")).status_code == 403
        assert client.post(url("teacher_delete", teacher)).status_code == 403
    assert list(Teacher.objects.values_list("name", flat=True)) == ["陈教授"]
