"""部门管理, 角色管理, 子账号管理 and 登录日志 lists run a constant number of queries whatever the number of rows
(member and holder counts annotated, roles prefetched, `manageable` from the caller's cached permissions)."""

import pytest

from accounts.models import LoginRecord
from organisations.models import Department, Role
from tests import factories
from tests.api.keys import auth, token_for
from tests.api.queries import queries

pytestmark = pytest.mark.django_db
LISTS = ("departments", "roles", "accounts", "login-log")



def add_rows(organisation, number: int) -> None:
    department = Department.objects.create(organisation=organisation, name=f"部门{number}")
    role = Role.objects.create(organisation=organisation, name=f"角色{number}",
                               permissions=["organisations.manage_staff"])
    account = factories.UserFactory(organisation=organisation, username=f"sub{number}", department=department)
    account.roles.add(role)
    LoginRecord.objects.create(user=account, identifier=f"1380000000{number}", succeeded=True)


@pytest.mark.parametrize("caller", ["admin_a", "member_a"])
def test_lists_do_not_grow_with_the_page(client, request, admin_a, member_a, enterprise_a, caller):
    member_a.roles.add(Role.objects.create(organisation=enterprise_a, name="管理员助理", permissions=[
        "organisations.manage_departments", "organisations.manage_roles", "organisations.manage_accounts",
        "organisations.manage_staff", "organisations.view_logs"]))
    headers = auth(token_for(request.getfixturevalue(caller)))
    add_rows(enterprise_a, 1)
    counts = {name: queries(client, f"/api/v1/organisation/{name}/", headers) for name in LISTS}
    for number in range(2, 6):
        add_rows(enterprise_a, number)
    assert len(client.get("/api/v1/organisation/accounts/", **headers).json()["results"]) == 7
    for name, few in counts.items():
        assert queries(client, f"/api/v1/organisation/{name}/", headers) == few, name
