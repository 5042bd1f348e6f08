"""实习地区设置 through the API: the defaults, the city's own setting saved under If-Match, the county inheriting
it and then saving its own; the form's refusals; everyone but the education departments' settings managers
refused."""

import pytest

from internships.models import RegionSetting
from tests.api.keys import auth, token_for
from tests.internships.test_entry import county_education, county_education_reviewer  # noqa: F401 (fixtures)

pytestmark = pytest.mark.django_db
URL = "/api/v1/internships/settings/"


def test_the_nearest_ancestor_applies_and_each_saves_its_own(client, education_reviewer,  # noqa: F811
                                                              county_education_reviewer):  # noqa: F811
    city = auth(token_for(education_reviewer, scopes=["internships:read", "internships:write"]))
    shown = client.get(URL, **city)
    assert shown.status_code == 200
    assert {key: shown.json()[key] for key in ("region", "position_review_required", "insurance_warning_days",
                                               "source", "source_region")} == {
        "region": "410100", "position_review_required": False, "insurance_warning_days": 15, "source": "default",
        "source_region": None}
    body = {"position_review_required": True, "insurance_warning_days": 30}
    assert client.put(URL, body, content_type="application/json", **city).status_code == 428
    saved = client.put(URL, body, content_type="application/json", HTTP_IF_MATCH=shown["ETag"], **city)
    assert saved.status_code == 200, saved.json()
    assert (saved.json()["source"], saved.json()["insurance_warning_days"]) == ("own", 30)
    stale = client.put(URL, body, content_type="application/json", HTTP_IF_MATCH=shown["ETag"], **city)
    assert stale.status_code == 412
    county = auth(token_for(county_education_reviewer))
    inherited = client.get(URL, **county)
    assert (inherited.json()["source"], inherited.json()["source_region"],
            inherited.json()["position_review_required"]) == ("inherited", "410100", True)
    own = client.put(URL, {"insurance_warning_days": 7}, content_type="application/json",
                     HTTP_IF_MATCH=inherited["ETag"], **county)
    assert own.status_code == 200
    assert (own.json()["source"], own.json()["position_review_required"], own.json()["insurance_warning_days"]) == (
        "own", False, 7)
    assert sorted(RegionSetting.objects.values_list("region_id", flat=True)) == ["410100", "410105"]


def test_bad_input_and_others_refused(client, request, education_reviewer):
    key = auth(token_for(education_reviewer))
    refused = client.put(URL, {"insurance_warning_days": 0}, content_type="application/json", HTTP_IF_MATCH="*",
                         **key)
    assert (refused.status_code, refused.json()["field"], refused.json()["message"]) == (
        400, "insurance_warning_days", "提醒天数至少为1天")
    for persona in ("school_admin", "county_reviewer_a", "admin_a"):
        other = auth(token_for(request.getfixturevalue(persona)))
        assert client.get(URL, **other).status_code == 403
        assert client.put(URL, {"insurance_warning_days": 9}, content_type="application/json", HTTP_IF_MATCH="*",
                          **other).status_code == 403
    assert not RegionSetting.objects.exists()
