"""实习岗位 through /api/v1/internships/positions/: the enterprise adds, reads, edits under If-Match, publishes,
closes and deletes its positions with a key, through the screen's form and services; others are refused."""

import pytest

from audit.models import AuditEntry
from internships.models import Position, PositionStatus
from tests.api.keys import auth, token_for
from tests.internships import factories as f
from tests.internships.helpers_positions import form_data

pytestmark = pytest.mark.django_db
POSITIONS = "/api/v1/internships/positions/"
SCOPES = ["internships:read", "internships:write"]


def url(position, action=""):
    return f"{POSITIONS}{position.pk}/{action + '/' if action else ''}"


def test_an_enterprise_files_and_publishes_a_position(client, host_a, admin_a, school_admin):
    headers = auth(token_for(admin_a, scopes=SCOPES))
    created = client.post(POSITIONS, form_data(), content_type="application/json", **headers)
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["title"], body["status"], body["status_display"]) == ("机械制造实习生", "draft", "未发布")
    assert (body["work_region"], body["pay_min"], body["places"], body["night_shift"]) == ("410105", "2400.00", 10,
                                                                                           False)
    assert body["checks"] and all(check["passed"] for check in body["checks"] if check["blocking"])
    position = Position.objects.get(pk=body["id"])
    assert position.enterprise == host_a and position.created_by == admin_a
    assert AuditEntry.objects.filter(action="internships.position_created", target_id=str(position.pk)).exists()

    published = client.post(url(position, "publish"), **headers)
    assert published.status_code == 200, published.json()
    assert published.json()["status"] == PositionStatus.PUBLISHED
    # the school sees the offer of its pool, not the checklist
    seen = client.get(url(position), **auth(token_for(school_admin)))
    assert seen.status_code == 200 and seen.json()["status"] == "published" and seen.json()["checks"] is None

    closed = client.post(url(position, "close"), **headers)
    assert closed.status_code == 200 and closed.json()["status"] == PositionStatus.CLOSED
    assert client.post(url(position, "close"), **headers).status_code == 400  # closing twice: the service's rule


def test_the_list_uses_the_screens_filters(client, host_a, admin_a, host_b, admin_b):
    f.position(host_a, admin_a, title="数控实习生", department="数控部")
    f.position(host_a, admin_a, title="装配实习生", status=PositionStatus.DRAFT)
    f.position(host_a, admin_a, title="已删除", status=PositionStatus.DELETED)
    f.position(host_b, admin_b, title="乙企业岗位")
    headers = auth(token_for(admin_a))

    def titles(**params):
        response = client.get(POSITIONS, params, **headers)
        assert response.status_code == 200, response.json()
        return sorted(row["title"] for row in response.json()["results"])

    assert titles() == ["数控实习生", "装配实习生"]
    assert titles(status="draft") == ["装配实习生"]
    assert titles(q="数控部") == ["数控实习生"]
    refused = client.get(POSITIONS, {"status": "deleted"}, **headers)
    assert refused.status_code == 400 and refused.json()["field"] == "status"


def test_an_edit_needs_the_current_etag(client, host_a, admin_a):
    position = f.position(host_a, admin_a)
    headers = auth(token_for(admin_a))
    etag = client.get(url(position), **headers)["ETag"]
    assert client.put(url(position), form_data(title="新名称"), content_type="application/json",
                      **headers).status_code == 428
    edited = client.put(url(position), form_data(title="新名称"), content_type="application/json",
                        HTTP_IF_MATCH=etag, **headers)
    assert edited.status_code == 200, edited.json()
    # an edit of a published position sends it back to 未发布 (it must be published again), as on screen
    assert (edited.json()["title"], edited.json()["status"]) == ("新名称", "draft")
    stale = client.put(url(position), form_data(title="第三个名称"), content_type="application/json",
                       HTTP_IF_MATCH=etag, **headers)
    assert stale.status_code == 412 and stale.json()["code"] == "precondition_failed"
    assert Position.objects.get(pk=position.pk).title == "新名称"


def test_the_forms_rules_come_back_field_by_field(client, host_a, admin_a):
    response = client.post(POSITIONS, {**form_data(pay_max="1000", places="0"), "work_region": "999999"},
                           content_type="application/json", **auth(token_for(admin_a)))
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert {(error["field"], error["message"]) for error in response.json()["errors"]} >= {
        ("places", "实习人数至少为1人"), ("pay_max", "报酬上限不能低于下限")}
    assert "work_region" in {error["field"] for error in response.json()["errors"]}
    assert not Position.objects.exists()


def test_publication_is_refused_by_the_compliance_checks(client, host_a, admin_a):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT, night_shift=True)
    response = client.post(url(position, "publish"), **auth(token_for(admin_a)))
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    errors = response.json()["errors"]
    assert errors[0]["code"] == "compliance" and errors[0]["message"].startswith("岗位未通过合规检查，不能发布")
    assert [error["code"] for error in errors] == ["compliance", "night_shift"]
    assert errors[1]["message"].startswith("不安排夜班：实习单位不得安排实习学生上夜班")
    assert Position.objects.get(pk=position.pk).status == PositionStatus.DRAFT


def test_delete_needs_if_match_and_a_deletable_state(client, host_a, admin_a):
    draft = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    published = f.position(host_a, admin_a, title="已发布")
    headers = auth(token_for(admin_a))
    assert client.delete(url(draft), **headers).status_code == 428
    etag = client.get(url(draft), **headers)["ETag"]
    assert client.delete(url(draft), HTTP_IF_MATCH=etag, **headers).status_code == 204
    assert Position.objects.get(pk=draft.pk).status == PositionStatus.DELETED
    assert client.get(url(draft), **headers).status_code == 404
    etag = client.get(url(published), **headers)["ETag"]
    refused = client.delete(url(published), HTTP_IF_MATCH=etag, **headers)
    assert refused.status_code == 400 and refused.json()["message"] == "岗位已发布，请先关闭再删除"


def test_others_cannot_write(client, host_a, admin_a, admin_b, host_b, staff_manager_a, school_admin,
                             education_reviewer):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    for user, status in ((admin_b, 404), (staff_manager_a, 403), (school_admin, 403), (education_reviewer, 403)):
        headers = auth(token_for(user))
        assert client.put(url(position), form_data(), content_type="application/json", HTTP_IF_MATCH="*",
                          **headers).status_code == status, user
        assert client.delete(url(position), HTTP_IF_MATCH="*", **headers).status_code == status, user
    assert client.post(POSITIONS, form_data(), content_type="application/json",
                       **auth(token_for(staff_manager_a))).status_code == 403
    assert client.post(POSITIONS, form_data(), content_type="application/json",
                       **auth(token_for(school_admin))).status_code == 403
    assert Position.objects.get(pk=position.pk).status == PositionStatus.DRAFT
    assert Position.objects.filter(enterprise=host_a).count() == 1


def test_a_read_only_key_cannot_write(client, host_a, admin_a):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    headers = auth(token_for(admin_a, scopes=["internships:read"]))
    assert client.get(url(position), **headers).status_code == 200
    for response in (client.post(POSITIONS, form_data(), content_type="application/json", **headers),
                     client.delete(url(position), HTTP_IF_MATCH="*", **headers),
                     client.post(url(position, "publish"), **headers)):
        assert response.status_code == 403 and response.json()["code"] == "scope_missing"
