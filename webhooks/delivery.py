"""Sending deliveries: one attempt of one delivery (`deliver`), and the sweep of everything due (`deliver_due`).
Both run in the background worker (webhooks.tasks, manage.py deliver_webhooks), never in a request."""

import datetime
import time

from django.db import connection, transaction
from django.utils import timezone

from webhooks.models import RESPONSE_EXCERPT_CHARS, Delivery, DeliveryAttempt, DeliveryStatus
from webhooks.signing import body_of, headers_of
from webhooks.states import DELIVERY_STATES, DUE
from webhooks.transport import post

# The wait after the n-th failed attempt; the attempt after the last wait is the last one (6 in all).
BACKOFF = (
    datetime.timedelta(minutes=1),
    datetime.timedelta(minutes=5),
    datetime.timedelta(minutes=30),
    datetime.timedelta(hours=2),
    datetime.timedelta(hours=12),
)
MAX_ATTEMPTS = len(BACKOFF) + 1
SWEEP_BATCH = 50  # one sweep sends at most this many (each at most the timeout), the next sweep goes on


def _lock(delivery_id: int) -> Delivery | None:
    """The delivery row, locked; None when another worker holds it (PostgreSQL: it is sending it right now)."""
    rows = Delivery.objects.select_related("subscription__organisation")
    if connection.features.has_select_for_update_skip_locked:
        rows = rows.select_for_update(skip_locked=True, of=("self",))
    else:
        rows = rows.select_for_update()
    return rows.filter(pk=delivery_id).first()


def deliver(*, delivery_id: int, now: datetime.datetime | None = None) -> Delivery | None:
    """Make the next attempt of a due delivery and record it. The row stays locked while the request is out
    (at most the timeout), so two workers never send the same delivery twice; a delivery that is not due, or
    locked by another worker, is left alone (returned unchanged, or None)."""
    now = now or timezone.now()
    with transaction.atomic():
        delivery = _lock(delivery_id)
        if delivery is None or delivery.status not in DUE:
            return delivery
        if delivery.next_attempt_at is not None and delivery.next_attempt_at > now:
            return delivery
        body = body_of(delivery)
        outcome = post(delivery.subscription.url, body, headers_of(delivery, body, int(time.time())))
        number = delivery.attempts + 1
        excerpt = outcome.response[:RESPONSE_EXCERPT_CHARS]
        DeliveryAttempt.objects.create(delivery=delivery, number=number, at=now, status_code=outcome.status_code,
                                       response=excerpt, error=outcome.error, duration_ms=outcome.duration_ms)
        # The receiver's answer is kept on the row for the screen, not in the audit log (it is not ours).
        delivery.last_response, delivery.last_error = excerpt, outcome.error
        delivery.save(update_fields=["last_response", "last_error"])
        fields = {"attempts": number, "last_status_code": outcome.status_code}
        if outcome.ok:
            new_status, fields["next_attempt_at"], fields["delivered_at"] = DeliveryStatus.SUCCEEDED, None, now
        elif number >= MAX_ATTEMPTS:
            new_status, fields["next_attempt_at"] = DeliveryStatus.FAILED, None
        else:
            new_status = DeliveryStatus.RETRYING
            fields["next_attempt_at"] = now + BACKOFF[min(number, len(BACKOFF)) - 1]
        return DELIVERY_STATES.move(delivery, new_status, actor=None, locked=True, **fields)


def due_ids(*, now: datetime.datetime, limit: int = SWEEP_BATCH) -> list[int]:
    return list(
        Delivery.objects.filter(status__in=DUE, next_attempt_at__lte=now)
        .order_by("next_attempt_at", "id").values_list("id", flat=True)[:limit]
    )


def deliver_due(*, now: datetime.datetime | None = None, limit: int = SWEEP_BATCH) -> int:
    """Attempt every delivery due at `now` (a bounded batch); returns how many were attempted. Each in its own
    transaction, so a slow receiver holds one row at a time."""
    now = now or timezone.now()
    attempted = 0
    for delivery_id in due_ids(now=now, limit=limit):
        before = Delivery.objects.filter(pk=delivery_id).values_list("attempts", flat=True).first()
        after = deliver(delivery_id=delivery_id, now=now)
        if after is not None and after.attempts != before:
            attempted += 1
    return attempted
