"""地区参数 through /api/v1/traineeships/hr/parameters/: an HR department adds, lists and edits (If-Match) the
settings of its jurisdiction with the screen's rules; other regions get 404, units and individuals 403."""

import datetime

import pytest

from audit.models import AuditEntry
from tests.api.keys import auth, token_for
from tests.traineeships.test_hr import parameter_form
from traineeships.models import RegionParameter

pytestmark = pytest.mark.django_db
PARAMETERS = "/api/v1/traineeships/hr/parameters/"


def test_a_department_adds_lists_and_edits_its_settings(client, city_reviewer):
    headers = auth(token_for(city_reviewer))
    created = client.post(PARAMETERS, parameter_form(valid_to="2025-12"), content_type="application/json", **headers)
    assert created.status_code == 201, created.json()
    parameter = RegionParameter.objects.get()
    assert (parameter.valid_from, parameter.valid_to) == (datetime.date(2025, 1, 1), datetime.date(2025, 12, 31))
    body = created.json()
    assert (body["id"], body["region_id"], body["subsidy_rate"], body["valid_to"]) == (
        parameter.pk, "410105", "0.600", "2025-12-31")
    other = client.post(PARAMETERS, parameter_form(region="410100"), content_type="application/json", **headers)
    assert other.status_code == 201
    assert [row["id"] for row in client.get(PARAMETERS, {"region": "410105"}, **headers).json()["results"]] == [
        parameter.pk]
    assert len(client.get(PARAMETERS, **headers).json()["results"]) == 2
    url = f"{PARAMETERS}{parameter.pk}/"
    etag = client.get(url, **headers)["ETag"]
    edited = client.put(url, parameter_form(valid_to="2025-11", subsidy_rate="0.65"), content_type="application/json",
                        HTTP_IF_MATCH=etag, **headers)
    assert edited.status_code == 200, edited.json()
    assert (edited.json()["subsidy_rate"], edited.json()["valid_to"]) == ("0.650", "2025-11-30")
    stale = client.put(url, parameter_form(subsidy_rate="0.7"), content_type="application/json", HTTP_IF_MATCH=etag,
                       **headers)
    assert stale.status_code == 412
    assert client.put(url, parameter_form(), content_type="application/json", **headers).status_code == 428
    parameter.refresh_from_db()
    assert str(parameter.subsidy_rate) == "0.650"
    assert AuditEntry.objects.filter(action="traineeships.parameter_updated").count() == 1


def test_the_screens_rules_come_back_field_by_field(client, city_reviewer):
    headers = auth(token_for(city_reviewer))
    assert client.post(PARAMETERS, parameter_form(valid_to="2025-12"), content_type="application/json",
                       **headers).status_code == 201
    overlap = client.post(PARAMETERS, parameter_form(valid_from="2025-06"), content_type="application/json",
                          **headers)
    assert overlap.status_code == 400
    assert overlap.json()["errors"][0]["field"] == "valid_from"
    bad = client.post(PARAMETERS, parameter_form(valid_from="2026-03", subsidy_rate="1.2"),
                      content_type="application/json", **headers)
    assert bad.status_code == 400
    assert ("subsidy_rate", "比例应在0到1之间") in {(e["field"], e["message"]) for e in bad.json()["errors"]}
    assert RegionParameter.objects.count() == 1


def test_jurisdiction_and_permission(client, county_reviewer_a, county_reviewer_b, admin_a, student):
    mine = client.post(PARAMETERS, parameter_form(), content_type="application/json",
                       **auth(token_for(county_reviewer_a)))
    assert mine.status_code == 201
    outside = client.post(PARAMETERS, parameter_form(region="410103", valid_from="2030-01"),
                          content_type="application/json", **auth(token_for(county_reviewer_a)))
    assert outside.status_code == 400
    assert {(e["field"], e["message"]) for e in outside.json()["errors"]} == {("region", "只能选择本部门辖区内的地区")}
    url = f"{PARAMETERS}{mine.json()['id']}/"
    other = auth(token_for(county_reviewer_b))
    assert client.get(url, **other).status_code == 404
    assert client.put(url, parameter_form(region="410103"), content_type="application/json", HTTP_IF_MATCH="*",
                      **other).status_code == 404
    assert client.get(PARAMETERS, **other).json()["results"] == []
    unit = auth(token_for(admin_a))
    assert client.get(PARAMETERS, **unit).status_code == 403
    assert client.post(PARAMETERS, parameter_form(), content_type="application/json", **unit).status_code == 403
    client.force_login(student)
    assert client.get(PARAMETERS).status_code == 403
    assert client.post(PARAMETERS, parameter_form(), content_type="application/json").status_code == 403
    assert RegionParameter.objects.count() == 1
