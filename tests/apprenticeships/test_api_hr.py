"""生态链企业认定 and 学徒制统计 through /api/v1/apprenticeships/hr/ with keys: the city adds (by credit code or
name), edits under If-Match and revokes its recognitions through the screen's forms and services; the province
reads them; the screen's filters, malformed ones refused (400); who may not (an enterprise, a county, a city user
without the permission, another city, a revoked one). 学徒制统计: the screen's figures exactly, for each level, and
its malformed filters refused."""

import datetime

import pytest

from apprenticeships.models import EcosystemRecognition, EcosystemRole
from apprenticeships.rules import RECOGNITION, REVIEW
from audit.models import AuditEntry
from tests import factories
from tests.api.keys import auth, token_for
from tests.apprenticeships import factories as ap
from tests.apprenticeships.test_hr import statistics_world  # noqa: F401 (the screen's small world, a fixture)

pytestmark = pytest.mark.django_db
API = "/api/v1/apprenticeships/hr"
JSON = "application/json"


def recognition_data(**overrides):
    return {"enterprise": "", "role": EcosystemRole.CHAIN_LEADER, "chain_name": "智能装备产业技能生态链",
            "valid_from": "2026-01-01", "valid_to": "2027-12-31", "source": "郑人社〔2026〕8号", **overrides}


@pytest.fixture
def recognition_a(enterprise_a):
    return ap.recognition(enterprise_a, factories.region("410100"))


def _only(city_hr, username, permission):
    """A sub-administrator of the city department holding one permission (its administrator issues the key)."""
    user = factories.UserFactory(organisation=city_hr, username=username)
    user.roles.add(city_hr.roles.create(name=username, permissions=[permission]))
    return user


# --- 生态链企业认定 -------------------------------------------------------------------------------------------------


def test_the_city_creates_a_recognition(client, city_reviewer, enterprise_a, enterprise_b):
    city = auth(token_for(city_reviewer))
    made = client.post(f"{API}/recognitions/new/", recognition_data(enterprise=enterprise_a.credit_code),
                       content_type=JSON, **city)
    assert made.status_code == 201, made.content.decode()
    data = made.json()
    assert (data["organisation"], data["organisation_name"], data["city_code"], data["role"], data["valid_to"],
            data["created_by_name"], data["revoked_at"], data["revoked_by_name"], data["editable"]) == (
        enterprise_a.pk, enterprise_a.name, "410100", "chain_leader", "2027-12-31", city_reviewer.real_name, None,
        None, True)
    log = AuditEntry.objects.get(action="apprenticeships.recognition_created")
    assert log.actor == city_reviewer and log.after["chain_name"] == "智能装备产业技能生态链"
    by_name = client.post(f"{API}/recognitions/new/", recognition_data(enterprise=enterprise_b.name,
                                                                       role=EcosystemRole.MEMBER),
                          content_type=JSON, **city)
    assert by_name.status_code == 201 and by_name.json()["organisation"] == enterprise_b.pk
    assert EcosystemRecognition.objects.count() == 2


def test_bad_recognitions_are_refused_on_their_fields(client, city_reviewer, enterprise_a):
    luoyang = factories.OrganisationFactory(name="洛阳某企业", region=factories.region("410302"))
    city = auth(token_for(city_reviewer))
    outside = client.post(f"{API}/recognitions/new/", recognition_data(enterprise=luoyang.name), content_type=JSON,
                          **city)
    assert outside.status_code == 400 and outside.json()["field"] == "enterprise"
    assert outside.json()["message"] == "本市没有名称或统一社会信用代码为“洛阳某企业”的企业"
    backwards = client.post(f"{API}/recognitions/new/", recognition_data(
        enterprise=enterprise_a.name, valid_from="2027-01-01", valid_to="2026-01-01"), content_type=JSON, **city)
    assert backwards.status_code == 400 and backwards.json()["field"] == "valid_to"
    assert backwards.json()["message"] == "有效期止不能早于有效期起"
    bad = client.post(f"{API}/recognitions/new/", recognition_data(enterprise=enterprise_a.name, role="boss",
                                                                   valid_from="2026-13-01"),
                      content_type=JSON, **city)
    assert bad.status_code == 400
    assert {error["field"] for error in bad.json()["errors"]} == {"role", "valid_from"}
    assert not EcosystemRecognition.objects.exists()


