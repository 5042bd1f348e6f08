"""Reads of the school's internships and groups, through the programme's one access rule
(internships.selectors.access): 404 for what the user may not see, 403 for a visible object whose action the
user may not take."""

from django.core.exceptions import PermissionDenied
from django.db.models import Count, Prefetch, Q
from django.http import Http404

from accounts.rules import is_platform_staff
from internships.models import (
    ACTIVE_STATUSES,
    Complaint,
    Coverage,
    Evaluation,
    Internship,
    InternshipGroup,
)
from internships.rules import HOST, SCHOOL, is_education_reviewer, is_host, is_school
from internships.selectors.access import can_see_records_of, records_q, student_of

INTERNSHIP_RELATED = ("student", "position", "enterprise", "school", "group", "agreement_signed_by",
                      "agreement_copy", "consent_form")


def may_act_for_school(user) -> bool:
    """The school's own screens: a member of a school holding the programme's school permission."""
    return is_school(user) and user.has_perm(SCHOOL)


def may_act_for_host(user) -> bool:
    return is_host(user) and user.has_perm(HOST)


def may_supervise(user) -> bool:
    """The education department's screens (REVIEW permission, education authority) and platform staff."""
    return is_education_reviewer(user) or (is_platform_staff(user) and user.has_perm("internships.review"))


def _visible(user, internship: Internship) -> bool:
    if can_see_records_of(user, internship.enterprise, internship.school):
        return True
    student = student_of(user)
    return student is not None and student.pk == internship.student_id


def get_internship_for_user(user, pk) -> Internship:
    internship = Internship.objects.select_related(*INTERNSHIP_RELATED).filter(pk=pk).first()
    if internship is None or not _visible(user, internship):
        raise Http404
    return internship


def get_school_internship(user, pk) -> Internship:
    """An internship the user's school acts on (agreement, consent, signed copy, early end)."""
    internship = get_internship_for_user(user, pk)
    if not may_act_for_school(user) or internship.school_id != user.organisation_id:
        raise PermissionDenied
    return internship


def get_student_internship(user, pk) -> Internship:
    """The student's own internship (确认协议)."""
    internship = get_internship_for_user(user, pk)
    student = student_of(user)
    if student is None or student.pk != internship.student_id:
        raise PermissionDenied
    return internship


def is_own_student(user, internship: Internship) -> bool:
    student = student_of(user)
    return student is not None and student.pk == internship.student_id


def internships_of_student(student):
    return (Internship.objects.filter(student=student).exclude(status="cancelled")
            .select_related("enterprise", "position").order_by("-created_at", "-id"))


def coverages_of(internship: Internship):
    return Coverage.objects.filter(internship=internship).select_related("policy").order_by("starts_on", "id")


def is_covered(internship: Internship, coverages) -> bool:
    """The internship's whole period lies inside the union of its coverages (dates inclusive)."""
    day = internship.starts_on
    for coverage in sorted(coverages, key=lambda item: item.starts_on):
        if coverage.starts_on > day:
            break
        if coverage.ends_on >= day:
            day = coverage.ends_on
            if day >= internship.ends_on:
                return True
    return False


def evaluations_of(internship: Internship):
    return Evaluation.objects.filter(internship=internship).select_related("created_by")


def complaints_count(internship: Internship) -> int:
    return Complaint.objects.filter(internship=internship).count()


# --- groups ---------------------------------------------------------------------------------------------------

def groups_for_school(user):
    return (InternshipGroup.objects.filter(school_id=user.organisation_id).select_related("enterprise")
            .annotate(members=Count("internships", filter=Q(internships__status__in=ACTIVE_STATUSES))))


def groups_for_enterprise(user):
    return (InternshipGroup.objects.filter(enterprise_id=user.organisation_id).select_related("school")
            .annotate(members=Count("internships", filter=Q(internships__status__in=ACTIVE_STATUSES))))


def _visible_group(user, pk) -> InternshipGroup:
    group = (InternshipGroup.objects.filter(records_q(user), pk=pk).select_related("school", "enterprise")
             .first())
    if group is None:
        raise Http404
    return group


def get_school_group(user, pk) -> InternshipGroup:
    group = _visible_group(user, pk)
    if not may_act_for_school(user) or group.school_id != user.organisation_id:
        raise PermissionDenied
    return group


def get_host_group(user, pk) -> InternshipGroup:
    group = _visible_group(user, pk)
    if not may_act_for_host(user) or group.enterprise_id != user.organisation_id:
        raise PermissionDenied
    return group


def group_members(group: InternshipGroup):
    return (Internship.objects.filter(group=group).select_related("student", "position")
            .order_by("student__class_name", "student__name", "pk"))


def enterprises_with_interns(user):
    """The enterprises where the user's school has signed, unfinished internships (a group's choices)."""
    from organisations.models import Organisation

    return (Organisation.objects.filter(hosted_internships__school_id=user.organisation_id,
                                        hosted_internships__status__in=ACTIVE_STATUSES)
            .distinct().order_by("name"))


def internships_with_prefetch(queryset):
    return queryset.select_related("student", "enterprise", "school", "position", "group").prefetch_related(
        Prefetch("coverages", queryset=Coverage.objects.order_by("starts_on", "id")),
        Prefetch("evaluations", queryset=Evaluation.objects.order_by("id")),
    )


def internship_file_can_view(field_name: str):
    """can_view of the consent form and the signed agreement: whoever sees the internship it belongs to (the
    host enterprise, the school, the region's education department, platform staff) and the student."""

    def can_view(user, attachment) -> bool:
        if not user.is_authenticated:
            return False
        internship = (Internship.objects.select_related("enterprise", "school")
                      .filter(**{field_name: attachment}).first())
        return internship is not None and _visible(user, internship)

    return can_view
