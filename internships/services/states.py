"""The state machines of the programme's shared models (audit.state): every status of a position, an internship
and an application is written through these, by whichever service changes it (the positions' own services, the
blacklist closing an enterprise's positions and cancelling its applications, signing...)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.state import StateMachine
from internships.models import (
    APPLICATION_TRANSITIONS,
    INTERNSHIP_TRANSITIONS,
    POSITION_TRANSITIONS,
    Application,
    Internship,
    Position,
    PositionStatus,
)

INTERNSHIP_STATES = StateMachine(model=Internship, transitions=INTERNSHIP_TRANSITIONS,
                                 action="internships.internship_status", noun=_("实习"))
APPLICATION_STATES = StateMachine(model=Application, transitions=APPLICATION_TRANSITIONS,
                                  action="internships.application_status", noun=_("实习申请"))


def _position_stamps(position, current, new, actor) -> dict:
    if new == PositionStatus.PUBLISHED:
        return {"published_at": timezone.now()}
    return {}


POSITION_STATES = StateMachine(model=Position, transitions=POSITION_TRANSITIONS,
                               action="internships.position_status", noun=_("岗位"), stamps=_position_stamps)
