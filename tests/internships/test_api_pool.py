"""The school's recommendations and its 实习企业库 through the API: 推荐录入新企业 (the activation code shown until
the enterprise activates), 推荐平台上已有的企业 (once, never a blacklisted one), the pool with the screen's filters;
the forms' and the services' refusals; everyone else refused."""

import datetime

import pytest

from internships.models import AdmissionStatus, SchoolRecommendation
from internships.selectors.enterprises import profile_of
from organisations.models import Organisation, Origin
from tests import factories
from tests.api.keys import auth, token_for
from tests.internships import factories as f
from tests.internships.test_entry import new_enterprise_data, pool_world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"


def test_the_school_recommends_a_new_enterprise(client, school, school_admin):
    key = auth(token_for(school_admin, scopes=["internships:read", "internships:write"]))
    data = new_enterprise_data()
    created = client.post(f"{API}/recommendations/new/", data, content_type="application/json", **key)
    assert created.status_code == 201, created.json()
    unit = Organisation.objects.get(credit_code=data["credit_code"])
    assert (unit.origin, unit.recommended_by, profile_of(unit).admission_status) == (
        Origin.PRE_REGISTERED, school, AdmissionStatus.ADMITTED)
    body = created.json()
    assert (body["enterprise_id"], body["enterprise_name"], body["platform_code"], body["activation_code"],
            body["activated"], body["blacklisted"], body["inspection_note"]) == (
        unit.pk, "郑州推荐机械有限公司", unit.platform_code, unit.activation_code, False, False,
        data["inspection_note"])
    Organisation.objects.filter(pk=unit.pk).update(activated_at=datetime.datetime.now(datetime.UTC))
    rows = client.get(f"{API}/recommendations/", **key).json()["results"]
    assert [(row["enterprise_id"], row["activation_code"], row["activated"]) for row in rows] == [
        (unit.pk, None, True)]


def test_recommend_new_refuses_a_known_code_and_bad_fields(client, school_admin, enterprise_b):
    key = auth(token_for(school_admin))
    refused = client.post(f"{API}/recommendations/new/",
                          new_enterprise_data(credit_code=enterprise_b.credit_code, kind="government"),
                          content_type="application/json", **key)
    assert refused.status_code == 400
    assert {problem["field"] for problem in refused.json()["errors"]} == {"credit_code", "kind"}
    no_note = client.post(f"{API}/recommendations/new/", new_enterprise_data(inspection_note=""),
                          content_type="application/json", **key)
    assert (no_note.status_code, no_note.json()["field"], no_note.json()["message"]) == (
        400, "inspection_note", "请填写实地考察情况")
    bad_region = client.post(f"{API}/recommendations/new/", new_enterprise_data(region="x"),
                             content_type="application/json", **key)
    assert (bad_region.status_code, bad_region.json()["field"]) == (400, "region")
    assert not SchoolRecommendation.objects.exists()


def test_the_school_recommends_an_existing_enterprise_once(client, school, school_admin, enterprise_b, admin_b):
    key = auth(token_for(school_admin))
    data = {"credit_code": enterprise_b.credit_code, "inspection_note": "已实地考察。"}
    created = client.post(f"{API}/recommendations/existing/", data, content_type="application/json", **key)
    assert created.status_code == 201, created.json()
    assert (created.json()["enterprise_id"], created.json()["activation_code"]) == (enterprise_b.pk, None)
    assert admin_b.notifications.filter(title__contains="推荐为实习单位").exists()
    again = client.post(f"{API}/recommendations/existing/", data, content_type="application/json", **key)
    assert again.status_code == 400 and "本校已推荐过该企业" in again.json()["message"]
    unknown = client.post(f"{API}/recommendations/existing/",
                          {"credit_code": factories.make_credit_code(), "inspection_note": "x"},
                          content_type="application/json", **key)
    assert (unknown.status_code, unknown.json()["field"]) == (400, "credit_code")
    malformed = client.post(f"{API}/recommendations/existing/", {"credit_code": "123", "inspection_note": "x"},
                            content_type="application/json", **key)
    assert (malformed.status_code, malformed.json()["field"]) == (400, "credit_code")
    assert SchoolRecommendation.objects.count() == 1


