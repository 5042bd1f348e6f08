"""The programme's webhook events (webhooks.events), emitted by its services."""

from django.utils.translation import gettext_lazy as _

from webhooks.events import register_event

APPLICATION_RECEIVED = "internships.application_received"


def register_events() -> None:
    register_event(APPLICATION_RECEIVED, _("学生实习：收到学生的实习申请"))
