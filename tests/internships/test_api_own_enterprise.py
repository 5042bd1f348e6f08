"""The enterprise's own page (实习企业信息) through the API: its record and whether it may apply, 申请进入实习企业库
(the registry check decides; the service's refusals), 在岗职工总数 under If-Match (the form's refusals); only the
enterprise's members with the programme's permission."""

import pytest

from audit.models import AuditEntry
from internships.models import AdmissionStatus, RegistryRecord
from internships.selectors.enterprises import profile_of
from organisations.models import Origin
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"


def test_a_self_registered_enterprise_applies_and_is_admitted(client, enterprise_a, admin_a):
    enterprise_a.origin = Origin.SELF_REGISTERED
    enterprise_a.save(update_fields=["origin"])
    RegistryRecord.objects.create(credit_code=enterprise_a.credit_code, name=enterprise_a.name,
                                  legal_representative=enterprise_a.legal_representative)
    key = auth(token_for(admin_a, scopes=["internships:read", "internships:write"]))
    before = client.get(f"{API}/enterprise/", **key).json()
    assert (before["id"], before["admission_status"], before["may_apply"]) == (enterprise_a.pk, "pending", True)
    applied = client.post(f"{API}/enterprise/admission/", **key)
    assert applied.status_code == 200, applied.json()
    assert (applied.json()["admission_status"], applied.json()["may_apply"]) == ("admitted", False)
    assert profile_of(enterprise_a).admission_status == AdmissionStatus.ADMITTED
    again = client.post(f"{API}/enterprise/admission/", **key)
    assert (again.status_code, again.json()["message"]) == (400, "企业已在实习企业库中")


def test_the_staff_number_under_if_match(client, host_a, admin_a):
    key = auth(token_for(admin_a))
    url = f"{API}/enterprise/staff/"
    assert client.put(url, {"staff_on_duty": 350}, content_type="application/json", **key).status_code == 428
    etag = client.get(f"{API}/enterprise/", **key)["ETag"]
    saved = client.put(url, {"staff_on_duty": 350}, content_type="application/json", HTTP_IF_MATCH=etag, **key)
    assert saved.status_code == 200 and saved.json()["staff_on_duty"] == 350
    stale = client.put(url, {"staff_on_duty": 360}, content_type="application/json", HTTP_IF_MATCH=etag, **key)
    assert stale.status_code == 412
    for bad in ({"staff_on_duty": 0}, {"staff_on_duty": "x"}, {}):
        refused = client.put(url, bad, content_type="application/json", HTTP_IF_MATCH=saved["ETag"], **key)
        assert (refused.status_code, refused.json()["field"]) == (400, "staff_on_duty"), bad
    assert profile_of(host_a).staff_on_duty == 350
    assert AuditEntry.objects.filter(action="internships.staff_on_duty").count() == 1


def test_a_school_recommended_enterprise_does_not_apply(client, host_a, admin_a):
    host_a.origin = Origin.PRE_REGISTERED
    host_a.save(update_fields=["origin"])
    refused = client.post(f"{API}/enterprise/admission/", **auth(token_for(admin_a)))
    assert refused.status_code == 400 and "无需申请" in refused.json()["message"]


@pytest.mark.parametrize("persona", ["staff_manager_a", "school_admin", "education_reviewer"])
def test_only_the_enterprise(client, request, persona, host_a, admin_a):
    key = auth(token_for(request.getfixturevalue(persona)))
    assert client.get(f"{API}/enterprise/", **key).status_code == 403
    assert client.post(f"{API}/enterprise/admission/", **key).status_code == 403
    assert client.put(f"{API}/enterprise/staff/", {"staff_on_duty": 1}, content_type="application/json",
                      HTTP_IF_MATCH="*", **key).status_code == 403
    assert profile_of(host_a).staff_on_duty == 200
