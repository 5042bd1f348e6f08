"""学生名册: the school's list with its filters, add, edit, delete (only without applications), the import
through the batch engine (good and bad rows, another school's student, re-import) and the export; who may not."""

import datetime

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from internships.models import Student, StudyLevel
from tests import factories
from tests.batch.helpers import id_number, upload, xlsx_bytes
from tests.internships import factories as f

pytestmark = pytest.mark.django_db

HEADERS = ["姓名", "身份证号", "学历层次", "专业", "班级", "入学日期", "手机号"]
ZHANG = id_number("20060307", 123)
LI = id_number("20070512", 224)
WANG = id_number("20060101", 335)
BAD_CHECK = WANG[:-1] + ("1" if WANG[-1] != "1" else "2")
DUPLICATE = "该身份证号的学生已在学生名册中（每名学生只能属于一所学校）"


def form_data(**overrides):
    data = {"name": "张三", "id_number": ZHANG, "study_level": StudyLevel.HIGHER_VOCATIONAL, "major": "机电一体化技术",
            "class_name": "机电2401班", "enrolled_on": "2024-09-01", "mobile": "13800138000"}
    data.update(overrides)
    return data


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def post_import(run_on_commit):
    def post(client, content):
        url = reverse("batch:import", args=["internship_students"])
        return run_on_commit(lambda: client.post(url, {"file": upload(content, "学生.xlsx")}))

    return post


def test_add_screen_creates_a_student_on_the_school_roll(client, school, school_admin):
    client.force_login(school_admin)
    response = client.post(reverse("internships:student_create"), form_data())
    assert response.status_code == 302
    assert response["Location"] == reverse("internships:students")
    student = Student.objects.get()
    assert (student.school, student.name, student.id_number, student.study_level, student.major, student.class_name,
            student.enrolled_on, student.mobile, student.person) == (
        school, "张三", ZHANG, "higher_vocational", "机电一体化技术", "机电2401班", datetime.date(2024, 9, 1),
        "13800138000", None)
    entry = AuditEntry.objects.get(action="internships.student_created")
    assert entry.target_id == str(student.pk)
    assert "id_number" not in entry.after


def test_add_screen_shows_errors_next_to_fields_and_saves_nothing(client, school_admin, school_b):
    f.student(school_b, name="李四", id_number=LI)
    client.force_login(school_admin)
    response = client.post(reverse("internships:student_create"),
                           form_data(id_number=LI, study_level="doctor", enrolled_on="2024-13-01", name=" ",
                                     mobile="12345"))
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert errors["id_number"] == [DUPLICATE]
    assert errors["study_level"] == ["学历层次只能为中职、高职专科或高职本科"]
    assert errors["enrolled_on"] == ["入学日期格式应为 2024-09-01"]
    assert errors["name"] == ["请填写姓名"]
    assert errors["mobile"] == ["请输入11位中国大陆手机号码"]
    assert 'data-field-error="id_number"' in response.content.decode()
    response = client.post(reverse("internships:student_create"), form_data(id_number=BAD_CHECK))
    assert response.context["form"].errors["id_number"][0].startswith("身份证号校验位错误")
    assert Student.objects.count() == 1


def test_edit_screen_corrects_a_student(client, school, school_admin):
    student = f.student(school, name="张三", id_number=ZHANG)
    client.force_login(school_admin)
    assert client.get(reverse("internships:student_edit", args=[student.pk])).status_code == 200
    response = client.post(reverse("internships:student_edit", args=[student.pk]), form_data(class_name="机电2402班"))
    assert response.status_code == 302
    student.refresh_from_db()
    assert student.class_name == "机电2402班"
    entry = AuditEntry.objects.get(action="internships.student_updated")
    assert (entry.before["class_name"], entry.after["class_name"]) == ("机电2401班", "机电2402班")


def test_a_signed_in_students_id_number_cannot_be_changed(client, school_admin, student_record):
    client.force_login(school_admin)
    response = client.post(reverse("internships:student_edit", args=[student_record.pk]),
                           form_data(name=student_record.name, id_number=ZHANG))
    assert response.status_code == 200
    assert response.context["form"].errors["id_number"] == ["该学生已登录过平台，身份证号不能修改"]
    student_record.refresh_from_db()
    assert student_record.id_number != ZHANG


