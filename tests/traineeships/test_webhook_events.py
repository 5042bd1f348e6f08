"""The programme's webhook event: a unit subscribed to 收到见习报名 hears of each application with the change."""

import pytest

from tests.traineeships.helpers import published_post
from tests.traineeships.test_applications import make_trainee
from traineeships.services import applications as application_services
from webhooks import services as webhook_services
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db


def test_a_traineeship_application_is_received(settings, base_a, admin_a, county_reviewer_a, city_reviewer):
    settings.WEBHOOK_ALLOW_LOOPBACK = True
    mine, _secret = webhook_services.create_subscription(actor=admin_a, organisation=base_a.organisation, data={
        "name": "人事系统", "url": "http://127.0.0.1:9/hook", "events": ["traineeships.application_received"],
        "is_active": True})
    post = published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer)
    person = make_trainee()
    application = application_services.apply(actor=person, post=post)
    (delivery,) = Delivery.objects.filter(event="traineeships.application_received")
    assert delivery.subscription == mine
    assert delivery.payload == {
        "application_id": application.pk, "post_id": post.pk, "post_title": post.title,
        "applicant_name": person.real_name, "applied_at": application.applied_at.isoformat(),
    }


def test_nobody_subscribed_nothing_queued(base_a, admin_a, county_reviewer_a, city_reviewer):
    post = published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer)
    application_services.apply(actor=make_trainee(), post=post)
    assert not Delivery.objects.exists()
