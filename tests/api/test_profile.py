"""单位信息与认证 through /api/v1/organisation/ (PUT, 保存) and organisation/verification/ (the state and history,
保存并提交认证, 撤回): the profile page's form, services and permissions; JSON or multipart with the 营业执照."""

import pytest
from django.test.client import BOUNDARY, MULTIPART_CONTENT, encode_multipart

from organisations.models import Role, VerificationStatus
from reviews import services as review_services
from reviews.models import Decision, Review
from tests import factories
from tests.api.keys import auth, token_for
from tests.attachments.files import png_upload

pytestmark = pytest.mark.django_db
OWN = "/api/v1/organisation/"
VERIFICATION = "/api/v1/organisation/verification/"


@pytest.fixture
def fresh(db):
    return factories.OrganisationFactory(
        name="新注册科技有限公司", region=None, address="", contact_person="", contact_phone="", introduction="",
        verification_status=VerificationStatus.UNVERIFIED,
    )


@pytest.fixture
def fresh_admin(fresh):
    return factories.org_admin(fresh, username="fresh_admin")


def full_profile(organisation, **overrides):
    return {"name": organisation.name, "credit_code": organisation.credit_code, "legal_representative": "王建国",
            "region": "410105", "address": "郑州市金水区花园路 8 号", "contact_person": "李联系",
            "contact_phone": "0371-55556666", "website": "", "introduction": "从事电子产品研发。", **overrides}


def headers(user, scopes=None, **extra):
    return {**auth(token_for(user, scopes=scopes)), **extra}


def etag(client, user):
    return client.get(OWN, **headers(user))["ETag"]


def test_the_profile_is_saved_under_if_match(client, fresh, fresh_admin):
    body = full_profile(fresh)
    missing = client.put(OWN, body, content_type="application/json", **headers(fresh_admin))
    assert (missing.status_code, missing.json()["code"]) == (428, "if_match_required")
    tag = etag(client, fresh_admin)
    saved = client.put(OWN, body, content_type="application/json", **headers(fresh_admin, HTTP_IF_MATCH=tag))
    assert saved.status_code == 200, saved.json()
    assert (saved.json()["region_id"], saved.json()["contact_person"], saved.json()["verification_status"]) == (
        "410105", "李联系", "unverified")
    assert saved["ETag"] != tag
    stale = client.put(OWN, full_profile(fresh, contact_person="王"), content_type="application/json",
                       **headers(fresh_admin, HTTP_IF_MATCH=tag))
    assert (stale.status_code, stale.json()["code"]) == (412, "precondition_failed")
    fresh.refresh_from_db()
    assert fresh.contact_person == "李联系" and not Review.objects.exists()


def test_the_form_refuses_what_the_page_refuses(client, fresh, fresh_admin, enterprise_a):
    tag = etag(client, fresh_admin)
    for field, value in (("credit_code", "123"), ("credit_code", enterprise_a.credit_code), ("website", "不是网址"),
                         ("region", "999999"), ("name", "")):
        response = client.put(OWN, full_profile(fresh, **{field: value}), content_type="application/json",
                              **headers(fresh_admin, HTTP_IF_MATCH=tag))
        assert (response.status_code, response.json()["field"]) == (400, field), (field, value)
    not_an_object = client.put(OWN, [1], content_type="application/json", **headers(fresh_admin, HTTP_IF_MATCH=tag))
    assert not_an_object.status_code == 400


def test_a_verified_unit_keeps_its_name(client, enterprise_a, admin_a):
    response = client.put(OWN, full_profile(enterprise_a, name="改名公司", contact_person="新联系人"),
                          content_type="application/json", **headers(admin_a, HTTP_IF_MATCH="*"))
    assert response.status_code == 200, response.json()
    assert (response.json()["name"], response.json()["contact_person"]) == ("甲企业有限公司", "新联系人")


def test_submit_with_the_licence_then_withdraw(client, fresh, fresh_admin, county_reviewer_a):
    state = client.get(VERIFICATION, **headers(fresh_admin)).json()
    assert (state["verification_status"], state["can_submit"], state["editable"], state["latest_review"]) == (
        "unverified", True, True, None)
    assert {row["field"] for row in state["missing"]} == {
        "region", "address", "contact_person", "contact_phone", "introduction", "business_licence"}
    submitted = client.post(VERIFICATION, {**full_profile(fresh), "business_licence": png_upload()},
                            **headers(fresh_admin, HTTP_IF_MATCH=etag(client, fresh_admin)))
    assert submitted.status_code == 201, submitted.json()
    body = submitted.json()
    assert (body["verification_status"], body["editable"], body["can_withdraw"], body["missing"]) == (
        "pending", False, True, [])
    assert body["business_licence"]["name"] == "营业执照.png"
    assert (body["latest_review"]["kind"], body["latest_review"]["status"]) == ("organisation_verification", "pending")
    assert [event["action"] for event in body["history"]] == ["submitted"]
    # Locked while the reviewers have it, as on screen.
    locked = client.put(OWN, full_profile(fresh, contact_person="改"), content_type="application/json",
                        **headers(fresh_admin, HTTP_IF_MATCH="*"))
    assert (locked.status_code, locked.json()["code"]) == (409, "conflict")
    withdrawn = client.post(f"{VERIFICATION}withdraw/", {"reason": "补充材料"}, content_type="application/json",
                            **headers(fresh_admin))
    assert withdrawn.status_code == 200, withdrawn.json()
    assert (withdrawn.json()["editable"], withdrawn.json()["can_withdraw"]) == (True, False)
    again = client.post(f"{VERIFICATION}withdraw/", {}, content_type="application/json", **headers(fresh_admin))
    assert (again.status_code, again.json()["message"]) == (409, "没有审核中的实名认证申请")
    # Resubmitted as JSON: the stored licence is kept.
    resubmitted = client.post(VERIFICATION, full_profile(fresh), content_type="application/json",
                              **headers(fresh_admin, HTTP_IF_MATCH=etag(client, fresh_admin)))
    assert (resubmitted.status_code, resubmitted.json()["verification_status"]) == (201, "pending")
    review = Review.objects.filter(status="pending").get()
    review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision=Decision.APPROVE)
    decided = client.post(f"{VERIFICATION}withdraw/", {}, content_type="application/json", **headers(fresh_admin))
    assert decided.status_code == 409
    fresh.refresh_from_db()
    assert fresh.verification_status == VerificationStatus.VERIFIED


