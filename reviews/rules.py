"""Who may do what in the review engine, defined once for the menu, the views and the exports."""

from accounts.models import UserKind


def may_see_mine(user) -> bool:
    """我的申报 in the menu: members of organisations that submit (reviews.submit), and individuals."""
    if not user.is_authenticated:
        return False
    if user.organisation_id:
        return user.has_perm("reviews.submit")
    return user.kind == UserKind.INDIVIDUAL
