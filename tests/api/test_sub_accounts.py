"""子账号管理 through /api/v1/organisation/accounts/: 新增子管理员, 修改, 重置密码, 移除/恢复权限 with the page's
forms, services and permission; the administrator's own account, the caller's own and accounts holding more than
the caller are 403, another organisation's 404; mobiles masked without organisations.view_personal_data."""

import pytest

from accounts.models import User
from audit.models import AuditEntry
from organisations.models import Department, Role
from tests import factories
from tests.api.keys import auth, token_for
from tests.organisations.helpers import NEW_PASSWORD

pytestmark = pytest.mark.django_db
ACCOUNTS = "/api/v1/organisation/accounts/"


def send(client, method, url, user, body=None, scopes=None, **headers):
    return getattr(client, method)(url, body, content_type="application/json",
                                   **auth(token_for(user, scopes=scopes)), **headers)


def new_account(**overrides):
    return {"username": "hr_clerk", "real_name": "钱人事", "mobile": "13912345678", "password1": NEW_PASSWORD,
            "password2": NEW_PASSWORD, **overrides}


@pytest.fixture
def staff_role(enterprise_a):
    return Role.objects.create(organisation=enterprise_a, name="人员管理员", permissions=["organisations.manage_staff"])


def test_the_administrator_adds_a_sub_administrator(client, admin_a, enterprise_a, staff_role):
    department = Department.objects.create(organisation=enterprise_a, name="人事部")
    response = send(client, "post", ACCOUNTS, admin_a, new_account(department=department.pk, roles=[staff_role.pk]))
    assert response.status_code == 201, response.json()
    body = response.json()
    account = User.objects.get(username="hr_clerk")
    assert (body["id"], body["mobile"], body["department_name"], body["roles"], body["is_org_admin"],
            body["is_active"], body["manageable"]) == (
        account.pk, "13912345678", "人事部", [{"id": staff_role.pk, "name": "人员管理员"}], False, True, True)
    assert account.organisation == enterprise_a and account.check_password(NEW_PASSWORD)
    assert account.has_perm("organisations.manage_staff")
    assert AuditEntry.objects.filter(action="organisations.account_created", actor=admin_a).count() == 1
    rows = send(client, "get", ACCOUNTS, admin_a).json()["results"]
    assert {row["username"]: row["manageable"] for row in rows} == {"admin_a": False, "hr_clerk": True}


def test_the_form_refuses_what_the_page_refuses(client, admin_a, admin_b, member_a):
    taken = send(client, "post", ACCOUNTS, admin_a, new_account(username="member_a"))
    assert (taken.status_code, taken.json()["field"]) == (400, "username")
    mismatch = send(client, "post", ACCOUNTS, admin_a, new_account(password2="Other#Pass2026"))
    assert (mismatch.status_code, mismatch.json()["field"]) == (400, "password2")
    mobile = send(client, "post", ACCOUNTS, admin_a, new_account(mobile="1391234"))
    assert (mobile.status_code, mobile.json()["field"]) == (400, "mobile")
    foreign = Role.objects.create(organisation=admin_b.organisation, name="乙角色", permissions=[])
    wrong_role = send(client, "post", ACCOUNTS, admin_a, new_account(roles=[foreign.pk]))
    assert (wrong_role.status_code, wrong_role.json()["field"]) == (400, "roles")
    not_a_number = send(client, "post", ACCOUNTS, admin_a, new_account(roles=["x"], department="y"))
    assert {problem["field"] for problem in not_a_number.json()["errors"]} == {"roles", "department"}
    assert not User.objects.filter(username="hr_clerk").exists()


def test_an_account_is_edited_under_if_match(client, admin_a, member_a, staff_role):
    url = f"{ACCOUNTS}{member_a.pk}/"
    etag = send(client, "get", url, admin_a)["ETag"]
    assert send(client, "put", url, admin_a, {"real_name": "甲职员"}).status_code == 428
    saved = send(client, "put", url, admin_a, {"real_name": "甲人事", "roles": [staff_role.pk]}, HTTP_IF_MATCH=etag)
    assert saved.status_code == 200, saved.json()
    assert (saved.json()["real_name"], saved.json()["roles"]) == ("甲人事", [{"id": staff_role.pk,
                                                                           "name": "人员管理员"}])
    assert saved["ETag"] != etag
    stale = send(client, "put", url, admin_a, {"real_name": "又改"}, HTTP_IF_MATCH=etag)
    assert (stale.status_code, stale.json()["code"]) == (412, "precondition_failed")
    member_a.refresh_from_db()
    assert member_a.real_name == "甲人事" and list(member_a.roles.all()) == [staff_role]


