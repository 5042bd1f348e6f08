"""培训管理's catalogue through /api/v1/continuing-education/: 培训课程, 师资, 面授培训点, 网授平台 — list with the
screen's filters, create, edit under If-Match, delete (409 while in use); and who may not."""

import pytest

from audit.models import AuditEntry
from continuing_education.models import ClassStatus, Course, OnlinePlatform, Teacher, TrainingSite
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db
API = "/api/v1/continuing-education/"


def _send(client, method, url, body=None, **headers):
    return getattr(client, method)(url, body, content_type="application/json", **headers)


def test_a_trainer_keeps_teachers_and_courses(client, admin_a, trainer_a):  # admin_a issues the key
    headers = auth(token_for(trainer_a))
    teacher = _send(client, "post", f"{API}teachers/", {"name": "张讲师", "mobile": "13800138000",
                                                        "specialty": "结构工程"}, **headers)
    assert teacher.status_code == 201, teacher.json()
    assert (teacher.json()["name"], teacher.json()["mobile"]) == ("张讲师", "138****8000")  # masked as on screen
    teacher_id = teacher.json()["id"]
    assert Teacher.objects.get().organisation_id == trainer_a.organisation_id

    bad = _send(client, "post", f"{API}courses/", {"name": "桥梁检测", "subject_type": "professional", "hours": "0",
                                                  "teachers": [teacher_id]}, **headers)
    assert bad.status_code == 400 and bad.json()["field"] == "hours"
    course = _send(client, "post", f"{API}courses/", {"name": "桥梁检测", "subject_type": "professional",
                                                     "hours": "12.5", "teachers": [teacher_id]}, **headers)
    assert course.status_code == 201, course.json()
    assert (course.json()["hours"], [t["name"] for t in course.json()["teachers"]]) == ("12.5", ["张讲师"])
    listed = client.get(f"{API}courses/?subject_type=public", **headers).json()["results"]
    assert listed == []
    listed = client.get(f"{API}courses/?name=桥梁", **headers).json()["results"]
    assert [row["name"] for row in listed] == ["桥梁检测"]
    assert client.get(f"{API}courses/?subject_type=nonsense", **headers).status_code == 400

    url = f"{API}courses/{course.json()['id']}/"
    edit = {"name": "桥梁检测技术", "subject_type": "professional", "hours": "16", "teachers": [teacher_id]}
    assert _send(client, "put", url, edit, **headers).status_code == 428
    etag = client.get(url, **headers)["ETag"]
    saved = _send(client, "put", url, edit, HTTP_IF_MATCH=etag, **headers)
    assert saved.status_code == 200, saved.json()
    assert (saved.json()["name"], saved.json()["hours"]) == ("桥梁检测技术", "16.0")
    assert _send(client, "put", url, edit, HTTP_IF_MATCH=etag, **headers).status_code == 412

    in_use = client.delete(f"{API}teachers/{teacher_id}/", **headers)
    assert in_use.status_code == 409 and "桥梁检测技术" in in_use.json()["message"]
    assert client.delete(url, **headers).status_code == 204
    assert client.delete(f"{API}teachers/{teacher_id}/", **headers).status_code == 204
    assert not Course.objects.exists() and not Teacher.objects.exists()
    actions = AuditEntry.objects.filter(actor=trainer_a, action__startswith="continuing_education.")
    assert list(actions.order_by("id").values_list("action", flat=True)) == [
        "continuing_education.teacher_created", "continuing_education.course_created",
        "continuing_education.course_updated", "continuing_education.course_deleted",
        "continuing_education.teacher_deleted"]


def test_sites_and_platforms(client, admin_a):
    headers = auth(token_for(admin_a))
    site = _send(client, "post", f"{API}sites/", {"name": "东区培训中心", "region": "410105", "address": "金水路1号",
                                                 "capacity": 80}, **headers)
    assert site.status_code == 201, site.json()
    assert (site.json()["region"], site.json()["capacity"]) == ("410105", 80)
    url = f"{API}sites/{site.json()['id']}/"
    etag = client.get(url, **headers)["ETag"]
    moved = _send(client, "put", url, {"name": "东区培训中心", "region": "410105", "address": "金水路2号",
                                       "capacity": 100}, HTTP_IF_MATCH=etag, **headers)
    assert moved.status_code == 200, moved.json()
    assert TrainingSite.objects.get().address == "金水路2号"
    stale = _send(client, "put", url, {"name": "东区", "region": "410105", "address": "x", "capacity": 1},
                  HTTP_IF_MATCH=etag, **headers)
    assert stale.status_code == 412
    ce.training_class(admin_a.organisation, by=admin_a, training_site=TrainingSite.objects.get(),
                       status=ClassStatus.PENDING)
    assert client.delete(url, **headers).status_code == 409

    docked = {"name": "专技学习网", "operator": "某公司", "url": "https://learn.example.cn/", "contact_name": "赵",
              "contact_phone": "0371-1234567", "is_docked": True}
    missing = _send(client, "post", f"{API}platforms/", docked, **headers)
    assert missing.status_code == 400
    assert {error["field"] for error in missing.json()["errors"]} == {
        "interface_url", "security_officer", "security_officer_phone", "mlps_record"}
    full = {**docked, "interface_url": "https://learn.example.cn/api", "security_officer": "钱",
            "security_officer_phone": "13800138000", "mlps_record": "41010513001-00001"}
    platform = _send(client, "post", f"{API}platforms/", full, **headers)
    assert platform.status_code == 201, platform.json()
    assert platform.json()["docking_details"]["mlps_record"] == "41010513001-00001"
    url = f"{API}platforms/{platform.json()['id']}/"
    etag = client.get(url, **headers)["ETag"]
    saved = _send(client, "put", url, {**full, "contact_name": "孙"}, HTTP_IF_MATCH=etag, **headers)
    assert saved.status_code == 200 and saved.json()["contact_name"] == "孙"
    assert client.delete(url, **headers).status_code == 204
    assert not OnlinePlatform.objects.exists()


def test_others_may_not_touch_the_catalogue(client, admin_a, admin_b, declarer_a, county_reviewer_a, pro_a):
    course = ce.course(admin_a.organisation, name="本单位课程")
    url = f"{API}courses/{course.pk}/"
    assert client.get(url, **auth(token_for(admin_b))).status_code == 404  # another unit
    assert client.delete(url, **auth(token_for(admin_b))).status_code == 404
    assert client.get(url, **auth(token_for(declarer_a))).status_code == 403  # a sub-admin without 培训管理
    assert client.get(f"{API}courses/", **auth(token_for(county_reviewer_a))).status_code == 403  # a department
    client.force_login(pro_a)
    assert client.get(f"{API}courses/").status_code == 403  # a professional
    client.logout()
    read_only = auth(token_for(admin_a, scopes=["continuing_education:read"]))
    refused = client.delete(url, **read_only)
    assert refused.status_code == 403 and refused.json()["code"] == "scope_missing"
    assert list(Course.objects.values_list("name", flat=True)) == ["本单位课程"]
