"""黑名单 through the API: a department proposes (JSON) and a school with evidence (multipart), the city
department decides through the review engine, the proposer resubmits a returned proposal, the department removes
the listing; the lists are scoped, the public list shows the listed enterprises only; the form's and the
service's refusals, and everyone else refused."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from internships.models import BlacklistEntry, BlacklistStatus
from reviews import services as review_services
from reviews.models import Review
from tests.api.keys import auth, token_for
from tests.attachments.files import pdf_bytes
from tests.internships import factories as f

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


def decide(entry, actor, decision, reason):
    review = Review.objects.filter(kind="internship_blacklist", subject_id=entry.pk).latest("id")
    review_services.decide(review_id=review.pk, actor=actor, decision=decision, reason=reason)


def test_the_school_resubmits_a_returned_proposal(client, host_a, school_admin, education_reviewer):
    school = auth(token_for(school_admin, scopes=["internships:read", "internships:write"]))
    proposed = client.post(f"{API}/enterprises/{host_a.pk}/blacklist/", PROPOSAL, content_type="application/json",
                           **school)
    entry = BlacklistEntry.objects.get(pk=proposed.json()["id"])
    url = f"{API}/blacklist/{entry.pk}/resubmit/"
    # still pending: the service's rule (whatever the tag)
    early = client.post(url, PROPOSAL, content_type="application/json", HTTP_IF_MATCH="*", **school)
    assert early.status_code == 400 and early.json()["message"] == "只有退回修改的申请可以重新提交"
    decide(entry, education_reviewer, "return", "请补充投诉处理结论")
    etag = client.get(f"{API}/blacklist/{entry.pk}/", **school)["ETag"]
    corrected = {"reason": "complaints", "details": "一学期内投诉 5 起，3 起经学校调查属实，附处理结论。"}
    assert client.post(url, corrected, content_type="application/json", **school).status_code == 428
    bad = client.post(url, {"reason": "complaints", "details": " "}, content_type="application/json",
                      HTTP_IF_MATCH=etag, **school)
    assert bad.status_code == 400 and bad.json()["field"] == "details"
    resubmitted = client.post(url, {**corrected, "evidence": SimpleUploadedFile(
        "处理结论.pdf", pdf_bytes(), content_type="application/pdf")}, HTTP_IF_MATCH=etag, **school)
    assert resubmitted.status_code == 200, resubmitted.json()
    body = resubmitted.json()
    assert (body["status"], body["details"], body["has_evidence"]) == (
        BlacklistStatus.PROPOSED, corrected["details"], True)
    assert Review.objects.filter(kind="internship_blacklist", subject_id=entry.pk, status="pending").exists()
    # the tag of the returned proposal is stale now
    assert client.post(url, corrected, content_type="application/json", HTTP_IF_MATCH=etag,
                       **school).status_code == 412


def test_only_the_proposer_resubmits(client, host_a, school_admin, school_b_admin, education_reviewer,
                                     education_other_reviewer, county_reviewer_a, admin_a):
    entry = BlacklistEntry.objects.get(pk=client.post(
        f"{API}/enterprises/{host_a.pk}/blacklist/", PROPOSAL, content_type="application/json",
        **auth(token_for(school_admin))).json()["id"])
    decide(entry, education_reviewer, "return", "请补充")
    url = f"{API}/blacklist/{entry.pk}/resubmit/"
    # the city department sees the school's proposal but did not make it: 403; the others do not see it
    for user, status in ((education_reviewer, 403), (school_b_admin, 404), (education_other_reviewer, 404),
                         (county_reviewer_a, 404), (admin_a, 404)):
        response = client.post(url, PROPOSAL, content_type="application/json", HTTP_IF_MATCH="*",
                               **auth(token_for(user)))
        assert response.status_code == status, user
    read_only = client.post(url, PROPOSAL, content_type="application/json", HTTP_IF_MATCH="*",
                            **auth(token_for(school_admin, scopes=["internships:read"])))
    assert read_only.status_code == 403 and read_only.json()["code"] == "scope_missing"
    assert BlacklistEntry.objects.get(pk=entry.pk).status == BlacklistStatus.RETURNED


def test_the_public_blacklist_shows_the_listed_enterprises_only(client, host_a, host_b, admin_a, outsider,
                                                                education_reviewer, school_admin):
    listed = f.blacklisting(host_a, education_reviewer, status=BlacklistStatus.LISTED)
    f.blacklisting(host_b, school_admin, status=BlacklistStatus.PROPOSED)
    client.force_login(outsider)  # an individual: the page is public, the API needs a session or a key
    rows = client.get(f"{API}/blacklist/public/").json()["results"]
    assert rows == [{"enterprise_name": host_a.name, "enterprise_credit_code": host_a.credit_code,
                     "reason": "complaints", "reason_display": listed.get_reason_display(),
                     "listed_on": timezone.localdate(listed.listed_at).isoformat()}]
    client.logout()
    # the listed enterprise itself reads it too, with a key
    assert len(client.get(f"{API}/blacklist/public/", **auth(token_for(admin_a))).json()["results"]) == 1
    assert client.get(f"{API}/blacklist/public/").status_code == 401
    no_scope = client.get(f"{API}/blacklist/public/", **auth(token_for(admin_a, scopes=["traineeships:read"])))
    assert no_scope.status_code == 403 and no_scope.json()["code"] == "scope_missing"
