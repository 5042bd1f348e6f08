"""The enterprise's and the city's remaining screens through /api/v1/apprenticeships/ with keys: 培训场地维护
(list, 新增, 修改 under If-Match, 删除 refused while a course uses the venue), 单位培训人员查询 (filters and states),
the trainees tab's 工资预警, and 拨付登记 by the city (the wrong state, the wrong city, the enterprise)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from apprenticeships.models import ClaimDetails, Venue
from claims.models import Claim, ClaimStatus
from tests.api.keys import auth, token_for
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db
API = "/api/v1/apprenticeships"
JSON = "application/json"


def venue_body(**overrides):
    return {"name": "二号实训车间", "region": "410105", "address": "郑州市金水区花园路2号", "capacity": 30,
            "latitude": "34.757975", "longitude": "113.665412", **overrides}


def test_venues_are_kept_by_the_enterprise(client, enterprise_a, admin_a, admin_b, claimer_a, filer_a):
    owner = auth(token_for(admin_a))
    made = client.post(f"{API}/venues/new/", venue_body(), content_type=JSON, **owner)
    assert made.status_code == 201, made.content.decode()
    assert (made.json()["name"], made.json()["region_code"], made.json()["capacity"]) == ("二号实训车间", "410105", 30)
    half = client.post(f"{API}/venues/new/", venue_body(longitude=None), content_type=JSON, **owner)
    assert half.status_code == 400 and half.json()["field"] == "longitude"
    bad = client.post(f"{API}/venues/new/", venue_body(capacity=0, region="999999"), content_type=JSON, **owner)
    assert {error["field"] for error in bad.json()["errors"]} == {"capacity", "region"}
    assert client.post(f"{API}/venues/new/", venue_body(), content_type=JSON,
                       **auth(token_for(claimer_a))).status_code == 403
    rows = client.get(f"{API}/venues/", {"name": "二号"}, **auth(token_for(filer_a))).json()["results"]
    assert [row["id"] for row in rows] == [made.json()["id"]]
    assert client.get(f"{API}/venues/", {"region": "nowhere"}, **owner).json()["field"] == "region"
    assert client.get(f"{API}/venues/", **auth(token_for(admin_b))).json()["results"] == []
    url = f"{API}/venues/{made.json()['id']}/"
    assert client.put(url, venue_body(), content_type=JSON, HTTP_IF_MATCH="*",
                      **auth(token_for(admin_b))).status_code == 404
    assert client.put(url, venue_body(), content_type=JSON, **owner).status_code == 428
    saved = client.put(url, venue_body(capacity=50), content_type=JSON, HTTP_IF_MATCH=made["ETag"], **owner)
    assert saved.status_code == 200 and saved.json()["capacity"] == 50
    assert client.put(url, venue_body(), content_type=JSON, HTTP_IF_MATCH=made["ETag"], **owner).status_code == 412
    assert client.post(f"{url}delete/", **auth(token_for(admin_b))).status_code == 404
    assert client.post(f"{url}delete/", **owner).status_code == 204
    assert not Venue.objects.filter(pk=made.json()["id"]).exists()


def test_a_venue_a_course_uses_is_not_deleted(client, enterprise_a, admin_a, filing_a):
    used = ap.venue(enterprise_a)
    ap.course(filing_a, name="车间实训", venue=used)
    refused = client.post(f"{API}/venues/{used.pk}/delete/", **auth(token_for(admin_a)))
    assert refused.status_code == 409 and refused.json()["message"] == "该培训场地已被课程使用，不能删除"


def test_the_unit_trainee_query(client, enterprise_a, admin_a, admin_b, claimer_a, filing_a, draft_a,
                                county_reviewer_a):
    owner = auth(token_for(admin_a))
    rows = client.get(f"{API}/people/trainees/", **owner).json()["results"]
    assert sorted((row["filing_number"], row["state"]) for row in rows) == sorted(
        [(filing_a.number, "in_training")] * 2 + [(draft_a.number, "filing")] * 2)
    only = client.get(f"{API}/people/trainees/", {"state": "filing"}, **owner).json()["results"]
    assert {row["filing_number"] for row in only} == {draft_a.number}
    assert [row["state_display"] for row in only] == ["未备案", "未备案"]
    bad = client.get(f"{API}/people/trainees/", {"year": "20x6", "state": "asleep"}, **owner)
    assert bad.status_code == 400 and {error["field"] for error in bad.json()["errors"]} == {"year", "state"}
    assert client.get(f"{API}/people/trainees/", **auth(token_for(admin_b))).json()["results"] == []
    for user in (claimer_a, county_reviewer_a):
        assert client.get(f"{API}/people/trainees/", **auth(token_for(user))).status_code == 403


def test_the_trainees_tab_warns_of_a_wage_below_the_minimum(client, admin_a, filing_a):
    low = filing_a.trainees.order_by("id").first()
    low.monthly_wage = Decimal("1500")
    low.save(update_fields=["monthly_wage"])
    rows = client.get(f"{API}/filings/{filing_a.pk}/trainees/", **auth(token_for(admin_a))).json()["results"]
    warnings = {row["id"]: row["wage_warning"] for row in rows}
    assert warnings[low.pk] == "月工资 1500.00 元低于当地最低工资标准 2100.00 元"
    assert [value for key, value in warnings.items() if key != low.pk] == [None]


@pytest.fixture
def approved_claim(enterprise_a, admin_a):
    month = timezone.localdate().replace(day=1)
    claim = Claim.objects.create(programme="apprenticeships", organisation=enterprise_a, number="XTBT-2026-880001",
                                 first_month=month, last_month=month, status=ClaimStatus.APPROVED,
                                 created_by=admin_a, submitted_by=admin_a, submitted_at=timezone.now(),
                                 approved_at=timezone.now() - datetime.timedelta(days=2), total=Decimal("2400.00"))
    ClaimDetails.objects.create(claim=claim, stage="advance", commitment_version="2026-01",
                                commitment_accepted_by=admin_a, commitment_accepted_at=timezone.now())
    return claim


def test_the_city_registers_the_payment(client, approved_claim, admin_a, county_reviewer_a, city_reviewer,
                                        other_city_reviewer):
    url = f"{API}/claims/{approved_claim.pk}/pay/"
    today = timezone.localdate().isoformat()
    body = {"paid_on": today, "voucher_number": "PZ-0001"}
    assert client.post(url, body, content_type=JSON, **auth(token_for(admin_a))).status_code == 403
    assert client.post(url, body, content_type=JSON, **auth(token_for(county_reviewer_a))).status_code == 403
    assert client.post(url, body, content_type=JSON, **auth(token_for(other_city_reviewer))).status_code == 404
    city = auth(token_for(city_reviewer))
    missing = client.post(url, {"paid_on": "2026-02-30"}, content_type=JSON, **city)
    assert {error["field"] for error in missing.json()["errors"]} == {"paid_on", "voucher_number"}
    future = (timezone.localdate() + datetime.timedelta(days=1)).isoformat()
    late = client.post(url, {**body, "paid_on": future}, content_type=JSON, **city)
    assert late.status_code == 400 and late.json()["message"] == "拨付日期不能晚于今天"
    paid = client.post(url, body, content_type=JSON, **city)
    assert paid.status_code == 200, paid.content.decode()
    assert (paid.json()["status"], paid.json()["paid_on"], paid.json()["voucher_number"]) == (
        ClaimStatus.PAID, today, "PZ-0001")
    again = client.post(url, body, content_type=JSON, **city)
    assert again.status_code == 409 and "审核通过后才能登记拨付" in again.json()["message"]

