"""The per-user part of every page's layout (base.html): menu, unread messages, current organisation."""

from core.navigation import navigation_for
from notifications.selectors import unread_count


def layout(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    return {
        "nav_sections": navigation_for(user, request.path),
        "unread_notifications": unread_count(user),
        "current_organisation": user.organisation,
    }
