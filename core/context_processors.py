from django.conf import settings

from core.navigation import navigation_for


def _site() -> dict:
    return {"name": settings.SITE_NAME, "sponsor": settings.SITE_SPONSOR, "contact": settings.SITE_CONTACT,
            "icp": settings.SITE_ICP, "psb": settings.SITE_PSB}


def layout(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"site": _site()}
    from notifications.selectors import unread_count

    return {
        "site": _site(),
        "nav_sections": navigation_for(user, request.path),
        "unread_notifications": unread_count(user),
        "current_organisation": user.organisation,
    }
