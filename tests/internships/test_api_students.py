"""学生名册 through the API: the school's roll with the screen's filters, add, one student, edit under If-Match,
delete (only without applications, under If-Match), the import through the batch engine's route; the form's and
the service's refusals; masking without personal data; everyone else refused."""

import pytest

from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from internships.models import Student
from internships.rules import SCHOOL
from tests.api.keys import auth, token_for
from tests.internships import factories as f
from tests.internships.test_school_overview import member_with
from tests.internships.test_students import DUPLICATE, LI, WANG, ZHANG, form_data

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"


def test_the_school_adds_edits_and_deletes_a_student(client, school, school_admin):
    key = auth(token_for(school_admin, scopes=["internships:read", "internships:write"]))
    created = client.post(f"{API}/students/", form_data(), content_type="application/json", **key)
    assert created.status_code == 201, created.json()
    student = Student.objects.get()
    body = created.json()
    assert (body["id"], body["name"], body["id_number"], body["study_level"], body["major"], body["class_name"],
            body["enrolled_on"], body["mobile"], body["signed_in"], body["deletable"]) == (
        student.pk, "张三", ZHANG, "higher_vocational", "机电一体化技术", "机电2401班", "2024-09-01", "13800138000",
        False, True)
    assert student.school == school
    url = f"{API}/students/{student.pk}/"
    edit = form_data(class_name="机电2402班")
    assert client.put(url, edit, content_type="application/json", **key).status_code == 428
    etag = client.get(url, **key)["ETag"]
    edited = client.put(url, edit, content_type="application/json", HTTP_IF_MATCH=etag, **key)
    assert edited.status_code == 200 and edited.json()["class_name"] == "机电2402班"
    stale = client.delete(url, HTTP_IF_MATCH=etag, **key)
    assert stale.status_code == 412
    assert client.delete(url, HTTP_IF_MATCH=edited["ETag"], **key).status_code == 204
    assert not Student.objects.exists()
    assert list(AuditEntry.objects.filter(action__startswith="internships.student_").order_by("pk")
                .values_list("action", flat=True)) == [
        "internships.student_created", "internships.student_updated", "internships.student_deleted"]


def test_the_roll_and_its_filters(client, school, school_admin, host_a, admin_a, student_record, school_b):
    other = f.student(school, name="李四", class_name="数控2402班", major="数控技术")
    f.application(student_record, f.position(host_a, admin_a))
    f.student(school_b, name="别校学生")
    key = auth(token_for(school_admin))
    rows = client.get(f"{API}/students/", **key).json()["results"]
    assert {(row["name"], row["signed_in"], row["deletable"]) for row in rows} == {
        (student_record.name, True, False), ("李四", False, True)}
    for query, names in (("class_name=数控2402班", ["李四"]), ("major=数控技术", ["李四"]),
                         ("status=applied", [student_record.name]), ("status=not_signed_in", ["李四"]),
                         ("q=李", ["李四"])):
        listed = client.get(f"{API}/students/?{query}", **key)
        assert [row["name"] for row in listed.json()["results"]] == names, query
    refused = client.get(f"{API}/students/?class_name=不存在的班&status=nonsense", **key)
    assert refused.status_code == 400
    assert {problem["field"] for problem in refused.json()["errors"]} == {"class_name", "status"}
    assert client.get(f"{API}/students/{other.pk}/", **key).json()["deletable"] is True


def test_the_form_and_the_service_refuse(client, school, school_admin, school_b, host_a, admin_a, student_record):
    f.student(school_b, id_number=LI, name="乙校学生")
    key = auth(token_for(school_admin))
    duplicate = client.post(f"{API}/students/", form_data(id_number=LI), content_type="application/json", **key)
    assert (duplicate.status_code, duplicate.json()["field"], duplicate.json()["message"]) == (
        400, "id_number", DUPLICATE)
    missing = client.post(f"{API}/students/", {"name": ""}, content_type="application/json", **key)
    assert missing.status_code == 400
    assert {"name", "id_number", "study_level", "major", "class_name", "enrolled_on"} <= {
        problem["field"] for problem in missing.json()["errors"]}
    # 张同学 has signed in: the ID number stays (the service's rule)
    url = f"{API}/students/{student_record.pk}/"
    etag = client.get(url, **key)["ETag"]
    changed = client.put(url, form_data(name=student_record.name, id_number=WANG), content_type="application/json",
                         HTTP_IF_MATCH=etag, **key)
    assert (changed.status_code, changed.json()["field"]) == (400, "id_number")
    # with an application the student stays (the screen offers no 删除 then)
    f.application(student_record, f.position(host_a, admin_a))
    refused = client.delete(url, HTTP_IF_MATCH=client.get(url, **key)["ETag"], **key)
    assert (refused.status_code, refused.json()["code"]) == (400, "invalid")
    assert refused.json()["message"] == "该学生已有实习申请，不能删除"
    assert Student.objects.filter(pk=student_record.pk).exists()


def test_identifiers_are_masked_without_personal_data(client, school, school_admin, student_record):
    clerk = member_with(school, "roll_clerk", SCHOOL)
    body = client.get(f"{API}/students/{student_record.pk}/", **auth(token_for(clerk))).json()
    assert body["id_number"] != student_record.id_number and "*" in body["id_number"]
    rows = client.get(f"{API}/students/", **auth(token_for(clerk))).json()["results"]
    assert "*" in rows[0]["id_number"]


def test_others_are_refused(client, school, student_record, school_b_admin, admin_a, education_reviewer,
                            school_member, school_admin, student):
    url = f"{API}/students/{student_record.pk}/"
    assert client.get(url, **auth(token_for(school_b_admin))).status_code == 404
    assert client.delete(url, HTTP_IF_MATCH="*", **auth(token_for(school_b_admin))).status_code == 404
    for user in (admin_a, education_reviewer, school_member):
        assert client.get(f"{API}/students/", **auth(token_for(user))).status_code == 403
        assert client.get(url, **auth(token_for(user))).status_code == 403
        assert client.post(f"{API}/students/", form_data(), content_type="application/json",
                           **auth(token_for(user))).status_code == 403
    client.force_login(student)
    assert client.get(url).status_code == 403
    client.logout()
    reader = auth(token_for(school_admin, scopes=["internships:read"]))
    missing = client.post(f"{API}/students/", form_data(), content_type="application/json", **reader)
    assert (missing.status_code, missing.json()["code"]) == (403, "scope_missing")
    assert Student.objects.count() == 1


def test_the_roll_is_imported_through_the_batch_route(client, school, school_admin,
                                                     django_capture_on_commit_callbacks):
    key = auth(token_for(school_admin))
    rows = [{"姓名": "王五", "身份证号": WANG, "学历层次": "中职", "专业": "电气", "班级": "电气2401班",
             "入学日期": "2024-09-01", "手机号": ""}]
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post("/api/v1/imports/internship_students/", {"rows": rows},
                              content_type="application/json", **key)
    assert started.status_code in (201, 202), started.json()
    job = BatchJob.objects.get()
    assert job.status == JobStatus.SUCCEEDED, job.error
    assert list(Student.objects.filter(school=school).values_list("name", flat=True)) == ["王五"]
