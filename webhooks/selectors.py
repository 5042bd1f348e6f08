"""Scoped reads: an organisation sees its own subscriptions and their deliveries, nobody else's (404)."""

from django.db.models import QuerySet
from django.http import Http404

from webhooks.models import Delivery, Subscription


def subscriptions_of(organisation_id: int) -> QuerySet:
    return Subscription.objects.filter(organisation_id=organisation_id).order_by("name", "id")


def get_subscription_for_user(user, pk: int) -> Subscription:
    if not user.is_authenticated or user.organisation_id is None:
        raise Http404
    found = subscriptions_of(user.organisation_id).select_related("organisation").filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_delivery_for_user(user, pk: int) -> Delivery:
    if not user.is_authenticated or user.organisation_id is None:
        raise Http404
    found = (Delivery.objects.filter(subscription__organisation_id=user.organisation_id, pk=pk)
             .select_related("subscription__organisation").first())
    if found is None:
        raise Http404
    return found


def deliveries_of(subscription: Subscription, *, status: str = "", event: str = "") -> QuerySet:
    rows = subscription.deliveries.order_by("-created_at", "-id")
    if status:
        rows = rows.filter(status=status)
    if event:
        rows = rows.filter(event=event)
    return rows
