"""The per-user part of every page's layout (base.html): menu, unread messages, current organisation, and the
site's identity for its header and footer."""

from django.conf import settings

from core.navigation import navigation_for
from notifications.selectors import unread_count


def _site() -> dict:
    return {"name": settings.SITE_NAME, "sponsor": settings.SITE_SPONSOR, "contact": settings.SITE_CONTACT,
            "icp": settings.SITE_ICP, "psb": settings.SITE_PSB}


def layout(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"site": _site()}
    return {
        "site": _site(),
        "nav_sections": navigation_for(user, request.path),
        "unread_notifications": unread_count(user),
        "current_organisation": user.organisation,
    }
