"""部门管理 and 角色管理 through /api/v1/organisation/departments/ and roles/: the pages' forms, services and
permissions; another organisation's rows are 404, a sub-admin without the permission 403, a role holding more
than the caller 403 to change."""

import pytest

from audit.models import AuditEntry
from organisations.models import Department, Role
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
DEPARTMENTS = "/api/v1/organisation/departments/"
ROLES = "/api/v1/organisation/roles/"


def give_role(user, *codes, name="临时角色"):
    role = Role.objects.create(organisation=user.organisation, name=name, permissions=list(codes))
    user.roles.add(role)
    return role


def send(client, method, url, user, body=None, scopes=None, **headers):
    return getattr(client, method)(url, body, content_type="application/json",
                                   **auth(token_for(user, scopes=scopes)), **headers)


# --- 部门管理 --------------------------------------------------------------------------------------

def test_departments_are_added_listed_and_counted(client, admin_a, member_a, enterprise_a):
    created = send(client, "post", DEPARTMENTS, admin_a, {"name": "人事部"})
    assert created.status_code == 201, created.json()
    parent = created.json()["id"]
    child = send(client, "post", DEPARTMENTS, admin_a, {"name": "招聘组", "parent": parent})
    assert child.status_code == 201 and (child.json()["parent_id"], child.json()["parent_name"]) == (parent, "人事部")
    member_a.department_id = parent
    member_a.save(update_fields=["department"])
    rows = send(client, "get", DEPARTMENTS, admin_a).json()["results"]
    assert {row["name"]: row["members"] for row in rows} == {"人事部": 1, "招聘组": 0}
    assert AuditEntry.objects.filter(action="organisations.department_created", actor=admin_a).count() == 2


def test_the_form_and_the_service_refuse_what_the_page_refuses(client, admin_a, admin_b):
    send(client, "post", DEPARTMENTS, admin_a, {"name": "人事部"})
    duplicate = send(client, "post", DEPARTMENTS, admin_a, {"name": "人事部"})
    assert (duplicate.status_code, duplicate.json()["field"], duplicate.json()["message"]) == (
        400, "name", "本单位已有名为“人事部”的部门")
    empty = send(client, "post", DEPARTMENTS, admin_a, {"name": ""})
    assert (empty.status_code, empty.json()["field"]) == (400, "name")
    foreign = Department.objects.create(organisation=admin_b.organisation, name="乙部门")
    other_parent = send(client, "post", DEPARTMENTS, admin_a, {"name": "技术部", "parent": foreign.pk})
    assert (other_parent.status_code, other_parent.json()["field"]) == (400, "parent")
    assert send(client, "post", DEPARTMENTS, admin_a, {"name": "技术部", "parent": "x"}).status_code == 400


def test_a_department_is_edited_under_if_match(client, admin_a):
    parent = send(client, "post", DEPARTMENTS, admin_a, {"name": "人事部"}).json()["id"]
    url = f"{DEPARTMENTS}{send(client, 'post', DEPARTMENTS, admin_a, {'name': '招聘组'}).json()['id']}/"
    etag = send(client, "get", url, admin_a)["ETag"]
    missing = send(client, "put", url, admin_a, {"name": "招聘一组"})
    assert (missing.status_code, missing.json()["code"]) == (428, "if_match_required")
    saved = send(client, "put", url, admin_a, {"name": "招聘一组", "parent": parent}, HTTP_IF_MATCH=etag)
    assert saved.status_code == 200, saved.json()
    assert (saved.json()["name"], saved.json()["parent_id"]) == ("招聘一组", parent) and saved["ETag"] != etag
    stale = send(client, "put", url, admin_a, {"name": "招聘二组"}, HTTP_IF_MATCH=etag)
    assert (stale.status_code, stale.json()["code"]) == (412, "precondition_failed")
    # A department cannot become its own ancestor's child.
    loop = send(client, "put", f"{DEPARTMENTS}{parent}/", admin_a, {"name": "人事部", "parent": saved.json()["id"]},
                HTTP_IF_MATCH=send(client, "get", f"{DEPARTMENTS}{parent}/", admin_a)["ETag"])
    assert (loop.status_code, loop.json()["field"]) == (400, "parent")
    assert Department.objects.get(pk=saved.json()["id"]).name == "招聘一组"


def test_a_department_with_accounts_is_not_deleted(client, admin_a, member_a):
    department = Department.objects.create(organisation=admin_a.organisation, name="人事部")
    member_a.department = department
    member_a.save(update_fields=["department"])
    refused = send(client, "delete", f"{DEPARTMENTS}{department.pk}/", admin_a)
    assert (refused.status_code, refused.json()["message"]) == (
        400, "部门“人事部”下还有 1 个账号，请先调整这些账号的部门后再删除")
    member_a.department = None
    member_a.save(update_fields=["department"])
    assert send(client, "delete", f"{DEPARTMENTS}{department.pk}/", admin_a).status_code == 204
    assert not Department.objects.exists()


