"""补贴申领 through /api/v1/traineeships/claims/: the unit creates a draft for a period, reads its lines, submits,
withdraws and deletes it with a key; the county reads; the city registers the payment; others get 404/403.
The placement: 2026-03-01 to 2026-08-31 in 金水区, 1260 元 a month, premium 120 元 (as in test_claims.py)."""

import pytest
from django.utils import timezone

from claims.models import Claim, ClaimStatus
from tests.api.keys import auth, token_for
from tests.traineeships.claim_helpers import decide
from tests.traineeships.test_placements import on_post_placement

pytest_plugins = ["tests.traineeships.test_placements"]
pytestmark = pytest.mark.django_db
CLAIMS = "/api/v1/traineeships/claims/"


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    return on_post_placement(application, admin_a, county_reviewer_a)


def test_the_unit_files_a_claim_and_the_city_pays(client, admin_a, placement, county_reviewer_a, city_reviewer):
    headers = auth(token_for(admin_a))
    created = client.post(CLAIMS, {"first_month": "2026-03", "last_month": "2026-05"},
                          content_type="application/json", **headers)
    assert created.status_code == 201, created.json()
    claim = Claim.objects.get()
    assert created.json()["status"] == ClaimStatus.DRAFT and created.json()["total"] == "3900.00"
    assert [(line["kind"], line["month"], line["amount"]) for line in created.json()["lines"]] == [
        ("month", "2026-03-01", "1260.00"), ("month", "2026-04-01", "1260.00"), ("month", "2026-05-01", "1260.00"),
        ("insurance", "2026-03-01", "120.00")]
    assert created.json()["lines"][0]["person_name"] == "王见习"
    assert client.get(CLAIMS, {"status": "draft"}, **headers).json()["results"][0]["id"] == claim.pk
    assert client.get(f"{CLAIMS}{claim.pk}/", **auth(token_for(county_reviewer_a))).status_code == 404  # a draft
    submitted = client.post(f"{CLAIMS}{claim.pk}/submit/", {}, content_type="application/json", **headers)
    assert submitted.status_code == 200 and submitted.json()["status"] == ClaimStatus.SUBMITTED
    county = client.get(f"{CLAIMS}{claim.pk}/", **auth(token_for(county_reviewer_a)))
    assert county.status_code == 200 and county.json()["number"] == claim.number
    pdf = client.get(f"{CLAIMS}{claim.pk}/claim.pdf", HTTP_ACCEPT="application/pdf", **headers)  # no 406
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    today = timezone.localdate().isoformat()
    early = client.post(f"{CLAIMS}{claim.pk}/pay/", {"paid_on": today, "voucher_number": "PZ-1"},
                        content_type="application/json", **auth(token_for(city_reviewer)))
    assert early.status_code == 400
    assert early.json()["message"] == "补贴申领当前状态为“审核中”，审核通过后才能登记拨付"
    client.force_login(county_reviewer_a)
    assert decide(client, county_reviewer_a, claim).status_code == 302
    assert decide(client, city_reviewer, claim).status_code == 302
    client.logout()
    assert client.post(f"{CLAIMS}{claim.pk}/pay/", {"paid_on": today, "voucher_number": "PZ-1"},
                       content_type="application/json", **auth(token_for(county_reviewer_a))).status_code == 403
    missing = client.post(f"{CLAIMS}{claim.pk}/pay/", {"paid_on": today}, content_type="application/json",
                          **auth(token_for(city_reviewer)))
    assert missing.status_code == 400 and missing.json()["errors"][0]["field"] == "voucher_number"
    paid = client.post(f"{CLAIMS}{claim.pk}/pay/", {"paid_on": today, "voucher_number": "PZ-1"},
                       content_type="application/json", **auth(token_for(city_reviewer)))
    assert paid.status_code == 200 and paid.json()["status"] == ClaimStatus.PAID
    assert paid.json()["voucher_number"] == "PZ-1"


def test_withdraw_and_delete_a_draft(client, admin_a, placement):
    headers = auth(token_for(admin_a))
    claim_id = client.post(CLAIMS, {"first_month": "2026-03", "last_month": "2026-04"},
                           content_type="application/json", **headers).json()["id"]
    client.post(f"{CLAIMS}{claim_id}/submit/", {}, content_type="application/json", **headers)
    withdrawn = client.post(f"{CLAIMS}{claim_id}/withdraw/", {}, content_type="application/json", **headers)
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == ClaimStatus.DRAFT
    etag = client.get(f"{CLAIMS}{claim_id}/", **headers)["ETag"]
    refused = client.delete(f"{CLAIMS}{claim_id}/", HTTP_IF_MATCH=etag, **headers)  # it was submitted once
    assert refused.status_code == 400 and refused.json()["message"] == "只能删除从未提交的申领草稿"
    fresh = client.post(CLAIMS, {"first_month": "2026-05", "last_month": "2026-05"},
                        content_type="application/json", **headers).json()["id"]
    assert client.delete(f"{CLAIMS}{fresh}/", **headers).status_code == 428
    etag = client.get(f"{CLAIMS}{fresh}/", **headers)["ETag"]
    assert client.delete(f"{CLAIMS}{fresh}/", HTTP_IF_MATCH=etag, **headers).status_code == 204
    assert not Claim.objects.filter(pk=fresh).exists()


def test_others_cannot_file_or_read(client, admin_a, admin_b, county_reviewer_b, placement):
    headers = auth(token_for(admin_a))
    period = {"first_month": "2026-03", "last_month": "2026-05"}
    claim_id = client.post(CLAIMS, period, content_type="application/json", **headers).json()["id"]
    client.post(f"{CLAIMS}{claim_id}/submit/", {}, content_type="application/json", **headers)
    assert client.get(f"{CLAIMS}{claim_id}/", **auth(token_for(county_reviewer_b))).status_code == 404
    assert client.get(f"{CLAIMS}{claim_id}/", **auth(token_for(admin_b))).status_code == 404
    assert client.post(f"{CLAIMS}{claim_id}/withdraw/", {}, content_type="application/json",
                       **auth(token_for(admin_b))).status_code == 404
    no_base = client.post(CLAIMS, period, content_type="application/json", **auth(token_for(admin_b)))
    assert no_base.status_code == 400 and no_base.json()["message"] == "本单位还没有见习基地，不能申领补贴"
    bad = client.post(CLAIMS, {"first_month": "2026-05", "last_month": "2026-03"}, content_type="application/json",
                      **headers)
    assert bad.status_code == 400 and bad.json()["errors"][0]["message"] == "截止月份不能早于起始月份"
    no_scope = client.post(f"{CLAIMS}{claim_id}/withdraw/", {}, content_type="application/json",
                           **auth(token_for(admin_a, scopes=["traineeships:read"])))
    assert no_scope.status_code == 403 and no_scope.json()["code"] == "scope_missing"
    assert Claim.objects.get(pk=claim_id).status == ClaimStatus.SUBMITTED
