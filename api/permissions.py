"""The scope a key needs for a view: views name their programme (`api_programme`); reads need `read`, writes
`write`, and a view may name another action for a method (`api_actions = {"POST": "review"}`) or decide the scope
itself from the object (`required_scope(request)`). A session has every scope: the user's permissions decide."""

from django.utils.translation import gettext as _
from rest_framework.exceptions import PermissionDenied
from rest_framework.permissions import SAFE_METHODS, BasePermission

from api import scopes
from api.models import ApiKey


def scope_for_view(view, method: str) -> str | None:
    programme = getattr(view, "api_programme", None)
    if programme is None:
        return None
    action = getattr(view, "api_actions", {}).get(method) or (scopes.READ if method in SAFE_METHODS
                                                               else scopes.WRITE)
    return scopes.scope(programme, action)


def require_scope(request, needed: str) -> None:
    """Refuse a key without `needed` (views that learn the scope from the object call this themselves)."""
    key = request.auth if isinstance(request.auth, ApiKey) else None
    if key is not None and needed not in key.scopes:
        raise PermissionDenied(_("该密钥没有“%(scope)s”权限范围") % {"scope": needed}, code="scope_missing")


class KeyScope(BasePermission):
    def has_permission(self, request, view):
        needed = scope_for_view(view, request.method)
        if needed is not None:
            require_scope(request, needed)
        return True
