"""What the review of a 学时申报 (kind ce_hours) does to it: its status through DECLARATION_STATES, and on the final
approval the hours into the 培训档案 (services.archive.credit); a revoked approval takes them back out (debit).

The engine calls the hook with the declaration locked (subject before review, docs/architecture.md), so the archive
row is locked after both, in the archive service's own order."""

from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils.translation import gettext as _

from audit.state import StatusMap
from continuing_education.models import DeclarationStatus, HoursSource
from continuing_education.rules import may_manage_hours
from continuing_education.services.archive import Credit, credit, debit
from continuing_education.services.states import DECLARATION_STATES
from reviews.models import ReviewerLevel, ReviewStatus
from reviews.registry import StepSpec, addressed_step


def _archive(*, subject, status, actor, review=None):
    if status == ReviewStatus.APPROVED:
        credit(actor=actor, credits=[Credit(
            id_number=subject.id_number, name=subject.name, year=subject.year, source=HoursSource.DECLARATION,
            subject_type=subject.subject_type, hours=subject.hours, title=subject.title,
            occurred_on=subject.ends_on, organisation=subject.organisation, organiser=subject.organiser,
            declaration=subject)])
    elif subject.status == DeclarationStatus.APPROVED:  # the department revoked its approval
        for entry in subject.archive_entries.all():
            debit(actor=actor, entry=entry, reason=_("学时申报审核通过已撤销"))
    return None


STATUS_MAP = StatusMap(DECLARATION_STATES, {
    ReviewStatus.PENDING: DeclarationStatus.PENDING,
    ReviewStatus.APPROVED: DeclarationStatus.APPROVED,
    ReviewStatus.REJECTED: DeclarationStatus.REJECTED,
    ReviewStatus.RETURNED: DeclarationStatus.RETURNED,
    ReviewStatus.WITHDRAWN: DeclarationStatus.DRAFT,
}, _archive)


def department_of(unit):
    """The department that decides a unit's declarations: its 主管部门 when it names one, else its 所属人社部门."""
    return unit.supervising_department or unit.hr_department


def build_chain(declaration) -> list[StepSpec]:
    """From the person: the unit's administrator, then the department; on the person's behalf: the department."""
    unit = declaration.organisation
    department = department_of(unit)
    if department is None:
        raise ValidationError(_("%(unit)s尚未设置所属人社部门，暂无法提交学时申报") % {"unit": unit})
    steps = [] if declaration.on_behalf else [StepSpec(level=ReviewerLevel.UNIT, reviewer_org=unit)]
    return steps + [addressed_step(department)]


def title(declaration) -> str:
    return _("学时申报：%(name)s·%(title)s（%(hours)s学时）") % {
        "name": declaration.name, "title": declaration.title, "hours": declaration.hours}


def subject_url(declaration) -> str:
    return reverse("continuing_education:declaration_detail", args=[declaration.pk])


def can_submit(actor, declaration) -> bool:
    if declaration.on_behalf:
        return may_manage_hours(actor) and actor.organisation_id == declaration.organisation_id
    return declaration.person_id is not None and declaration.person_id == actor.pk


def materials(declaration, user):
    return "continuing_education/hours/review_materials.html", {"declaration": declaration}