def test_put_takes_the_licence_as_multipart(client, fresh, fresh_admin):
    data = encode_multipart(BOUNDARY, {**full_profile(fresh), "business_licence": png_upload("执照.png")})
    response = client.put(OWN, data, content_type=MULTIPART_CONTENT, **headers(fresh_admin, HTTP_IF_MATCH="*"))
    assert response.status_code == 200, response.json()
    fresh.refresh_from_db()
    assert fresh.business_licence.original_name == "执照.png"
    state = client.get(VERIFICATION, **headers(fresh_admin)).json()
    assert (state["business_licence"]["name"], state["missing"]) == ("执照.png", [])


def test_submit_refuses_what_the_page_refuses(client, fresh, fresh_admin, county_reviewer_a, admin_a):
    incomplete = client.post(VERIFICATION, full_profile(fresh, address=""), content_type="application/json",
                             **headers(fresh_admin, HTTP_IF_MATCH="*"))
    assert incomplete.status_code == 400
    assert {problem["field"] for problem in incomplete.json()["errors"]} == {"address", "business_licence"}
    fresh.refresh_from_db()
    assert fresh.region_id is None and not Review.objects.exists()  # nothing saved
    verified = client.post(VERIFICATION, full_profile(admin_a.organisation), content_type="application/json",
                           **headers(admin_a, HTTP_IF_MATCH="*"))
    assert (verified.status_code, verified.json()["message"]) == (400, "单位已通过实名认证，无需重复提交")
    government = client.post(VERIFICATION, full_profile(county_reviewer_a.organisation),
                             content_type="application/json", **headers(county_reviewer_a, HTTP_IF_MATCH="*"))
    assert (government.status_code, government.json()["message"]) == (400, "政府部门由平台开通，无需实名认证")


def test_who_may_edit_and_submit(client, fresh, fresh_admin, admin_a, staff_manager_a, outsider):
    clerk = factories.UserFactory(organisation=fresh, username="clerk")
    clerk.roles.add(Role.objects.create(organisation=fresh, name="资料员",
                                        permissions=["organisations.manage_profile"]))
    submit = client.post(VERIFICATION, {**full_profile(fresh), "business_licence": png_upload()},
                         **headers(clerk, HTTP_IF_MATCH="*"))
    assert (submit.status_code, submit.json()["message"]) == (403, "您没有提交申报的权限，请联系单位管理员提交实名认证")
    assert not Review.objects.exists()
    assert client.put(OWN, full_profile(fresh), content_type="application/json",
                      **headers(clerk, HTTP_IF_MATCH="*")).status_code == 200
    for url in (OWN, VERIFICATION):
        assert client.get(url, **headers(staff_manager_a)).status_code == 403
    assert client.put(OWN, full_profile(staff_manager_a.organisation), content_type="application/json",
                      **headers(staff_manager_a, HTTP_IF_MATCH="*")).status_code == 403
    no_scope = client.put(OWN, full_profile(fresh), content_type="application/json",
                          **headers(fresh_admin, scopes=["organisations:read"], HTTP_IF_MATCH="*"))
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")
    client.force_login(outsider)
    assert client.get(VERIFICATION).status_code == 403


def test_a_units_verification_history_for_its_departments(client, fresh, fresh_admin, county_reviewer_a,
                                                          county_reviewer_b, admin_a):
    client.post(VERIFICATION, {**full_profile(fresh), "business_licence": png_upload()},
                **headers(fresh_admin, HTTP_IF_MATCH="*"))
    review = Review.objects.get()
    review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision=Decision.RETURN, reason="不清晰")
    url = f"/api/v1/organisations/{fresh.pk}/verification/"
    body = client.get(url, **headers(county_reviewer_a)).json()
    assert (body["latest_review"]["id"], body["latest_review"]["status"]) == (review.pk, "returned")
    assert [(event["action"], event["reason"]) for event in body["history"]] == [
        ("submitted", ""), ("returned", "不清晰")]
    assert client.get(url, **headers(fresh_admin)).status_code == 200
    for user in (county_reviewer_b, admin_a):
        assert client.get(url, **headers(user)).status_code == 404