def test_delete_only_without_applications(client, school, school_admin, host_a, admin_a):
    free = f.student(school, name="张三", id_number=ZHANG)
    busy = f.student(school, name="李四", id_number=LI)
    f.application(busy, f.position(host_a, admin_a))
    client.force_login(school_admin)
    response = client.get(reverse("internships:students"))
    assert response.context["deletable"] == {free.pk}
    client.post(reverse("internships:student_delete", args=[busy.pk]))
    response = client.post(reverse("internships:student_delete", args=[free.pk]), follow=True)
    assert [str(m) for m in response.context["messages"]] == ["该学生已有实习申请，不能删除", "已删除学生“张三”"]
    assert list(Student.objects.values_list("name", flat=True)) == ["李四"]
    assert AuditEntry.objects.filter(action="internships.student_deleted").count() == 1


def test_list_filters_by_class_major_status_and_name(client, school, school_admin, school_b, student):
    f.student(school, name="张三", id_number=ZHANG, class_name="机电2401班", major="机电一体化技术")
    f.student(school, name="李四", id_number=LI, class_name="数控2401班", major="数控技术")
    f.student(school, person=student, class_name="数控2401班", major="数控技术")
    f.student(school_b, name="王五", id_number=WANG)
    client.force_login(school_admin)

    def names(**params):
        response = client.get(reverse("internships:students"), params)
        assert response.status_code == 200
        return sorted(s.name for s in response.context["object_list"])

    assert names() == ["张三", "张同学", "李四"]
    assert names(class_name="数控2401班") == ["张同学", "李四"]
    assert names(major="机电一体化技术") == ["张三"]
    assert names(status="signed_in") == ["张同学"]
    assert names(status="not_signed_in") == ["张三", "李四"]
    assert names(q="张") == ["张三", "张同学"]
    # Malformed filters are a message next to the field, never a 500 (and list nothing: see below).
    response = client.get(reverse("internships:students"), {"class_name": "不存在的班", "status": "x" * 300})
    assert response.status_code == 200
    assert "class_name" in response.context["form"].errors


def test_import_saves_good_rows_and_reports_each_bad_row(client, post_import, school, school_admin, school_b):
    f.student(school_b, name="王五", id_number=WANG)
    client.force_login(school_admin)
    rows = [
        ["张三", ZHANG, "高职专科", "机电一体化技术", "机电2401班", "2024-09-01", "13800138000"],
        ["李四", LI, "中职", "数控技术", "数控2401班", datetime.date(2024, 9, 1), ""],
        ["王五", WANG, "中职", "数控技术", "数控2401班", "2024-09-01", ""],  # on school B's roll
        ["", id_number("20060202", 446), "中职", "数控技术", "数控2401班", "2024-09-01", ""],  # no name
        ["赵六", BAD_CHECK, "中职", "数控技术", "数控2401班", "2024-09-01", ""],  # wrong check digit
        ["钱七", id_number("20060303", 557), "博士", "数控技术", "数控2401班", "2024-09-01", ""],  # bad level
        ["孙八", id_number("20060404", 668), "中职", "数控技术", "数控2401班", "2024/9/31", ""],  # bad date
        ["张三", ZHANG, "高职专科", "机电一体化技术", "机电2401班", "2024-09-01", ""],  # same ID twice
    ]
    response = post_import(client, xlsx_bytes(rows, headers=HEADERS))
    assert response.status_code == 302
    job = BatchJob.objects.get()
    assert (job.spec, job.status, job.organisation) == ("internship_students", JobStatus.PARTLY_FAILED, school)
    assert (job.created_rows, job.updated_rows, job.unchanged_rows, job.failed_rows) == (2, 0, 0, 6)
    errors = dict(job.row_errors.values_list("row_number", "message"))
    assert errors[4] == f"身份证号：{DUPLICATE}"
    assert errors[5] == "姓名：请填写姓名"
    assert errors[6].startswith("身份证号：")
    assert errors[7].startswith("学历层次：")
    assert errors[8].startswith("入学日期：")
    assert errors[9] == "身份证号与第2行重复"
    assert sorted(Student.objects.filter(school=school).values_list("name", "study_level", "import_job")) == [
        ("张三", "higher_vocational", job.pk), ("李四", "secondary", job.pk)]
    assert Student.objects.get(id_number=WANG).school == school_b


