"""Who a user is, asked the same way everywhere (the predicates other apps build their rules on)."""

from accounts.models import UserKind


def is_active_user(user) -> bool:
    return bool(user is not None and user.is_authenticated and user.is_active)


def is_platform_staff(user) -> bool:
    return is_active_user(user) and bool(user.is_staff or user.is_superuser)


def login_name_fixed(user) -> bool:
    """A person's login account never changes once the account exists (it identifies the person, like the ID
    number, which no screen edits), also after they registered a unit and became its administrator; the accounts
    of organisations (no ID number) may still set theirs on the profile page."""
    return user.kind == UserKind.INDIVIDUAL or bool(user.id_number_hash)


def is_individual(user) -> bool:
    """A person signed in for themselves (a student, a graduate, a job seeker), not for an organisation."""
    return is_active_user(user) and user.kind == UserKind.INDIVIDUAL and user.organisation_id is None

