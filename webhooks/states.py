"""The one writer of Delivery.status. Attempts move it between the states; 重新发送 puts any of them back to 待发送
(the attempts made are kept)."""

from django.utils.translation import gettext_lazy as _

from audit.state import StateMachine
from webhooks.models import Delivery, DeliveryStatus

DELIVERY_TRANSITIONS = {
    DeliveryStatus.PENDING: {DeliveryStatus.SUCCEEDED, DeliveryStatus.RETRYING, DeliveryStatus.FAILED},
    DeliveryStatus.RETRYING: {DeliveryStatus.SUCCEEDED, DeliveryStatus.FAILED, DeliveryStatus.PENDING},
    DeliveryStatus.SUCCEEDED: {DeliveryStatus.PENDING},
    DeliveryStatus.FAILED: {DeliveryStatus.PENDING},
}

DELIVERY_STATES = StateMachine(model=Delivery, transitions=DELIVERY_TRANSITIONS, action="webhooks.delivery_status",
                               noun=_("事件推送"))

DUE = (DeliveryStatus.PENDING, DeliveryStatus.RETRYING)
