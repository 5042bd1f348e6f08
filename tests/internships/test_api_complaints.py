"""实习投诉 and 申诉 through the API: the student complains (session), the school and the region's education
department read it (the department also counts them per enterprise), the enterprise appeals the school's
conclusions (a key) and the school reads the appeal; the forms' and the services' refusals, and everyone else
refused."""

import pytest

from audit.models import AuditEntry
from internships.models import Appeal, AppealStatus, Complaint, ComplaintStatus, InternshipStatus
from internships.services import complaints as services
from reviews.selectors import latest_review_for
from tests.api.keys import auth, token_for
from tests.internships import factories as f

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a)


@pytest.fixture
def internship(student_record, position, school, school_admin, host_a):
    group = f.group(school, host_a, school_admin)
    return f.internship(f.application(student_record, position), status=InternshipStatus.ARRIVED, group=group)


def concluded(student, internship, school_admin, substantiated=True):
    complaint = services.file_complaint(internship=internship, actor=student, categories=["place"],
                                        details="实际工作地点在外地。")
    return services.conclude_complaint(complaint=complaint, actor=school_admin, substantiated=substantiated,
                                       conclusion="经调查核实。")


def test_the_student_complains_and_the_school_and_the_department_read_it(client, student, internship,
                                                                         school_admin, education_reviewer, admin_a):
    client.force_login(student)
    filed = client.post(f"{API}/student/complaints/", {"internship": internship.pk, "categories": ["place", "lodging"],
                                                       "details": "宿舍与岗位说明不符。"},
                        content_type="application/json")
    assert filed.status_code == 201, filed.json()
    complaint = Complaint.objects.get()
    body = filed.json()
    assert (body["id"], body["categories"], body["status"], body["appealable"], body["appeals"]) == (
        complaint.pk, ["place", "lodging"], ComplaintStatus.SUBMITTED, False, [])
    assert body["category_labels"] == complaint.category_labels()
    assert [row["id"] for row in client.get(f"{API}/student/complaints/").json()["results"]] == [complaint.pk]
    assert AuditEntry.objects.filter(action__startswith="internships.complaint", target_id=str(complaint.pk)).exists()
    client.logout()
    school = auth(token_for(school_admin))
    assert [row["id"] for row in client.get(f"{API}/school/complaints/", **school).json()["results"]] == [
        complaint.pk]
    assert client.get(f"{API}/school/complaints/?status=substantiated", **school).json()["results"] == []
    education = auth(token_for(education_reviewer))
    assert [row["id"] for row in client.get(f"{API}/education/complaints/", **education).json()["results"]] == [
        complaint.pk]
    for headers in (school, education, auth(token_for(admin_a))):
        assert client.get(f"{API}/complaints/{complaint.pk}/", **headers).json()["details"] == "宿舍与岗位说明不符。"


def test_the_complaint_form_refuses(client, student, internship, student_b_person, student_b_record, position):
    client.force_login(student)
    empty = client.post(f"{API}/student/complaints/", {"internship": internship.pk, "details": "不符"},
                        content_type="application/json")
    assert empty.status_code == 400 and empty.json()["field"] == "categories"
    assert empty.json()["message"] == "请至少选择一个投诉类别"
    others = f.internship(f.application(student_b_record, position), status=InternshipStatus.ARRIVED)
    not_mine = client.post(f"{API}/student/complaints/", {"internship": others.pk, "categories": ["place"],
                                                          "details": "不符"}, content_type="application/json")
    assert not_mine.status_code == 400 and not_mine.json()["field"] == "internship"
    assert not Complaint.objects.exists()


def test_the_enterprise_appeals_and_the_school_reads_it(client, student, internship, school_admin, admin_a):
    first = concluded(student, internship, school_admin)
    second = concluded(student, internship, school_admin, substantiated=False)
    enterprise = auth(token_for(admin_a, scopes=["internships:read", "internships:write"]))
    listed = client.get(f"{API}/complaints/", **enterprise).json()["results"]
    assert {row["id"]: row["appealable"] for row in listed} == {first.pk: True, second.pk: True}
    filed = client.post(f"{API}/appeals/", {"complaints": [first.pk, second.pk], "text": "学校处理结果与实际不符"},
                        content_type="application/json", **enterprise)
    assert filed.status_code == 201, filed.json()
    appeal = Appeal.objects.get()
    assert (filed.json()["id"], filed.json()["status"], filed.json()["complaint_ids"]) == (
        appeal.pk, AppealStatus.PENDING, [first.pk, second.pk])
    assert latest_review_for(appeal).steps.get().reviewer_org == internship.school
    listed = client.get(f"{API}/complaints/", **enterprise).json()["results"]
    assert {row["id"]: row["appealable"] for row in listed} == {first.pk: False, second.pk: False}
    assert [row["id"] for row in client.get(f"{API}/appeals/", **enterprise).json()["results"]] == [appeal.pk]
    school = auth(token_for(school_admin))
    assert [row["id"] for row in client.get(f"{API}/school/appeals/?status=pending", **school).json()["results"]] \
        == [appeal.pk]
    assert client.get(f"{API}/appeals/{appeal.pk}/", **school).json()["text"] == "学校处理结果与实际不符"
    # a second appeal while one is pending: the complaints are no longer offered
    again = client.post(f"{API}/appeals/", {"complaints": [first.pk], "text": "再次"},
                        content_type="application/json", **enterprise)
    assert again.status_code == 400 and again.json()["field"] == "complaints"
    assert Appeal.objects.count() == 1