def test_a_blacklisted_enterprise_is_not_recommended(client, school_admin, enterprise_b):
    f.host_profile(enterprise_b, blacklisted=True)
    refused = client.post(f"{API}/recommendations/existing/",
                          {"credit_code": enterprise_b.credit_code, "inspection_note": "x"},
                          content_type="application/json", **auth(token_for(school_admin)))
    assert (refused.status_code, refused.json()["message"]) == (400, "该企业已被列入黑名单，不能推荐")
    assert not SchoolRecommendation.objects.exists()


def test_the_pool_and_its_filters(client, school_admin, school_b_admin, pool_world):  # noqa: F811
    key = auth(token_for(school_admin))

    def shown(query=""):
        response = client.get(f"{API}/pool/{query}", **key)
        assert response.status_code == 200, response.json()
        by_id = {row["id"]: row for row in response.json()["results"]}
        return {name for name, unit in pool_world.items() if unit.pk in by_id}, by_id

    names, rows = shown()
    assert names == {"mine", "admitted", "student"}
    admitted = rows[pool_world["admitted"].pk]
    assert (admitted["origin"], admitted["recommended_here"], admitted["published_positions"]) == (
        "self_registered", False, 1)
    assert rows[pool_world["mine"].pk]["recommended_here"] is True
    assert shown("?source=recommended")[0] == {"mine"}
    assert shown("?source=checked")[0] == {"admitted", "student"}
    assert shown("?with_positions=true")[0] == {"admitted"}
    assert shown("?q=学生推荐")[0] == {"student"}
    assert shown("?origin=student_recommended")[0] == {"student"}
    refused = client.get(f"{API}/pool/?source=<script>&origin=platform", **key)
    assert refused.status_code == 400
    assert {problem["field"] for problem in refused.json()["errors"]} == {"source", "origin"}
    theirs = client.get(f"{API}/pool/", **auth(token_for(school_b_admin))).json()["results"]
    assert pool_world["mine"].pk not in {row["id"] for row in theirs}
    mine = client.get(f"{API}/recommendations/", **key).json()["results"]
    assert {row["enterprise_id"] for row in mine} == {pool_world["mine"].pk, pool_world["listed_mine"].pk}
    assert {row["blacklisted"] for row in mine if row["enterprise_id"] == pool_world["listed_mine"].pk} == {True}


@pytest.mark.parametrize("persona", ["admin_a", "school_member", "education_reviewer"])
def test_only_schools_recommend(client, request, persona, enterprise_b, school_admin, admin_a):
    key = auth(token_for(request.getfixturevalue(persona)))
    for path in ("recommendations/", "pool/"):
        assert client.get(f"{API}/{path}", **key).status_code == 403
    for path in ("recommendations/new/", "recommendations/existing/"):
        response = client.post(f"{API}/{path}", {"credit_code": enterprise_b.credit_code, "inspection_note": "x"},
                               content_type="application/json", **key)
        assert response.status_code == 403
    assert not SchoolRecommendation.objects.exists()


def test_the_scope_and_the_student(client, school_admin, enterprise_b, student):
    reader = auth(token_for(school_admin, scopes=["internships:read"]))
    missing = client.post(f"{API}/recommendations/existing/",
                          {"credit_code": enterprise_b.credit_code, "inspection_note": "x"},
                          content_type="application/json", **reader)
    assert (missing.status_code, missing.json()["code"]) == (403, "scope_missing")
    client.force_login(student)
    assert client.get(f"{API}/pool/").status_code == 403
    assert not SchoolRecommendation.objects.exists()
