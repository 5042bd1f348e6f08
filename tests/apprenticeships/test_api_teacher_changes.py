"""师资信息变更 through /api/v1/apprenticeships/ with keys: start the filing's open change, add a teacher, swap a
course's teacher, undo, submit with the reason, withdraw; and who may not (another enterprise, the claim-only
sub-admin, the county reading, a draft filing, no open change, a submitted change being edited)."""

import pytest

from apprenticeships.models import TeacherChange
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
API = "/api/v1/apprenticeships"
JSON = "application/json"
TEACHER = {"name": "王新师", "id_number": "11010519491231002X", "kind": "mentor", "qualification": "高级技师",
           "certificate_number": "GJ-0099"}


def test_a_teacher_change_from_start_to_withdrawal(client, admin_a, admin_b, claimer_a, county_reviewer_a,
                                                    city_reviewer, filing_a, draft_a):
    base = f"{API}/filings/{filing_a.pk}/teacher-change/"
    owner = auth(token_for(admin_a))
    assert client.get(base, **owner).status_code == 404  # none open yet
    assert client.post(base + "open/", content_type=JSON, **auth(token_for(admin_b))).status_code == 404
    assert client.post(base + "open/", content_type=JSON, **auth(token_for(claimer_a))).status_code == 403
    assert client.post(base + "open/", content_type=JSON, **auth(token_for(county_reviewer_a))).status_code == 403
    assert client.post(f"{API}/filings/{draft_a.pk}/teacher-change/open/", content_type=JSON,
                       **owner).status_code == 409
    opened = client.post(base + "open/", content_type=JSON, **owner)
    assert opened.status_code == 200, opened.content.decode()
    assert (opened.json()["status"], opened.json()["new_teachers"], opened.json()["swaps"]) == ("draft", [], [])
    assert client.post(base + "open/", content_type=JSON, **owner).json()["id"] == opened.json()["id"]  # one open
    empty = client.post(base + "submit/", {"reason": "原教师离职"}, content_type=JSON, **owner)
    assert empty.status_code == 400 and empty.json()["message"] == "请先新增教师或为课程变更培训教师，再提交"
    bad = client.post(base + "teachers/", {**TEACHER, "id_number": "123"}, content_type=JSON, **owner)
    assert bad.status_code == 400 and bad.json()["field"] == "id_number"
    added = client.post(base + "teachers/", TEACHER, content_type=JSON, **owner)
    assert added.status_code == 200, added.content.decode()
    teacher = added.json()["new_teachers"][0]
    assert (teacher["name"], teacher["id_number"]) == ("王新师", "11010519491231002X")  # admin: in full
    course = filing_a.courses.get(delivery="offline")
    swapped = client.post(base + "swaps/", {"course": course.pk, "new_teacher": teacher["id"]}, content_type=JSON,
                          **owner)
    assert swapped.status_code == 200, swapped.content.decode()
    swap = swapped.json()["swaps"][0]
    assert (swap["course_id"], swap["new_teacher_name"], swap["old_teacher_id"]) == (
        course.pk, "王新师", course.teacher_id)
    in_use = client.post(base + f"teachers/{teacher['id']}/delete/", content_type=JSON, **owner)
    assert in_use.status_code == 400
    foreign = client.post(base + "swaps/", {"course": draft_a.courses.first().pk, "new_teacher": teacher["id"]},
                          content_type=JSON, **owner)
    assert foreign.status_code == 400 and foreign.json()["field"] == "course"
    missing = client.post(base + "submit/", {"reason": ""}, content_type=JSON, **owner)
    assert missing.status_code == 400 and missing.json()["field"] == "reason"
    submitted = client.post(base + "submit/", {"reason": "原教师离职"}, content_type=JSON, **owner)
    assert submitted.status_code == 200, submitted.content.decode()
    assert (submitted.json()["status"], submitted.json()["reason"]) == ("submitted", "原教师离职")
    assert [event["action"] for event in submitted.json()["history"]] == ["submitted"]
    locked = client.post(base + f"swaps/{swap['id']}/delete/", content_type=JSON, **owner)
    assert locked.status_code == 409
    withdrawn = client.post(base + "withdraw/", content_type=JSON, **owner)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == "draft"
    assert client.post(base + "withdraw/", content_type=JSON, **owner).status_code == 409
    undone = client.post(base + f"swaps/{swap['id']}/delete/", content_type=JSON, **owner)
    assert undone.status_code == 200 and undone.json()["swaps"] == []
    removed = client.post(base + f"teachers/{teacher['id']}/delete/", content_type=JSON, **owner)
    assert removed.status_code == 200 and removed.json()["new_teachers"] == []
    assert TeacherChange.objects.get().status == "draft"