def test_edit_under_if_match_then_revoke(client, city_reviewer, enterprise_a, recognition_a):
    city = auth(token_for(city_reviewer))
    url = f"{API}/recognitions/{recognition_a.pk}/"
    read = client.get(url, **city)
    assert read.status_code == 200 and read.json()["editable"] is True
    body = recognition_data(enterprise=enterprise_a.name, role=EcosystemRole.MEMBER, valid_to="2026-12-31")
    assert client.put(url, body, content_type=JSON, **city).status_code == 428
    assert client.put(url, body, content_type=JSON, HTTP_IF_MATCH='"old"', **city).status_code == 412
    bad = client.put(url, {**body, "chain_name": ""}, content_type=JSON, HTTP_IF_MATCH=read["ETag"], **city)
    assert bad.status_code == 400 and bad.json()["field"] == "chain_name"
    saved = client.put(url, body, content_type=JSON, HTTP_IF_MATCH=read["ETag"], **city)
    assert saved.status_code == 200, saved.content.decode()
    assert (saved.json()["role"], saved.json()["valid_to"]) == ("member", "2026-12-31")
    assert saved["ETag"] != read["ETag"]
    assert client.put(url, body, content_type=JSON, HTTP_IF_MATCH=read["ETag"], **city).status_code == 412
    recognition_a.refresh_from_db()
    assert recognition_a.role == EcosystemRole.MEMBER and recognition_a.valid_to == datetime.date(2026, 12, 31)
    log = AuditEntry.objects.get(action="apprenticeships.recognition_updated")
    assert log.before["role"] == "chain_leader" and log.after["role"] == "member"

    revoke = f"{url}revoke/"
    empty = client.post(revoke, {"reason": ""}, content_type=JSON, **city)
    assert empty.status_code == 400 and empty.json()["field"] == "reason"
    revoked = client.post(revoke, {"reason": "企业退出生态链"}, content_type=JSON, **city)
    assert revoked.status_code == 200, revoked.content.decode()
    assert (revoked.json()["revoke_reason"], revoked.json()["revoked_by_name"], revoked.json()["editable"]) == (
        "企业退出生态链", city_reviewer.real_name, False)
    recognition_a.refresh_from_db()
    assert recognition_a.revoked_at is not None and recognition_a.revoked_by == city_reviewer
    # The wrong state: a revoked recognition can be neither edited nor revoked again.
    again = client.post(revoke, {"reason": "再次"}, content_type=JSON, **city)
    assert again.status_code == 409 and again.json()["message"] == "该认定已撤销"
    edit = client.put(url, body, content_type=JSON, HTTP_IF_MATCH=revoked["ETag"], **city)
    assert edit.status_code == 409 and edit.json()["message"] == "该认定已撤销，不能修改"
    assert AuditEntry.objects.filter(action="apprenticeships.recognition_revoked").count() == 1


def test_recognition_filters_and_malformed_values(client, city_reviewer, enterprise_a, enterprise_b,
                                                  recognition_a):
    member = ap.recognition(enterprise_b, factories.region("410100"), role=EcosystemRole.MEMBER,
                            valid_from=datetime.date(2025, 1, 1), valid_to=datetime.date(2025, 12, 31))
    city = auth(token_for(city_reviewer))

    def listed(query):
        response = client.get(f"{API}/recognitions/{query}", **city)
        assert response.status_code == 200, response.content.decode()
        return {row["id"] for row in response.json()["results"]}

    assert listed("") == {recognition_a.pk, member.pk}
    assert listed("?role=member") == {member.pk}
    assert listed("?valid_on=2026-06-01") == {recognition_a.pk}
    assert listed(f"?q={enterprise_b.credit_code}") == {member.pk}
    assert listed("?revoked=yes") == set()
    assert listed("?revoked=no") == {recognition_a.pk, member.pk}
    for query, field in (("?role=boss", "role"), ("?valid_on=2026-13-45", "valid_on"), ("?revoked=maybe", "revoked"),
                         ("?q=" + "x" * 65, "q")):
        response = client.get(f"{API}/recognitions/{query}", **city)
        assert response.status_code == 400 and response.json()["field"] == field, query


def test_the_province_reads_but_does_not_keep(client, province_reviewer, enterprise_a, recognition_a):
    province = auth(token_for(province_reviewer))
    rows = client.get(f"{API}/recognitions/", **province).json()["results"]
    assert [(row["id"], row["editable"]) for row in rows] == [(recognition_a.pk, False)]
    url = f"{API}/recognitions/{recognition_a.pk}/"
    assert client.get(url, **province).status_code == 200
    assert client.post(f"{API}/recognitions/new/", recognition_data(enterprise=enterprise_a.name),
                       content_type=JSON, **province).status_code == 403
    assert client.put(url, recognition_data(enterprise=enterprise_a.name), content_type=JSON, HTTP_IF_MATCH="*",
                      **province).status_code == 403
    assert client.post(f"{url}revoke/", {"reason": "x"}, content_type=JSON, **province).status_code == 403
    assert EcosystemRecognition.objects.get().revoked_at is None


