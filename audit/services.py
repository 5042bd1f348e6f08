"""The audit log: every state change and sensitive action, with who, what, before/after, when and where."""

import datetime
import decimal
import uuid

from django.db import models, transaction

from audit.labels import UnlabelledAction, is_registered
from audit.models import AuditEntry
from core.request_context import current_client_ip


def _plain(value):
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, (list, tuple, set)):
        return [_plain(item) for item in value]
    if isinstance(value, (datetime.date, datetime.datetime, decimal.Decimal, uuid.UUID)):
        return str(value)
    if isinstance(value, models.Model):
        return str(value.pk)
    return value


def snapshot(instance, fields) -> dict:
    """The named fields of a model instance as JSON-ready values, for `before`/`after`."""
    return {name: _plain(getattr(instance, name)) for name in fields}


def _check_label(action: str) -> None:
    from django.conf import settings

    if getattr(settings, "AUDIT_REQUIRE_LABELS", False) and not is_registered(action):
        raise UnlabelledAction(f"audit action {action!r} has no label: register_action() it in AppConfig.ready()")


def record(*, actor, action: str, target=None, before=None, after=None, target_repr: str | None = None,
           ip_address: str | None = None) -> AuditEntry:
    """Write one audit entry. Call inside the same transaction as the change it records."""
    _check_label(action)
    organisation = getattr(actor, "organisation", None) if actor is not None else None
    return AuditEntry.objects.create(
        actor=actor if actor is not None and actor.pk else None,
        actor_name=(getattr(actor, "real_name", "") or getattr(actor, "username", "")) if actor else "",
        actor_org=organisation,
        action=action,
        target_type=target._meta.label if isinstance(target, models.Model) else "",
        target_id=str(target.pk) if isinstance(target, models.Model) else "",
        target_repr=(target_repr if target_repr is not None else str(target) if target is not None else "")[:255],
        before=_plain(before) if before is not None else None,
        after=_plain(after) if after is not None else None,
        ip_address=ip_address or current_client_ip(),
    )


# 网络安全法 第二十一条: network logs are kept for no less than six months.
MINIMUM_RETENTION_DAYS = 183


def retention_cutoff(days: int) -> datetime.datetime:
    """The moment before which entries may go: `days` ago, but never less than the configured retention
    nor the legal six months, whatever the caller asks."""
    from django.conf import settings
    from django.utils import timezone

    days = max(days, settings.AUDIT_RETENTION_DAYS, MINIMUM_RETENTION_DAYS)
    return timezone.now() - datetime.timedelta(days=days)


def purge_older_than(*, days: int) -> int:
    """Delete entries older than `days` (never less than the legal six months)."""
    cutoff = retention_cutoff(days)
    with transaction.atomic():
        deleted, _ = AuditEntry.objects.filter(created_at__lt=cutoff).delete()
        if deleted:
            record(
                actor=None,
                action="audit.purge",
                target_repr="操作日志",
                after={"deleted": deleted, "cutoff": cutoff},
            )
    return deleted