def test_an_appeal_needs_a_concluded_complaint_and_a_text(client, student, internship, school_admin, admin_a):
    enterprise = auth(token_for(admin_a))
    open_one = services.file_complaint(internship=internship, actor=student, categories=["place"], details="不符")
    refused = client.post(f"{API}/appeals/", {"complaints": [open_one.pk], "text": "不符"},
                          content_type="application/json", **enterprise)
    assert refused.status_code == 400 and refused.json()["field"] == "complaints"
    complaint = concluded(student, internship, school_admin)
    no_text = client.post(f"{API}/appeals/", {"complaints": [complaint.pk]}, content_type="application/json",
                          **enterprise)
    assert no_text.status_code == 400 and no_text.json()["message"] == "请填写申诉内容"
    assert not Appeal.objects.exists()


def test_others_are_refused(client, student, internship, school_admin, admin_a, admin_b, school_b_admin,
                            staff_manager_a, education_other_reviewer):
    complaint = concluded(student, internship, school_admin)
    for user in (admin_b, school_b_admin, education_other_reviewer):
        assert client.get(f"{API}/complaints/{complaint.pk}/", **auth(token_for(user))).status_code == 404
    assert client.get(f"{API}/complaints/", **auth(token_for(admin_b))).json()["results"] == []
    assert client.post(f"{API}/appeals/", {"complaints": [complaint.pk], "text": "不符"},
                       content_type="application/json", **auth(token_for(admin_b))).status_code == 400
    sub_admin = auth(token_for(staff_manager_a))
    assert client.get(f"{API}/complaints/", **sub_admin).status_code == 403
    assert client.post(f"{API}/appeals/", {"complaints": [complaint.pk], "text": "不符"},
                       content_type="application/json", **sub_admin).status_code == 403
    reader = auth(token_for(admin_a, scopes=["internships:read"]))
    missing = client.post(f"{API}/appeals/", {"complaints": [complaint.pk], "text": "不符"},
                          content_type="application/json", **reader)
    assert missing.status_code == 403 and missing.json()["code"] == "scope_missing"
    assert client.post(f"{API}/student/complaints/", {}, content_type="application/json",
                       **auth(token_for(school_admin))).status_code == 403
    assert not Appeal.objects.exists()


def test_the_department_counts_complaints_per_enterprise(client, internship, school_admin, education_reviewer,
                                                         education_other_reviewer, host_b, admin_b, student_b_record,
                                                         admin_a, staff_manager_a, county_reviewer_a):
    f.complaint(internship)
    f.complaint(internship, status=ComplaintStatus.SUBSTANTIATED, by=school_admin)
    f.complaint(internship, status=ComplaintStatus.UNSUBSTANTIATED, by=school_admin)
    elsewhere = f.internship(f.application(student_b_record, f.position(host_b, admin_b)),
                             status=InternshipStatus.ARRIVED)
    f.complaint(elsewhere, status=ComplaintStatus.INVESTIGATING)
    counts = f"{API}/education/complaints/counts/"
    department = auth(token_for(education_reviewer, scopes=["internships:read"]))
    response = client.get(counts, **department)
    assert response.status_code == 200, response.json()
    assert response.json() == [
        {"enterprise_id": internship.enterprise_id, "enterprise_name": "甲企业有限公司", "total": 3,
         "substantiated": 1, "open": 1},
        {"enterprise_id": host_b.pk, "enterprise_name": "乙企业有限公司", "total": 1, "substantiated": 0, "open": 1}]
    # the list's filters select the complaints counted
    assert [(row["enterprise_id"], row["total"]) for row in client.get(
        counts, {"status": "substantiated"}, **department).json()] == [(internship.enterprise_id, 1)]
    assert [row["enterprise_id"] for row in client.get(counts, {"enterprise": "乙企业"}, **department).json()] == [
        host_b.pk]
    bad = client.get(counts, {"status": "nonsense"}, **department)
    assert bad.status_code == 400 and bad.json()["field"] == "status"
    # another city's department counts its own region's (none); the rest may not read the list at all
    assert client.get(counts, **auth(token_for(education_other_reviewer))).json() == []
    for user in (school_admin, admin_a, staff_manager_a, county_reviewer_a):
        assert client.get(counts, **auth(token_for(user))).status_code == 403, user
    no_scope = client.get(counts, **auth(token_for(education_reviewer, scopes=["traineeships:read"])))
    assert no_scope.status_code == 403 and no_scope.json()["code"] == "scope_missing"
