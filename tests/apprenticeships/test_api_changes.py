"""备案变更申请 through /api/v1/apprenticeships/ with keys: the changeable filings, 开班信息变更 (quota, a change,
its refusals), 课程信息配置 under If-Match and 【查看变更内容】, and who may not (another enterprise, the claim-only
sub-admin, the county reading, a draft, a stale ETag, a key without the scope)."""

import datetime

import pytest
from django.utils import timezone

from apprenticeships.models import ChangeRecord, Course, DateChange
from tests.api.keys import auth, token_for
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db
API = "/api/v1/apprenticeships"
JSON = "application/json"


def _day(days: int) -> str:
    return (timezone.localdate() + datetime.timedelta(days=days)).isoformat()


def test_the_changeable_filings(client, admin_a, admin_b, claimer_a, county_reviewer_a, filing_a, draft_a, filing_b):
    rows = client.get(f"{API}/changes/", **auth(token_for(admin_a))).json()["results"]
    assert [(row["number"], row["date_change_count"], row["unconfigured_course_count"],
             row["open_teacher_change_id"]) for row in rows] == [(filing_a.number, 0, 2, None)]
    assert client.get(f"{API}/changes/", {"number": filing_b.number},
                      **auth(token_for(admin_a))).json()["results"] == []
    bad = client.get(f"{API}/changes/", {"starts_from": "2026-02-30"}, **auth(token_for(admin_a)))
    assert bad.status_code == 400 and bad.json()["field"] == "starts_from"
    assert client.get(f"{API}/changes/", **auth(token_for(claimer_a))).status_code == 403
    assert client.get(f"{API}/changes/", **auth(token_for(county_reviewer_a))).status_code == 403
    write_only = auth(token_for(admin_a, scopes=["apprenticeships:write"]))
    missing = client.get(f"{API}/changes/", **write_only)
    assert missing.status_code == 403 and missing.json()["code"] == "scope_missing"


def test_class_dates_are_changed(client, admin_a, admin_b, claimer_a, county_reviewer_a, filing_a, draft_a):
    owner = auth(token_for(admin_a))
    page = client.get(f"{API}/filings/{filing_a.pk}/dates/", **owner)
    assert page.status_code == 200, page.content.decode()
    assert (page.json()["starts_on"], page.json()["changes"]) == (filing_a.training_class.starts_on.isoformat(), [])
    remaining = page.json()["remaining"]
    assert remaining >= 1
    url = f"{API}/filings/{filing_a.pk}/dates/new/"
    body = {"starts_on": _day(40), "ends_on": _day(450), "reason": "设备到位推迟"}
    assert client.post(url, body, content_type=JSON, **auth(token_for(admin_b))).status_code == 404
    assert client.post(url, body, content_type=JSON, **auth(token_for(claimer_a))).status_code == 403
    assert client.post(url, body, content_type=JSON, **auth(token_for(county_reviewer_a))).status_code == 403
    backwards = client.post(url, {**body, "ends_on": _day(39)}, content_type=JSON, **owner)
    assert backwards.status_code == 400 and backwards.json()["field"] == "ends_on"
    changed = client.post(url, body, content_type=JSON, **owner)
    assert changed.status_code == 201, changed.content.decode()
    assert (changed.json()["sequence"], changed.json()["new_starts_on"], changed.json()["reason"],
            changed.json()["actor_name"]) == (1, body["starts_on"], "设备到位推迟", str(admin_a))
    filing_a.training_class.refresh_from_db()
    assert filing_a.training_class.ends_on.isoformat() == body["ends_on"]
    page = client.get(f"{API}/filings/{filing_a.pk}/dates/", **owner).json()
    assert (page["remaining"], [row["sequence"] for row in page["changes"]]) == (remaining - 1, [1])
    assert client.post(f"{API}/filings/{draft_a.pk}/dates/new/", body, content_type=JSON, **owner).status_code == 409
    assert client.get(f"{API}/filings/{draft_a.pk}/dates/", **owner).status_code == 409
    records = client.get(f"{API}/filings/{filing_a.pk}/changes/", **auth(token_for(county_reviewer_a)))
    assert [(row["kind"], row["after"]) for row in records.json()["results"]] == [
        ("class_dates", {"starts_on": body["starts_on"], "ends_on": body["ends_on"]})]
    assert client.get(f"{API}/filings/{filing_a.pk}/changes/", **auth(token_for(admin_b))).status_code == 404


def test_the_changes_run_out(client, admin_a, filing_a):
    owner = auth(token_for(admin_a))
    remaining = client.get(f"{API}/filings/{filing_a.pk}/dates/", **owner).json()["remaining"]
    for index in range(remaining):
        assert client.post(f"{API}/filings/{filing_a.pk}/dates/new/", {
            "starts_on": _day(40 + index), "ends_on": _day(450)}, content_type=JSON, **owner).status_code == 201
    refused = client.post(f"{API}/filings/{filing_a.pk}/dates/new/", {"starts_on": _day(60), "ends_on": _day(450)},
                          content_type=JSON, **owner)
    assert refused.status_code == 400 and DateChange.objects.count() == remaining


def test_a_course_is_configured_under_if_match(client, enterprise_a, enterprise_b, admin_a, claimer_a, filing_a,
                                               draft_a):
    workshop, elsewhere = ap.venue(enterprise_a), ap.venue(enterprise_b, name="乙单位车间")
    course = filing_a.courses.get(delivery="offline")
    url = f"{API}/people/courses/{course.pk}/configuration/"
    body = {"starts_on": _day(31), "ends_on": _day(33), "daily_start": "08:30", "daily_end": "17:00",
            "venue": workshop.pk}
    owner = auth(token_for(admin_a))
    assert client.put(url, body, content_type=JSON, HTTP_IF_MATCH="*",
                      **auth(token_for(claimer_a))).status_code == 403
    assert client.put(url, body, content_type=JSON, **owner).status_code == 428
    foreign = client.put(url, {**body, "venue": elsewhere.pk}, content_type=JSON, HTTP_IF_MATCH="*", **owner)
    assert foreign.status_code == 400 and foreign.json()["field"] == "venue"
    outside = client.put(url, {**body, "ends_on": _day(900)}, content_type=JSON, HTTP_IF_MATCH="*", **owner)
    assert outside.status_code == 400 and outside.json()["field"] == "ends_on"
    etag = client.get(f"{API}/filings/{filing_a.pk}/courses/", **owner)  # the list's rows carry no ETag
    assert etag.status_code == 200
    saved = client.put(url, body, content_type=JSON, HTTP_IF_MATCH="*", **owner)
    assert saved.status_code == 200, saved.content.decode()
    assert (saved.json()["starts_on"], saved.json()["venue_id"], saved.json()["daily_start"]) == (
        body["starts_on"], workshop.pk, "08:30:00")
    assert Course.objects.get(pk=course.pk).is_configured
    moved = client.put(url, {**body, "ends_on": _day(34)}, content_type=JSON, HTTP_IF_MATCH=saved["ETag"], **owner)
    assert moved.status_code == 200 and moved.json()["ends_on"] == _day(34)
    stale = client.put(url, body, content_type=JSON, HTTP_IF_MATCH=saved["ETag"], **owner)
    assert stale.status_code == 412
    assert ChangeRecord.objects.filter(filing=filing_a, kind="course").count() == 2
    draft_course = draft_a.courses.get(delivery="offline")
    assert client.put(f"{API}/people/courses/{draft_course.pk}/configuration/", body, content_type=JSON,
                      HTTP_IF_MATCH="*", **owner).status_code == 409
