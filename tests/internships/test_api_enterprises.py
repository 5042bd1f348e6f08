"""An enterprise's record (企业档案) and the registry (企业登记信息库) through the API: the record as the screen shows
it, following the pool (a school sees the enterprises of its pool and those it recommended, not another school's);
the registry's filters (a malformed one is a 400) for the education departments only."""

import pytest

from internships.models import BlacklistStatus, RegistryRecord
from tests.api.keys import auth, token_for
from tests.internships import factories as f
from tests.internships.test_entry import pool_world  # noqa: F401 (a fixture)

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"


def test_the_record_as_on_screen(client, host_a, admin_a, school, school_admin, education_reviewer):
    f.position(host_a, admin_a)
    f.position(host_a, admin_a, status="draft", title="草稿岗位")
    f.blacklisting(host_a, education_reviewer, status=BlacklistStatus.PROPOSED)
    for user in (admin_a, school_admin, education_reviewer):
        response = client.get(f"{API}/enterprises/{host_a.pk}/", **auth(token_for(user)))
        assert response.status_code == 200 and response["ETag"]
        body = response.json()
        assert (body["id"], body["name"], body["credit_code"], body["admission_status"], body["blacklisted"],
                body["positions_total"], body["positions_published"], body["staff_on_duty"]) == (
            host_a.pk, host_a.name, host_a.credit_code, "admitted", False, 2, 1, 200)
        assert [row["school_name"] for row in body["recommenders"]] == [school.name]
        assert [(row["status"], row["proposing_organisation_name"]) for row in body["blacklistings"]] == [
            ("proposed", education_reviewer.organisation.name)]


def test_the_record_follows_the_pool(client, school_admin, school_b_admin, pool_world):  # noqa: F811
    key = auth(token_for(school_admin))
    for name, status in (("mine", 200), ("admitted", 200), ("listed_mine", 200), ("theirs", 404), ("pending", 404),
                         ("listed", 404)):
        response = client.get(f"{API}/enterprises/{pool_world[name].pk}/", **key)
        assert response.status_code == status, name
    assert client.get(f"{API}/enterprises/{pool_world['theirs'].pk}/",
                      **auth(token_for(school_b_admin))).status_code == 200
    assert client.get(f"{API}/enterprises/999999/", **key).status_code == 404


def test_others_do_not_see_the_record(client, host_a, admin_b, education_other_reviewer, county_reviewer_a,
                                      student):
    for user in (admin_b, education_other_reviewer, county_reviewer_a):
        assert client.get(f"{API}/enterprises/{host_a.pk}/", **auth(token_for(user))).status_code == 404
    client.force_login(student)
    assert client.get(f"{API}/enterprises/{host_a.pk}/").status_code == 404


def test_the_registry_and_its_filters(client, education_reviewer):
    RegistryRecord.objects.create(credit_code="91410100MA44AAAA0A", name="郑州甲机械有限公司",
                                  legal_representative="王一")
    RegistryRecord.objects.create(credit_code="91410100MA44BBBB0B", name="郑州乙电子有限公司",
                                  legal_representative="李二", standing="revoked")
    key = auth(token_for(education_reviewer))

    def names(query=""):
        response = client.get(f"{API}/registry/{query}", **key)
        assert response.status_code == 200, response.json()
        return sorted(row["name"] for row in response.json()["results"])

    assert names() == ["郑州乙电子有限公司", "郑州甲机械有限公司"]
    assert names("?q=机械") == ["郑州甲机械有限公司"]
    assert names("?q=91410100ma44bbbb") == ["郑州乙电子有限公司"]
    assert names("?standing=revoked") == ["郑州乙电子有限公司"]
    refused = client.get(f"{API}/registry/?standing=nonsense", **key)
    assert (refused.status_code, refused.json()["field"], refused.json()["message"]) == (
        400, "standing", "请选择列表中的登记状态")


@pytest.mark.parametrize("persona", ["admin_a", "school_admin", "county_reviewer_a"])
def test_the_registry_is_the_education_departments(client, request, persona):
    assert client.get(f"{API}/registry/", **auth(token_for(request.getfixturevalue(persona)))).status_code == 403
