"""API keys: what a key may do, when it stops working, its limits, and the audit entry of every call."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from api import services
from api.models import ApiKey
from audit.models import AuditEntry
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
ME = "/api/v1/me/"


def test_a_key_acts_as_its_issuer_within_its_organisation(client, admin_a, enterprise_a):
    response = client.get(ME, **auth(token_for(admin_a, scopes=["organisations:read"])))
    assert response.status_code == 200
    assert response.json() == {
        "username": admin_a.username, "real_name": admin_a.real_name, "organisation_id": enterprise_a.pk,
        "organisation_name": enterprise_a.name, "key": ApiKey.objects.get().prefix,
        "scopes": ["organisations:read"], "expires_at": None,
    }


def test_the_secret_is_stored_hashed_and_shown_once(admin_a, enterprise_a):
    issued = services.issue_key(actor=admin_a, organisation=enterprise_a, name="HR系统", scopes=["organisations:read"])
    secret = issued.token.split("_")[2]
    key = ApiKey.objects.get()
    assert secret not in key.secret_hash and key.secret_hash == services.hash_secret(secret)
    assert issued.token.startswith(f"px_{key.prefix}_")


@pytest.mark.parametrize("header, code", [
    ("Bearer px_nothere_secret", "invalid_key"),
    ("Bearer not-a-key", "malformed_key"),
    ("Bearer a b", "malformed_key"),
])
def test_a_bad_token_is_401_with_a_stable_code(client, header, code):
    response = client.get(ME, HTTP_AUTHORIZATION=header)
    assert response.status_code == 401
    assert response.json()["code"] == code
    assert response["WWW-Authenticate"] == 'Bearer realm="api"'


def test_a_wrong_secret_of_a_real_key_is_refused(client, admin_a):
    token = token_for(admin_a)
    response = client.get(ME, HTTP_AUTHORIZATION=f"Bearer {token[:-2]}xx")
    assert (response.status_code, response.json()["code"]) == (401, "invalid_key")


def test_no_credentials_is_401(client):
    response = client.get(ME)
    assert response.status_code == 401
    assert set(response.json()) == {"code", "message", "field", "errors"}


def test_a_revoked_key_stops(client, admin_a):
    token = token_for(admin_a)
    services.revoke_key(actor=admin_a, key=ApiKey.objects.get())
    response = client.get(ME, **auth(token))
    assert (response.status_code, response.json()["code"]) == (401, "key_revoked")


def test_an_expired_key_stops(client, admin_a):
    token = token_for(admin_a, expires_at=timezone.now() + datetime.timedelta(days=1))
    ApiKey.objects.update(expires_at=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get(ME, **auth(token))
    assert (response.status_code, response.json()["code"]) == (401, "key_expired")


def test_rotation_replaces_the_secret_and_stops_the_old_one(client, admin_a):
    old_token = token_for(admin_a)
    issued = services.rotate_key(actor=admin_a, key=ApiKey.objects.get())
    assert client.get(ME, **auth(old_token)).status_code == 401
    assert client.get(ME, **auth(issued.token)).status_code == 200
    old = ApiKey.objects.exclude(pk=issued.key.pk).get()
    assert old.replaced_by == issued.key and issued.key.scopes == old.scopes


def test_the_ip_allow_list(client, admin_a):
    token = token_for(admin_a, allowed_ips=["10.1.0.0/16"])
    assert client.get(ME, REMOTE_ADDR="10.1.2.3", **auth(token)).status_code == 200
    response = client.get(ME, REMOTE_ADDR="10.2.0.1", **auth(token))
    assert (response.status_code, response.json()["code"]) == (401, "ip_not_allowed")


def test_a_key_stops_when_its_issuer_leaves_the_organisation(client, admin_a, enterprise_b):
    token = token_for(admin_a)
    admin_a.organisation = enterprise_b
    admin_a.save(update_fields=["organisation"])
    response = client.get(ME, **auth(token))
    assert (response.status_code, response.json()["code"]) == (401, "issuer_gone")


def test_the_rate_limit_per_key(client, admin_a):
    token = token_for(admin_a)
    ApiKey.objects.update(rate_per_minute=2)
    assert [client.get(ME, **auth(token)).status_code for _ in range(2)] == [200, 200]
    response = client.get(ME, **auth(token))
    assert response.status_code == 429
    assert response.json()["code"] == "throttled" and "Retry-After" in response


def test_another_key_has_its_own_limit(client, admin_a, admin_b):
    token_a, token_b = token_for(admin_a), token_for(admin_b)
    ApiKey.objects.update(rate_per_minute=1)
    assert client.get(ME, **auth(token_a)).status_code == 200
    assert client.get(ME, **auth(token_a)).status_code == 429
    assert client.get(ME, **auth(token_b)).status_code == 200


def test_every_call_is_in_the_audit_log_with_its_key(client, admin_a):
    token = token_for(admin_a)
    client.get(ME, **auth(token))
    client.get("/api/v1/no-such-route/", **auth(token))
    entries = list(AuditEntry.objects.filter(action="api.call").order_by("id"))
    prefix = ApiKey.objects.get().prefix
    assert [(entry.actor, entry.after["path"], entry.after["status"], entry.after["key"]) for entry in entries] == [
        (admin_a, ME, 200, prefix), (None, "/api/v1/no-such-route/", 404, None)]


def test_a_refused_call_is_audited_too(client):
    client.get(ME, HTTP_AUTHORIZATION="Bearer px_nothere_secret")
    entry = AuditEntry.objects.get(action="api.call")
    assert (entry.actor, entry.after["status"], entry.after["via"]) == (None, 401, "anonymous")


def test_only_an_administrator_with_the_permission_issues_keys(admin_a, staff_manager_a, enterprise_a, enterprise_b):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        services.issue_key(actor=staff_manager_a, organisation=enterprise_a, name="x", scopes=["organisations:read"])
    with pytest.raises(PermissionDenied):
        services.issue_key(actor=admin_a, organisation=enterprise_b, name="x", scopes=["organisations:read"])


def test_a_key_needs_a_known_scope_and_a_future_expiry(admin_a, enterprise_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as error:
        services.issue_key(actor=admin_a, organisation=enterprise_a, name="x", scopes=["nothing:read"])
    assert error.value.message_dict == {"scopes": ["请至少选择一项权限范围"]}
    with pytest.raises(ValidationError) as error:
        services.issue_key(actor=admin_a, organisation=enterprise_a, name="x", scopes=["organisations:read"],
                           expires_at=timezone.now() - datetime.timedelta(days=1))
    assert error.value.message_dict == {"expires_at": ["有效期须晚于当前时间"]}


def test_the_session_works_for_the_browser(client, admin_a):
    client.force_login(admin_a)
    response = client.get(ME)
    assert response.status_code == 200 and response.json()["key"] is None


def test_an_unknown_route_is_a_json_404(client):
    response = client.get("/api/v1/nothing/here/")
    assert response.status_code == 404
    assert response.json()["code"] == "not_found"


def test_the_schema_and_the_offline_documentation(client):
    schema = client.get(reverse("api:schema"), HTTP_ACCEPT="application/vnd.oai.openapi+json")
    assert schema.status_code == 200
    document = schema.json()
    assert document["openapi"].startswith("3.") and "/api/v1/me/" in document["paths"]
    assert document["components"]["securitySchemes"]["apiKey"]["scheme"] == "bearer"
    docs = client.get(reverse("api:docs"))
    assert docs.status_code == 200
    page = docs.content.decode()
    assert "cdn" not in page.lower() and "https://" not in page
