"""The state machines of the programme's shared models (audit.state): every status of a filing is written through
FILING_STATES, by whichever service changes it (submission and the review engine, cancellation of the class)."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from apprenticeships.models import FILING_TRANSITIONS, Filing, FilingStatus
from audit.state import StateMachine


def _filing_stamps(filing, current, new, actor) -> dict:
    if new == FilingStatus.APPROVED:
        return {"approved_at": timezone.now()}
    if new == FilingStatus.CANCELLED:
        return {"cancelled_at": timezone.now(), "cancelled_by": actor}
    return {}


FILING_STATES = StateMachine(model=Filing, transitions=FILING_TRANSITIONS, action="apprenticeships.filing_status",
                             noun=_("学徒制培训备案"), stamps=_filing_stamps)
