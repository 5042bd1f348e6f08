"""Sending: the outbox, signatures, back-off, exhaustion, redirects, timeouts and refused addresses, against a
real receiver on 127.0.0.1."""

import datetime
import json
import re
import socket

import pytest
from django.core.management import call_command
from django.db import transaction
from django.utils import timezone

from audit.models import AuditEntry
from webhooks import services
from webhooks.delivery import BACKOFF, MAX_ATTEMPTS, deliver, deliver_due
from webhooks.models import Delivery, DeliveryStatus

pytestmark = pytest.mark.django_db

PAYLOAD = {"review_id": 7, "status": "approved"}


def _emit(enterprise_a, event="review.decided"):
    return services.emit(event=event, organisations=[enterprise_a], payload=PAYLOAD)


def test_fails_twice_then_succeeds(receive, subscribe, enterprise_a, django_capture_on_commit_callbacks):
    receiver = receive([500, 500, 200])
    subscription, secret = subscribe(receiver.url)
    # The event is emitted inside a business transaction; the worker task sends it once that commits.
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        (delivery,) = _emit(enterprise_a)
        assert len(receiver.received) == 0
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.RETRYING, 1, 500)
    first_retry = delivery.next_attempt_at
    assert first_retry - delivery.attempt_rows.get().at == BACKOFF[0]

    # Not due yet: the sweep leaves it alone.
    assert deliver_due(now=first_retry - datetime.timedelta(seconds=1)) == 0
    assert deliver_due(now=first_retry) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.RETRYING, 2)
    assert delivery.next_attempt_at == first_retry + BACKOFF[1]

    assert deliver_due(now=delivery.next_attempt_at) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.SUCCEEDED, 3, 200)
    assert delivery.next_attempt_at is None and delivery.delivered_at is not None
    assert delivery.last_response == "answer 3: 200"
    history = list(delivery.attempt_rows.values_list("number", "status_code", "response", "error"))
    assert history == [(1, 500, "answer 1: 500", ""), (2, 500, "answer 2: 500", ""), (3, 200, "answer 3: 200", "")]

    # Three requests, each signed with the subscription's secret over the same body.
    assert len(receiver.received) == 3
    assert all(receiver.verify(secret, request) for request in receiver.received)
    assert not receiver.verify("whsec_wrong", receiver.received[0])
    assert len({request.body for request in receiver.received}) == 1
    # Nothing more is due.
    assert deliver_due(now=timezone.now() + datetime.timedelta(days=2)) == 0
    assert AuditEntry.objects.filter(action="webhooks.delivery_status", target_id=str(delivery.pk)).count() == 3


def test_signature_headers_and_body(receive, subscribe, enterprise_a):
    receiver = receive([204])
    subscription, secret = subscribe(receiver.url)
    (delivery,) = _emit(enterprise_a)
    deliver(delivery_id=delivery.pk)
    (request,) = receiver.received
    assert request.path == "/hook"
    assert request.headers["Content-Type"] == "application/json"
    assert request.headers["X-Praxis-Event"] == "review.decided"
    assert request.headers["X-Praxis-Delivery"] == str(delivery.pk)
    assert request.headers["X-Praxis-Event-Id"] == str(delivery.event_id)
    assert re.fullmatch(r"t=\d{10},v1=[0-9a-f]{64}", request.headers["X-Praxis-Signature"])
    assert receiver.verify(secret, request)
    body = json.loads(request.body)
    assert body == {"id": str(delivery.event_id), "event": "review.decided",
                    "created_at": delivery.created_at.isoformat(),
                    "organisation": {"id": enterprise_a.pk, "name": "甲企业有限公司"}, "data": PAYLOAD}
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.SUCCEEDED, 204)


def test_a_redirect_is_not_followed(receive, subscribe, enterprise_a):
    elsewhere = receive([200])
    receiver = receive([302], location=elsewhere.url)
    subscribe(receiver.url)
    (delivery,) = _emit(enterprise_a)
    deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.RETRYING, 302)
    assert (len(receiver.received), len(elsewhere.received)) == (1, 0)


def test_a_timeout_is_retried(receive, subscribe, enterprise_a, settings):
    settings.WEBHOOK_TIMEOUT_SECONDS = 0.3
    receiver = receive([200], delay=1.5)
    subscribe(receiver.url)
    (delivery,) = _emit(enterprise_a)
    deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts, delivery.last_status_code) == (DeliveryStatus.RETRYING, 1, None)
    assert delivery.last_error in ("连接超时", "响应超时")
    assert delivery.attempt_rows.get().error == delivery.last_error