def test_departments_deny_as_the_page_does(client, admin_a, member_a, admin_b, county_reviewer_a):
    department = Department.objects.create(organisation=admin_a.organisation, name="人事部")
    url = f"{DEPARTMENTS}{department.pk}/"
    assert send(client, "get", DEPARTMENTS, member_a).status_code == 403
    assert send(client, "post", DEPARTMENTS, member_a, {"name": "技术部"}).status_code == 403
    for user in (admin_b, county_reviewer_a):
        assert send(client, "get", url, user).status_code == 404
        assert send(client, "delete", url, user).status_code == 404
        assert send(client, "put", url, user, {"name": "改"}, HTTP_IF_MATCH="*").status_code == 404
    no_scope = send(client, "post", DEPARTMENTS, admin_a, {"name": "技术部"}, scopes=["organisations:read"])
    assert (no_scope.status_code, no_scope.json()["code"]) == (403, "scope_missing")
    give_role(member_a, "organisations.manage_departments")
    assert send(client, "post", DEPARTMENTS, member_a, {"name": "技术部"}).status_code == 201
    # A government department keeps its own departments, as on screen.
    assert send(client, "post", DEPARTMENTS, county_reviewer_a, {"name": "就业科"}).status_code == 201
    assert [row["name"] for row in send(client, "get", DEPARTMENTS, county_reviewer_a).json()["results"]] == ["就业科"]
    assert Department.objects.filter(organisation=admin_a.organisation).count() == 2


# --- 角色管理 --------------------------------------------------------------------------------------

def test_the_permissions_a_role_may_hold(client, admin_a, member_a, county_reviewer_a):
    rows = send(client, "get", f"{ROLES}permissions/", admin_a).json()
    codes = {row["code"]: row for row in rows}
    assert codes["organisations.manage_staff"]["grantable"] is True
    assert "organisations.review_verification" not in codes  # government only
    assert "organisations.review_verification" in {
        row["code"] for row in send(client, "get", f"{ROLES}permissions/", county_reviewer_a).json()}
    give_role(member_a, "organisations.manage_roles", "organisations.manage_staff")
    mine = {row["code"]: row["grantable"] for row in send(client, "get", f"{ROLES}permissions/", member_a).json()}
    assert mine["organisations.manage_staff"] is True and mine["organisations.manage_accounts"] is False


def test_roles_are_added_edited_and_deleted(client, admin_a, member_a):
    created = send(client, "post", ROLES, admin_a, {"name": "人员管理员", "description": "管人员",
                                                    "permissions": ["organisations.manage_staff"]})
    assert created.status_code == 201, created.json()
    body = created.json()
    assert (body["permissions"], body["permission_labels"], body["holders"], body["manageable"]) == (
        ["organisations.manage_staff"], ["人员信息管理（含批量导入导出）"], 0, True)
    url = f"{ROLES}{body['id']}/"
    member_a.roles.add(body["id"])
    etag = send(client, "get", url, admin_a)["ETag"]
    assert send(client, "put", url, admin_a, {"name": "人员管理员"}).status_code == 428
    saved = send(client, "put", url, admin_a, {"name": "人员与部门", "permissions": [
        "organisations.manage_staff", "organisations.manage_departments"]}, HTTP_IF_MATCH=etag)
    assert saved.status_code == 200, saved.json()
    assert saved.json()["permissions"] == ["organisations.manage_departments", "organisations.manage_staff"]
    assert saved.json()["holders"] == 1
    stale = send(client, "put", url, admin_a, {"name": "再改"}, HTTP_IF_MATCH=etag)
    assert stale.status_code == 412
    deleted = send(client, "delete", url, admin_a)
    assert (deleted.status_code, deleted.json()) == (200, {"holders": ["member_a"]})
    assert not Role.objects.exists() and not member_a.roles.exists()


def test_roles_refuse_what_the_page_refuses(client, admin_a):
    send(client, "post", ROLES, admin_a, {"name": "人员管理员"})
    duplicate = send(client, "post", ROLES, admin_a, {"name": "人员管理员"})
    assert (duplicate.status_code, duplicate.json()["field"]) == (400, "name")
    unknown = send(client, "post", ROLES, admin_a, {"name": "审核员", "permissions": [
        "organisations.review_verification"]})
    assert (unknown.status_code, unknown.json()["field"]) == (400, "permissions")
    nested = send(client, "post", ROLES, admin_a, {"name": "审核员", "permissions": [["x"]]})
    assert nested.status_code == 400


def test_nobody_hands_out_more_than_they_hold(client, admin_a, member_a, staff_manager_a, admin_b):
    give_role(member_a, "organisations.manage_roles", "organisations.manage_staff", name="角色管理员")
    beyond = send(client, "post", ROLES, member_a, {"name": "账号管理员", "permissions": [
        "organisations.manage_accounts"]})
    assert (beyond.status_code, beyond.json()["field"], beyond.json()["message"]) == (
        400, "permissions", "您不能授予自己没有的权限：子账号管理（新增、重置密码、移除权限）")
    assert send(client, "post", ROLES, member_a, {"name": "人员", "permissions": [
        "organisations.manage_staff"]}).status_code == 201
    keys = Role.objects.create(organisation=admin_a.organisation, name="密钥管理员",
                               permissions=["organisations.manage_accounts"])
    rows = {row["name"]: row["manageable"] for row in send(client, "get", ROLES, member_a).json()["results"]}
    assert rows["密钥管理员"] is False and rows["人员"] is True
    url = f"{ROLES}{keys.pk}/"
    assert send(client, "get", url, member_a).status_code == 200
    assert send(client, "put", url, member_a, {"name": "改"}, HTTP_IF_MATCH="*").status_code == 403
    assert send(client, "delete", url, member_a).status_code == 403
    assert send(client, "get", ROLES, staff_manager_a).status_code == 403
    assert send(client, "get", url, admin_b).status_code == 404
    assert send(client, "delete", url, admin_b).status_code == 404
    assert Role.objects.filter(pk=keys.pk).exists()
