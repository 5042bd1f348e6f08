"""部门管理, 角色管理 and 子账号管理 (manual 004 §4, §8): owner, member without role, member with a role,
another organisation, individuals."""

import pytest
from django.urls import reverse

from accounts.models import User
from audit.models import AuditEntry
from organisations.models import Department, Role
from tests import factories
from tests.organisations.helpers import NEW_PASSWORD, field_errors

LISTS = {
    "organisations.manage_departments": "organisations:departments",
    "organisations.manage_roles": "organisations:roles",
    "organisations.manage_accounts": "organisations:accounts",
}


def give_role(user, *codes, name="临时角色"):
    role = Role.objects.create(organisation=user.organisation, name=name, permissions=list(codes))
    user.roles.add(role)
    return role


@pytest.mark.django_db
@pytest.mark.parametrize("code, url_name", LISTS.items())
def test_list_access(client, admin_a, member_a, student, code, url_name):
    url = reverse(url_name)
    client.force_login(admin_a)
    assert client.get(url).status_code == 200
    client.force_login(member_a)
    assert client.get(url).status_code == 403
    give_role(member_a, code)
    assert client.get(url).status_code == 200
    client.force_login(student)
    assert client.get(url).status_code == 403


@pytest.mark.django_db
def test_navigation_follows_permissions(client, admin_a, member_a, student, county_reviewer_a):
    client.force_login(member_a)
    body = client.get(reverse("portal:home")).content.decode()
    assert reverse("organisations:roles") not in body and reverse("organisations:profile") not in body
    give_role(member_a, "organisations.manage_roles")
    body = client.get(reverse("portal:home")).content.decode()
    assert reverse("organisations:roles") in body and reverse("organisations:accounts") not in body
    client.force_login(admin_a)
    body = client.get(reverse("portal:home")).content.decode()
    for name in ("profile", "departments", "accounts", "roles"):
        assert reverse(f"organisations:{name}") in body
    assert reverse("organisations:preregister") not in body
    assert reverse("organisations:directory") not in body
    assert reverse("organisations:recommend") not in body
    client.force_login(student)
    body = client.get(reverse("portal:home")).content.decode()
    assert reverse("organisations:recommend") in body and reverse("organisations:profile") not in body
    client.force_login(county_reviewer_a)
    body = client.get(reverse("portal:home")).content.decode()
    assert reverse("organisations:directory") in body and reverse("organisations:preregister") in body


# --- Departments -------------------------------------------------------------------------------

@pytest.mark.django_db
def test_department_add_rename_delete(client, admin_a, enterprise_a):
    client.force_login(admin_a)
    url = reverse("organisations:departments")
    assert client.post(url, {"name": "人事部"}).status_code == 302
    department = Department.objects.get(organisation=enterprise_a, name="人事部")
    response = client.post(url, {"name": "人事部"})
    assert field_errors(response, "name") == ["本单位已有名为“人事部”的部门"]
    child = Department.objects.create(organisation=enterprise_a, name="招聘组", parent=department)
    edit = reverse("organisations:department_edit", args=[department.pk])
    response = client.post(edit, {"name": "人力资源部", "parent": child.pk})
    assert field_errors(response, "parent") == ["上级部门不能是本部门或其下级部门"]
    assert client.post(edit, {"name": "人力资源部"}).status_code == 302
    department.refresh_from_db()
    assert department.name == "人力资源部"
    delete = reverse("organisations:department_delete", args=[department.pk])
    response = client.post(delete, follow=True)
    assert "部门“人力资源部”还有下级部门，请先删除或调整下级部门" in response.content.decode()
    child.delete()
    admin_a.department = department
    admin_a.save()
    response = client.post(delete, follow=True)
    assert "部门“人力资源部”下还有 1 个账号，请先调整这些账号的部门后再删除" in response.content.decode()
    admin_a.department = None
    admin_a.save()
    assert client.post(delete).status_code == 302
    assert not Department.objects.filter(pk=department.pk).exists()
    assert AuditEntry.objects.filter(action="organisations.department_deleted").count() == 1


@pytest.mark.django_db
def test_department_of_another_organisation_is_404(client, admin_b, enterprise_a):
    department = Department.objects.create(organisation=enterprise_a, name="财务部")
    client.force_login(admin_b)
    assert client.get(reverse("organisations:department_edit", args=[department.pk])).status_code == 404
    assert client.post(reverse("organisations:department_delete", args=[department.pk])).status_code == 404
    assert Department.objects.filter(pk=department.pk).exists()


