"""审核与申报 through /api/v1/reviews/: the inbox and submissions, one review, decisions with the review kind's
programme scope, withdrawal and revocation, with the screen's refusals."""

import pytest

from reviews.models import ReviewStatus, StepStatus
from reviews.selectors import latest_review_for
from tests.api.keys import auth, token_for
from tests.traineeships.helpers import submitted_base

pytestmark = pytest.mark.django_db
REVIEWS = "/api/v1/reviews/"


@pytest.fixture
def review(enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    """Enterprise A's 见习基地申请, waiting for its county (then its city)."""
    return latest_review_for(submitted_base(enterprise_a, admin_a))


def decide(client, user, review, scopes=None, **body):
    return client.post(f"{REVIEWS}{review.pk}/decide/", body, content_type="application/json",
                       **auth(token_for(user, scopes=scopes)))


def test_the_county_finds_the_review_in_its_inbox_and_approves_it(client, review, county_reviewer_a):
    headers = auth(token_for(county_reviewer_a, scopes=["traineeships:read", "traineeships:review"]))
    inbox = client.get(f"{REVIEWS}inbox/", **headers)
    assert inbox.status_code == 200
    [row] = inbox.json()["results"]
    assert (row["review"]["id"], row["review"]["status"], row["step"]["level"], row["step"]["status"]) == (
        review.pk, "pending", "county", "pending")
    assert row["review"]["kind_label"] == "就业见习基地申请"
    detail = client.get(f"{REVIEWS}{review.pk}/", **headers).json()
    assert detail["available_actions"] == ["approve", "reject", "return"]
    assert detail["current_step_id"] == row["step"]["id"]
    assert [event["action"] for event in detail["history"]] == ["submitted"]

    response = client.post(f"{REVIEWS}{review.pk}/decide/", {"decision": "approve"}, content_type="application/json",
                           **headers)
    assert response.status_code == 200, response.json()
    body = response.json()
    assert body["status"] == "pending"
    assert [step["status"] for step in body["steps"]] == ["approved", "pending"]
    assert body["steps"][0]["decided_by_name"] == "金水审核员"
    assert body["available_actions"] == ["revoke"]
    assert client.get(f"{REVIEWS}inbox/", **headers).json()["results"] == []
    decided = client.get(f"{REVIEWS}inbox/?status=decided", **headers).json()["results"]
    assert [row["review"]["id"] for row in decided] == [review.pk]


def test_the_city_then_approves_and_the_submitter_sees_it_finished(client, review, admin_a, county_reviewer_a,
                                                                   city_reviewer):
    assert decide(client, county_reviewer_a, review, decision="approve").status_code == 200
    assert decide(client, city_reviewer, review, decision="approve").json()["status"] == "approved"
    mine = client.get(f"{REVIEWS}submissions/", **auth(token_for(admin_a))).json()["results"]
    assert [(row["id"], row["status"], row["current_step"]) for row in mine] == [(review.pk, "approved", None)]


def test_someone_else_was_faster_is_a_409(client, review, county_reviewer_a):
    step_id = review.steps.order_by("position").first().pk
    assert decide(client, county_reviewer_a, review, decision="approve", step_id=step_id).status_code == 200
    response = decide(client, county_reviewer_a, review, decision="reject", reason="重复", step_id=step_id)
    assert response.status_code == 409
    assert response.json()["code"] == "conflict"
    assert response.json()["message"] == "该环节已由他人处理，请刷新页面查看最新结果"


def test_the_higher_level_waits_for_the_lower_one(client, review, city_reviewer):
    response = decide(client, city_reviewer, review, decision="approve")
    assert response.status_code == 403
    assert latest_review_for(review.subject).steps.order_by("position").first().status == StepStatus.PENDING


def test_a_rejection_needs_a_reason(client, review, county_reviewer_a):
    response = decide(client, county_reviewer_a, review, decision="reject")
    assert response.status_code == 400
    assert (response.json()["field"], response.json()["message"]) == ("reason", "不通过或退回修改时必须填写审核意见")
    assert decide(client, county_reviewer_a, review, decision="maybe").json()["field"] == "decision"


def test_other_regions_and_authorities_do_not_see_the_review(client, review, county_reviewer_b, education_reviewer,
                                                             admin_b):
    for user in (county_reviewer_b, education_reviewer, admin_b):
        assert decide(client, user, review, decision="approve").status_code == 404
        assert client.get(f"{REVIEWS}{review.pk}/", **auth(token_for(user))).status_code == 404
    assert client.get(f"{REVIEWS}inbox/", **auth(token_for(county_reviewer_b))).json()["results"] == []
    assert client.get(f"{REVIEWS}submissions/", **auth(token_for(admin_b))).json()["results"] == []


def test_a_decision_needs_the_programmes_review_scope(client, review, county_reviewer_a):
    response = decide(client, county_reviewer_a, review, scopes=["traineeships:read", "traineeships:write",
                                                                 "organisations:review"], decision="approve")
    assert (response.status_code, response.json()["code"]) == (403, "scope_missing")
    assert "traineeships:review" in response.json()["message"]
    assert latest_review_for(review.subject).status == ReviewStatus.PENDING
    reading = client.get(f"{REVIEWS}{review.pk}/", **auth(token_for(county_reviewer_a, scopes=["organisations:read"])))
    assert (reading.status_code, reading.json()["code"]) == (403, "scope_missing")


def test_the_unit_withdraws_before_any_decision(client, review, admin_a, staff_manager_a):
    url = f"{REVIEWS}{review.pk}/withdraw/"
    no_scope = client.post(url, {}, content_type="application/json",
                           **auth(token_for(admin_a, scopes=["traineeships:read"])))
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")
    # A sub-admin without the programme's role does not even see the unit's traineeship reviews.
    assert client.post(url, {}, content_type="application/json",
                       **auth(token_for(staff_manager_a))).status_code == 404
    response = client.post(url, {"reason": "材料有误"}, content_type="application/json", **auth(token_for(admin_a)))
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "withdrawn"
    assert response.json()["history"][-1]["reason"] == "材料有误"
    again = client.post(url, {}, content_type="application/json", **auth(token_for(admin_a)))
    assert again.status_code == 409


def test_no_withdrawal_after_a_decision(client, review, admin_a, county_reviewer_a):
    decide(client, county_reviewer_a, review, decision="approve")
    response = client.post(f"{REVIEWS}{review.pk}/withdraw/", {}, content_type="application/json",
                           **auth(token_for(admin_a)))
    assert response.status_code == 409
    assert response.json()["message"] == "审核部门已作出审核，不能撤回"


def test_the_county_revokes_its_decision_until_the_city_decides(client, review, county_reviewer_a, city_reviewer,
                                                                admin_a):
    decide(client, county_reviewer_a, review, decision="approve")
    url = f"{REVIEWS}{review.pk}/revoke/"
    assert client.post(url, {}, content_type="application/json", **auth(token_for(admin_a))).status_code == 403
    no_scope = client.post(url, {}, content_type="application/json",
                           **auth(token_for(county_reviewer_a, scopes=["traineeships:write"])))
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")
    response = client.post(url, {"reason": "看错了"}, content_type="application/json",
                           **auth(token_for(county_reviewer_a)))
    assert response.status_code == 200, response.json()
    assert [step["status"] for step in response.json()["steps"]] == ["pending", "waiting"]
    decide(client, county_reviewer_a, review, decision="approve")
    decide(client, city_reviewer, review, decision="approve")
    late = client.post(url, {}, content_type="application/json", **auth(token_for(county_reviewer_a)))
    assert late.status_code == 409


def test_the_inbox_refuses_a_bad_filter_and_is_only_for_reviewers(client, review, county_reviewer_a,
                                                                 staff_manager_a, outsider):
    response = client.get(f"{REVIEWS}inbox/?month=2026-13", **auth(token_for(county_reviewer_a)))
    assert (response.status_code, response.json()["field"]) == (400, "month")
    assert client.get(f"{REVIEWS}inbox/?kind=traineeship_base", **auth(token_for(county_reviewer_a))).json()[
        "results"][0]["review"]["id"] == review.pk
    assert client.get(f"{REVIEWS}inbox/", **auth(token_for(staff_manager_a))).status_code == 403
    client.force_login(outsider)
    assert client.get(f"{REVIEWS}inbox/").status_code == 403
