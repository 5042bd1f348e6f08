"""The state machines of the programme's shared models (audit.state): every status of an internship and of an
application is written through these, by whichever service changes it."""

from django.utils.translation import gettext_lazy as _

from audit.state import StateMachine
from internships.models import APPLICATION_TRANSITIONS, INTERNSHIP_TRANSITIONS, Application, Internship

INTERNSHIP_STATES = StateMachine(model=Internship, transitions=INTERNSHIP_TRANSITIONS,
                                 action="internships.internship_status", noun=_("实习"))
APPLICATION_STATES = StateMachine(model=Application, transitions=APPLICATION_TRANSITIONS,
                                  action="internships.application_status", noun=_("实习申请"))