# --- Roles ---------------------------------------------------------------------------------------

@pytest.mark.django_db
def test_role_create_edit_and_delete_in_use(client, admin_a, member_a, enterprise_a):
    client.force_login(admin_a)
    page = client.get(reverse("organisations:role_create")).content.decode()
    assert "organisations.manage_staff" in page and "organisations.preregister" not in page
    response = client.post(reverse("organisations:role_create"), {
        "name": "人事专员", "description": "管人员", "permissions": ["organisations.manage_staff",
                                                              "organisations.view_personal_data"]})
    assert response.status_code == 302
    role = Role.objects.get(organisation=enterprise_a, name="人事专员")
    assert role.permissions == ["organisations.manage_staff", "organisations.view_personal_data"]

    response = client.post(reverse("organisations:role_create"), {"name": "越权", "permissions": [
        "organisations.preregister"]})
    assert field_errors(response, "permissions")  # not a choice for an enterprise
    assert not Role.objects.filter(name="越权").exists()

    edit = reverse("organisations:role_edit", args=[role.pk])
    assert client.post(edit, {"name": "人事专员", "permissions": ["organisations.manage_staff"]}).status_code == 302
    role.refresh_from_db()
    assert role.permissions == ["organisations.manage_staff"]

    member_a.roles.add(role)
    delete = reverse("organisations:role_delete", args=[role.pk])
    confirm = client.get(delete).content.decode()
    assert 'data-testid="role-in-use"' in confirm and "甲职员（member_a）" in confirm
    assert client.post(delete).status_code == 302
    assert not Role.objects.filter(pk=role.pk).exists()
    assert list(member_a.roles.all()) == []


@pytest.mark.django_db
def test_role_of_another_organisation_is_404(client, admin_b, enterprise_a):
    role = Role.objects.create(organisation=enterprise_a, name="甲角色", permissions=[])
    client.force_login(admin_b)
    assert client.get(reverse("organisations:role_edit", args=[role.pk])).status_code == 404
    assert client.post(reverse("organisations:role_delete", args=[role.pk])).status_code == 404


@pytest.mark.django_db
def test_sub_admin_cannot_grant_beyond_own_permissions(client, member_a, enterprise_a):
    give_role(member_a, "organisations.manage_roles", name="角色管理员")
    strong = Role.objects.create(organisation=enterprise_a, name="全能", permissions=[
        "organisations.manage_accounts", "organisations.manage_roles"])
    client.force_login(member_a)
    response = client.post(reverse("organisations:role_create"), {
        "name": "提权", "permissions": ["organisations.manage_roles", "organisations.manage_accounts"]})
    assert field_errors(response, "permissions") == ["您不能授予自己没有的权限：子账号管理（新增、重置密码、移除权限）"]
    assert client.get(reverse("organisations:role_edit", args=[strong.pk])).status_code == 403
    assert client.post(reverse("organisations:role_delete", args=[strong.pk])).status_code == 403
    assert client.post(reverse("organisations:role_create"), {
        "name": "副手", "permissions": ["organisations.manage_roles"]}).status_code == 302


# --- Accounts ------------------------------------------------------------------------------------

