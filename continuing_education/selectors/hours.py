"""Scoped reads of 学时申报, 待我审核 and 网络培训成果 (the programme's access rule, selectors.access)."""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q

from accounts.rules import is_platform_staff
from continuing_education.models import DeclarationStatus, HoursDeclaration, OnlineResult
from continuing_education.rules import PROGRAMME, is_professional
from continuing_education.selectors.access import linked_staff, not_found, units_q
from organisations.jurisdiction import can_see
from reviews.models import ReviewerLevel, ReviewStatus, ReviewStep, StepStatus

KIND = "ce_hours"


def own_declarations(user):
    """我的学时申报: the person's declarations, their own and those their unit made for them."""
    if not user.is_authenticated:
        return HoursDeclaration.objects.none()
    return HoursDeclaration.objects.filter(person=user).select_related("organisation")


def get_declaration_for_user(user, pk) -> HoursDeclaration:
    """The person's own, or one of a unit the access rule shows (its members, its departments); else 404."""
    if not user.is_authenticated:
        not_found("学时申报")
    found = HoursDeclaration.objects.filter(units_q(user, "organisation__") | Q(person=user), pk=pk).select_related(
        "organisation", "proof", "staff").first()
    if found is None:
        not_found("学时申报")
    return found


def unit_declarations(user):
    """The declarations of the user's own unit (学时申报管理)."""
    if not user.is_authenticated or not user.organisation_id:
        return HoursDeclaration.objects.none()
    return HoursDeclaration.objects.filter(organisation_id=user.organisation_id).select_related("staff")


def approved_declarations(user, *, year=None, learning_form="", name="", id_number=""):
    rows = unit_declarations(user).filter(status=DeclarationStatus.APPROVED)
    if year:
        rows = rows.filter(year=year)
    if learning_form:
        rows = rows.filter(learning_form=learning_form)
    if name:
        rows = rows.filter(name__contains=name)
    if id_number:
        rows = rows.filter(id_number=id_number)  # the keyed hash: the exact number only
    return rows.order_by("-approved_at", "-id")


def on_behalf_declarations(user):
    """我申报的 (学时): what the unit declared for its people, with their status."""
    return unit_declarations(user).filter(on_behalf=True)


def inbox_steps(user):
    """待我审核: the unit-level steps of ce_hours waiting for this unit administrator, oldest first."""
    if not user.is_authenticated or not user.organisation_id or not user.is_org_admin:
        return ReviewStep.objects.none()
    return ReviewStep.objects.filter(
        review__kind=KIND, level=ReviewerLevel.UNIT, reviewer_org_id=user.organisation_id,
        status=StepStatus.PENDING, review__status=ReviewStatus.PENDING,
    ).select_related("review").order_by("review__submitted_at", "review_id")


def with_declarations(steps) -> list[tuple]:
    """(step, declaration) pairs for the inbox page, one query for the declarations."""
    steps = list(steps)
    declarations = HoursDeclaration.objects.in_bulk([step.review.subject_id for step in steps])
    return [(step, declarations.get(step.review.subject_id)) for step in steps]


def pending_unit_step(declaration, user) -> ReviewStep | None:
    """The declaration's unit-level step waiting for this administrator, if any."""
    content_type = ContentType.objects.get_for_model(HoursDeclaration)
    return inbox_steps(user).filter(review__subject_type=content_type, review__subject_id=declaration.pk).first()


def online_results(user, *, year=None, name=""):
    """The user's own unit's imported online results."""
    if not user.is_authenticated or not user.organisation_id:
        return OnlineResult.objects.none()
    rows = OnlineResult.objects.filter(organisation_id=user.organisation_id).select_related("platform")
    if year:
        rows = rows.filter(year=year)
    if name:
        rows = rows.filter(name__contains=name)
    return rows


def may_view_proof(user, attachment) -> bool:
    """Download rule of 学时证明材料: the uploader, the person it proves hours for, and whoever the programme's
    access rule lets see the unit's records (its administrator, its departments, platform staff)."""
    if not user.is_authenticated:
        return False
    if is_platform_staff(user) or attachment.uploaded_by_id == user.pk:
        return True
    if attachment.owner_org_id is not None and can_see(user, attachment.owner_org, PROGRAMME):
        return True
    return HoursDeclaration.objects.filter(proof=attachment, person=user).exists()




def shows_declarations(user) -> bool:
    """学时申报 in the menu: a professional on a unit's roster, or one with declarations (who left the unit). Other
    individuals (a job seeker) are not offered it; the page itself tells a person without a unit to join one."""
    if not is_professional(user):
        return False
    return linked_staff(user) is not None or HoursDeclaration.objects.filter(person=user).exists()
