"""实习分组 and 指导师傅 through the API: the school creates a group, edits it and chooses its interns under
If-Match, the enterprise names the mentor under If-Match; the forms' refusals and everyone else refused."""

import pytest

from internships.models import InternshipGroup, InternshipStatus
from tests.api.keys import auth, token_for
from tests.internships import factories as f

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"


@pytest.fixture
def internship(host_a, admin_a, student_record):
    return f.internship(f.application(student_record, f.position(host_a, admin_a)),
                        status=InternshipStatus.AGREEMENT_SIGNED)


def test_the_school_groups_its_interns_and_the_enterprise_names_the_mentor(client, school_admin, admin_a, host_a,
                                                                            internship):
    school = auth(token_for(school_admin, scopes=["internships:read", "internships:write"]))
    created = client.post(f"{API}/school/groups/", {"enterprise": host_a.pk, "name": "数控一组",
                                                    "teacher_name": "赵老师", "teacher_phone": "13800000001"},
                          content_type="application/json", **school)
    assert created.status_code == 201, created.json()
    group = InternshipGroup.objects.get()
    assert (created.json()["id"], created.json()["members"]) == (group.pk, [])
    url = f"{API}/school/groups/{group.pk}/"
    assert client.put(f"{url}members/", {"internships": [internship.pk]}, content_type="application/json",
                      **school).status_code == 428
    etag = client.get(url, **school)["ETag"]
    chosen = client.put(f"{url}members/", {"internships": [internship.pk]}, content_type="application/json",
                        HTTP_IF_MATCH=etag, **school)
    assert chosen.status_code == 200, chosen.json()
    assert [row["id"] for row in chosen.json()["members"]] == [internship.pk]
    stale = client.put(url, {"name": "数控二组", "teacher_name": "钱老师", "teacher_phone": "13800000002"},
                       content_type="application/json", HTTP_IF_MATCH=etag, **school)
    assert stale.status_code == 412
    edited = client.put(url, {"name": "数控二组", "teacher_name": "钱老师", "teacher_phone": "13800000002"},
                        content_type="application/json", HTTP_IF_MATCH=chosen["ETag"], **school)
    assert edited.status_code == 200 and edited.json()["teacher_name"] == "钱老师"
    assert [row["id"] for row in client.get(f"{API}/school/groups/", **school).json()["results"]] == [group.pk]

    enterprise = auth(token_for(admin_a))
    listed = client.get(f"{API}/groups/", **enterprise).json()["results"]
    assert [(row["id"], row["members"]) for row in listed] == [(group.pk, 1)]
    mentor_url = f"{API}/groups/{group.pk}/mentor/"
    etag = client.get(mentor_url, **enterprise)["ETag"]
    named = client.put(mentor_url, {"mentor_name": "孙师傅", "mentor_phone": "13900000003"},
                       content_type="application/json", HTTP_IF_MATCH=etag, **enterprise)
    assert named.status_code == 200, named.json()
    assert (named.json()["mentor_name"], named.json()["mentor_assigned_at"] is not None) == ("孙师傅", True)


def test_the_forms_refuse(client, school_admin, host_b, school, host_a, internship):
    school_key = auth(token_for(school_admin))
    no_interns_there = client.post(f"{API}/school/groups/", {"enterprise": host_b.pk, "name": "一组",
                                                             "teacher_name": "赵老师", "teacher_phone": "13800000001"},
                                   content_type="application/json", **school_key)
    assert no_interns_there.status_code == 400 and no_interns_there.json()["field"] == "enterprise"
    group = f.group(school, host_a, school_admin)
    url = f"{API}/school/groups/{group.pk}/members/"
    etag = client.get(f"{API}/school/groups/{group.pk}/", **school_key)["ETag"]
    unknown = client.put(url, {"internships": [internship.pk + 1000]}, content_type="application/json",
                         HTTP_IF_MATCH=etag, **school_key)
    assert unknown.status_code == 400 and unknown.json()["field"] == "internships"


def test_others_are_refused(client, school, school_admin, host_a, admin_a, admin_b, school_b_admin, staff_manager_a,
                            education_reviewer):
    group = f.group(school, host_a, school_admin)
    for user in (admin_b, school_b_admin):
        assert client.get(f"{API}/school/groups/{group.pk}/", **auth(token_for(user))).status_code == 404
        assert client.get(f"{API}/groups/{group.pk}/mentor/", **auth(token_for(user))).status_code == 404
    assert client.get(f"{API}/school/groups/{group.pk}/", **auth(token_for(admin_a))).status_code == 403
    assert client.get(f"{API}/school/groups/{group.pk}/", **auth(token_for(education_reviewer))).status_code == 403
    assert client.get(f"{API}/groups/", **auth(token_for(staff_manager_a))).status_code == 403
    reader = auth(token_for(admin_a, scopes=["internships:read"]))
    missing = client.put(f"{API}/groups/{group.pk}/mentor/", {"mentor_name": "孙师傅", "mentor_phone": "13900000003"},
                         content_type="application/json", HTTP_IF_MATCH="*", **reader)
    assert missing.status_code == 403 and missing.json()["code"] == "scope_missing"
    group.refresh_from_db()
    assert group.mentor_name == ""
