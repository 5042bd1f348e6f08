"""A subscription's delivery list runs a constant number of queries whatever the number of deliveries."""

import pytest
from django.urls import reverse

from tests.list_queries import queries
from webhooks import services

pytestmark = pytest.mark.django_db
PAYLOAD = {"review_id": 1, "decision": "approve"}


def test_delivery_list(client, subscribe, enterprise_a, admin_a):
    subscription, _secret = subscribe("http://127.0.0.1:9/hook", events=("review.decided", "review.submitted"))
    client.force_login(admin_a)
    url = reverse("webhooks:deliveries", args=[subscription.pk])
    for _ in range(2):
        services.emit(event="review.decided", organisations=[enterprise_a], payload=PAYLOAD)
    few, few_filtered = queries(client, url), queries(client, url, {"event": "review.decided"})
    for number in range(6):
        services.emit(event="review.submitted" if number % 2 else "review.decided", organisations=[enterprise_a],
                      payload={**PAYLOAD, "review_id": number})
    assert subscription.deliveries.count() == 8
    assert queries(client, url) == few
    assert queries(client, url, {"event": "review.decided"}) == few_filtered
