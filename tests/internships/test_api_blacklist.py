"""黑名单 through the API: a department proposes (JSON) and a school with evidence (multipart), the city
department decides through the review engine, the department removes the listing; the lists are scoped, the
form's and the service's refusals, and everyone else refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from internships.models import BlacklistEntry, BlacklistStatus
from reviews import services as review_services
from reviews.models import Review
from tests.api.keys import auth, token_for
from tests.attachments.files import pdf_bytes

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"
PROPOSAL = {"reason": "complaints", "details": "一学期内投诉 5 起，3 起属实。"}


def approve(entry, actor):
    review = Review.objects.filter(kind="internship_blacklist", subject_id=entry.pk).latest("id")
    review_services.decide(review_id=review.pk, actor=actor, decision="approve", reason="")


def test_the_department_proposes_lists_and_removes(client, host_a, education_reviewer, school_admin):
    department = auth(token_for(education_reviewer, scopes=["internships:read", "internships:write"]))
    proposed = client.post(f"{API}/enterprises/{host_a.pk}/blacklist/", PROPOSAL, content_type="application/json",
                           **department)
    assert proposed.status_code == 201, proposed.json()
    entry = BlacklistEntry.objects.get()
    assert (proposed.json()["id"], proposed.json()["status"], proposed.json()["enterprise_id"],
            proposed.json()["has_evidence"]) == (entry.pk, BlacklistStatus.PROPOSED, host_a.pk, False)
    # one open proposal per enterprise: the school's second one is refused
    again = client.post(f"{API}/enterprises/{host_a.pk}/blacklist/", PROPOSAL, content_type="application/json",
                        **auth(token_for(school_admin)))
    assert again.status_code == 400
    assert again.json()["message"] == "该企业已有待审核或已生效的黑名单记录，不能重复提出"
    approve(entry, education_reviewer)
    url = f"{API}/blacklist/{entry.pk}/"
    assert client.get(url, **department).json()["status"] == BlacklistStatus.LISTED
    listed = client.get(f"{API}/blacklist/?status=listed", **department).json()["results"]
    assert [row["id"] for row in listed] == [entry.pk]
    assert client.get(f"{API}/blacklist/?status=removed", **department).json()["results"] == []
    empty = client.post(f"{url}remove/", {"reason": ""}, content_type="application/json", **department)
    assert empty.status_code == 400 and empty.json()["field"] == "reason"
    removed = client.post(f"{url}remove/", {"reason": "已整改"}, content_type="application/json", **department)
    assert removed.status_code == 200, removed.json()
    assert (removed.json()["status"], removed.json()["removal_reason"]) == (BlacklistStatus.REMOVED, "已整改")


def test_a_school_proposes_with_evidence_and_sees_only_its_own(client, host_a, school_admin, school_b_admin,
                                                               education_reviewer):  # the city decides
    school = auth(token_for(school_admin))
    proposed = client.post(f"{API}/enterprises/{host_a.pk}/blacklist/", {
        **PROPOSAL, "evidence": SimpleUploadedFile("证明.pdf", pdf_bytes(), content_type="application/pdf")},
        **school)
    assert proposed.status_code == 201, proposed.json()
    assert proposed.json()["has_evidence"] is True
    entry = BlacklistEntry.objects.get()
    assert [row["id"] for row in client.get(f"{API}/blacklist/", **school).json()["results"]] == [entry.pk]
    other = auth(token_for(school_b_admin))
    assert client.get(f"{API}/blacklist/", **other).json()["results"] == []
    assert client.get(f"{API}/blacklist/{entry.pk}/", **other).status_code == 404
    # a school does not remove (the entry is its own: it sees it, 403)
    assert client.post(f"{API}/blacklist/{entry.pk}/remove/", {"reason": "已整改"}, content_type="application/json",
                       **school).status_code == 403


def test_bad_input_is_answered_at_the_field(client, host_a, education_reviewer):
    department = auth(token_for(education_reviewer))
    bad = client.post(f"{API}/enterprises/{host_a.pk}/blacklist/", {"reason": "nonsense", "details": "  "},
                      content_type="application/json", **department)
    assert bad.status_code == 400
    assert {(problem["field"], problem["message"]) for problem in bad.json()["errors"]} == {
        ("reason", "请选择列表中的列入原因"), ("details", "请填写情况说明")}
    not_pdf = client.post(f"{API}/enterprises/{host_a.pk}/blacklist/", {
        **PROPOSAL, "evidence": SimpleUploadedFile("a.pdf", b"MZ\x90\x00", content_type="application/pdf")},
        **department)
    assert not_pdf.status_code == 400 and not_pdf.json()["field"] == "evidence"
    assert not BlacklistEntry.objects.exists()


def test_others_are_refused(client, host_a, admin_a, education_reviewer, education_other_reviewer,
                            county_reviewer_a, staff_manager_a):
    assert client.post(f"{API}/enterprises/{host_a.pk}/blacklist/", PROPOSAL, content_type="application/json",
                       **auth(token_for(admin_a))).status_code == 403
    for user in (education_other_reviewer, county_reviewer_a, staff_manager_a):
        assert client.post(f"{API}/enterprises/{host_a.pk}/blacklist/", PROPOSAL, content_type="application/json",
                           **auth(token_for(user))).status_code == 404
    for user in (admin_a, county_reviewer_a, staff_manager_a):
        assert client.get(f"{API}/blacklist/", **auth(token_for(user))).status_code == 403
    reader = auth(token_for(education_reviewer, scopes=["internships:read"]))
    missing = client.post(f"{API}/enterprises/{host_a.pk}/blacklist/", PROPOSAL, content_type="application/json",
                          **reader)
    assert missing.status_code == 403 and missing.json()["code"] == "scope_missing"
    assert not BlacklistEntry.objects.exists()