def test_who_may_not_see_or_keep_recognitions(client, admin_a, county_reviewer_a, education_reviewer,
                                              other_city_reviewer, city_hr, city_reviewer, enterprise_a,
                                              recognition_a):
    url = f"{API}/recognitions/{recognition_a.pk}/"
    body = recognition_data(enterprise=enterprise_a.name)
    reviewer_only = _only(city_hr, "city_reviewer_only", REVIEW)
    for user in (admin_a, county_reviewer_a, education_reviewer, reviewer_only):
        key = auth(token_for(user))
        assert client.get(f"{API}/recognitions/", **key).status_code == 403, user
        assert client.get(url, **key).status_code == 403
        assert client.post(f"{API}/recognitions/new/", body, content_type=JSON, **key).status_code == 403
        assert client.put(url, body, content_type=JSON, HTTP_IF_MATCH="*", **key).status_code == 403
        assert client.post(f"{url}revoke/", {"reason": "x"}, content_type=JSON, **key).status_code == 403
    # Another city sees none of this city's recognitions and cannot name this city's enterprises.
    luoyang = auth(token_for(other_city_reviewer))
    assert client.get(f"{API}/recognitions/", **luoyang).json()["results"] == []
    assert client.get(url, **luoyang).status_code == 404
    assert client.put(url, body, content_type=JSON, HTTP_IF_MATCH="*", **luoyang).status_code == 404
    assert client.post(f"{url}revoke/", {"reason": "x"}, content_type=JSON, **luoyang).status_code == 404
    refused = client.post(f"{API}/recognitions/new/", body, content_type=JSON, **luoyang)
    assert refused.status_code == 400 and refused.json()["field"] == "enterprise"
    recognition_a.refresh_from_db()
    assert recognition_a.revoked_at is None and EcosystemRecognition.objects.count() == 1
    assert not AuditEntry.objects.filter(action__startswith="apprenticeships.").exists()
    # The permission alone is enough in the city department, as on screen.
    keeper = auth(token_for(_only(city_hr, "city_keeper", RECOGNITION)))
    assert client.get(url, **keeper).json()["editable"] is True


# --- 学徒制统计 ------------------------------------------------------------------------------------------------------


def test_statistics_as_on_screen(client, statistics_world, city_reviewer):  # noqa: F811
    city = auth(token_for(city_reviewer))
    response = client.get(f"{API}/statistics/?year=2026", **city)
    assert response.status_code == 200, response.content.decode()
    data = response.json()
    assert (data["region_code"], data["year"], data["month_from"], data["month_to"]) == ("410100", 2026, 1, 12)
    rows = {row["code"]: row for row in data["rows"]}
    jinshui, erqi = rows["410105"], rows["410103"]
    assert (jinshui["enrolled"], jinshui["lost"], jinshui["lost_rate"], jinshui["lost_rate_text"]) == (
        3, 1, "0.3333", "33.3%")
    assert (jinshui["claimed"], jinshui["approved"], jinshui["paid"]) == ("2400.00", "2400.00", "2400.00")
    assert (erqi["enrolled"], erqi["claimed"], erqi["approved"]) == (1, "2000.00", "0.00")
    assert (rows["410100"]["name"], rows["410100"]["lost_rate"]) == ("郑州市（市本级）", None)
    months = {row["name"]: row for row in data["months"]}
    assert len(months) == 12 and months["2026-03"]["enrolled"] == 3 and months["2026-06"]["paid"] == "2400.00"
    assert (data["total"]["enrolled"], data["total"]["lost"], data["total"]["claimed"]) == (4, 1, "4400.00")
    narrowed = client.get(f"{API}/statistics/?year=2026&month_from=5&month_to=6", **city).json()
    assert (narrowed["total"]["enrolled"], narrowed["total"]["claimed"], narrowed["total"]["approved"]) == (
        1, "2000.00", "2400.00")
    assert [row["name"] for row in narrowed["months"]] == ["2026-05", "2026-06"]


def test_statistics_of_each_level_and_region(client, statistics_world, county_reviewer_a,  # noqa: F811
                                             province_reviewer, other_city_reviewer):
    county = client.get(f"{API}/statistics/?year=2026", **auth(token_for(county_reviewer_a))).json()
    assert [(row["name"], row["enrolled"], row["lost"]) for row in county["rows"]] == [("金水区", 3, 1)]
    assert county["total"]["claimed"] == "2400.00"
    province = client.get(f"{API}/statistics/?year=2026", **auth(token_for(province_reviewer))).json()
    zhengzhou = next(row for row in province["rows"] if row["code"] == "410100")
    assert (zhengzhou["enrolled"], zhengzhou["claimed"]) == (4, "4400.00")
    # Another city's reviewer has its own region's figures: none of 郑州's.
    luoyang = client.get(f"{API}/statistics/?year=2026", **auth(token_for(other_city_reviewer))).json()
    assert luoyang["region_code"] == "410300"
    assert (luoyang["total"]["enrolled"], luoyang["total"]["claimed"]) == (0, "0.00")


def test_statistics_malformed_filters_and_who_may_not(client, statistics_world, city_reviewer,  # noqa: F811
                                                      admin_a, education_reviewer, city_hr):
    city = auth(token_for(city_reviewer))
    for query, field in (("?year=abc", "year"), ("?year=1999", "year"), ("?month_from=0", "month_from"),
                         ("?month_to=99", "month_to"), ("?month_from=9&month_to=3", "month_from")):
        response = client.get(f"{API}/statistics/{query}", **city)
        assert response.status_code == 400 and response.json()["field"] == field, query
    keeper = _only(city_hr, "city_keeper", RECOGNITION)
    for user in (admin_a, education_reviewer, keeper):
        assert client.get(f"{API}/statistics/?year=2026", **auth(token_for(user))).status_code == 403, user
