"""The one state machine per status column of the programme's models (audit.state.StateMachine)."""

from django.utils.translation import gettext_lazy as _

from audit.state import StateMachine
from internships.models import APPLICATION_TRANSITIONS, INTERNSHIP_TRANSITIONS, Application, Internship

INTERNSHIP_STATES = StateMachine(model=Internship, transitions=INTERNSHIP_TRANSITIONS,
                                 action="internships.internship_status", noun=_("实习"))
APPLICATION_STATES = StateMachine(model=Application, transitions=APPLICATION_TRANSITIONS,
                                  action="internships.application_status", noun=_("实习申请"))