def test_password_reset_and_deactivation(client, admin_a, member_a):
    short = send(client, "post", f"{ACCOUNTS}{member_a.pk}/password/", admin_a, {"password1": "a", "password2": "a"})
    assert (short.status_code, short.json()["field"]) == (400, "password1")
    reset = send(client, "post", f"{ACCOUNTS}{member_a.pk}/password/", admin_a,
                 {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert reset.status_code == 204
    member_a.refresh_from_db()
    assert member_a.check_password(NEW_PASSWORD)
    off = send(client, "post", f"{ACCOUNTS}{member_a.pk}/deactivate/", admin_a)
    assert (off.status_code, off.json()["is_active"]) == (200, False)
    member_a.refresh_from_db()
    assert not member_a.is_active
    on = send(client, "post", f"{ACCOUNTS}{member_a.pk}/reactivate/", admin_a)
    assert (on.status_code, on.json()["is_active"]) == (200, True)
    assert [entry.action for entry in AuditEntry.objects.filter(actor=admin_a, action__startswith="organisations.acc")
            .order_by("id")] == ["organisations.account_password_reset", "organisations.account_deactivated",
                                 "organisations.account_reactivated"]


def test_accounts_deny_as_the_page_does(client, admin_a, member_a, staff_manager_a, admin_b, county_reviewer_a):
    Role.objects.filter(users=staff_manager_a).update(permissions=["organisations.manage_staff",
                                                                   "organisations.view_personal_data"])
    clerk = Role.objects.create(organisation=admin_a.organisation, name="账号管理员",
                                permissions=["organisations.manage_accounts"])
    member_a.roles.add(clerk)
    admin_url, self_url = f"{ACCOUNTS}{admin_a.pk}/", f"{ACCOUNTS}{member_a.pk}/"
    richer_url = f"{ACCOUNTS}{staff_manager_a.pk}/"
    # A sub-admin with 子账号管理 sees the list, mobiles masked, but manages neither the administrator, nor
    # themselves, nor an account holding permissions they lack.
    rows = send(client, "get", ACCOUNTS, member_a).json()["results"]
    assert {row["username"]: row["manageable"] for row in rows} == {
        "admin_a": False, "member_a": False, "staff_manager_a": False}
    assert all("****" in row["mobile"] for row in rows)
    for url in (admin_url, self_url, richer_url):
        assert send(client, "put", url, member_a, {"real_name": "改"}, HTTP_IF_MATCH="*").status_code == 403
        assert send(client, "post", f"{url}deactivate/", member_a).status_code == 403
        assert send(client, "post", f"{url}password/", member_a,
                    {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD}).status_code == 403
    assert send(client, "post", f"{admin_url}deactivate/", admin_a).status_code == 403
    # Handing out a role beyond one's own is refused at the form (the role is not offered).
    plain = factories.UserFactory(organisation=admin_a.organisation, username="plain", real_name="普通")
    beyond = send(client, "put", f"{ACCOUNTS}{plain.pk}/", member_a,
                  {"real_name": "普通", "roles": [Role.objects.get(users=staff_manager_a).pk]}, HTTP_IF_MATCH="*")
    assert (beyond.status_code, beyond.json()["field"]) == (400, "roles")
    assert send(client, "post", f"{ACCOUNTS}{plain.pk}/deactivate/", member_a).status_code == 200
    for user in (admin_b, county_reviewer_a):
        assert send(client, "get", self_url, user).status_code == 404
        assert send(client, "post", f"{self_url}deactivate/", user).status_code == 404
    assert send(client, "get", ACCOUNTS, staff_manager_a).status_code == 403
    no_scope = send(client, "post", f"{ACCOUNTS}{plain.pk}/reactivate/", admin_a, scopes=["organisations:read"])
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")
    member_a.refresh_from_db()
    assert member_a.is_active and admin_a.is_active
