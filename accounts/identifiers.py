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
