"""After approval, through /api/v1/apprenticeships/ with keys: 培训情况跟踪 and the institution's list,
【标记为流失】, 【注销培训班】 and 考核结果, and who may not (another enterprise, the county reading, the wrong
state, twice, a stale ETag)."""

import datetime

import pytest
from django.utils import timezone

from apprenticeships.models import FilingStatus, Trainee
from tests.api.keys import auth, token_for
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db
API = "/api/v1/apprenticeships"
JSON = "application/json"


def test_lists_after_approval(client, admin_a, filing_a, draft_a, institution_admin, institution_recorder,
                              county_reviewer_a):
    for user in (admin_a, county_reviewer_a):
        rows = client.get(f"{API}/tracking/", **auth(token_for(user))).json()["results"]
        assert [(row["number"], row["class_state"], row["class_state_display"]) for row in rows] == [
            (filing_a.number, "not_started", "未开班")]  # the factory's class starts in 30 days
    bad = client.get(f"{API}/tracking/", {"state": "someday"}, **auth(token_for(admin_a)))
    assert bad.status_code == 400 and bad.json()["field"] == "state"
    rows = client.get(f"{API}/institution/filings/", **auth(token_for(institution_recorder))).json()["results"]
    assert [row["number"] for row in rows] == [filing_a.number]  # the draft is not the institution's yet
    assert client.get(f"{API}/institution/filings/", **auth(token_for(admin_a))).status_code == 403


def test_a_trainee_is_marked_lost_once(client, admin_a, admin_b, county_reviewer_a, filing_a, draft_a):
    trainee = filing_a.trainees.order_by("id").first()
    url = f"{API}/people/trainees/{trainee.pk}/lost/"
    today = timezone.localdate().isoformat()
    body = {"lost_on": today, "lost_reason": "离职"}
    assert client.post(url, body, content_type=JSON, **auth(token_for(admin_b))).status_code == 404
    assert client.post(url, body, content_type=JSON, **auth(token_for(county_reviewer_a))).status_code == 403
    owner = auth(token_for(admin_a))
    refused = client.post(url, {"lost_on": "2026-13-01", "lost_reason": " "}, content_type=JSON, **owner)
    assert refused.status_code == 400
    assert {error["field"] for error in refused.json()["errors"]} == {"lost_on", "lost_reason"}
    marked = client.post(url, body, content_type=JSON, **owner)
    assert marked.status_code == 200, marked.content.decode()
    assert (marked.json()["lost_on"], marked.json()["lost_reason"]) == (today, "离职")
    assert Trainee.objects.get(pk=trainee.pk).holds_place is False
    again = client.post(url, body, content_type=JSON, **owner)
    assert again.status_code == 409 and again.json()["message"].endswith(f"已于 {today} 标记为流失")
    draft_trainee = draft_a.trainees.order_by("id").first()
    assert client.post(f"{API}/people/trainees/{draft_trainee.pk}/lost/", body, content_type=JSON,
                       **owner).status_code == 409


def test_a_class_is_cancelled_with_a_reason(client, admin_a, claimer_a, institution_admin, filing_a):
    url = f"{API}/filings/{filing_a.pk}/cancel/"
    assert client.post(url, {"reason": "停办"}, content_type=JSON, **auth(token_for(claimer_a))).status_code == 403
    assert client.post(url, {"reason": "停办"}, content_type=JSON,
                       **auth(token_for(institution_admin))).status_code == 403
    owner = auth(token_for(admin_a))
    missing = client.post(url, {"reason": ""}, content_type=JSON, **owner)
    assert missing.status_code == 400 and missing.json()["field"] == "reason"
    cancelled = client.post(url, {"reason": "企业经营调整"}, content_type=JSON, **owner)
    assert cancelled.status_code == 200, cancelled.content.decode()
    assert (cancelled.json()["status"], cancelled.json()["cancel_reason"]) == (FilingStatus.CANCELLED, "企业经营调整")
    assert not Trainee.objects.filter(filing=filing_a, holds_place=True).exists()
    assert client.post(url, {"reason": "再次"}, content_type=JSON, **owner).status_code == 409


def test_a_certificate_is_recorded_under_if_match(client, enterprise_a, admin_a, claimer_a, institution, draft_a):
    started = timezone.localdate() - datetime.timedelta(days=60)
    filing = ap.complete_filing(enterprise_a, by=admin_a, institution=institution, starts_on=started,
                                ends_on=started + datetime.timedelta(days=365))
    trainee = filing.trainees.order_by("id").first()
    url = f"{API}/people/trainees/{trainee.pk}/certificate/"
    body = {"certificate_level": "senior", "certificate_number": "ZS-0001",
            "certified_on": (started + datetime.timedelta(days=30)).isoformat()}
    owner = auth(token_for(admin_a))
    assert client.put(url, body, content_type=JSON, HTTP_IF_MATCH="*",
                      **auth(token_for(claimer_a))).status_code == 403
    assert client.put(url, body, content_type=JSON, **owner).status_code == 428
    early = client.put(url, {**body, "certified_on": (started - datetime.timedelta(days=1)).isoformat()},
                       content_type=JSON, HTTP_IF_MATCH="*", **owner)
    assert early.status_code == 400 and early.json()["field"] == "certified_on"
    saved = client.put(url, body, content_type=JSON, HTTP_IF_MATCH="*", **owner)
    assert saved.status_code == 200, saved.content.decode()
    assert (saved.json()["certificate_level"], saved.json()["certificate_number"]) == ("senior", "ZS-0001")
    corrected = client.put(url, {**body, "certificate_number": "ZS-0002"}, content_type=JSON,
                           HTTP_IF_MATCH=saved["ETag"], **owner)
    assert corrected.status_code == 200 and Trainee.objects.get(pk=trainee.pk).certificate_number == "ZS-0002"
    stale = client.put(url, {**body, "certificate_number": "ZS-0003"}, content_type=JSON,
                       HTTP_IF_MATCH=saved["ETag"], **owner)
    assert stale.status_code == 412
    draft_trainee = draft_a.trainees.order_by("id").first()
    assert client.put(f"{API}/people/trainees/{draft_trainee.pk}/certificate/", body, content_type=JSON,
                      HTTP_IF_MATCH="*", **owner).status_code == 409
