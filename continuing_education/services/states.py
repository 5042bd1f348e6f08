"""The state machines of the programme (audit.state): every status is written through one of these."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from audit.state import StateMachine
from continuing_education.models import (
    CLASS_TRANSITIONS,
    DECLARATION_TRANSITIONS,
    RESULTS_TRANSITIONS,
    ClassStatus,
    DeclarationStatus,
    HoursDeclaration,
    TrainingClass,
)


def _class_stamps(training_class, current, new, actor) -> dict:
    if new == ClassStatus.PENDING:
        return {"submitted_at": timezone.now()}
    if new == ClassStatus.APPROVED:
        return {"approved_at": timezone.now()}
    return {}


def _results_stamps(training_class, current, new, actor) -> dict:
    return {"results_reported_at": timezone.now(), "results_reported_by": actor}


def _declaration_stamps(declaration, current, new, actor) -> dict:
    if new == DeclarationStatus.PENDING and current != DeclarationStatus.APPROVED:
        return {"submitted_at": timezone.now()}
    if new == DeclarationStatus.APPROVED:
        return {"approved_at": timezone.now()}
    if current == DeclarationStatus.APPROVED:
        return {"approved_at": None}
    return {}


CLASS_STATES = StateMachine(model=TrainingClass, transitions=CLASS_TRANSITIONS,
                            action="continuing_education.class_status", noun=_("培训班"), stamps=_class_stamps)
RESULTS_STATES = StateMachine(model=TrainingClass, transitions=RESULTS_TRANSITIONS, field="results_status",
                              action="continuing_education.class_results", noun=_("培训成果"),
                              refusal="%(noun)s%(status)s，不能再次上报；如需更正请联系培训班审核部门",
                              stamps=_results_stamps)
DECLARATION_STATES = StateMachine(model=HoursDeclaration, transitions=DECLARATION_TRANSITIONS,
                                  action="continuing_education.declaration_status", noun=_("学时申报"),
                                  stamps=_declaration_stamps)
