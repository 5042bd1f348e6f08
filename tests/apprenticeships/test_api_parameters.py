"""学徒制参数 through /api/v1/apprenticeships/hr/parameters/ with keys: the city adds and edits (If-Match) its
补贴标准, 紧缺急需职业 and 规则参数 through the screen's forms and rules (floor flagged, overlap refused, durations
ordered); the province's rows are listed read-only for the city; who may not (the county, an enterprise, a
reviewer without the parameter permission, another city's rows)."""

import pytest

from apprenticeships.models import RuleSet, ShortageOccupation, SubsidyStandard
from apprenticeships.rules import REVIEW
from audit.models import AuditEntry
from tests import factories
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
API = "/api/v1/apprenticeships/hr/parameters"
JSON = "application/json"


def standard(**overrides):
    return {"valid_from": "2025-01", "valid_to": "2025-12", "apprenticeship_type": "enterprise",
            "target_level": "senior", "amount_per_year": "6000", "source": "郑人社〔2025〕3号", **overrides}


def rules(**overrides):
    return {"valid_from": "2025-01", "valid_to": "2025-12", "ecosystem_advance_rate": "0.3",
            "ecosystem_advance_after_months": 1, "filed_advance_rate": "0.4", "filed_advance_within_months": 3,
            "balance_within_months": 12, "min_duration_months": 12, "max_duration_months": 24,
            "extended_max_months": 36, "min_contract_months": 12, "max_date_changes": 3,
            "change_notice_working_days": 5, "course_config_days_before": 1, "attendance_threshold": None,
            "source": "郑人社〔2025〕4号", **overrides}


def test_the_city_adds_and_edits_a_standard(client, city_reviewer):
    city = auth(token_for(city_reviewer))
    made = client.post(f"{API}/standards/new/", standard(amount_per_year="4000"), content_type=JSON, **city)
    assert made.status_code == 201, made.content.decode()
    data = made.json()
    assert (data["region_code"], data["amount_per_year"], data["below_national_floor"], data["editable"],
            data["set_by_name"]) == ("410100", "4000.00", True, True, city_reviewer.real_name)
    overlap = client.post(f"{API}/standards/new/", standard(valid_from="2025-06"), content_type=JSON, **city)
    assert overlap.status_code == 400 and overlap.json()["field"] == "valid_from"
    assert "期间不能重叠" in overlap.json()["message"]
    bad = client.post(f"{API}/standards/new/", standard(amount_per_year="0", target_level="guru"),
                      content_type=JSON, **city)
    assert {error["field"] for error in bad.json()["errors"]} == {"amount_per_year", "target_level"}
    url = f"{API}/standards/{data['id']}/"
    assert client.put(url, standard(), content_type=JSON, **city).status_code == 428
    assert client.put(url, standard(), content_type=JSON, HTTP_IF_MATCH='"old"', **city).status_code == 412
    saved = client.put(url, standard(amount_per_year="6500"), content_type=JSON, HTTP_IF_MATCH=made["ETag"], **city)
    assert saved.status_code == 200, saved.content.decode()
    assert (saved.json()["amount_per_year"], saved.json()["below_national_floor"]) == ("6500.00", False)
    assert SubsidyStandard.objects.get(pk=data["id"]).amount_per_year == 6500
    assert client.put(url, standard(), content_type=JSON, HTTP_IF_MATCH=made["ETag"], **city).status_code == 412
    assert AuditEntry.objects.filter(action__startswith="apprenticeships.standard").count() == 2
    listed = client.get(f"{API}/standards/", **city).json()["results"]
    assert data["id"] in [row["id"] for row in listed]


def test_shortage_and_rules_through_their_forms(client, city_reviewer):
    city = auth(token_for(city_reviewer))
    body = {"year": 2026, "occupation": "焊工", "uplift_rate": "0.2", "source": "目录"}
    made = client.post(f"{API}/shortages/new/", body, content_type=JSON, **city)
    assert made.status_code == 201 and made.json()["occupation"] == "焊工"
    twice = client.post(f"{API}/shortages/new/", body, content_type=JSON, **city)
    assert twice.status_code == 400 and twice.json()["field"] == "occupation"
    high = client.post(f"{API}/shortages/new/", {**body, "uplift_rate": "0.5"}, content_type=JSON, **city)
    assert high.status_code == 400 and high.json()["field"] == "uplift_rate"
    assert ShortageOccupation.objects.filter(region_id="410100", occupation="焊工").count() == 1
    ordered = client.post(f"{API}/rulesets/new/", rules(max_duration_months=6), content_type=JSON, **city)
    assert ordered.status_code == 400 and ordered.json()["field"] == "max_duration_months"
    assert ordered.json()["message"] == "培训期上限不能小于培训期下限"
    made = client.post(f"{API}/rulesets/new/", rules(), content_type=JSON, **city)
    assert made.status_code == 201, made.content.decode()
    assert (made.json()["attendance_threshold"], made.json()["change_notice_working_days"]) == (None, 5)
    saved = client.put(f"{API}/rulesets/{made.json()['id']}/", rules(attendance_threshold="0.8"), content_type=JSON,
                       HTTP_IF_MATCH=made["ETag"], **city)
    assert saved.status_code == 200 and saved.json()["attendance_threshold"] == "0.800"
    assert RuleSet.objects.get(pk=made.json()["id"]).attendance_threshold is not None


def test_the_province_rows_are_read_only_for_the_city(client, province_reviewer, city_reviewer):
    made = client.post(f"{API}/standards/new/", standard(valid_from="2026-01", valid_to=None), content_type=JSON,
                       **auth(token_for(province_reviewer)))
    assert made.status_code == 201, made.content.decode()
    city = auth(token_for(city_reviewer))
    rows = {row["id"]: row for row in client.get(f"{API}/standards/", **city).json()["results"]}
    assert rows[made.json()["id"]]["editable"] is False and rows[made.json()["id"]]["region_code"] == "410000"
    assert client.put(f"{API}/standards/{made.json()['id']}/", standard(), content_type=JSON, HTTP_IF_MATCH="*",
                      **city).status_code == 404


def test_who_may_not_manage_parameters(client, admin_a, county_reviewer_a, other_city_reviewer, city_hr,
                                       city_reviewer):
    row = SubsidyStandard.objects.filter(region_id="410100").first()
    reviewer_only = factories.UserFactory(organisation=city_hr, username="city_reviewer_only")
    reviewer_only.roles.add(city_hr.roles.create(name="学徒制审核", permissions=[REVIEW]))
    for user in (admin_a, county_reviewer_a, reviewer_only):
        key = auth(token_for(user))
        assert client.get(f"{API}/standards/", **key).status_code == 403
        assert client.post(f"{API}/standards/new/", standard(), content_type=JSON, **key).status_code == 403
        assert client.put(f"{API}/standards/{row.pk}/", standard(), content_type=JSON, HTTP_IF_MATCH="*",
                          **key).status_code == 403
    luoyang = auth(token_for(other_city_reviewer))
    assert row.pk not in [item["id"] for item in client.get(f"{API}/standards/", **luoyang).json()["results"]]
    assert client.put(f"{API}/standards/{row.pk}/", standard(), content_type=JSON, HTTP_IF_MATCH="*",
                      **luoyang).status_code == 404
    assert not AuditEntry.objects.filter(action__startswith="apprenticeships.").exists()
