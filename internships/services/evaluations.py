"""实习评价 (manual 000 §4.5): the enterprise evaluates each intern during the internship (过程性评价, any number
while ARRIVED) and once at the end (实习总结评价, ARRIVED or COMPLETED); the student evaluates the enterprise
(process any number, final once). One final evaluation per side is held by in_one_final_evaluation."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from audit.services import record
from core.constraints import known_violation
from internships.models import Evaluation, EvaluationSide, EvaluationStage, Internship, InternshipStatus
from internships.rules import HOST, SCHOOL, is_host
from internships.selectors.access import student_of
from notifications.services import notify, notify_organisation
from timeline.services import add_event

# What each side may write in which internship status.
OPEN_FOR = {
    (EvaluationSide.ENTERPRISE, EvaluationStage.PROCESS): {InternshipStatus.ARRIVED},
    (EvaluationSide.ENTERPRISE, EvaluationStage.FINAL): {InternshipStatus.ARRIVED, InternshipStatus.COMPLETED},
    (EvaluationSide.STUDENT, EvaluationStage.PROCESS): {InternshipStatus.ARRIVED, InternshipStatus.COMPLETED,
                                                        InternshipStatus.ENDED_EARLY},
    (EvaluationSide.STUDENT, EvaluationStage.FINAL): {InternshipStatus.ARRIVED, InternshipStatus.COMPLETED,
                                                      InternshipStatus.ENDED_EARLY},
}


def side_of(user, internship: Internship) -> str | None:
    """Which side `user` evaluates for on this internship, if any."""
    if is_host(user) and user.has_perm(HOST) and user.organisation_id == internship.enterprise_id:
        return EvaluationSide.ENTERPRISE
    student = student_of(user)
    if student is not None and student.pk == internship.student_id:
        return EvaluationSide.STUDENT
    return None


def open_stages(internship: Internship, side: str | None) -> list[str]:
    """The stages `side` may still write on this internship."""
    if side is None:
        return []
    stages = []
    for stage in (EvaluationStage.PROCESS, EvaluationStage.FINAL):
        if internship.status not in OPEN_FOR[(side, stage)]:
            continue
        if side == EvaluationSide.STUDENT and internship.arrived_on is None:
            continue  # ended early before arriving: nothing to evaluate
        if stage == EvaluationStage.FINAL and internship.evaluations.filter(side=side, stage=stage).exists():
            continue
        stages.append(stage)
    return stages


def evaluate(*, actor, internship: Internship, stage: str, grade: str, comment: str) -> Evaluation:
    side = side_of(actor, internship)
    if side is None:
        raise PermissionDenied
    with transaction.atomic():
        locked = Internship.objects.select_related("student", "enterprise", "school").get(pk=internship.pk)
        if stage not in open_stages(locked, side):
            if stage == EvaluationStage.FINAL and locked.evaluations.filter(side=side, stage=stage).exists():
                raise ValidationError({"stage": [_("实习总结评价只能提交一次")]})
            raise ValidationError({"stage": [_("实习当前状态为“%(status)s”，不能提交%(stage)s") % {
                "status": locked.get_status_display(), "stage": EvaluationStage(stage).label}]})
        try:
            with transaction.atomic():
                evaluation = Evaluation.objects.create(internship=locked, side=side, stage=stage, grade=grade,
                                                       comment=comment, created_by=actor)
        except IntegrityError as error:
            raise known_violation(error) or error from None
        record(actor=actor, action="internships.evaluation_added", target=locked,
               after={"side": side, "stage": stage, "grade": grade})
        add_event(subject=locked, event=f"evaluation_{side}", label=EvaluationSide(side).label, actor=actor,
                  status=locked.status, note=EvaluationStage(stage).label)
        url = reverse("internships:evaluation_detail", args=[locked.pk])
        if side == EvaluationSide.ENTERPRISE:
            title = _("%(enterprise)s 对 %(name)s 提交了%(stage)s") % {
                "enterprise": locked.enterprise.name, "name": locked.student.name,
                "stage": EvaluationStage(stage).label}
            if locked.student.person_id:
                notify(recipients=[locked.student.person], title=title, url=url)
            notify_organisation(organisation=locked.school, title=title, url=url, permission=SCHOOL)
        else:
            title = _("实习学生 %(name)s 提交了对企业的%(stage)s") % {"name": locked.student.name,
                                                                "stage": EvaluationStage(stage).label}
            notify_organisation(organisation=locked.enterprise, title=title, url=url, permission=HOST)
    return evaluation
