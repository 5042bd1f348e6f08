"""企业新型学徒制培训补贴 through /api/v1/apprenticeships/claims/ with keys: 立即办理, 单位基本信息 under If-Match,
people and an attachment, submission (lines counted), the county reading it, the PDFs, 取消申请, and who may not
(another enterprise, another county, a filer without the claim permission, the wrong state, a stale ETag, a key
without the scope). The advance window depends on today: the class started 20 days ago (as in test_claims.py)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from apprenticeships.checks import add_months
from apprenticeships.models import ClaimDetails
from audit.models import AuditEntry
from claims.models import Claim, ClaimStatus
from tests.api.keys import auth, token_for
from tests.apprenticeships import factories as ap
from tests.attachments.files import pdf_bytes, upload

pytestmark = pytest.mark.django_db
API = "/api/v1/apprenticeships/claims"
JSON = "application/json"
BASICS = {"contact_name": "甲联系人", "contact_phone": "0371-66668888", "bank_name": "中国工商银行郑州金水支行",
          "account_name": "甲企业有限公司", "bank_account": "6222 0210 0101 2345 678"}


@pytest.fixture
def claimer(claimer_a):
    """Enterprise A's claim sub-administrator whose role may also submit to review (reviews.submit)."""
    role = claimer_a.roles.get()
    role.permissions = [*role.permissions, "reviews.submit"]
    role.save()
    return claimer_a


@pytest.fixture
def advance_filing(enterprise_a, admin_a, institution):
    starts_on = timezone.localdate() - datetime.timedelta(days=20)
    return ap.complete_filing(enterprise_a, by=admin_a, institution=institution, starts_on=starts_on,
                              ends_on=add_months(starts_on, 12) - datetime.timedelta(days=1))


def _ok(response, status=200):
    assert response.status_code == status, response.content.decode()
    return response


def test_an_advance_claim_through_the_api(client, claimer, advance_filing, county_reviewer_a, city_reviewer):
    headers = auth(token_for(claimer, scopes=["apprenticeships:read", "apprenticeships:write"]))
    created = _ok(client.post(f"{API}/new/", {"commitment": True, "stage": "advance"}, content_type=JSON,
                              **headers), 201)
    claim = Claim.objects.get(pk=created.json()["id"])
    assert (created.json()["status"], created.json()["stage"]) == (ClaimStatus.DRAFT, "advance")
    base = f"{API}/{claim.pk}"
    saved = _ok(client.put(f"{base}/basics/", BASICS, content_type=JSON, HTTP_IF_MATCH=created["ETag"], **headers))
    assert saved["ETag"] != created["ETag"]  # the claim's version moved with its basics
    assert ClaimDetails.objects.get(claim=claim).bank_account == "6222021001012345678"
    trainees = list(advance_filing.trainees.order_by("id"))
    added = _ok(client.post(f"{base}/people/", {"trainees": [trainee.pk for trainee in trainees]},
                            content_type=JSON, **headers))
    assert [person["trainee_id"] for person in added.json()["people"]] == [trainee.pk for trainee in trainees]
    removed = _ok(client.post(f"{API}/people/{added.json()['people'][1]['id']}/remove/", content_type=JSON,
                              **headers))
    assert [person["trainee_id"] for person in removed.json()["people"]] == [trainees[0].pk]
    _ok(client.post(f"{base}/people/", {"trainees": [trainees[1].pk]}, content_type=JSON, **headers))
    _ok(client.post(f"{base}/attachments/", {"file": upload("申领材料.pdf", pdf_bytes(), "application/pdf")},
                    **headers))
    current = _ok(client.get(f"{base}/", **headers))
    submitted = _ok(client.post(f"{base}/submit/", content_type=JSON, HTTP_IF_MATCH=current["ETag"], **headers))
    assert submitted.json()["status"] == ClaimStatus.SUBMITTED and submitted.json()["total"] == "4800.00"
    assert [(line["kind"], line["amount"], line["counted"]) for line in submitted.json()["lines"]] == [
        ("advance", "2400.00", True), ("advance", "2400.00", True)]
    assert Claim.objects.get(pk=claim.pk).total == Decimal("4800.00")

    county = auth(token_for(county_reviewer_a))
    assert _ok(client.get(f"{base}/", **county)).json()["number"] == claim.number
    for name in ("form.pdf", "roster.pdf"):
        response = _ok(client.get(f"{base}/{name}", **headers))
        assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(action="claims.printed", target_id=str(claim.pk)).count() == 2
    assert client.post(f"{base}/delete/", content_type=JSON, **headers).status_code == 409
    withdrawn = _ok(client.post(f"{base}/withdraw/", content_type=JSON, **headers))
    assert withdrawn.json()["status"] == ClaimStatus.DRAFT
    listed = _ok(client.get(API + "/", {"status": "draft"}, **headers)).json()
    assert [row["number"] for row in listed["results"]] == [claim.number]


