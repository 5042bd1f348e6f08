"""manage.py issue_api_key: a key issued by a named user through the screens' service, the token alone printed."""

import io

import pytest
from django.core.management import CommandError, call_command

from api import scopes as scope_registry
from api.models import ApiKey
from audit.models import AuditEntry

pytestmark = pytest.mark.django_db
ME = "/api/v1/me/"


def _issue(*args) -> str:
    out = io.StringIO()
    call_command("issue_api_key", *args, stdout=out)
    return out.getvalue().strip()


def test_prints_a_working_token_with_every_scope(client, admin_a, enterprise_a):
    token = _issue("--user", admin_a.username, "--rate", "6000")
    key = ApiKey.objects.get()
    assert token.startswith(f"px_{key.prefix}_") and "\n" not in token
    assert (key.organisation, key.issued_by, key.name) == (enterprise_a, admin_a, "命令行签发")
    assert key.scopes == sorted(scope_registry.all_scopes()) and key.rate_per_minute == 6000
    assert AuditEntry.objects.filter(action="api.key_issued", actor=admin_a).count() == 1
    assert client.get(ME, HTTP_AUTHORIZATION=f"Bearer {token}").status_code == 200


def test_named_scopes_ip_and_expiry(admin_a):
    _issue("--user", admin_a.username, "--scopes", "traineeships:read", "organisations:write", "--name", "同步",
           "--allowed-ip", "10.0.0.0/8", "--expires-days", "7")
    key = ApiKey.objects.get()
    assert key.scopes == ["organisations:write", "traineeships:read"] and key.name == "同步"
    assert key.allowed_ips == ["10.0.0.0/8"] and key.expires_at is not None


@pytest.mark.parametrize("args, message", [
    (["--user", "nobody"], "没有用户 nobody"),
    (["--scopes", "nonsense:read"], "未知的权限范围：nonsense:read"),
    (["--rate", "0"], "--rate 须在 1 到 6000 之间"),
    (["--allowed-ip", "not-an-ip"], "“not-an-ip”不是有效的IP地址或网段"),
])
def test_refuses_bad_arguments(admin_a, args, message):
    arguments = args if "--user" in args else ["--user", admin_a.username, *args]
    with pytest.raises(CommandError) as refused:
        _issue(*arguments)
    assert str(refused.value).startswith(message)
    assert ApiKey.objects.count() == 0


def test_refuses_a_user_who_may_not_issue(staff_manager_a, outsider):
    with pytest.raises(CommandError, match="您无权管理该单位的接口密钥"):
        _issue("--user", staff_manager_a.username)
    with pytest.raises(CommandError, match="不属于任何单位"):
        _issue("--user", outsider.username)
    assert ApiKey.objects.count() == 0
