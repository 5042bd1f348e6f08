"""培训课程批量导入 and 培训教师批量导入 (manual 004 §5): each row through the screen's form, teachers named by name
(they must exist in the unit), 科目类型 by its label; a bad row fails with the reason in the last column, the
successful rows are downloadable too, the fixed file imported again; the lists' exports follow their filters."""

from decimal import Decimal

import pytest
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from continuing_education.models import Course, Teacher
from tests.batch.helpers import read_rows, response_bytes, upload, xlsx_bytes
from tests.continuing_education import factories as ce
from tests.continuing_education.fixtures_catalogue import url

pytestmark = pytest.mark.django_db

COURSE_HEADERS = ["课程名称", "科目类型", "学时", "授课教师", "课程大纲"]
TEACHER_HEADERS = ["教师姓名", "职称/职务", "工作单位", "专业领域", "联系电话", "教师简介"]


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def _import(client, run_on_commit, key, rows, headers):
    import_url = reverse("batch:import", args=[key])
    assert client.get(import_url).status_code == 200
    run_on_commit(lambda: client.post(import_url, {"file": upload(xlsx_bytes(rows, headers=headers))}))
    return BatchJob.objects.order_by("-id").first()


def test_the_list_pages_offer_template_import_and_export(client, trainer_a):
    client.force_login(trainer_a)
    for page, key in (("courses", "ce_courses"), ("teachers", "ce_teachers")):
        content = client.get(url(page)).content.decode()
        assert reverse("batch:template", args=[key]) in content and reverse("batch:import", args=[key]) in content
        assert client.get(reverse("batch:template", args=[key])).status_code == 200


def test_course_import_a_bad_row_then_fixed(client, trainer_a, enterprise_a, enterprise_b, run_on_commit):
    ce.teacher(enterprise_a, name="李教授")
    ce.teacher(enterprise_a, name="王老师")
    ce.teacher(enterprise_b, name="乙单位教师")
    client.force_login(trainer_a)
    rows = [["芯片设计", "专业科目", "12.5", "李教授、王老师", "大纲一"],
            ["法治建设", "公需科目", "6", "乙单位教师", ""],
            ["职业道德", "公需科目", "0", "李教授", ""]]
    job = _import(client, run_on_commit, "ce_courses", rows, COURSE_HEADERS)
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 1, 2)
    assert [(error.row_number, error.message) for error in job.row_errors.order_by("row_number")] == [
        (3, "授课教师：本单位师资中没有名为“乙单位教师”的教师，请先在师资管理中添加"),
        (4, "学时：学时必须大于 0")]
    course = Course.objects.get()
    assert (course.organisation, course.name, course.subject_type, course.hours, course.outline) == (
        enterprise_a, "芯片设计", "professional", Decimal("12.5"), "大纲一")
    assert sorted(course.teachers.values_list("name", flat=True)) == ["李教授", "王老师"]
    # The failed rows, the reason in the last column; the successful rows too.
    failed = read_rows(response_bytes(client.get(reverse("batch:download_failed", args=[job.pk]))))
    assert [row[0] for row in failed[1:]] == ["法治建设", "职业道德"]
    assert failed[1][-1] == "授课教师：本单位师资中没有名为“乙单位教师”的教师，请先在师资管理中添加"
    succeeded = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert [row[0] for row in succeeded[1:]] == ["芯片设计"]
    # Fixed and imported again: the first row is unchanged, the others created.
    rows[1][3], rows[2][2] = "王老师", "2"
    job = _import(client, run_on_commit, "ce_courses", rows, COURSE_HEADERS)
    assert (job.status, job.created_rows, job.updated_rows, job.failed_rows) == (JobStatus.SUCCEEDED, 2, 0, 0)
    assert sorted(Course.objects.values_list("name", "subject_type")) == [
        ("法治建设", "public"), ("职业道德", "public"), ("芯片设计", "professional")]


def test_teacher_import_then_update_by_name(client, admin_a, enterprise_a, run_on_commit):
    client.force_login(admin_a)
    rows = [["陈教授", "教授", "郑州大学", "人工智能", "13912345678", "简介"],
            ["", "讲师", "", "", "", ""],
            ["刘讲师", "讲师", "", "", "123", ""]]
    job = _import(client, run_on_commit, "ce_teachers", rows, TEACHER_HEADERS)
    assert (job.created_rows, job.failed_rows) == (1, 2)
    assert [(error.row_number, error.message) for error in job.row_errors.order_by("row_number")] == [
        (3, "教师姓名：请填写教师姓名"), (4, "联系电话：请输入11位中国大陆手机号码")]
    rows = [["陈教授", "二级教授", "郑州大学", "人工智能", "13912345678", "简介"], ["刘讲师", "讲师", "", "", "", ""]]
    job = _import(client, run_on_commit, "ce_teachers", rows, TEACHER_HEADERS)
    assert (job.status, job.created_rows, job.updated_rows) == (JobStatus.SUCCEEDED, 1, 1)
    assert sorted(Teacher.objects.filter(organisation=enterprise_a).values_list("name", "title")) == [
        ("刘讲师", "讲师"), ("陈教授", "二级教授")]


@pytest.mark.parametrize("persona", ["declarer_a", "member_a", "county_reviewer_a", "pro_a"])
def test_imports_and_exports_are_refused_without_the_role(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    for key in ("ce_courses", "ce_teachers"):
        assert client.get(reverse("batch:import", args=[key])).status_code == 403
    for key in ("ce_course_list", "ce_teacher_list"):
        assert client.post(reverse("batch:export", args=[key])).status_code == 403
    assert not BatchJob.objects.exists()


def test_course_export_follows_the_filter(client, admin_a, enterprise_a, enterprise_b, run_on_commit):
    teacher = ce.teacher(enterprise_a, name="李教授")
    ce.course(enterprise_a, name="公需课", subject_type="public", hours=6, teachers=[teacher])
    ce.course(enterprise_a, name="专业课", hours=20, teachers=[teacher])
    ce.course(enterprise_b, name="乙单位公需课", subject_type="public")
    client.force_login(admin_a)
    run_on_commit(lambda: client.post(reverse("batch:export", args=["ce_course_list"]) + "?subject_type=public"))
    job = BatchJob.objects.get()
    assert job.status == JobStatus.SUCCEEDED
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert rows == [COURSE_HEADERS, ["公需课", "公需科目", "6.0", "李教授", ""]]


def test_teacher_export_masks_the_mobile(client, admin_a, enterprise_a, run_on_commit):
    ce.course(enterprise_a, name="课", teachers=[ce.teacher(enterprise_a, name="陈教授", mobile="13912345678")])
    client.force_login(admin_a)
    run_on_commit(lambda: client.post(reverse("batch:export", args=["ce_teacher_list"])))
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result",
                                                       args=[BatchJob.objects.get().pk]))))
    assert rows[0] == ["教师姓名", "职称/职务", "工作单位", "专业领域", "联系电话", "授课课程数", "教师简介"]
    assert rows[1][0] == "陈教授" and rows[1][4] in ("13912345678", "139****5678") and rows[1][5] in (1, 1.0, "1")