def test_reimport_updates_by_id_number_within_the_school(client, post_import, school, school_admin):
    client.force_login(school_admin)
    row = ["张三", ZHANG, "高职专科", "机电一体化技术", "机电2401班", "2024-09-01", ""]
    post_import(client, xlsx_bytes([row], headers=HEADERS))
    post_import(client, xlsx_bytes([row], headers=HEADERS))
    post_import(client, xlsx_bytes([[*row[:4], "机电2402班", *row[5:]]], headers=HEADERS))
    jobs = list(BatchJob.objects.order_by("pk"))
    assert [(j.created_rows, j.updated_rows, j.unchanged_rows, j.failed_rows) for j in jobs] == [
        (1, 0, 0, 0), (0, 0, 1, 0), (0, 1, 0, 0)]
    student = Student.objects.get()
    assert (student.class_name, student.import_job_id) == ("机电2402班", jobs[2].pk)


def test_export_of_the_roll_starts_a_job(client, run_on_commit, school, school_admin):
    f.student(school, name="张三", id_number=ZHANG)
    client.force_login(school_admin)
    response = run_on_commit(lambda: client.post(reverse("batch:export", args=["internship_students"])
                                                 + "?class_name=机电2401班"))
    assert response.status_code == 302
    job = BatchJob.objects.get()
    assert (job.spec, job.status) == ("internship_students", JobStatus.SUCCEEDED)


@pytest.mark.parametrize("query, field, message", [
    ("class_name=不存在的班", "class_name", "没有该班级，请从列表中选择"),
    ("major=考古", "major", "没有该专业，请从列表中选择"),
    ("status=nonsense", "status", "没有该状态，请从列表中选择"),
])
def test_a_malformed_roll_filter_is_its_message_and_nothing_listed_or_exported(client, run_on_commit, school,
                                                                               school_admin, query, field, message):
    from tests.batch.helpers import read_rows, response_bytes

    f.student(school, name="张三", id_number=ZHANG, class_name="机电2401班", major="机电一体化技术")
    client.force_login(school_admin)
    response = client.get(reverse("internships:students") + f"?{query}")
    assert response.status_code == 200 and list(response.context["object_list"]) == []
    assert response.context["form"].errors[field] == [message]
    assert message in response.content.decode()

    def export(query):
        run_on_commit(lambda: client.post(reverse("batch:export", args=["internship_students"]) + f"?{query}"))
        job = BatchJob.objects.latest("pk")
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))[1:]

    assert export(query) == []
    assert [row[0] for row in export("class_name=机电2401班")] == ["张三"]


def test_who_may_not_keep_the_roll(client, school, school_member, admin_a, student, education_reviewer,
                                   county_reviewer_a, school_b_admin):
    record = f.student(school, name="张三", id_number=ZHANG)
    for user in (school_member, admin_a, student, education_reviewer, county_reviewer_a):
        client.force_login(user)
        assert client.get(reverse("internships:students")).status_code == 403
        assert client.post(reverse("internships:student_create"), form_data(id_number=LI)).status_code == 403
        assert client.get(reverse("batch:import", args=["internship_students"])).status_code == 403
        assert client.post(reverse("internships:student_delete", args=[record.pk])).status_code == 403
    client.force_login(school_b_admin)
    assert client.get(reverse("internships:student_edit", args=[record.pk])).status_code == 404
    assert client.post(reverse("internships:student_delete", args=[record.pk])).status_code == 404
    assert client.get(reverse("internships:students")).context["object_list"].__len__() == 0
    assert list(Student.objects.values_list("name", flat=True)) == ["张三"]
    client.logout()
    response = client.get(reverse("internships:students"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_staff_without_an_organisation_are_refused(client, db):
    staff = factories.UserFactory(username="platform", is_staff=True, is_superuser=True, organisation=None)
    client.force_login(staff)
    assert client.get(reverse("internships:students")).status_code == 403
