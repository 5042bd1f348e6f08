"""学徒制培训备案 through /api/v1/apprenticeships/ with keys: the whole filing (承诺书 and type, the tabs under
If-Match, people, materials, submission), the county reading it, 撤回 and 删除, the printed 备案表, and who may not
do each of them (other enterprise, other county, a sub-admin without the filing permission, the wrong state, a key
without the scope)."""

import pytest

from apprenticeships.models import Filing, FilingStatus, Trainee
from apprenticeships.rules import COMMITMENT_VERSION, MATERIALS
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from tests import factories
from tests.api.keys import auth, token_for
from tests.attachments.files import pdf_bytes, upload

pytestmark = pytest.mark.django_db
API = "/api/v1/apprenticeships"
JSON = "application/json"


def _id(seq):
    return factories.make_id_number("19990307", seq=seq)


CLASS = {"occupation": "电工", "occupation_code": "6-31-01-03", "target_level": "senior", "starts_on": "2027-01-04",
         "ends_on": "2028-01-03", "hours": 400, "mode": "on_the_job", "extension_reason": ""}
TEACHER = {"name": "李导师", "id_number": _id(11), "kind": "mentor", "qualification": "高级技师",
           "certificate_number": "Z12345", "mobile": ""}
TRAINEE = {"name": "钱学徒", "id_number": _id(501), "mobile": "13912345678", "education": "senior",
           "hired_on": "2026-09-01", "contract_starts_on": "2026-09-01", "contract_ends_on": "2029-08-31",
           "monthly_wage": "4200", "school": None, "school_name": ""}


def _ok(response, status=200):
    assert response.status_code == status, response.content.decode()
    return response


def test_an_enterprise_files_through_the_api_and_the_county_reads_it(client, admin_a, enterprise_a, institution,
                                                                     county_reviewer_a, city_reviewer):
    headers = auth(token_for(admin_a, scopes=["apprenticeships:read", "apprenticeships:write"]))
    created = _ok(client.post(f"{API}/filings/new/", {"accept": True, "apprenticeship_type": "enterprise"},
                              content_type=JSON, **headers), 201)
    filing = Filing.objects.get(pk=created.json()["id"])
    assert (filing.status, filing.commitment_version, filing.commitment_accepted_by) == (
        FilingStatus.DRAFT, COMMITMENT_VERSION, admin_a)
    assert created.json()["submission_problems"][0] == "培训机构情况：请选择合作培训机构或填写其他培训机构名称并保存"
    base = f"{API}/filings/{filing.pk}"

    etag = created["ETag"]
    saved = _ok(client.put(f"{base}/info/", {"apprenticeship_type": "enterprise", "contact_name": "李联系",
                                             "contact_phone": "0371-66668888"},
                           content_type=JSON, HTTP_IF_MATCH=etag, **headers))
    assert saved.json()["contact_name"] == "李联系"
    saved = _ok(client.put(f"{base}/institution/", {"institution": institution.pk, "other_institution_name": ""},
                           content_type=JSON, HTTP_IF_MATCH=saved["ETag"], **headers))
    assert saved.json()["institution_name"] == institution.name
    saved = _ok(client.put(f"{base}/class/", CLASS, content_type=JSON, HTTP_IF_MATCH=saved["ETag"], **headers))
    assert saved.json()["training_class"]["hours"] == 400
    assert saved.json()["training_class"]["target_level_display"] == "高级工（三级）"

    teacher = _ok(client.post(f"{base}/teachers/new/", TEACHER, content_type=JSON, **headers), 201).json()
    trainee = _ok(client.post(f"{base}/trainees/new/", TRAINEE, content_type=JSON, **headers), 201).json()
    assert (trainee["name"], trainee["id_number"], trainee["monthly_wage"]) == ("钱学徒", _id(501), "4200.00")
    _ok(client.post(f"{base}/courses/new/", {"name": "电工基础", "hours": 40, "delivery": "offline",
                                             "teacher": teacher["id"]}, content_type=JSON, **headers), 201)
    for code, _label in MATERIALS["enterprise"]:
        _ok(client.post(f"{base}/materials/", {"material": code,
                                               "file": upload(f"{code}.pdf", pdf_bytes(), "application/pdf")},
                        **headers))
    detail = _ok(client.get(f"{base}/", **headers))
    assert detail.json()["submission_problems"] == []
    assert [(item["code"], item["attachment_id"] is not None) for item in detail.json()["materials"]] == [
        ("plan", True), ("contracts", True), ("agreement", True)]
    assert (detail.json()["teacher_count"], detail.json()["trainee_count"], detail.json()["course_count"]) == (1, 1, 1)

    submitted = _ok(client.post(f"{base}/submit/", content_type=JSON, HTTP_IF_MATCH=detail["ETag"], **headers))
    assert submitted.json()["status"] == FilingStatus.SUBMITTED
    assert latest_review_for(filing).status == ReviewStatus.PENDING
    assert Trainee.objects.get(pk=trainee["id"]).holds_place is True

    county = auth(token_for(county_reviewer_a))
    assert _ok(client.get(f"{base}/", **county)).json()["status"] == FilingStatus.SUBMITTED
    listed = _ok(client.get(f"{API}/hr/filings/", {"status": "submitted"}, **county)).json()
    assert [row["number"] for row in listed["results"]] == [filing.number]
    refused = client.post(f"{base}/withdraw/", {}, content_type=JSON, **county)
    assert refused.status_code == 403  # the county reads the filing but does not file it

    withdrawn = _ok(client.post(f"{base}/withdraw/", {"reason": "补充材料"}, content_type=JSON, **headers))
    assert withdrawn.json()["status"] == FilingStatus.DRAFT
    assert Trainee.objects.get(pk=trainee["id"]).holds_place is False
    deleted = client.post(f"{base}/delete/", content_type=JSON, **headers)
    assert deleted.status_code == 409  # once submitted, its review history stays
    assert deleted.json()["message"] == "该备案已提交过审核，审核记录须保留，不能删除；可修改后重新提交"