def account_data(**overrides):
    data = {"username": "clerk_one", "real_name": "钱文员", "mobile": "13511112222", "department": "",
            "roles": [], "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_account_lifecycle(client, admin_a, enterprise_a):
    department = Department.objects.create(organisation=enterprise_a, name="办公室")
    role = Role.objects.create(organisation=enterprise_a, name="人员管理", permissions=["organisations.manage_staff"])
    client.force_login(admin_a)
    response = client.post(reverse("organisations:account_create"),
                           account_data(department=department.pk, roles=[role.pk]))
    assert response.status_code == 302
    clerk = User.objects.get(username="clerk_one")
    assert clerk.organisation == enterprise_a and not clerk.is_org_admin and clerk.department == department
    assert list(clerk.roles.all()) == [role]
    assert clerk.check_password(NEW_PASSWORD)
    assert clerk.has_perm("organisations.manage_staff") and not clerk.has_perm("organisations.manage_roles")

    # The administrator holds organisations.view_personal_data; a sub-admin without it sees masked numbers.
    assert "13511112222" in client.get(reverse("organisations:accounts")).content.decode()
    viewer = factories.UserFactory(organisation=enterprise_a, username="viewer")
    give_role(viewer, "organisations.manage_accounts", name="只管账号")
    client.force_login(viewer)
    listing = client.get(reverse("organisations:accounts")).content.decode()
    assert "135****2222" in listing and "13511112222" not in listing
    client.force_login(admin_a)

    edit = reverse("organisations:account_edit", args=[clerk.pk])
    assert client.post(edit, {"real_name": "钱主管", "department": "", "roles": []}).status_code == 302
    clerk.refresh_from_db()
    assert clerk.real_name == "钱主管" and clerk.department is None and not clerk.roles.exists()

    reset = reverse("organisations:account_password", args=[clerk.pk])
    response = client.post(reset, {"password1": "weakpass", "password2": "weakpass"})
    assert field_errors(response, "password1") == ["密码须包含大写字母、小写字母、数字、特殊符号中的至少 3 种"]
    assert client.post(reset, {"password1": "Reset#Pass2026", "password2": "Reset#Pass2026"}).status_code == 302
    clerk.refresh_from_db()
    assert clerk.check_password("Reset#Pass2026")
    assert AuditEntry.objects.filter(action="organisations.account_password_reset", target_id=str(clerk.pk)).exists()

    active = reverse("organisations:account_active", args=[clerk.pk])
    client.post(active, {"active": "0"})
    clerk.refresh_from_db()
    assert not clerk.is_active
    client.post(active, {"active": "1"})
    clerk.refresh_from_db()
    assert clerk.is_active


@pytest.mark.django_db
def test_account_form_refusals(client, admin_a, admin_b):
    client.force_login(admin_a)
    response = client.post(reverse("organisations:account_create"), account_data(
        username="13511112222", mobile=admin_b.mobile, password1="Short1!", password2="Short1!"))
    assert field_errors(response, "username") == ["登录名须为 4–32 位字母、数字或下划线，并以字母开头"]
    assert field_errors(response, "mobile") == ["该手机号已被其他账号使用，请更换手机号"]
    assert field_errors(response, "password1") == ["密码长度不能少于 8 位"]
    assert not User.objects.filter(real_name="钱文员").exists()


@pytest.mark.django_db
def test_org_admin_account_cannot_be_touched(client, admin_a, member_a):
    give_role(member_a, "organisations.manage_accounts", "organisations.manage_roles", name="账号管理员")
    client.force_login(member_a)
    for name in ("account_edit", "account_password"):
        assert client.get(reverse(f"organisations:{name}", args=[admin_a.pk])).status_code == 403
    assert client.post(reverse("organisations:account_active", args=[admin_a.pk]), {"active": "0"}).status_code == 403
    # Nor their own account.
    assert client.get(reverse("organisations:account_edit", args=[member_a.pk])).status_code == 403
    admin_a.refresh_from_db()
    assert admin_a.is_active


@pytest.mark.django_db
def test_sub_admin_cannot_manage_stronger_accounts_or_assign_stronger_roles(client, member_a, enterprise_a):
    give_role(member_a, "organisations.manage_accounts", name="账号管理员")
    boss = factories.UserFactory(organisation=enterprise_a, username="boss")
    boss.roles.add(Role.objects.create(organisation=enterprise_a, name="全能", permissions=[
        "organisations.manage_accounts", "organisations.manage_roles"]))
    client.force_login(member_a)
    assert client.get(reverse("organisations:account_password", args=[boss.pk])).status_code == 403
    strong = Role.objects.get(name="全能")
    response = client.post(reverse("organisations:account_create"), account_data(roles=[strong.pk]))
    assert field_errors(response, "roles")  # the strong role is not offered
    assert not User.objects.filter(username="clerk_one").exists()


@pytest.mark.django_db
def test_account_of_another_organisation_is_404(client, admin_b, member_a):
    client.force_login(admin_b)
    assert client.get(reverse("organisations:account_edit", args=[member_a.pk])).status_code == 404
    assert client.post(reverse("organisations:account_active", args=[member_a.pk]), {"active": "0"}).status_code == 404
    member_a.refresh_from_db()
    assert member_a.is_active
