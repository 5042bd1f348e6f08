"""The programme's webhook event: a unit subscribed to 收到专技人员加入单位申请 hears of each join request with the
change (organisations.staff_links tells the programme, which emits it)."""

import pytest
from django.core.exceptions import ValidationError

from organisations import staff_links
from tests.continuing_education import factories as ce
from webhooks import services as webhook_services
from webhooks.events import event_choices
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db
EVENT = "continuing_education.join_requested"


def test_the_event_is_offered():
    assert (EVENT, "继续教育：收到专技人员加入单位申请") in [(key, str(label)) for key, label in event_choices()]


def test_a_join_request_is_received(settings, enterprise_a, admin_a):
    settings.WEBHOOK_ALLOW_LOOPBACK = True
    mine, _secret = webhook_services.create_subscription(actor=admin_a, organisation=enterprise_a, data={
        "name": "人事系统", "url": "http://127.0.0.1:9/hook", "events": [EVENT], "is_active": True})
    person = ce.professional(username="joiner", real_name="钱专技")
    member = staff_links.request_join(actor=person, organisation=enterprise_a)
    (delivery,) = Delivery.objects.filter(event=EVENT)
    assert delivery.subscription == mine
    assert delivery.payload == {"staff_member_id": member.pk, "name": "钱专技",
                                "requested_at": member.link_requested_at.isoformat()}


def test_a_refused_request_sends_nothing(settings, enterprise_a, admin_a, pro_a):
    settings.WEBHOOK_ALLOW_LOOPBACK = True
    webhook_services.create_subscription(actor=admin_a, organisation=enterprise_a, data={
        "name": "人事系统", "url": "http://127.0.0.1:9/hook", "events": [EVENT], "is_active": True})
    with pytest.raises(ValidationError, match="已加入"):
        staff_links.request_join(actor=pro_a, organisation=enterprise_a)
    assert not Delivery.objects.exists()
