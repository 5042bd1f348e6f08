"""Every write to API keys: issuing, rotating and revoking them, recording their use and counting calls."""

import hashlib
import ipaddress
import secrets
from dataclasses import dataclass

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from api import scopes as scope_registry
from api.models import ApiKey, RateWindow
from api.rules import MANAGE_KEYS
from audit.services import record

TOKEN_PREFIX = "px"


@dataclass(frozen=True)
class IssuedKey:
    key: ApiKey
    token: str  # shown once: only its hash is stored


def hash_secret(secret: str) -> str:
    # The secret is 32 random bytes: a fast hash is enough (nothing to guess), and every call needs it.
    return hashlib.sha256(secret.encode()).hexdigest()


def split_token(token: str) -> tuple[str, str] | None:
    parts = token.strip().split("_")
    if len(parts) != 3 or parts[0] != TOKEN_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]


def _new_token() -> tuple[str, str, str]:
    prefix, secret = secrets.token_hex(6), secrets.token_urlsafe(32).replace("_", "-")
    return prefix, secret, f"{TOKEN_PREFIX}_{prefix}_{secret}"


def _check_issuer(actor, organisation) -> None:
    if actor.organisation_id != organisation.pk or not actor.has_perm(MANAGE_KEYS):
        raise PermissionDenied(_("您无权管理该单位的接口密钥"))


def _clean_scopes(values) -> list[str]:
    known = set(scope_registry.all_scopes())
    chosen = sorted({value for value in values if value in known})
    if not chosen:
        raise ValidationError({"scopes": _("请至少选择一项权限范围")})
    return chosen


def _clean_networks(values) -> list[str]:
    networks = []
    for value in values:
        try:
            networks.append(str(ipaddress.ip_network(value.strip(), strict=False)))
        except ValueError:
            raise ValidationError({"allowed_ips": _("“%(value)s”不是有效的IP地址或网段") % {"value": value}}) from None
    return networks


@transaction.atomic
def issue_key(*, actor, organisation, name: str, scopes, allowed_ips=(), expires_at=None,
              rate_per_minute: int = 120) -> IssuedKey:
    _check_issuer(actor, organisation)
    if expires_at is not None and expires_at <= timezone.now():
        raise ValidationError({"expires_at": _("有效期须晚于当前时间")})
    prefix, secret, token = _new_token()
    key = ApiKey.objects.create(
        organisation=organisation, issued_by=actor, name=name.strip()[:64], prefix=prefix,
        secret_hash=hash_secret(secret), scopes=_clean_scopes(scopes), allowed_ips=_clean_networks(allowed_ips),
        expires_at=expires_at, rate_per_minute=rate_per_minute,
    )
    record(actor=actor, action="api.key_issued", target=key,
           after={"name": key.name, "prefix": prefix, "scopes": key.scopes, "allowed_ips": key.allowed_ips,
                  "expires_at": expires_at, "rate_per_minute": rate_per_minute})
    return IssuedKey(key=key, token=token)


@transaction.atomic
def revoke_key(*, actor, key: ApiKey) -> ApiKey:
    key = ApiKey.objects.select_for_update().get(pk=key.pk)
    _check_issuer(actor, key.organisation)
    if key.revoked_at is not None:
        raise ValidationError(_("该密钥已停用"))
    key.revoked_at = timezone.now()
    key.save(update_fields=["revoked_at"])
    record(actor=actor, action="api.key_revoked", target=key, after={"prefix": key.prefix})
    return key


@transaction.atomic
def rotate_key(*, actor, key: ApiKey) -> IssuedKey:
    """A new secret with the same name, scopes, allow-list, expiry and limit, issued by the actor; the old key
    stops at once (a client switches by replacing its token)."""
    old = ApiKey.objects.select_for_update().get(pk=key.pk)
    _check_issuer(actor, old.organisation)
    if old.revoked_at is not None:
        raise ValidationError(_("该密钥已停用，不能轮换"))
    prefix, secret, token = _new_token()
    new = ApiKey.objects.create(
        organisation=old.organisation, issued_by=actor, name=old.name, prefix=prefix,
        secret_hash=hash_secret(secret), scopes=old.scopes, allowed_ips=old.allowed_ips,
        expires_at=old.expires_at if old.expires_at is None or old.expires_at > timezone.now() else None,
        rate_per_minute=old.rate_per_minute,
    )
    old.revoked_at, old.replaced_by = timezone.now(), new
    old.save(update_fields=["revoked_at", "replaced_by"])
    record(actor=actor, action="api.key_rotated", target=new, before={"prefix": old.prefix},
           after={"prefix": prefix})
    return IssuedKey(key=new, token=token)


def ip_allowed(key: ApiKey, address: str | None) -> bool:
    if not key.allowed_ips:
        return True
    if not address:
        return False
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in ipaddress.ip_network(network) for network in key.allowed_ips)


def note_use(*, key: ApiKey, address: str | None) -> None:
    """Stamp the key's last use, at most once a minute (a write per call would double the cost of a read)."""
    now = timezone.now()
    if key.last_used_at is None or (now - key.last_used_at).total_seconds() >= 60 or key.last_used_ip != address:
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now, last_used_ip=address)


def count_call(*, key: ApiKey, now=None) -> int:
    """Count one call in the key's current minute and return the minute's count."""
    minute = (now or timezone.now()).replace(second=0, microsecond=0)
    updated = RateWindow.objects.filter(key=key, minute=minute).update(calls=F("calls") + 1)
    if not updated:
        try:
            with transaction.atomic():
                RateWindow.objects.create(key=key, minute=minute, calls=1)
        except IntegrityError:  # another process opened the minute first
            RateWindow.objects.filter(key=key, minute=minute).update(calls=F("calls") + 1)
    return RateWindow.objects.filter(key=key, minute=minute).values_list("calls", flat=True).first() or 0
