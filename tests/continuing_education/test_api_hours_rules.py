"""学时要求 through /api/v1/continuing-education/hours-rules/: the province keeps its own and its cities' rules, a
city its own, a county and industry departments only read; the form's errors and warnings; If-Match on edits."""

import pytest

from audit.models import AuditEntry
from continuing_education.models import HoursRule
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db
RULES = "/api/v1/continuing-education/hours-rules/"


def body(**overrides):
    values = {"region": "410100", "year": ce.this_year(), "total_min": "90", "professional_min": "60",
              "public_min": "30", "cap_class": "6", "class_lead_working_days": 3, "source": "郑人社〔2026〕5号"}
    values.update(overrides)
    return values


def fields(response) -> list:
    return [(error["field"], error["message"]) for error in response.json()["errors"]]


@pytest.fixture
def province_rule():
    return HoursRule.objects.get(region_id="410000", year=ce.this_year())


def test_the_province_sets_a_city_rule_with_the_pages_warnings(client, province_reviewer, province_rule):
    headers = auth(token_for(province_reviewer))
    created = client.post(RULES, body(total_min="80", professional_min="50"), content_type="application/json",
                          **headers)
    assert created.status_code == 201, created.json()
    answer = created.json()
    assert answer["warnings"] == ["年度总学时低于国家规定的 90 学时",
                                  "专业科目学时低于国家规定的 60 学时（90 学时的三分之二）"]
    assert (answer["region_id"], answer["total_min"], answer["may_edit"]) == ("410100", "80.0", True)
    assert answer["daily_caps"] == [{"learning_form": "class", "learning_form_display": answer["daily_caps"][0][
        "learning_form_display"], "hours": "6.0"}]
    rule = HoursRule.objects.get(region_id="410100")
    assert (rule.daily_caps, rule.class_lead_working_days, rule.updated_by) == ({"class": 6.0}, 3, province_reviewer)
    assert AuditEntry.objects.filter(action="continuing_education.hours_rule_saved").count() == 1
    listed = client.get(RULES, **headers).json()["results"]
    assert {row["id"]: row["may_edit"] for row in listed} == {rule.pk: True, province_rule.pk: True}


def test_an_edit_needs_the_current_etag(client, province_reviewer, province_rule):
    headers = auth(token_for(province_reviewer))
    url = f"{RULES}{province_rule.pk}/"
    change = body(region="410000", total_min="100", online_cap="40")
    assert client.put(url, change, content_type="application/json", **headers).status_code == 428
    etag = client.get(url, **headers)["ETag"]
    edited = client.put(url, change, content_type="application/json", HTTP_IF_MATCH=etag, **headers)
    assert edited.status_code == 200, edited.json()
    assert (edited.json()["total_min"], edited.json()["online_cap"], edited.json()["warnings"]) == (
        "100.0", "40.0", [])
    stale = client.put(url, change, content_type="application/json", HTTP_IF_MATCH=etag, **headers)
    assert stale.status_code == 412


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"source": ""}, "source", "请填写依据"), ({"year": "20x6"}, "year", "年度应为四位年份"),
    ({"total_min": "-1"}, "total_min", "不能小于 0"),
    ({"total_min": "80", "professional_min": "60", "public_min": "30"}, "total_min",
     "年度总学时不能少于专业科目与公需科目之和"),
    ({"region": "410000"}, "year", "该地区该年度的学时要求已设置"),
    ({"region": "420000"}, "region", "只能设置本部门所辖的省、市的学时要求")])
def test_errors_name_the_field_and_nothing_is_saved(client, province_reviewer, overrides, field, message):
    before = HoursRule.objects.count()
    response = client.post(RULES, body(**overrides), content_type="application/json",
                           **auth(token_for(province_reviewer)))
    assert response.status_code == 400 and fields(response) == [(field, message)]
    assert HoursRule.objects.count() == before


def test_a_city_keeps_only_its_own_rule(client, city_reviewer, province_rule):
    headers = auth(token_for(city_reviewer))
    refused = client.post(RULES, body(region="410000", year=ce.this_year() + 1), content_type="application/json",
                          **headers)
    assert refused.status_code == 400 and fields(refused) == [("region", "只能设置本部门所辖的省、市的学时要求")]
    assert client.post(RULES, body(), content_type="application/json", **headers).status_code == 201
    assert client.get(f"{RULES}{province_rule.pk}/", **headers).json()["may_edit"] is False
    forbidden = client.put(f"{RULES}{province_rule.pk}/", body(region="410100", year=2031),
                           content_type="application/json", HTTP_IF_MATCH="*", **headers)
    assert forbidden.status_code == 403


def test_a_county_and_industry_departments_only_read(client, county_reviewer_a, industry_reviewer, province_rule):
    for user in (county_reviewer_a, industry_reviewer):
        headers = auth(token_for(user))
        assert [row["id"] for row in client.get(RULES, **headers).json()["results"]] == [province_rule.pk]
        assert client.post(RULES, body(), content_type="application/json", **headers).status_code == 403
        assert client.put(f"{RULES}{province_rule.pk}/", body(region="410000"), content_type="application/json",
                          HTTP_IF_MATCH="*", **headers).status_code == 403
    assert HoursRule.objects.count() == 1


def test_units_and_people_do_not_read_the_rules(client, admin_a, pro_a, education_reviewer, province_rule):
    assert client.get(RULES, **auth(token_for(admin_a))).status_code == 403
    assert client.get(f"{RULES}{province_rule.pk}/", **auth(token_for(admin_a))).status_code == 403
    client.force_login(pro_a)
    assert client.get(RULES).status_code == 403
