from notifications.models import Notification


def unread_count(user) -> int:
    return Notification.objects.filter(recipient=user, read_at__isnull=True).count()


def recent_for(user, limit: int = 5):
    return list(Notification.objects.filter(recipient=user)[:limit])


def notifications_for(user):
    return Notification.objects.filter(recipient=user)