def test_a_refused_connection_is_retried(subscribe, enterprise_a):
    with socket.socket() as probe:  # a port that was free a moment ago and has nobody listening
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    subscribe(f"http://127.0.0.1:{port}/hook")
    (delivery,) = _emit(enterprise_a)
    deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.last_status_code) == (DeliveryStatus.RETRYING, None)
    assert delivery.last_error.startswith("连接失败")


def test_exhausted_retries_fail(receive, subscribe, enterprise_a):
    receiver = receive([503])
    subscribe(receiver.url)
    (delivery,) = _emit(enterprise_a)
    now = timezone.now()
    for number in range(1, MAX_ATTEMPTS + 1):
        deliver(delivery_id=delivery.pk, now=now)
        delivery.refresh_from_db()
        assert delivery.attempts == number
        if number < MAX_ATTEMPTS:
            assert delivery.status == DeliveryStatus.RETRYING
            assert delivery.next_attempt_at == now + BACKOFF[number - 1]
            now = delivery.next_attempt_at
    assert (delivery.status, delivery.next_attempt_at) == (DeliveryStatus.FAILED, None)
    assert len(receiver.received) == MAX_ATTEMPTS == 6
    # A failed delivery is not picked up again, however late.
    assert deliver_due(now=now + datetime.timedelta(days=30)) == 0


def test_resend_makes_one_more_attempt_keeping_the_history(receive, subscribe, enterprise_a, admin_a):
    receiver = receive([200])
    subscribe(receiver.url)
    (delivery,) = _emit(enterprise_a)
    deliver(delivery_id=delivery.pk)
    services.resend(actor=admin_a, delivery=delivery)
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.PENDING, 1)
    assert deliver_due(now=timezone.now()) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SUCCEEDED, 2)
    assert list(delivery.attempt_rows.values_list("number", flat=True)) == [1, 2]
    assert AuditEntry.objects.filter(action="webhooks.resend", actor=admin_a).count() == 1


def test_emit_is_one_query_when_nobody_subscribes(enterprise_a, django_assert_num_queries):
    with django_assert_num_queries(1):
        assert services.emit(event="review.decided", organisations=[enterprise_a], payload=lambda: 1 / 0) == []


def test_emit_reaches_the_active_subscriptions_wanting_the_event(subscribe, enterprise_a, enterprise_b, admin_b):
    wanted, _ = subscribe("http://127.0.0.1:9/a", events=["review.decided", "claim.paid"])
    subscribe("http://127.0.0.1:9/b", events=["claim.paid"])
    subscribe("http://127.0.0.1:9/c", events=["review.decided"], is_active=False)
    also, _ = subscribe("http://127.0.0.1:9/d", events=["review.decided"])
    services.create_subscription(actor=admin_b, organisation=enterprise_b, data={
        "name": "乙", "url": "http://127.0.0.1:9/e", "events": ["review.decided"], "is_active": True})
    deliveries = _emit(enterprise_a)
    assert sorted(d.subscription_id for d in deliveries) == sorted([wanted.pk, also.pk])
    assert len({d.event_id for d in deliveries}) == 1
    assert all(d.status == DeliveryStatus.PENDING and d.payload == PAYLOAD for d in deliveries)
    with pytest.raises(ValueError):
        services.emit(event="no.such.event", organisations=[enterprise_a], payload={})


def test_the_address_is_checked_again_when_sending(receive, subscribe, enterprise_a, settings):
    receiver = receive([200])
    subscribe(receiver.url)  # saved while loopback was allowed
    settings.WEBHOOK_ALLOW_LOOPBACK = False
    (delivery,) = _emit(enterprise_a)
    deliver(delivery_id=delivery.pk)
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.RETRYING
    assert delivery.last_error == "接收地址不能指向本机（127.0.0.1）"
    assert receiver.received == []


def test_the_sweep_command(receive, subscribe, enterprise_a):
    receiver = receive([200])
    subscribe(receiver.url)
    (delivery,) = _emit(enterprise_a)
    call_command("deliver_webhooks")
    delivery.refresh_from_db()
    assert delivery.status == DeliveryStatus.SUCCEEDED
    assert len(receiver.received) == 1
    assert Delivery.objects.count() == 1
