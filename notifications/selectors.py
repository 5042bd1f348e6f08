from notifications.models import Notification


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def recent_for(user, limit: int = 5):
    return list(Notification.objects.filter(recipient=user)[:limit])


def notifications_for(user):
    return Notification.objects.filter(recipient=user)


def get_notification_for_user(user, notification_id) -> Notification:
    """The user's own message; another user's (or a missing one) is a 404."""
    from django.http import Http404

    notification = Notification.objects.filter(pk=notification_id, recipient=user).first()
    if notification is None:
        raise Http404("消息不存在")
    return notification


def safe_local_url(url: str) -> str | None:
    """The message's link if it stays on this site (a path such as /reviews/12/), else None: a message
    must not send its reader elsewhere."""
    from django.utils.http import url_has_allowed_host_and_scheme

    url = (url or "").strip()
    if not url.startswith("/") or url.startswith("//") or "\\" in url:
        return None
    if not url_has_allowed_host_and_scheme(url, allowed_hosts=None):
        return None
    return url
