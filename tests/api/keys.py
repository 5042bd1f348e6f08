"""API keys for tests: a token per user, with every scope unless told."""

from api import scopes as scope_registry
from api import services


def token_for(user, scopes=None, **options) -> str:
    issued = services.issue_key(actor=_issuer(user), organisation=user.organisation, name=f"测试密钥-{user.username}",
                                scopes=scope_registry.all_scopes() if scopes is None else scopes, **options)
    if issued.key.issued_by_id != user.pk:  # a sub-admin without api.manage_keys: the key acts as them all the same
        issued.key.issued_by = user
        issued.key.save(update_fields=["issued_by"])
    return issued.token


def _issuer(user):
    from api.rules import MANAGE_KEYS

    if user.has_perm(MANAGE_KEYS):
        return user
    admin = user.organisation.members.filter(is_org_admin=True, is_active=True).first()
    return admin


def auth(token: str) -> dict:
    return {"HTTP_AUTHORIZATION": f"Bearer {token}"}