def test_a_stale_or_missing_etag_cannot_overwrite(client, admin_a, draft_a):
    headers = auth(token_for(admin_a))
    base = f"{API}/filings/{draft_a.pk}"
    stale = client.get(f"{base}/", **headers)["ETag"]
    body = {"apprenticeship_type": "enterprise", "contact_name": "新联系人", "contact_phone": "0371-66668888"}
    _ok(client.put(f"{base}/info/", body, content_type=JSON, HTTP_IF_MATCH=stale, **headers))
    again = client.put(f"{base}/info/", {**body, "contact_name": "覆盖者"}, content_type=JSON, HTTP_IF_MATCH=stale,
                       **headers)
    assert again.status_code == 412 and again.json()["code"] == "precondition_failed"
    assert client.put(f"{base}/info/", body, content_type=JSON, **headers).status_code == 428
    assert Filing.objects.get(pk=draft_a.pk).contact_name == "新联系人"


def test_the_screens_rules_come_back_field_by_field(client, admin_a, draft_a, enterprise_a):
    headers = auth(token_for(admin_a))
    base = f"{API}/filings/{draft_a.pk}"
    response = client.put(f"{base}/class/", {**CLASS, "ends_on": "2026-12-01", "hours": 0}, content_type=JSON,
                          HTTP_IF_MATCH=client.get(f"{base}/", **headers)["ETag"], **headers)
    assert response.status_code == 400 and response.json()["code"] == "invalid"
    assert ("hours", "培训总课时应大于 0") in {(error["field"], error["message"])
                                              for error in response.json()["errors"]}
    created = client.post(f"{API}/filings/new/", {"apprenticeship_type": "student"}, content_type=JSON, **headers)
    assert created.status_code == 400
    assert {(error["field"], error["message"]) for error in created.json()["errors"]} == {
        ("accept", "请勾选确认承诺书后继续")}
    recognised = client.post(f"{API}/filings/new/", {"accept": True, "apprenticeship_type": "student"},
                             content_type=JSON, **headers)
    assert recognised.status_code == 400 and recognised.json()["field"] == "apprenticeship_type"
    assert Filing.objects.filter(organisation=enterprise_a).count() == 1


def test_submission_lists_every_missing_item(client, admin_a, enterprise_a):
    headers = auth(token_for(admin_a))
    created = _ok(client.post(f"{API}/filings/new/", {"accept": True, "apprenticeship_type": "enterprise"},
                              content_type=JSON, **headers), 201)
    response = client.post(f"{API}/filings/{created.json()['id']}/submit/", content_type=JSON,
                           HTTP_IF_MATCH=created["ETag"], **headers)
    assert response.status_code == 400
    assert [error["message"] for error in response.json()["errors"]] == created.json()["submission_problems"]
    assert Filing.objects.get(pk=created.json()["id"]).status == FilingStatus.DRAFT


