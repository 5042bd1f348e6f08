"""Scoped reads of the accounts app."""

from django.conf import settings
from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet

from accounts.models import LoginRecord, SmsOutboxMessage

OUTBOX_PAGE_SIZE = 50


def can_view_login_log(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff:
        return True
    return user.organisation_id is not None and user.has_perm("organisations.view_logs")


def get_login_records_for_user(user) -> QuerySet:
    """Platform staff see every record (including attempts on identifiers nobody has); an organisation user
    holding organisations.view_logs sees the records of their organisation's accounts; anyone else none."""
    if not can_view_login_log(user):
        raise PermissionDenied
    records = LoginRecord.objects.select_related("user", "user__organisation").order_by("-created_at", "-id")
    if user.is_staff:
        return records
    return records.filter(user__organisation_id=user.organisation_id)


def filter_login_records(records: QuerySet, *, text="", result="", date_from=None, date_to=None, ip="") -> QuerySet:
    if text:
        records = records.filter(
            Q(identifier__icontains=text) | Q(user__real_name__icontains=text) | Q(user__username__icontains=text)
        )
    if result == "success":
        records = records.filter(succeeded=True)
    elif result == "failure":
        records = records.filter(succeeded=False)
    if date_from:
        records = records.filter(created_at__date__gte=date_from)
    if date_to:
        records = records.filter(created_at__date__lte=date_to)
    if ip:
        records = records.filter(ip_address__startswith=ip)
    return records


def outbox_visible() -> bool:
    return bool(settings.SMS_OUTBOX_VISIBLE)


def latest_outbox_messages(limit: int = OUTBOX_PAGE_SIZE) -> list[SmsOutboxMessage]:
    return list(SmsOutboxMessage.objects.order_by("-created_at", "-id")[:limit])
