"""实习申请 through /api/v1/internships/: the student chooses positions of the pool and withdraws (session), the
enterprise lists, agrees and refuses (key), the school lists its students' applications; each through the
screen's selectors and services, and refused to everyone else."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from internships.models import Application, ApplicationStatus, Internship, InternshipStatus, PositionStatus
from tests.api.keys import auth, token_for
from tests.internships import factories as f

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"


def test_a_student_chooses_positions_and_withdraws_one(client, host_a, admin_a, student, student_record):
    first, second = f.position(host_a, admin_a, title="岗位一"), f.position(host_a, admin_a, title="岗位二")
    f.position(host_a, admin_a, title="草稿", status=PositionStatus.DRAFT)
    client.force_login(student)
    pool = client.get(f"{API}/student/positions/")
    assert pool.status_code == 200
    assert sorted(row["title"] for row in pool.json()["results"]) == ["岗位一", "岗位二"]
    assert client.get(f"{API}/student/positions/", {"q": "岗位一"}).json()["results"][0]["id"] == first.pk
    assert client.get(f"{API}/student/positions/{first.pk}/").json()["places_left"] == 10

    chosen = client.post(f"{API}/student/applications/", {"positions": [second.pk, first.pk]},
                         content_type="application/json")
    assert chosen.status_code == 201, chosen.json()
    assert [(row["position_title"], row["choice_slot"], row["status"]) for row in chosen.json()] == [
        ("岗位二", 1, "applied"), ("岗位一", 2, "applied")]
    again = client.post(f"{API}/student/applications/", {"positions": [first.pk]}, content_type="application/json")
    assert again.status_code == 400 and again.json()["message"] == "“岗位一”：您已申请过该岗位"

    application = Application.objects.get(position=first)
    withdrawn = client.post(f"{API}/student/applications/{application.pk}/withdraw/")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == ApplicationStatus.WITHDRAWN
    twice = client.post(f"{API}/student/applications/{application.pk}/withdraw/")
    assert twice.status_code == 409 and twice.json()["code"] == "conflict"
    mine = client.get(f"{API}/student/applications/").json()["results"]
    assert sorted((row["position_title"], row["status"]) for row in mine) == [("岗位一", "withdrawn"),
                                                                              ("岗位二", "applied")]


def test_choices_are_checked_by_the_form(client, student, student_record):
    client.force_login(student)
    for body, message in (({"positions": []}, "请至少选择一个实习岗位"), ({"positions": ["x"]}, "所选岗位无效"),
                          ({"positions": [999999]}, "所选岗位不存在或已删除")):
        response = client.post(f"{API}/student/applications/", body, content_type="application/json")
        assert response.status_code == 400 and response.json()["message"] == message
    assert not Application.objects.exists()


def test_the_enterprise_agrees_and_refuses(client, host_a, admin_a, school, student_record):
    position = f.position(host_a, admin_a)
    other = f.student(school, name="王同学")
    to_agree, to_refuse = f.application(student_record, position), f.application(other, position)
    headers = auth(token_for(admin_a, scopes=["internships:read", "internships:write"]))
    listed = client.get(f"{API}/signing/", {"position": position.pk, "status": "applied"}, **headers)
    assert listed.status_code == 200
    assert sorted(row["student_name"] for row in listed.json()["results"]) == ["张同学", "王同学"]
    assert client.get(f"{API}/signing/", {"q": "王"}, **headers).json()["results"][0]["id"] == to_refuse.pk
    assert client.get(f"{API}/signing/", {"position": 999999}, **headers).status_code == 400

    agreed = client.post(f"{API}/signing/{to_agree.pk}/agree/", **headers)
    assert agreed.status_code == 200, agreed.json()
    internship = Internship.objects.get(application=to_agree)
    assert agreed.json()["id"] == internship.pk and agreed.json()["status"] == InternshipStatus.SIGNED
    twice = client.post(f"{API}/signing/{to_agree.pk}/agree/", **headers)
    assert twice.status_code == 400
    assert twice.json()["message"] == f"该学生已与“{host_a.name}”签约，同一时间只能有一个实习"

    empty = client.post(f"{API}/signing/{to_refuse.pk}/refuse/", {"reason": "  "}, content_type="application/json",
                        **headers)
    assert empty.status_code == 400 and empty.json()["errors"][0]["field"] == "reason"
    refused = client.post(f"{API}/signing/{to_refuse.pk}/refuse/", {"reason": "岗位已满"},
                          content_type="application/json", **headers)
    assert refused.status_code == 200, refused.json()
    assert (refused.json()["status"], refused.json()["refusal_reason"]) == ("refused", "岗位已满")


def test_only_the_enterprise_decides(client, host_a, admin_a, admin_b, host_b, staff_manager_a, school_admin,
                                     education_reviewer, student, student_record):
    application = f.application(student_record, f.position(host_a, admin_a))
    for user, status in ((admin_b, 404), (staff_manager_a, 403), (school_admin, 403), (education_reviewer, 403)):
        assert client.post(f"{API}/signing/{application.pk}/agree/", **auth(token_for(user))).status_code == status
    client.force_login(student)
    assert client.post(f"{API}/signing/{application.pk}/agree/").status_code == 403
    assert Application.objects.get(pk=application.pk).status == ApplicationStatus.APPLIED
    read_only = client.post(f"{API}/signing/{application.pk}/agree/",
                            **auth(token_for(admin_a, scopes=["internships:read"])))
    assert read_only.status_code == 403 and read_only.json()["code"] == "scope_missing"


def test_the_school_lists_its_students_applications(client, host_a, admin_a, school_admin, school_b_admin,
                                                    student_record, student_b_record):
    position = f.position(host_a, admin_a)
    f.application(student_record, position)
    f.application(student_b_record, position)
    listed = client.get(f"{API}/school/applications/", **auth(token_for(school_admin)))
    assert listed.status_code == 200
    assert [row["student_name"] for row in listed.json()["results"]] == ["张同学"]
    assert client.get(f"{API}/school/applications/", {"class_name": "没有的班"},
                      **auth(token_for(school_admin))).status_code == 400
    assert [row["student_name"] for row in client.get(f"{API}/school/applications/", **auth(
        token_for(school_b_admin))).json()["results"]] == ["李同学"]


def test_list_queries_do_not_grow_with_the_page(client, host_a, admin_a, school, school_admin):
    position = f.position(host_a, admin_a)
    headers = {"signing": auth(token_for(admin_a)), "school/applications": auth(token_for(school_admin))}

    def counts():
        result = {}
        for path, auth_headers in headers.items():
            with CaptureQueriesContext(connection) as queries:
                assert client.get(f"{API}/{path}/", **auth_headers).status_code == 200
            # the programme's reads only: the key's bookkeeping (rate window, last use) varies by the minute
            result[path] = len([query for query in queries.captured_queries if "internships_" in query["sql"]])
        return result

    f.application(f.student(school, name="学生1"), position)
    one = counts()
    assert one == {"signing": 1, "school/applications": 2}  # the page (and, for the school, its classes)
    for index in range(2, 6):
        f.application(f.student(school, name=f"学生{index}"), position)
    assert counts() == one
