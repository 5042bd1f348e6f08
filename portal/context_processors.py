from core.navigation import navigation_for


def layout(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    from notifications.selectors import unread_count

    return {
        "nav_sections": navigation_for(user, request.path),
        "unread_notifications": unread_count(user),
        "current_organisation": user.organisation,
    }
