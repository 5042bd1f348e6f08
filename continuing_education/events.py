"""The programme's webhook events (webhooks.events): a professional asks to join a unit (加入单位申请)."""

from django.utils.translation import gettext_lazy as _

from organisations import staff_links
from webhooks.events import register_event
from webhooks.services import emit

JOIN_REQUESTED = "continuing_education.join_requested"


def _join_requested(member) -> None:
    emit(event=JOIN_REQUESTED, organisations=[member.organisation], payload=lambda: {
        "staff_member_id": member.pk, "name": member.name,
        "requested_at": member.link_requested_at.isoformat() if member.link_requested_at else None,
    })


def register_events() -> None:
    register_event(JOIN_REQUESTED, _("继续教育：收到专技人员加入单位申请"))
    staff_links.on_join_requested(_join_requested)
