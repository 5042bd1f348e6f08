"""培训成果更正申请: once a class's results are reported (once, RESULTS_STATES), the unit asks the class's reviewer
to correct participants' hours and 考核结果. On approval the old archive credit is taken back and the new one
written, in the deciding transaction.

Lock order (docs/architecture.md): the correction (the review's subject, locked by the engine), the class, its
participants (ascending id), then the archive rows (services.archive)."""

from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from audit.services import record
from audit.state import StateMachine, StatusMap
from continuing_education import rules
from continuing_education.models import (
    CORRECTION_TRANSITIONS,
    ArchiveEntry,
    Assessment,
    CorrectionStatus,
    HoursSource,
    Participant,
    ResultsCorrection,
    ResultsStatus,
)
from continuing_education.services.archive import Credit, credit, debit
from continuing_education.services.classes_review import class_department
from continuing_education.services.states import CLASS_STATES
from core.constraints import known_violation
from reviews import services as reviews
from reviews.models import ReviewStatus
from reviews.registry import addressed_step

CORRECTION_KIND = "ce_class_correction"


def _stamps(correction, current, new, actor) -> dict:
    return {"decided_at": timezone.now()} if new != CorrectionStatus.PENDING else {}


CORRECTION_STATES = StateMachine(model=ResultsCorrection, transitions=CORRECTION_TRANSITIONS,
                                 action="continuing_education.correction_status", noun=gettext_lazy("更正申请"),
                                 stamps=_stamps)


def may_file(actor, training_class) -> bool:
    return rules.may_declare_class(actor) and actor.organisation_id == training_class.organisation_id


def _text(hours) -> str | None:
    return None if hours is None else str(hours)


@transaction.atomic
def file_correction(*, actor, training_class, reason: str, results: dict) -> ResultsCorrection:
    """File a correction; `results` maps participant id to (hours, assessment). Only changed rows are kept."""
    if not may_file(actor, training_class):
        raise PermissionDenied(_("只能为本单位的培训班申请更正"))
    locked = CLASS_STATES.lock(training_class.pk)
    if locked.results_status != ResultsStatus.REPORTED:
        raise ValidationError(_("培训成果尚未上报，请直接修改报名人员的培训成果"))
    changes = []
    for person in locked.participants.order_by("pk"):
        if person.pk not in results:
            continue
        hours, assessment = results[person.pk]
        if hours is not None and hours > locked.hours:
            raise ValidationError(_("%(name)s：获得学时不能超过培训班学时（%(hours)s）") % {
                "name": person.name, "hours": locked.hours})
        if (hours is None) != (not assessment):
            raise ValidationError(_("%(name)s：获得学时和考核结果须同时填写") % {"name": person.name})
        if (person.hours, person.assessment) == (hours, assessment or ""):
            continue
        changes.append({"participant": person.pk, "name": person.name, "hours_before": _text(person.hours),
                        "assessment_before": person.assessment, "hours": _text(hours),
                        "assessment": assessment or ""})
    if not changes:
        raise ValidationError(_("没有需要更正的培训成果"))
    try:
        with transaction.atomic():
            correction = ResultsCorrection.objects.create(training_class=locked, reason=reason, created_by=actor,
                                                          payload={"changes": changes})
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="continuing_education.correction_filed", target=locked,
           after={"correction": correction.pk, "reason": reason, "changes": changes})
    reviews.submit(kind_key=CORRECTION_KIND, subject=correction, actor=actor)
    return correction


def _apply(correction, actor) -> None:
    """Write the corrected results and move their archive credits (old debited, new credited)."""
    training_class = CLASS_STATES.lock(correction.training_class_id)
    changes = {change["participant"]: change for change in correction.payload.get("changes", [])}
    people = list(Participant.objects.select_for_update().filter(
        training_class=training_class, pk__in=changes).order_by("pk"))
    credits = []
    for person in people:
        change = changes[person.pk]
        entry = ArchiveEntry.objects.filter(participant=person).first()
        if entry is not None:
            debit(actor=actor, entry=entry, reason=_("培训成果更正"))
        person.hours = Decimal(change["hours"]) if change["hours"] is not None else None
        person.assessment = change["assessment"]
        person.save(update_fields=["hours", "assessment"])
        if person.hours is not None and person.hours > 0 and person.assessment == Assessment.PASSED:
            credits.append(Credit(
                id_number=person.id_number, name=person.name, year=training_class.year, source=HoursSource.CLASS,
                subject_type=training_class.subject_type, hours=person.hours, title=training_class.name,
                occurred_on=training_class.ends_on, organisation=training_class.organisation,
                organiser=training_class.organisation.name, participant=person))
    credit(actor=actor, credits=credits)
    record(actor=actor, action="continuing_education.correction_applied", target=training_class,
           after={"correction": correction.pk, "changes": list(changes.values())})


def on_review_status(*, subject, status, actor, review=None):
    if status == ReviewStatus.APPROVED:
        _apply(subject, actor)
    return None


CORRECTION_STATUS_MAP = StatusMap(CORRECTION_STATES, {
    ReviewStatus.PENDING: CorrectionStatus.PENDING,
    ReviewStatus.APPROVED: CorrectionStatus.APPROVED,
    ReviewStatus.REJECTED: CorrectionStatus.REJECTED,
    ReviewStatus.RETURNED: CorrectionStatus.RETURNED,
    ReviewStatus.WITHDRAWN: CorrectionStatus.WITHDRAWN,
}, hook=on_review_status)


def correction_chain(correction):
    department = class_department(correction.training_class)
    if department is None:
        raise ValidationError(_("请先在单位信息中设置所属人社部门"))
    return [addressed_step(department)]


def correction_title(correction) -> str:
    training_class = correction.training_class
    return _("培训成果更正申请：%(unit)s·%(name)s（%(year)s年度）") % {
        "unit": training_class.organisation.name, "name": training_class.name, "year": training_class.year}


def correction_materials(correction, user):
    return "continuing_education/correction/review_materials.html", {
        "correction": correction, "training_class": correction.training_class,
        "changes": correction.payload.get("changes", [])}