def test_who_may_not(client, admin_a, claimer, filer_a, admin_b, county_reviewer_b, enterprise_a):
    headers = auth(token_for(claimer))
    created = _ok(client.post(f"{API}/new/", {"commitment": True, "stage": "advance"}, content_type=JSON,
                              **headers), 201)
    base = f"{API}/{created.json()['id']}"
    # a stale ETag and none
    _ok(client.put(f"{base}/basics/", BASICS, content_type=JSON, HTTP_IF_MATCH=created["ETag"], **headers))
    stale = client.put(f"{base}/basics/", {**BASICS, "contact_name": "覆盖者"}, content_type=JSON,
                       HTTP_IF_MATCH=created["ETag"], **headers)
    assert stale.status_code == 412
    assert client.put(f"{base}/basics/", BASICS, content_type=JSON, **headers).status_code == 428
    # an attachment uploaded and deleted; a filer without the claim permission may do neither
    uploaded = _ok(client.post(f"{base}/attachments/", {"file": upload("材料.pdf", pdf_bytes(), "application/pdf")},
                               **headers))
    assert [item["name"] for item in uploaded.json()["attachments"]] == ["材料.pdf"]
    remove = f"{API}/attachments/{uploaded.json()['attachments'][0]['id']}/remove/"
    assert client.post(remove, content_type=JSON, **auth(token_for(filer_a))).status_code == 403
    assert client.post(remove, content_type=JSON, **auth(token_for(admin_b))).status_code == 404
    assert _ok(client.post(remove, content_type=JSON, **headers)).json()["attachments"] == []
    # nothing to print before submission; nothing to withdraw
    assert client.get(f"{base}/form.pdf", **headers).status_code == 409
    assert client.post(f"{base}/withdraw/", content_type=JSON, **headers).status_code == 409
    # another enterprise, another county: not visible; a filer without the claim permission: refused
    assert client.get(f"{base}/", **auth(token_for(admin_b))).status_code == 404
    assert client.get(f"{base}/", **auth(token_for(county_reviewer_b))).status_code == 404
    filer = auth(token_for(filer_a))
    assert client.get(API + "/", **filer).status_code == 403
    assert client.get(f"{base}/", **filer).status_code == 403
    assert client.post(f"{API}/new/", {"commitment": True, "stage": "advance"}, content_type=JSON,
                       **filer).status_code == 403
    # the form's rules, field by field
    refused = client.post(f"{API}/new/", {"stage": "later"}, content_type=JSON, **headers)
    assert refused.status_code == 400
    assert {error["field"] for error in refused.json()["errors"]} == {"commitment", "stage"}
    # a key without the write scope
    read_only = auth(token_for(claimer, scopes=["apprenticeships:read"]))
    response = client.post(f"{base}/delete/", content_type=JSON, **read_only)
    assert response.status_code == 403 and response.json()["code"] == "scope_missing"
    assert _ok(client.post(f"{base}/delete/", content_type=JSON, **headers), 204)
    assert not Claim.objects.filter(organisation=enterprise_a).exists()
