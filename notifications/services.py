from django.db import transaction
from django.utils import timezone

from notifications.models import Notification


def notify(*, recipients, title: str, body: str = "", url: str = "") -> int:
    """Send one in-app message to each recipient (users). Returns how many were written."""
    unique = {user.pk: user for user in recipients if user is not None and user.is_active}
    Notification.objects.bulk_create(
        [Notification(recipient=user, title=title[:128], body=body, url=url) for user in unique.values()]
    )
    return len(unique)


def notify_organisation(*, organisation, title: str, body: str = "", url: str = "", permission: str | None = None):
    """Message the members of an organisation, optionally only those holding `permission`."""
    members = organisation.members.filter(is_active=True).select_related("organisation").prefetch_related("roles")
    recipients = [user for user in members if permission is None or user.has_perm(permission)]
    return notify(recipients=recipients, title=title, body=body, url=url)


@transaction.atomic
def mark_read(*, user, notification_ids=None) -> int:
    queryset = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if notification_ids is not None:
        queryset = queryset.filter(pk__in=notification_ids)
    return queryset.update(read_at=timezone.now())
