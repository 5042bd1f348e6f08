"""The programme's webhook event: an enterprise subscribed to 收到实习申请 hears of a student's choices."""

import pytest

from internships.services import applications as services
from tests.internships import factories as f
from webhooks import services as webhook_services
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db


def test_an_application_is_received(settings, host_a, admin_a, student_record):
    settings.WEBHOOK_ALLOW_LOOPBACK = True
    mine, _secret = webhook_services.create_subscription(actor=admin_a, organisation=host_a, data={
        "name": "人事系统", "url": "http://127.0.0.1:9/hook", "events": ["internships.application_received"],
        "is_active": True})
    position = f.position(host_a, admin_a, title="数控实习岗")
    (application,) = services.apply_for_positions(student=student_record, positions=[position],
                                                  actor=student_record.person)
    (delivery,) = Delivery.objects.filter(event="internships.application_received")
    assert delivery.subscription == mine
    assert delivery.payload == {
        "student_name": student_record.name, "school": student_record.school.name,
        "applications": [{"application_id": application.pk, "position_id": position.pk,
                          "position_title": "数控实习岗", "choice_slot": 1}],
    }
