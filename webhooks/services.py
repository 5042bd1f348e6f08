"""Every write of webhooks: subscriptions (created, edited, deleted, secret rotated), the outbox (`emit`) and
重新发送. Sending itself is webhooks.delivery, run by the background worker."""

import secrets
import uuid
from collections.abc import Callable

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from organisations.models import Organisation
from webhooks.events import is_registered
from webhooks.models import Delivery, DeliveryStatus, Subscription
from webhooks.rules import MANAGE
from webhooks.safety import UnsafeAddress, check_url
from webhooks.states import DELIVERY_STATES

FIELDS = ("name", "url", "events", "is_active")


def _new_secret() -> str:
    return "whsec_" + secrets.token_urlsafe(32)


def _refuse_unless_manager(actor, organisation_id: int) -> None:
    if actor.organisation_id != organisation_id or not actor.has_perm(MANAGE):
        raise PermissionDenied(_("您无权管理该单位的事件推送"))


def _clean(data: dict) -> dict:
    cleaned = {name: data[name] for name in FIELDS if name in data}
    unknown = [key for key in cleaned.get("events", []) if not is_registered(key)]
    if unknown:
        raise ValidationError({"events": _("未知的事件：%(keys)s") % {"keys": "、".join(unknown)}})
    if "events" in cleaned and not cleaned["events"]:
        raise ValidationError({"events": _("请至少选择一个事件")})
    if "url" in cleaned:
        try:
            check_url(cleaned["url"])
        except UnsafeAddress as error:
            raise ValidationError({"url": str(error)}) from None
    return cleaned


def _snapshot(subscription: Subscription) -> dict:
    return {name: getattr(subscription, name) for name in FIELDS}


def _lock(subscription: Subscription) -> Subscription:
    return Subscription.objects.select_for_update().get(pk=subscription.pk)


@transaction.atomic
def create_subscription(*, actor, organisation: Organisation, data: dict) -> tuple[Subscription, str]:
    """Returns the subscription and its secret, which is shown this once."""
    _refuse_unless_manager(actor, organisation.pk)
    cleaned = _clean(data)
    secret = _new_secret()
    subscription = Subscription.objects.create(organisation=organisation, secret=secret, created_by=actor, **cleaned)
    record(actor=actor, action="webhooks.subscription_create", target=subscription, after=_snapshot(subscription))
    return subscription, secret


@transaction.atomic
def update_subscription(*, actor, subscription: Subscription, data: dict) -> Subscription:
    _refuse_unless_manager(actor, subscription.organisation_id)
    locked = _lock(subscription)
    cleaned = _clean(data)
    before = _snapshot(locked)
    for name, value in cleaned.items():
        setattr(locked, name, value)
    locked.save(update_fields=[*cleaned, "updated_at"])
    after = _snapshot(locked)
    changed = [name for name in FIELDS if before[name] != after[name]]
    if changed:
        record(actor=actor, action="webhooks.subscription_update", target=locked,
               before={name: before[name] for name in changed}, after={name: after[name] for name in changed})
    return locked


@transaction.atomic
def delete_subscription(*, actor, subscription: Subscription) -> None:
    """Deletes its deliveries with it (pending ones are not sent)."""
    _refuse_unless_manager(actor, subscription.organisation_id)
    locked = _lock(subscription)
    record(actor=actor, action="webhooks.subscription_delete", target=locked, before=_snapshot(locked))
    locked.delete()


@transaction.atomic
def rotate_secret(*, actor, subscription: Subscription) -> str:
    """A new secret, shown this once; the old one stops signing at once (deliveries still due use the new)."""
    _refuse_unless_manager(actor, subscription.organisation_id)
    locked = _lock(subscription)
    secret = _new_secret()
    locked.secret = secret
    locked.save(update_fields=["secret", "updated_at"])
    record(actor=actor, action="webhooks.rotate_secret", target=locked)
    return secret


def _enqueue_on_commit(delivery_ids) -> None:
    def enqueue():
        from webhooks.tasks import enqueue as enqueue_delivery

        for delivery_id in delivery_ids:
            enqueue_delivery(delivery_id)

    transaction.on_commit(enqueue)


def emit(*, event: str, organisations, payload: dict | Callable[[], dict]) -> list[Delivery]:
    """Put `event` in the outbox for every active subscription of `organisations` (Organisation rows, ids, or a
    queryset of organisations) that wants it. Call it inside the business transaction: the deliveries commit
    or roll back with the change, and go out once it has committed. One query when nobody subscribes: a
    payload that needs queries of its own can be given as a function, called only when someone does."""
    if not is_registered(event):
        raise ValueError(f"webhook event {event!r} is not registered (webhooks.events.register_event)")
    wanted = Q()
    ids = set()
    for organisation in organisations:
        if isinstance(organisation, QuerySet):
            wanted |= Q(organisation__in=organisation.values("pk"))
        elif organisation is not None:
            ids.add(organisation.pk if isinstance(organisation, Organisation) else int(organisation))
    if ids:
        wanted |= Q(organisation_id__in=ids)
    if not wanted:
        return []
    # The event list is filtered here rather than in SQL: SQLite has no JSON containment.
    subscriptions = [sub for sub in Subscription.objects.filter(wanted, is_active=True).only("id", "events")
                     if event in sub.events]
    if not subscriptions:
        return []
    now, event_id = timezone.now(), uuid.uuid4()
    if callable(payload):
        payload = payload()
    deliveries = Delivery.objects.bulk_create([
        Delivery(subscription_id=sub.pk, event=event, event_id=event_id, payload=payload, created_at=now,
                 next_attempt_at=now)
        for sub in subscriptions
    ])
    _enqueue_on_commit([delivery.pk for delivery in deliveries])
    return deliveries


@transaction.atomic
def resend(*, actor, delivery: Delivery) -> Delivery:
    """重新发送: one more attempt now, whatever became of the earlier ones (their history is kept)."""
    _refuse_unless_manager(actor, delivery.subscription.organisation_id)
    locked = DELIVERY_STATES.lock(delivery.pk)
    DELIVERY_STATES.move(locked, DeliveryStatus.PENDING, actor=actor, locked=True, next_attempt_at=timezone.now())
    record(actor=actor, action="webhooks.resend", target=locked, after={"attempts": locked.attempts})
    _enqueue_on_commit([locked.pk])
    return locked
