"""Helpers of the 补贴申领 tests: a unit's claim through HTTP and the county/city decisions through the
review engine's own pages."""

import datetime

from django.urls import reverse
from django.utils import timezone

from claims.models import Claim
from reviews.models import StepStatus
from reviews.selectors import latest_review_for

CLAIMS = reverse("traineeships:claims")
NEW = reverse("traineeships:claim_create")


def number(sequence: int) -> str:
    return f"JXBT-{timezone.localdate().year}-{sequence:06d}"


def create(client, user, first="2026-03", last="2026-05", note=""):
    client.force_login(user)
    return client.post(NEW, {"first_month": first, "last_month": last, "note": note})


def created(client, user, first="2026-03", last="2026-05") -> Claim:
    response = create(client, user, first, last)
    assert response.status_code == 302, response.content.decode()[:2000]
    return Claim.objects.get(pk=int(response["Location"].rstrip("/").split("/")[-1]))


def post(client, user, name, claim, data=None):
    client.force_login(user)
    return client.post(reverse(f"traineeships:{name}", args=[claim.pk]), data or {})


def decide(client, user, claim, decision="approve", reason=""):
    review = latest_review_for(claim)
    step = review.steps.get(status=StepStatus.PENDING)
    client.force_login(user)
    return client.post(reverse("reviews:decide", args=[review.pk]),
                       {"step_id": step.pk, "decision": decision, "reason": reason})


def messages_of(response) -> list[str]:
    """The messages this request added (earlier unread ones are still queued in the session)."""
    return [str(message) for message in response.wsgi_request._messages._queued_messages]


def pay(client, user, claim, paid_on: datetime.date | None = None, voucher="PZ-2026-0815"):
    client.force_login(user)
    return client.post(reverse("traineeships:claim_pay", args=[claim.pk]),
                       {"paid_on": (paid_on or timezone.localdate()).isoformat(), "voucher_number": voucher})
