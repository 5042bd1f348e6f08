"""登录日志 through /api/v1/organisation/login-log/: the attempts on the caller's organisation's accounts, the
page's filters and permission (organisations.view_logs), identifiers masked without view_personal_data."""

import pytest

from accounts.models import LoginRecord
from organisations.models import Role
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
URL = "/api/v1/organisation/login-log/"


@pytest.fixture
def records(admin_a, member_a, admin_b):
    LoginRecord.objects.create(user=admin_a, identifier="13812345678", ip_address="10.0.0.1", succeeded=True)
    LoginRecord.objects.create(user=member_a, identifier="member_a", ip_address="192.168.1.9", succeeded=False,
                               reason="密码错误")
    LoginRecord.objects.create(user=admin_b, identifier="admin_b", ip_address="10.0.0.2", succeeded=True)


def get(client, user, query=""):
    return client.get(f"{URL}{query}", **auth(token_for(user)))


def test_the_administrator_sees_the_units_sign_ins(client, admin_a, records):
    rows = get(client, admin_a).json()["results"]
    assert [(row["identifier"], row["username"], row["succeeded"]) for row in rows] == [
        ("member_a", "member_a", False), ("13812345678", "admin_a", True)]
    assert rows[0]["reason"] == "密码错误" and rows[0]["organisation_name"] == "甲企业有限公司"
    failures = get(client, admin_a, "?result=failure&ip=192.168").json()["results"]
    assert [row["username"] for row in failures] == ["member_a"]
    assert get(client, admin_a, "?q=甲管理员").json()["results"][0]["username"] == "admin_a"


def test_bad_filters_are_a_400(client, admin_a, records):
    assert get(client, admin_a, "?result=maybe").json()["field"] == "result"
    assert get(client, admin_a, "?date_from=2026-13-01").status_code == 400
    backwards = get(client, admin_a, "?date_from=2026-05-02&date_to=2026-05-01")
    assert (backwards.status_code, backwards.json()["field"], backwards.json()["message"]) == (
        400, "date_to", "结束日期不能早于开始日期")


def test_who_sees_what(client, admin_b, member_a, staff_manager_a, records, outsider):
    assert [row["username"] for row in get(client, admin_b).json()["results"]] == ["admin_b"]
    assert get(client, member_a).status_code == 403
    assert get(client, staff_manager_a).status_code == 403
    member_a.roles.add(Role.objects.create(organisation=member_a.organisation, name="审计员",
                                           permissions=["organisations.view_logs"]))
    rows = get(client, member_a).json()["results"]
    assert [row["identifier"] for row in rows] == ["member_a", "138****5678"]
    client.force_login(outsider)
    assert client.get(URL).status_code == 403
