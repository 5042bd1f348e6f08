import pytest
from django.urls import reverse

from audit.models import AuditEntry
from organisations.models import Role
from tests import factories
from tests.accounts.conftest import login_post

URL = "/accounts/profile/"


def test_url_name():
    assert reverse("accounts:profile") == URL


def test_shows_account_with_masked_identifiers(client, db):
    person = factories.individual(username="zhangsan", real_name="张三", mobile="15612344563",
                                  id_number="410105199903070016")
    client.force_login(person)
    html = client.get(URL).content.decode()
    assert "张三" in html and "zhangsan" in html
    assert "156****4563" in html and "15612344563" not in html
    assert "4101**********0016" in html and "410105199903070016" not in html
    assert "个人用户" in html


def test_shows_organisation_and_roles(client, member_a, enterprise_a):
    member_a.roles.add(Role.objects.create(organisation=enterprise_a, name="人事专员", permissions=[]))
    client.force_login(member_a)
    response = client.get(URL)
    html = response.content.decode()
    assert "甲企业有限公司" in html
    assert '<span class="badge text-bg-secondary">人事专员</span>' in html
    assert response.context["roles"] == ["人事专员"]


def test_org_admin_role_is_named(client, admin_a):
    client.force_login(admin_a)
    assert "单位管理员（拥有全部权限）" in client.get(URL).content.decode()


def test_change_login_name_then_sign_in_with_it(client, admin_a):
    client.force_login(admin_a)
    response = client.post(URL, {"username": "JiaAdmin_2026"})
    assert response["Location"] == URL
    admin_a.refresh_from_db()
    assert admin_a.username == "JiaAdmin_2026"
    assert "登录名已保存" in client.get(URL).content.decode()
    entry = AuditEntry.objects.get(action="accounts.login_name_changed")
    assert (entry.before, entry.after) == ({"username": "admin_a"}, {"username": "JiaAdmin_2026"})
    client.post(reverse("accounts:logout"))
    assert login_post(client, "JiaAdmin_2026").status_code == 302


def errors(response):
    return response.context["form"].errors["username"]


def test_taken_login_name_is_refused_case_insensitively(client, admin_a, admin_b):
    client.force_login(admin_a)
    response = client.post(URL, {"username": "ADMIN_B"})
    assert errors(response) == ["该登录名已被使用，请换一个"]
    admin_a.refresh_from_db()
    assert admin_a.username == "admin_a"


def test_keeping_own_name_is_allowed(client, admin_a):
    client.force_login(admin_a)
    assert client.post(URL, {"username": "admin_a"})["Location"] == URL
    assert not AuditEntry.objects.filter(action="accounts.login_name_changed").exists()


@pytest.mark.parametrize(
    "value, message",
    [
        ("ab", "登录名须为 4–32 位字母、数字或下划线，并以字母开头"),
        ("9abc", "登录名须为 4–32 位字母、数字或下划线，并以字母开头"),
        ("张三丰abc", "登录名须为 4–32 位字母、数字或下划线，并以字母开头"),
        ("Y1410104MA9G8NFR0U", "登录名不能与手机号、身份证号或统一社会信用代码格式相同"),
    ],
)
def test_malformed_login_names(client, admin_a, value, message):
    client.force_login(admin_a)
    assert errors(client.post(URL, {"username": value})) == [message]
