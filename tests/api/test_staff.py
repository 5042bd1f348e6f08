"""人员信息 through /api/v1/staff/: the roster with the page's filters, add, edit under If-Match, delete; the
screen's form, permission (organisations.manage_staff) and masking."""

import datetime

import pytest

from audit.models import AuditEntry
from organisations.models import StaffMember
from tests import factories
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
STAFF = "/api/v1/staff/"
ID_NUMBER = factories.make_id_number("19900307", seq=123)


def person(**overrides):
    return {"name": "钱员工", "id_number": ID_NUMBER, "mobile": "13812345678", "department_name": "技术部",
            "job_title": "工程师", "hired_on": "2015-07-01", "monthly_wage": "6500.00", "education": "bachelor",
            "title_level": "", "title_series": "", **overrides}


def post(client, user, body, scopes=None):
    return client.post(STAFF, body, content_type="application/json", **auth(token_for(user, scopes=scopes)))


def test_the_administrator_adds_a_person_and_sees_the_whole_id_number(client, admin_a, enterprise_a):
    response = post(client, admin_a, person())
    assert response.status_code == 201, response.json()
    body = response.json()
    member = StaffMember.objects.get(organisation=enterprise_a)
    assert body["id"] == member.pk and response["ETag"]
    assert (body["id_number"], body["mobile"], body["gender"], body["birth_date"], body["monthly_wage"]) == (
        ID_NUMBER, "13812345678", "male", "1990-03-07", "6500.00")
    assert AuditEntry.objects.filter(action="staff.create", actor=admin_a).count() == 1


def test_a_staff_manager_sees_them_masked_as_on_screen(client, admin_a, staff_manager_a):
    post(client, admin_a, person())
    [row] = client.get(STAFF, **auth(token_for(staff_manager_a))).json()["results"]
    assert (row["id_number"], row["mobile"]) == (f"{ID_NUMBER[:4]}**********{ID_NUMBER[-4:]}", "138****5678")


def test_the_form_refuses_what_the_page_refuses(client, admin_a):
    post(client, admin_a, person())
    duplicate = post(client, admin_a, person(name="另一人"))
    assert duplicate.status_code == 400
    assert (duplicate.json()["field"], duplicate.json()["message"]) == ("id_number", "本单位已有身份证号为该号码的人员")
    wrong = post(client, admin_a, person(id_number="41010519900307123", gender="female"))
    assert wrong.status_code == 400 and wrong.json()["field"] == "id_number"
    gender = post(client, admin_a, person(id_number=factories.make_id_number(seq=125), gender="female"))
    assert gender.json()["errors"] == [{"field": "gender", "code": "invalid",
                                        "message": "性别与身份证号不符（身份证号显示为男）"}]


def test_edits_need_the_current_etag(client, admin_a):
    created = post(client, admin_a, person())
    url = f"{STAFF}{created.json()['id']}/"
    headers = auth(token_for(admin_a))
    etag = client.get(url, **headers)["ETag"]
    missing = client.put(url, person(job_title="主管"), content_type="application/json", **headers)
    assert (missing.status_code, missing.json()["code"]) == (428, "if_match_required")
    saved = client.put(url, person(job_title="主管"), content_type="application/json", HTTP_IF_MATCH=etag, **headers)
    assert saved.status_code == 200, saved.json()
    assert saved.json()["job_title"] == "主管" and saved["ETag"] != etag
    stale = client.put(url, person(job_title="经理"), content_type="application/json", HTTP_IF_MATCH=etag, **headers)
    assert (stale.status_code, stale.json()["code"]) == (412, "precondition_failed")
    assert StaffMember.objects.get().job_title == "主管"


def test_delete(client, admin_a):
    created = post(client, admin_a, person())
    url = f"{STAFF}{created.json()['id']}/"
    stale = client.delete(url, HTTP_IF_MATCH='"stale"', **auth(token_for(admin_a)))
    assert (stale.status_code, stale.json()["code"]) == (412, "precondition_failed")
    assert client.delete(url, HTTP_IF_MATCH=created["ETag"], **auth(token_for(admin_a))).status_code == 204
    assert not StaffMember.objects.exists()
    assert client.get(url, **auth(token_for(admin_a))).status_code == 404


def test_another_organisation_neither_sees_nor_changes_the_person(client, admin_a, admin_b, county_reviewer_a):
    created = post(client, admin_a, person())
    url = f"{STAFF}{created.json()['id']}/"
    for user in (admin_b, county_reviewer_a):
        headers = auth(token_for(user))
        assert client.get(url, **headers).status_code == 404
        assert client.put(url, person(), content_type="application/json", HTTP_IF_MATCH="*",
                          **headers).status_code == 404
        assert client.delete(url, **headers).status_code == 404
        assert client.get(STAFF, **headers).json()["results"] == []
    assert StaffMember.objects.count() == 1


def test_a_sub_admin_without_the_permission_and_a_person_are_refused(client, admin_a, member_a, outsider):
    created = post(client, admin_a, person())
    url = f"{STAFF}{created.json()['id']}/"
    headers = auth(token_for(member_a))
    assert client.get(STAFF, **headers).status_code == 403
    assert client.get(url, **headers).status_code == 403
    assert post(client, member_a, person(id_number=factories.make_id_number(seq=126))).status_code == 403
    assert client.delete(url, **headers).status_code == 403
    client.force_login(outsider)
    assert client.get(STAFF).status_code == 403


def test_writes_need_the_write_scope(client, admin_a):
    response = post(client, admin_a, person(), scopes=["organisations:read"])
    assert (response.status_code, response.json()["code"]) == (403, "scope_missing")
    read_only = auth(token_for(admin_a, scopes=["traineeships:read"]))
    assert client.get(STAFF, **read_only).json()["code"] == "scope_missing"
    assert not StaffMember.objects.exists()


def test_the_lists_filters_are_the_pages(client, admin_a, enterprise_a):
    for seq, (name, education) in enumerate((("赵一", "bachelor"), ("钱二", "master"), ("赵三", "master"))):
        StaffMember.objects.create(organisation=enterprise_a, name=name, education=education, gender="male",
                                   id_number=factories.make_id_number(seq=200 + seq),
                                   birth_date=datetime.date(1999, 3, 7))
    headers = auth(token_for(admin_a))
    names = [row["name"] for row in client.get(f"{STAFF}?name=赵&education=master", **headers).json()["results"]]
    assert names == ["赵三"]
    refused = client.get(f"{STAFF}?education=phd&hired_from=2020-01-01&hired_to=2019-01-01", **headers)
    assert refused.status_code == 400
    assert {problem["field"] for problem in refused.json()["errors"]} == {"education", "hired_to"}
