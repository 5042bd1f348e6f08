"""岗位查询 and the profiles through /api/v1/traineeships/: the unit's reviewed posts with who applied or marked one
感兴趣, 单位基本信息 and 见习人员基本信息 for the unit and the HR departments over it, identifiers masked by
permission, 404 for everyone else (tests/traineeships/test_profiles.py for the screens)."""

import pytest

from tests import factories
from tests.api.keys import auth, token_for
from tests.traineeships.helpers import create_post
from tests.traineeships.test_profiles import CONTACT_MOBILE
from traineeships.models import PostInterest

pytest_plugins = ["tests.traineeships.test_placements", "tests.traineeships.test_departures",
                  "tests.traineeships.test_profiles"]
pytestmark = pytest.mark.django_db
API = "/api/v1/traineeships"


@pytest.fixture
def clerk(county_hr_a):
    """A county reviewer without organisations.view_personal_data."""
    user = factories.UserFactory(organisation=county_hr_a, username="clerk")
    user.roles.add(county_hr_a.roles.create(name="见习审核员", permissions=["traineeships.review"]))
    return user


@pytest.fixture
def base_member(enterprise_a):
    """A sub-administrator of enterprise A with 见习基地管理 only (no personal data)."""
    user = factories.UserFactory(organisation=enterprise_a, username="base_member")
    user.roles.add(enterprise_a.roles.create(name="基地管理", permissions=["traineeships.manage_base"]))
    return user


def test_post_query_lists_the_reviewed_posts_and_their_people(client, admin_a, base_member, placement, admin_b):
    post = placement.post
    draft = create_post(placement.base.organisation, admin_a, title="未审核岗位")
    fan = factories.individual(real_name="李有意", mobile="13911112222")
    PostInterest.objects.create(person=fan, post=post)
    headers = auth(token_for(admin_a))
    listed = client.get(f"{API}/posts/query/", **headers)
    assert listed.status_code == 200 and [row["id"] for row in listed.json()["results"]] == [post.pk]
    people = client.get(f"{API}/posts/query/{post.pk}/people/", **headers)
    assert people.status_code == 200, people.json()
    body = people.json()
    assert body["post"]["id"] == post.pk
    (applicant,) = body["applications"]
    assert (applicant["person_name"], applicant["person_id_number"], applicant["status"]) == (
        "王见习", placement.person.id_number, "approved")
    (interest,) = body["interests"]
    assert (interest["person_name"], interest["person_mobile"]) == ("李有意", "13911112222")
    # Without the personal-data permission, masked as on screen.
    masked = client.get(f"{API}/posts/query/{post.pk}/people/", **auth(token_for(base_member))).json()
    assert masked["applications"][0]["person_id_number"] != placement.person.id_number
    assert masked["interests"][0]["person_mobile"] == "139****2222"
    # A post not yet reviewed is not on 岗位查询; another unit's post is 404; HR has no 岗位查询.
    assert client.get(f"{API}/posts/query/{draft.pk}/people/", **headers).status_code == 404
    assert client.get(f"{API}/posts/query/{post.pk}/people/", **auth(token_for(admin_b))).status_code == 404
    assert client.get(f"{API}/posts/query/", **auth(token_for(admin_b))).json()["results"] == []


@pytest.mark.parametrize("persona", ["county_reviewer_a", "city_reviewer"])
def test_reviewers_of_the_region_read_both_profiles(client, request, profiled, persona):
    headers = auth(token_for(request.getfixturevalue(persona)))
    organisation = profiled.base.organisation
    unit = client.get(f"{API}/units/{organisation.pk}/", **headers)
    assert unit.status_code == 200, unit.json()
    body = unit.json()
    assert (body["organisation_id"], body["name"], body["credit_code"], body["base_id"]) == (
        organisation.pk, organisation.name, organisation.credit_code, profiled.base_id)
    assert body["figures"] == {"posts": 1, "on_post": 1, "ended": 0, "retained": 0}
    assert body["major_demands"][0]["major"] == "会计"
    trainee = client.get(f"{API}/placements/{profiled.pk}/trainee/", **headers)
    assert trainee.status_code == 200, trainee.json()
    body = trainee.json()
    assert (body["placement_id"], body["name"], body["id_number"]) == (profiled.pk, "王见习",
                                                                       profiled.person.id_number)
    profile = body["profile"]
    assert (profile["kind_display"], profile["school"], profile["graduation_year"], profile["major"]) == (
        "高校毕业生", "郑州大学", 2025, "软件工程")
    assert (profile["contact_mobile"], profile["intended_post"]) == (CONTACT_MOBILE, "软件测试")
    assert profile["id_document_type_display"] == "" and profile["id_valid_from"] is None  # a graduate


def test_identifiers_are_masked_without_the_personal_data_permission(client, profiled, clerk):
    body = client.get(f"{API}/placements/{profiled.pk}/trainee/", **auth(token_for(clerk))).json()
    number = profiled.person.id_number
    assert body["id_number"] == f"{number[:4]}**********{number[-4:]}"
    assert body["profile"]["contact_mobile"] == "138****6666"


def test_a_trainee_without_a_profile(client, placement, county_reviewer_a):
    body = client.get(f"{API}/placements/{placement.pk}/trainee/", **auth(token_for(county_reviewer_a))).json()
    assert body["profile"] is None and body["name"] == placement.person.real_name


@pytest.mark.parametrize("persona", ["county_reviewer_b", "education_reviewer", "admin_b", "staff_manager_a"])
def test_others_get_404(client, request, profiled, persona):
    headers = auth(token_for(request.getfixturevalue(persona)))
    assert client.get(f"{API}/units/{profiled.base.organisation_id}/", **headers).status_code == 404
    assert client.get(f"{API}/placements/{profiled.pk}/trainee/", **headers).status_code == 404


def test_the_trainee_and_the_unit(client, profiled, admin_a):
    client.force_login(profiled.person)
    assert client.get(f"{API}/units/{profiled.base.organisation_id}/").status_code == 404
    assert client.get(f"{API}/placements/{profiled.pk}/trainee/").status_code == 404
    client.logout()
    headers = auth(token_for(admin_a))
    assert client.get(f"{API}/units/{profiled.base.organisation_id}/", **headers).status_code == 200
    assert client.get(f"{API}/placements/{profiled.pk}/trainee/", **headers).status_code == 200
    assert client.get(f"{API}/units/999999/", **headers).status_code == 404


def test_post_query_is_for_the_unit(client, county_reviewer_a, member_a, placement):
    for user in (county_reviewer_a, member_a):
        headers = auth(token_for(user))
        assert client.get(f"{API}/posts/query/", **headers).status_code == 403
        assert client.get(f"{API}/posts/query/{placement.post_id}/people/", **headers).status_code == 403