def test_who_may_not(client, admin_a, admin_b, claimer_a, county_reviewer_b, draft_a, filing_a):
    body = {"apprenticeship_type": "enterprise", "contact_name": "某人", "contact_phone": "0371-66668888"}
    draft = f"{API}/filings/{draft_a.pk}"
    # another enterprise and another county do not see it; the claim-only sub-admin sees it but may not file
    assert client.get(f"{draft}/", **auth(token_for(admin_b))).status_code == 404
    assert client.get(f"{API}/filings/{filing_a.pk}/", **auth(token_for(county_reviewer_b))).status_code == 404
    claimer = auth(token_for(claimer_a))
    assert client.get(f"{draft}/", **claimer).status_code == 200
    assert client.put(f"{draft}/info/", body, content_type=JSON, HTTP_IF_MATCH="*", **claimer).status_code == 403
    assert client.get(f"{API}/filings/", **claimer).status_code == 403
    assert client.post(f"{API}/filings/new/", {"accept": True, "apprenticeship_type": "enterprise"},
                       content_type=JSON, **claimer).status_code == 403
    # the wrong state: an approved filing is not edited, submitted, withdrawn undecided or deleted
    owner = auth(token_for(admin_a))
    approved = f"{API}/filings/{filing_a.pk}"
    edited = client.put(f"{approved}/info/", body, content_type=JSON, HTTP_IF_MATCH="*", **owner)
    assert edited.status_code == 409 and edited.json()["message"] == "备案当前状态为“审核通过”，不能修改"
    assert client.post(f"{approved}/submit/", content_type=JSON, HTTP_IF_MATCH="*", **owner).status_code == 409
    assert client.post(f"{approved}/delete/", content_type=JSON, **owner).status_code == 409
    assert client.post(f"{approved}/teachers/new/", TEACHER, content_type=JSON, **owner).status_code == 409
    # a draft is not printed
    assert client.get(f"{draft}/print.pdf", **owner).status_code == 409
    # a key without the write scope
    read_only = auth(token_for(admin_a, scopes=["apprenticeships:read"]))
    refused = client.put(f"{draft}/info/", body, content_type=JSON, HTTP_IF_MATCH="*", **read_only)
    assert refused.status_code == 403 and refused.json()["code"] == "scope_missing"
    assert Filing.objects.get(pk=draft_a.pk).contact_name != "某人"


def test_the_approved_filing_prints_and_its_trainees_are_masked_for_who_may_not_see_them(
        client, admin_a, claimer_a, institution_admin, filing_a):
    response = _ok(client.get(f"{API}/filings/{filing_a.pk}/print.pdf", **auth(token_for(institution_admin))))
    assert response["Content-Type"] == "application/pdf" and response.content.startswith(b"%PDF")
    trainee = filing_a.trainees.order_by("id").first()
    full = _ok(client.get(f"{API}/filings/{filing_a.pk}/trainees/", **auth(token_for(admin_a)))).json()
    masked = _ok(client.get(f"{API}/filings/{filing_a.pk}/trainees/", **auth(token_for(claimer_a)))).json()
    assert full["results"][-1]["id_number"] == trainee.id_number
    assert masked["results"][-1]["id_number"] != trainee.id_number
    assert masked["results"][-1]["id_number"][:3] == trainee.id_number[:3] and "*" in masked["results"][-1]["id_number"]


def test_a_row_is_edited_under_if_match_and_deleted(client, admin_a, draft_a):
    headers = auth(token_for(admin_a))
    trainee = draft_a.trainees.order_by("id").first()
    url = f"{API}/people/trainees/{trainee.pk}/"
    listed = _ok(client.get(f"{API}/filings/{draft_a.pk}/trainees/", **headers))
    assert [row["id"] for row in listed.json()["results"]] == sorted(
        draft_a.trainees.values_list("id", flat=True), reverse=True)
    other = _ok(client.post(f"{API}/filings/{draft_a.pk}/trainees/new/", TRAINEE, content_type=JSON,
                            **headers), 201)
    body = {**TRAINEE, "name": trainee.name, "id_number": trainee.id_number, "mobile": "13700001234"}
    stale = client.put(url, body, content_type=JSON, HTTP_IF_MATCH=other["ETag"], **headers)
    assert stale.status_code == 412  # the ETag of another row is not this row's
    assert client.put(url, body, content_type=JSON, **headers).status_code == 428
    current = client.put(url, body, content_type=JSON, HTTP_IF_MATCH="*", **headers)
    assert _ok(current).json()["mobile"] == "13700001234"
    assert client.post(f"{API}/people/trainees/{trainee.pk}/delete/", content_type=JSON, **headers).status_code == 204
    assert not Trainee.objects.filter(pk=trainee.pk).exists()
