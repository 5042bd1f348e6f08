from django.contrib.auth.backends import ModelBackend

from accounts.identifiers import find_user_by_identifier

# Which codes a user holds is decided by the organisations app (its roles and permission catalogue), which sits
# above accounts; it plugs its answer in here when it starts (OrganisationsConfig.ready()). Until then, none.
_permission_source = None


def register_permission_source(permissions_for_user) -> None:
    """`permissions_for_user(user) -> set[str]` for an active, signed-in user."""
    global _permission_source
    _permission_source = permissions_for_user


class IdentifierBackend(ModelBackend):
    """Authenticates by any identifier (see accounts.identifiers) and answers permission checks from the
    source registered by the organisations app instead of Django's per-user permission tables."""

    def authenticate(self, request, identifier=None, password=None, **kwargs):
        identifier = identifier or kwargs.get("username")
        if not identifier or password is None:
            return None
        user = find_user_by_identifier(identifier)
        if user is None:
            # Spend the same time as a real check so timing does not reveal which identifiers exist.
            self._dummy_check(password)
            return None
        if user.check_password(password) and self.user_can_authenticate(user):
            return user
        return None

    def _dummy_check(self, password):
        from django.contrib.auth.hashers import make_password

        make_password(password)

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous:
            return set()
        cached = getattr(user_obj, "_praxis_perm_cache", None)
        if cached is not None:
            return cached
        perms = set(_permission_source(user_obj)) if _permission_source is not None else set()
        user_obj._praxis_perm_cache = perms
        return perms

    def get_user_permissions(self, user_obj, obj=None):
        return self.get_all_permissions(user_obj, obj)

    def get_group_permissions(self, user_obj, obj=None):
        return set()

    def has_perm(self, user_obj, perm, obj=None):
        return perm in self.get_all_permissions(user_obj, obj)
