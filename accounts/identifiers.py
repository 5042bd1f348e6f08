"""Which user an identifier typed into the sign-in form names."""

from django.db.models import Q

from accounts.models import User
from core.identifiers import looks_like_credit_code, looks_like_id_number, looks_like_mobile


def find_user_by_identifier(identifier: str) -> User | None:
    value = (identifier or "").strip()
    if not value:
        return None
    query = Q(username=value)
    if looks_like_mobile(value):
        query |= Q(mobile=value)
    if looks_like_id_number(value):
        query |= Q(id_number=value.upper())
    if looks_like_credit_code(value):
        # An organisation's credit code signs in its administrator.
        query |= Q(organisation__credit_code=value.upper(), is_org_admin=True)
    matches = list(User.objects.filter(query).select_related("organisation")[:2])
    if len(matches) != 1:
        # Two different people behind one string (say one's login name is another's mobile): refuse
        # rather than guess. Registration prevents this for new accounts.
        return None
    return matches[0]


def find_user_by_id_number(id_number: str) -> User | None:
    """The account holding this (normalised) ID number: the one lookup by ID number, so the way it is
    stored can change in one place."""
    return User.objects.filter(id_number=id_number).first() if id_number else None
