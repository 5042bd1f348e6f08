"""上岗登记, 见习协议 and 离岗 through /api/v1/traineeships/: the unit registers, edits under If-Match, uploads the
signed scan, submits and downloads the PDFs with a key; reviewers read; other units and regions get 404."""

import datetime

import pytest

from tests.api.keys import auth, token_for
from tests.attachments.files import png_upload
from tests.traineeships.test_placements import (  # noqa: F401 (fixtures)
    application,
    on_post_placement,
    post_a,
    terms_form,
    wage,
)
from traineeships.models import DepartureStatus, Placement, PlacementStatus

pytestmark = pytest.mark.django_db
API = "/api/v1/traineeships"


def body(**overrides):
    return {**terms_form(**overrides), "backdating_confirmed": True}


def test_the_unit_registers_edits_uploads_and_submits(client, admin_a, application, wage):  # noqa: F811
    headers = auth(token_for(admin_a))
    created = client.post(f"{API}/placements/onboard/{application.pk}/", body(), content_type="application/json",
                          **headers)
    assert created.status_code == 201, created.json()
    placement = Placement.objects.get()
    assert created.json()["status"] == PlacementStatus.DRAFT and created.json()["person_name"] == "王见习"
    twice = client.post(f"{API}/placements/onboard/{application.pk}/", body(), content_type="application/json",
                        **headers)
    assert twice.status_code == 400 and twice.json()["message"] == "该报名已登记过上岗"
    url = f"{API}/placements/{placement.pk}/"
    etag = client.get(url, **headers)["ETag"]
    edited = client.put(url, body(insurance_policy_number="P2026000999"), content_type="application/json",
                        HTTP_IF_MATCH=etag, **headers)
    assert edited.status_code == 200 and edited.json()["insurance_policy_number"] == "P2026000999"
    stale = client.put(url, body(), content_type="application/json", HTTP_IF_MATCH=etag, **headers)
    assert stale.status_code == 412
    not_yet = client.post(f"{url}submit/", {}, content_type="application/json", **headers)
    assert not_yet.status_code == 400 and not_yet.json()["message"] == "请先上传双方签字盖章的见习协议扫描件"
    uploaded = client.post(f"{url}agreement/", {"file": png_upload("协议.png")}, **headers)
    assert uploaded.status_code == 200 and uploaded.json()["agreement_scan_id"] is not None
    submitted = client.post(f"{url}submit/", {}, content_type="application/json", **headers)
    assert submitted.status_code == 200 and submitted.json()["status"] == PlacementStatus.PENDING
    pdf = client.get(f"{url}agreement.pdf", **headers)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")


def test_the_forms_rules_come_back(client, admin_a, application, wage):  # noqa: F811
    response = client.post(f"{API}/placements/onboard/{application.pk}/", body(monthly_allowance="100"),
                           content_type="application/json", **auth(token_for(admin_a)))
    assert response.status_code == 400
    assert "monthly_allowance" in {error["field"] for error in response.json()["errors"]}
    assert not Placement.objects.exists()


def test_others_cannot_register_or_read(client, admin_a, admin_b, county_reviewer_a, county_reviewer_b,
                                        application, wage):  # noqa: F811
    denied = client.post(f"{API}/placements/onboard/{application.pk}/", body(), content_type="application/json",
                         **auth(token_for(admin_b)))
    assert denied.status_code == 404
    created = client.post(f"{API}/placements/onboard/{application.pk}/", body(), content_type="application/json",
                          **auth(token_for(admin_a)))
    url = f"{API}/placements/{created.json()['id']}/"
    assert client.get(url, **auth(token_for(county_reviewer_a))).status_code == 200
    assert client.get(url, **auth(token_for(county_reviewer_b))).status_code == 404
    assert client.get(url, **auth(token_for(admin_b))).status_code == 404
    assert client.get(f"{url}agreement.pdf", **auth(token_for(admin_b))).status_code == 404
    etag = client.get(url, **auth(token_for(admin_a)))["ETag"]
    refused = client.put(url, body(), content_type="application/json", HTTP_IF_MATCH=etag,
                         **auth(token_for(county_reviewer_a)))
    assert refused.status_code == 403
    no_scope = client.post(f"{url}cancel/", {}, content_type="application/json",
                           **auth(token_for(admin_a, scopes=["traineeships:read"])))
    assert no_scope.status_code == 403 and no_scope.json()["code"] == "scope_missing"


def test_the_unit_registers_a_departure_and_submits_it(client, admin_a, admin_b, county_reviewer_a,
                                                       application, wage):  # noqa: F811
    placement = on_post_placement(application, admin_a, county_reviewer_a)
    headers = auth(token_for(admin_a))
    wrong = client.post(f"{API}/placements/{placement.pk}/departures/", {"left_on": "2026-06-15"},
                        content_type="application/json", **headers)
    assert wrong.status_code == 400 and [e["field"] for e in wrong.json()["errors"]] == ["reason"]
    assert client.post(f"{API}/placements/{placement.pk}/departures/",
                       {"left_on": "2026-06-15", "reason": "hired_early"}, content_type="application/json",
                       **auth(token_for(admin_b))).status_code == 404
    created = client.post(f"{API}/placements/{placement.pk}/departures/",
                          {"left_on": "2026-06-15", "reason": "hired_early", "note": ""},
                          content_type="application/json", **headers)
    assert created.status_code == 201, created.json()
    assert created.json()["status"] == DepartureStatus.REGISTERED
    url = f"{API}/departures/{created.json()['id']}/"
    etag = client.get(url, **headers)["ETag"]
    edited = client.put(url, {"left_on": "2026-06-16", "reason": "hired_early", "note": "提前录用"},
                        content_type="application/json", HTTP_IF_MATCH=etag, **headers)
    assert edited.status_code == 200 and edited.json()["left_on"] == str(datetime.date(2026, 6, 16))
    pdf = client.get(f"{url}certificate.pdf", **headers)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert client.post(f"{url}certificate/", {"file": png_upload("证明.png")}, **headers).status_code == 200
    submitted = client.post(f"{url}submit/", {}, content_type="application/json", **headers)
    assert submitted.status_code == 200 and submitted.json()["status"] == DepartureStatus.PENDING
    assert client.get(url, **auth(token_for(county_reviewer_a))).json()["status"] == DepartureStatus.PENDING
    assert client.get(url, **auth(token_for(admin_b))).status_code == 404
