"""API keys in the Authorization header (`Bearer px_<prefix>_<secret>`); the browser's session works as well."""

import hmac

from django.utils.translation import gettext as _
from rest_framework import exceptions
from rest_framework.authentication import BaseAuthentication, SessionAuthentication, get_authorization_header

from api import services
from api.models import ApiKey
from core.request_context import client_ip_from_request


class KeyRefused(exceptions.AuthenticationFailed):
    pass


class ApiKeyAuthentication(BaseAuthentication):
    keyword = "Bearer"

    def authenticate(self, request):
        parts = get_authorization_header(request).split()
        if not parts or parts[0].lower() != self.keyword.lower().encode():
            return None
        if len(parts) != 2:
            raise KeyRefused(_("Authorization 头格式应为：Bearer <接口密钥>"), code="malformed_key")
        try:
            token = parts[1].decode("ascii")
        except UnicodeDecodeError:
            raise KeyRefused(_("接口密钥格式不正确"), code="malformed_key") from None
        key = self._key_for(token)
        address = client_ip_from_request(request._request)
        if not services.ip_allowed(key, address):
            raise KeyRefused(_("该密钥不允许从 %(ip)s 调用") % {"ip": address or "-"}, code="ip_not_allowed")
        request._request.api_key = key  # for the call's audit entry (api.middleware)
        services.note_use(key=key, address=address)
        return key.issued_by, key

    def _key_for(self, token: str) -> ApiKey:
        parts = services.split_token(token)
        if parts is None:
            raise KeyRefused(_("接口密钥格式不正确"), code="malformed_key")
        key = (ApiKey.objects.select_related("issued_by__organisation", "organisation")
               .filter(prefix=parts[0]).first())
        if key is None or not hmac.compare_digest(key.secret_hash, services.hash_secret(parts[1])):
            raise KeyRefused(_("接口密钥无效"), code="invalid_key")
        if key.revoked_at is not None:
            raise KeyRefused(_("接口密钥已停用"), code="key_revoked")
        if key.is_expired:
            raise KeyRefused(_("接口密钥已过期"), code="key_expired")
        issuer = key.issued_by
        if not issuer.is_active or issuer.organisation_id != key.organisation_id:
            raise KeyRefused(_("密钥签发人已不在该单位，请重新签发密钥"), code="issuer_gone")
        return key

    def authenticate_header(self, request):
        return f'{self.keyword} realm="api"'


class BrowserSessionAuthentication(SessionAuthentication):
    """The signed-in browser (the documentation page's 试一试), with Django's CSRF check on writes."""
