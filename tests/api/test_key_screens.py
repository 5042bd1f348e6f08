"""开放接口密钥 screens: issuing, rotating and revoking through HTTP, the token shown once, who may open them."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from api.models import ApiKey
from api.screens import SESSION_KEY
from audit.models import AuditEntry
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
ME = "/api/v1/me/"
LIST, ISSUE, ISSUED = "/org/api-keys/", "/org/api-keys/new/", "/org/api-keys/issued/"


def _issue(client, **overrides):
    data = {"name": "人事系统同步", "scopes": ["organisations:read", "traineeships:write"],
            "allowed_ips": "", "expires_on": "", "rate_per_minute": "120", **overrides}
    return client.post(ISSUE, data)


def _token_on(page) -> str:
    html = page.content.decode()
    start = html.index('data-testid="api-token"')
    value = html[html.index('value="', start - 200) + 7:]
    return value[:value.index('"')]


def test_the_routes_are_the_ones_the_menu_and_links_use():
    assert (reverse("api_keys:list"), reverse("api_keys:issue"), reverse("api_keys:issued")) == (LIST, ISSUE, ISSUED)
    assert reverse("api_keys:rotate", args=[7]) == "/org/api-keys/7/rotate/"
    assert reverse("api_keys:revoke", args=[7]) == "/org/api-keys/7/revoke/"


def test_issuing_shows_the_token_once_and_it_works(client, admin_a, enterprise_a):
    client.force_login(admin_a)
    response = _issue(client, allowed_ips="127.0.0.1\n\n10.0.0.0/8 ", rate_per_minute="600",
                      expires_on=(timezone.localdate() + datetime.timedelta(days=30)).isoformat())
    assert response.status_code == 302 and response["Location"] == ISSUED
    key = ApiKey.objects.get()
    assert (key.organisation, key.issued_by, key.name) == (enterprise_a, admin_a, "人事系统同步")
    assert key.scopes == ["organisations:read", "traineeships:write"]
    assert key.allowed_ips == ["127.0.0.1/32", "10.0.0.0/8"]
    assert key.rate_per_minute == 600
    expiry = timezone.localtime(key.expires_at)
    assert (expiry.date(), expiry.time()) == (timezone.localdate() + datetime.timedelta(days=31), datetime.time.min)

    page = client.get(ISSUED)
    assert page.status_code == 200
    token = _token_on(page)
    assert token.startswith(f"px_{key.prefix}_")
    assert f'curl -H "Authorization: Bearer {token}" http://testserver/api/v1/me/' in page.content.decode()
    assert page["Cache-Control"].startswith("max-age=0")
    assert SESSION_KEY not in client.session  # taken out of the session: never stored anywhere

    again = client.get(ISSUED)
    assert again.status_code == 302 and again["Location"] == LIST
    assert token not in client.get(LIST).content.decode()

    client.logout()
    me = client.get(ME, **auth(token), REMOTE_ADDR="127.0.0.1")
    assert me.status_code == 200 and me.json()["scopes"] == key.scopes
    assert AuditEntry.objects.filter(action="api.key_issued", target_id=str(key.pk)).count() == 1


def test_the_list_shows_the_organisations_keys_with_their_status(client, admin_a, admin_b):
    token_for(admin_a, scopes=["organisations:read"])
    expired_token = token_for(admin_a, expires_at=timezone.now() + datetime.timedelta(days=1))
    ApiKey.objects.filter(prefix=expired_token.split("_")[1]).update(
        expires_at=timezone.now() - datetime.timedelta(minutes=1))
    token_for(admin_b)  # another organisation's: never listed
    client.force_login(admin_a)
    revoked = ApiKey.objects.filter(organisation=admin_a.organisation).order_by("pk").first()
    client.post(reverse("api_keys:revoke", args=[revoked.pk]))

    page = client.get(LIST)
    assert page.status_code == 200
    html = page.content.decode()
    own = ApiKey.objects.filter(organisation=admin_a.organisation)
    for key in own:
        assert f'data-key="{key.pk}"' in html and key.prefix in html
    other = ApiKey.objects.get(organisation=admin_b.organisation)
    assert f'data-key="{other.pk}"' not in html and other.prefix not in html
    assert html.count('data-status="revoked"') == 1 and html.count('data-status="expired"') == 1
    assert html.count('data-status="active"') == 0
    assert "已停用" in html and "已过期" in html and 'href="/api/docs/"' in html
    assert "单位、人员与任务 · 读取" in html


def test_rotating_shows_a_new_token_once_and_stops_the_old(client, admin_a):
    old_token = token_for(admin_a, scopes=["organisations:read"])
    key = ApiKey.objects.get()
    client.force_login(admin_a)
    confirm = client.get(reverse("api_keys:rotate", args=[key.pk]))
    assert confirm.status_code == 200 and "确认轮换" in confirm.content.decode()

    response = client.post(reverse("api_keys:rotate", args=[key.pk]))
    assert response.status_code == 302 and response["Location"] == ISSUED
    new_token = _token_on(client.get(ISSUED))
    new = ApiKey.objects.get(replaces=key)
    assert new_token.startswith(f"px_{new.prefix}_") and new.scopes == ["organisations:read"]
    assert client.get(ISSUED).status_code == 302
    client.logout()
    assert client.get(ME, **auth(old_token)).status_code == 401
    assert client.get(ME, **auth(new_token)).status_code == 200


def test_revoking_stops_the_key(client, admin_a):
    token = token_for(admin_a)
    key = ApiKey.objects.get()
    client.force_login(admin_a)
    assert "确认停用" in client.get(reverse("api_keys:revoke", args=[key.pk])).content.decode()
    response = client.post(reverse("api_keys:revoke", args=[key.pk]))
    assert response.status_code == 302 and response["Location"] == LIST
    key.refresh_from_db()
    assert key.revoked_at is not None
    assert AuditEntry.objects.filter(action="api.key_revoked", target_id=str(key.pk)).count() == 1
    client.logout()
    assert (client.get(ME, **auth(token)).status_code, client.get(ME, **auth(token)).json()["code"]) == \
        (401, "key_revoked")


def test_a_revoked_key_cannot_be_revoked_or_rotated_again(client, admin_a):
    token_for(admin_a)
    key = ApiKey.objects.get()
    client.force_login(admin_a)
    client.post(reverse("api_keys:revoke", args=[key.pk]))
    again = client.post(reverse("api_keys:revoke", args=[key.pk]), follow=True)
    assert "该密钥已停用" in again.content.decode()
    rotated = client.post(reverse("api_keys:rotate", args=[key.pk]), follow=True)
    assert "该密钥已停用，不能轮换" in rotated.content.decode()
    assert ApiKey.objects.count() == 1
    assert AuditEntry.objects.filter(action="api.key_revoked").count() == 1


def test_a_malformed_form_shows_errors_next_to_the_fields(client, admin_a):
    client.force_login(admin_a)
    response = _issue(client, name="", scopes=["nonsense:read"], allowed_ips="10.0.0.1\nnot-an-ip",
                      expires_on=(timezone.localdate() - datetime.timedelta(days=1)).isoformat(),
                      rate_per_minute="6001")
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert set(errors) == {"name", "scopes", "allowed_ips", "expires_on", "rate_per_minute"}
    assert errors["allowed_ips"] == ["“not-an-ip”不是有效的IP地址或网段"]
    assert errors["expires_on"] == ["有效期不能早于今天"]
    html = response.content.decode()
    for field in ("name", "scopes", "allowed_ips", "expires_on", "rate_per_minute"):
        assert f'data-field-error="{field}"' in html
    assert ApiKey.objects.count() == 0


def test_no_scope_is_refused_next_to_the_field(client, admin_a):
    client.force_login(admin_a)
    response = _issue(client, scopes=[])
    assert response.status_code == 200 and list(response.context["form"].errors) == ["scopes"]
    assert ApiKey.objects.count() == 0


def test_another_organisations_key_is_404(client, admin_a, admin_b):
    token_for(admin_b)
    key = ApiKey.objects.get()
    client.force_login(admin_a)
    for name in ("api_keys:rotate", "api_keys:revoke"):
        assert client.get(reverse(name, args=[key.pk])).status_code == 404
        assert client.post(reverse(name, args=[key.pk])).status_code == 404
    key.refresh_from_db()
    assert key.revoked_at is None and ApiKey.objects.count() == 1


def test_a_sub_admin_without_the_permission_is_403(client, admin_a, staff_manager_a):
    token_for(admin_a)
    key = ApiKey.objects.get()
    client.force_login(staff_manager_a)
    for url in (LIST, ISSUE, ISSUED, reverse("api_keys:rotate", args=[key.pk]),
                reverse("api_keys:revoke", args=[key.pk])):
        assert client.get(url).status_code == 403, url
    assert _issue(client).status_code == 403
    assert client.post(reverse("api_keys:revoke", args=[key.pk])).status_code == 403
    assert client.post(reverse("api_keys:rotate", args=[key.pk])).status_code == 403
    assert ApiKey.objects.count() == 1 and ApiKey.objects.get().revoked_at is None


def test_a_sub_admin_with_the_permission_may_issue(client, enterprise_a):
    from tests import factories

    user = factories.UserFactory(organisation=enterprise_a, username="key_manager_a", real_name="甲接口管理员")
    user.roles.add(enterprise_a.roles.create(name="接口管理员", permissions=["api.manage_keys"]))
    client.force_login(user)
    assert _issue(client).status_code == 302
    assert ApiKey.objects.get().issued_by == user


def test_a_department_administrator_manages_its_own_keys(client, county_reviewer_a, county_hr_a):
    client.force_login(county_reviewer_a)
    assert _issue(client, scopes=["traineeships:review"]).status_code == 302
    assert ApiKey.objects.get().organisation == county_hr_a


def test_anonymous_is_sent_to_sign_in(client, admin_a):
    token_for(admin_a)
    key = ApiKey.objects.get()
    for url in (LIST, ISSUE, ISSUED, reverse("api_keys:rotate", args=[key.pk]),
                reverse("api_keys:revoke", args=[key.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith("/accounts/login/"), url
    assert client.post(reverse("api_keys:revoke", args=[key.pk])).status_code == 302
    assert ApiKey.objects.get().revoked_at is None


def test_people_without_an_organisation_are_403(client, outsider):
    client.force_login(outsider)
    assert client.get(LIST).status_code == 403


def test_the_menu_entry_is_shown_to_key_managers_only(client, admin_a, staff_manager_a):
    client.force_login(admin_a)
    assert 'href="/org/api-keys/"' in client.get("/").content.decode()
    client.force_login(staff_manager_a)
    assert 'href="/org/api-keys/"' not in client.get("/").content.decode()
