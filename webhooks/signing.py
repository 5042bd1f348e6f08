"""The body and headers of a delivery. Receivers verify X-Praxis-Signature: `t=<unix seconds>,v1=<hex>` where
hex = HMAC-SHA256(secret, "<t>.<raw body>"); they should refuse an old `t` (replays) and drop an `id` seen before
(a delivery may arrive more than once: a resend, or an answer lost after the receiver processed it)."""

import hashlib
import hmac
import json

from django.core.serializers.json import DjangoJSONEncoder

from webhooks.models import Delivery


def body_of(delivery: Delivery) -> bytes:
    """The same bytes on every attempt of a delivery."""
    organisation = delivery.subscription.organisation
    document = {
        "id": str(delivery.event_id),
        "event": delivery.event,
        "created_at": delivery.created_at.isoformat(),
        "organisation": {"id": organisation.pk, "name": organisation.name},
        "data": delivery.payload,
    }
    return json.dumps(document, ensure_ascii=False, cls=DjangoJSONEncoder, separators=(",", ":")).encode()


def signature(secret: str, timestamp: int, body: bytes) -> str:
    digest = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256).hexdigest()
    return f"t={timestamp},v1={digest}"


def headers_of(delivery: Delivery, body: bytes, timestamp: int) -> dict[str, str]:
    return {
        "Content-Type": "application/json",
        "User-Agent": "Praxis-Webhooks/1",
        "X-Praxis-Event": delivery.event,
        "X-Praxis-Delivery": str(delivery.pk),
        "X-Praxis-Event-Id": str(delivery.event_id),
        "X-Praxis-Signature": signature(delivery.subscription.secret, timestamp, body),
    }
