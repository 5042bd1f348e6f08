"""事件推送 through the API: subscribe, read, edit under If-Match, rotate, deliveries, resend; other organisations
and people without webhooks.manage are refused."""

import pytest

from tests.api.keys import auth, token_for
from webhooks import services
from webhooks.models import Delivery, DeliveryStatus, Subscription

pytestmark = pytest.mark.django_db
HOOKS = "/api/v1/webhooks/"
BODY = {"name": "人事系统", "url": "http://127.0.0.1:9/hook", "events": ["review.decided"], "is_active": True}


@pytest.fixture(autouse=True)
def _loopback(settings):
    settings.WEBHOOK_ALLOW_LOOPBACK = True  # the receiver of these tests is this machine


def test_a_unit_subscribes_and_gets_the_secret_once(client, admin_a, enterprise_a):
    headers = auth(token_for(admin_a))
    created = client.post(HOOKS, BODY, content_type="application/json", **headers)
    assert created.status_code == 201, created.json()
    secret = created.json()["secret"]
    subscription = Subscription.objects.get()
    assert (subscription.organisation, subscription.secret, subscription.events) == (
        enterprise_a, secret, ["review.decided"])
    read = client.get(f"{HOOKS}{subscription.pk}/", **headers)
    assert "secret" not in read.json() and read.json()["url"] == BODY["url"]
    edited = client.put(f"{HOOKS}{subscription.pk}/", {**BODY, "name": "新名称"}, content_type="application/json",
                        HTTP_IF_MATCH=read["ETag"], **headers)
    assert edited.status_code == 200 and edited.json()["name"] == "新名称"
    stale = client.put(f"{HOOKS}{subscription.pk}/", BODY, content_type="application/json",
                       HTTP_IF_MATCH=read["ETag"], **headers)
    assert stale.status_code == 412
    rotated = client.post(f"{HOOKS}{subscription.pk}/rotate-secret/", **headers)
    assert rotated.status_code == 200 and rotated.json()["secret"] not in ("", secret)
    assert client.delete(f"{HOOKS}{subscription.pk}/", **headers).status_code == 204
    assert not Subscription.objects.exists()


def test_the_screens_rules_come_back_by_field(client, admin_a, settings):
    headers = auth(token_for(admin_a))
    response = client.post(HOOKS, {**BODY, "events": ["nothing"]}, content_type="application/json", **headers)
    assert response.status_code == 400 and [error["field"] for error in response.json()["errors"]] == ["events"]
    settings.WEBHOOK_ALLOW_LOOPBACK = False
    response = client.post(HOOKS, BODY, content_type="application/json", **headers)
    assert response.status_code == 400 and [error["field"] for error in response.json()["errors"]] == ["url"]
    assert not Subscription.objects.exists()


def test_deliveries_and_resend(client, admin_a, enterprise_a):
    subscription, _secret = services.create_subscription(actor=admin_a, organisation=enterprise_a, data=BODY)
    delivery = Delivery.objects.create(subscription=subscription, event="review.decided", payload={"x": 1},
                                       status=DeliveryStatus.FAILED, attempts=6)
    headers = auth(token_for(admin_a))
    listed = client.get(f"{HOOKS}{subscription.pk}/deliveries/?status=failed", **headers)
    assert [row["id"] for row in listed.json()["results"]] == [delivery.pk]
    assert client.get(f"{HOOKS}{subscription.pk}/deliveries/?status=nonsense", **headers).status_code == 400
    resent = client.post(f"{HOOKS}deliveries/{delivery.pk}/resend/", **headers)
    assert resent.status_code == 200 and resent.json()["id"] == delivery.pk


def test_other_organisations_and_people_without_the_permission(client, admin_a, admin_b, enterprise_a,
                                                                 staff_manager_a):
    subscription, _secret = services.create_subscription(actor=admin_a, organisation=enterprise_a, data=BODY)
    assert client.get(f"{HOOKS}{subscription.pk}/", **auth(token_for(admin_b))).status_code == 404
    assert client.get(HOOKS, **auth(token_for(admin_b))).json()["results"] == []
    assert client.get(HOOKS, **auth(token_for(staff_manager_a))).status_code == 403
    response = client.get(HOOKS, **auth(token_for(admin_a, scopes=["traineeships:read"])))
    assert (response.status_code, response.json()["code"]) == (403, "scope_missing")
