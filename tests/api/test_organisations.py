"""单位信息 through the API: the caller's own organisation, and the departments' 单位名录 and unit records."""

import pytest

from notifications.models import Notification
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db


def test_the_own_organisation_as_on_the_profile_page(client, admin_a, enterprise_a, staff_manager_a, outsider):
    response = client.get("/api/v1/organisation/", **auth(token_for(admin_a, scopes=["organisations:read"])))
    assert response.status_code == 200
    body = response.json()
    assert (body["id"], body["name"], body["credit_code"], body["kind"], body["region_id"], body["region_name"]) == (
        enterprise_a.pk, "甲企业有限公司", enterprise_a.credit_code, "enterprise", "410105", "金水区")
    assert "activation_code" not in body and response["ETag"]
    assert client.get("/api/v1/organisation/", **auth(token_for(staff_manager_a))).status_code == 403
    no_scope = client.get("/api/v1/organisation/", **auth(token_for(admin_a, scopes=["traineeships:read"])))
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")
    client.force_login(outsider)
    assert client.get("/api/v1/organisation/").status_code == 403


def test_the_county_lists_the_units_of_its_region(client, enterprise_a, enterprise_b, county_reviewer_a,
                                                  county_reviewer_b, education_reviewer, admin_a):
    names = [row["name"] for row in client.get("/api/v1/organisations/",
                                               **auth(token_for(county_reviewer_a))).json()["results"]]
    assert names == ["甲企业有限公司"]
    assert [row["name"] for row in client.get("/api/v1/organisations/",
                                              **auth(token_for(county_reviewer_b))).json()["results"]] == [
        "乙企业有限公司"]
    filtered = client.get("/api/v1/organisations/?kind=school", **auth(token_for(county_reviewer_a)))
    assert filtered.status_code == 200 and filtered.json()["results"] == []
    assert client.get("/api/v1/organisations/?kind=nothing", **auth(token_for(county_reviewer_a))).status_code == 400
    for user in (education_reviewer, admin_a):
        assert client.get("/api/v1/organisations/", **auth(token_for(user))).status_code == 403


def test_one_units_record(client, enterprise_a, county_reviewer_a, county_reviewer_b, education_reviewer, admin_b):
    url = f"/api/v1/organisations/{enterprise_a.pk}/"
    assert client.get(url, **auth(token_for(county_reviewer_a))).json()["name"] == "甲企业有限公司"
    for user in (county_reviewer_b, education_reviewer, admin_b):
        assert client.get(url, **auth(token_for(user))).status_code == 404


def test_messages_are_the_callers_own(client, admin_a, admin_b):
    older = Notification.objects.create(recipient=admin_a, title="审核通过")
    newer = Notification.objects.create(recipient=admin_a, title="新的申报")
    Notification.objects.create(recipient=admin_b, title="乙的消息")
    headers = auth(token_for(admin_a))
    assert [row["title"] for row in client.get("/api/v1/notifications/", **headers).json()["results"]] == [
        "新的申报", "审核通过"]
    no_scope = client.post(f"/api/v1/notifications/{older.pk}/read/",
                           **auth(token_for(admin_a, scopes=["organisations:read"])))
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")
    read = client.post(f"/api/v1/notifications/{older.pk}/read/", **headers)
    assert read.status_code == 200 and read.json()["read_at"] is not None
    unread = client.get("/api/v1/notifications/?filter=unread", **headers).json()["results"]
    assert [row["id"] for row in unread] == [newer.pk]
    assert client.get("/api/v1/notifications/?filter=nothing", **headers).status_code == 400
    assert client.post(f"/api/v1/notifications/{newer.pk}/read/", **auth(token_for(admin_b))).status_code == 404
    newer.refresh_from_db()
    assert newer.read_at is None
