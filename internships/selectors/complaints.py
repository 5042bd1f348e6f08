"""Reads of 实习投诉 and 申诉, through the programme's one access rule (internships.selectors.access): the
enterprise and the school see their own, education departments those of their region, a student their own."""

from django.db.models import Count, Prefetch, Q, QuerySet
from django.http import Http404

from internships.models import Appeal, AppealStatus, Complaint, ComplaintStatus, Internship, InternshipStatus
from internships.rules import HOST, SCHOOL, education_department, is_host, is_school
from internships.selectors.access import can_see_records_of, records_q, student_of

# A complaint may be filed once the enterprise has agreed (SIGNED) and afterwards, even when the internship has
# ended; not about a cancelled one (the student never went).
COMPLAINABLE_STATUSES = (InternshipStatus.SIGNED, InternshipStatus.AGREEMENT_SIGNED, InternshipStatus.ARRIVED,
                         InternshipStatus.COMPLETED, InternshipStatus.ENDED_EARLY)
_RELATED = ("student", "enterprise", "school", "internship__group", "internship__position")


def _with_appeals(queryset: QuerySet) -> QuerySet:
    return queryset.select_related(*_RELATED).prefetch_related(
        Prefetch("appeals", queryset=Appeal.objects.order_by("-created_at", "-id"), to_attr="appeal_list"))


def visible_complaints(user) -> QuerySet:
    """Every complaint `user` may read: the programme's records of their organisation or region, a student's own."""
    condition = records_q(user)
    student = student_of(user)
    if student is not None:
        condition |= Q(student=student)
    return _with_appeals(Complaint.objects.filter(condition))


def get_complaint_for_user(user, pk: int) -> Complaint:
    complaint = _with_appeals(Complaint.objects.filter(pk=pk)).first()
    if complaint is None:
        raise Http404("投诉不存在")
    student = student_of(user)
    if student is not None and complaint.student_id == student.pk:
        return complaint
    if not can_see_records_of(user, complaint.enterprise, complaint.school):
        raise Http404("投诉不存在")
    return complaint


def complaints_of_student(user) -> QuerySet:
    student = student_of(user)
    if student is None:
        return Complaint.objects.none()
    return _with_appeals(Complaint.objects.filter(student=student))


def complainable_internships(user) -> QuerySet:
    """The student's own internships they may complain about (signed and afterwards, not cancelled)."""
    student = student_of(user)
    if student is None:
        return Internship.objects.none()
    return (Internship.objects.filter(student=student, status__in=COMPLAINABLE_STATUSES)
            .select_related("enterprise", "position").order_by("-created_at", "-id"))


def complaints_for_enterprise(user) -> QuerySet:
    """实习投诉管理: the complaints about the user's own enterprise (members holding the host permission)."""
    if not (is_host(user) and user.has_perm(HOST)):
        return Complaint.objects.none()
    return _with_appeals(Complaint.objects.filter(enterprise_id=user.organisation_id))


def complaints_for_school(user) -> QuerySet:
    if not (is_school(user) and user.has_perm(SCHOOL)):
        return Complaint.objects.none()
    return _with_appeals(Complaint.objects.filter(school_id=user.organisation_id))


def complaints_for_region(user) -> QuerySet:
    """The education department's read-only list: complaints whose enterprise or school lies in its region."""
    if education_department(user) is None:
        return Complaint.objects.none()
    return _with_appeals(Complaint.objects.filter(records_q(user)))


COUNTED_ENTERPRISES = 20  # the education list's table shows the enterprises with the most complaints


def counts_per_enterprise(complaints: QuerySet):
    """Complaints per enterprise (most first), with how many were found substantiated (黑名单：投诉较多)."""
    return (complaints.order_by().values("enterprise_id", "enterprise__name")
            .annotate(total=Count("id", distinct=True),
                      substantiated=Count("id", filter=Q(status=ComplaintStatus.SUBSTANTIATED), distinct=True),
                      open=Count("id", filter=Q(status__in=[ComplaintStatus.SUBMITTED,
                                                            ComplaintStatus.INVESTIGATING]), distinct=True))
            .order_by("-total", "-substantiated", "enterprise__name"))


def selected_complaints(user, ids) -> list[Complaint]:
    """The enterprise's own complaints among `ids` (the 申诉 form's selection), ascending id."""
    return list(complaints_for_enterprise(user).filter(pk__in=list(ids)).order_by("pk"))


def _appeals(queryset: QuerySet) -> QuerySet:
    return queryset.select_related("enterprise", "school", "created_by", "decided_by").prefetch_related(
        Prefetch("complaints", queryset=Complaint.objects.select_related("student").order_by("pk")))


def appeals_for_enterprise(user) -> QuerySet:
    if not (is_host(user) and user.has_perm(HOST)):
        return Appeal.objects.none()
    return _appeals(Appeal.objects.filter(enterprise_id=user.organisation_id))


def appeals_for_school(user) -> QuerySet:
    if not (is_school(user) and user.has_perm(SCHOOL)):
        return Appeal.objects.none()
    return _appeals(Appeal.objects.filter(school_id=user.organisation_id))


def get_appeal_for_user(user, pk: int) -> Appeal:
    appeal = _appeals(Appeal.objects.filter(pk=pk)).first()
    if appeal is None or not can_see_records_of(user, appeal.enterprise, appeal.school):
        raise Http404("申诉不存在")
    return appeal


def pending_appeal_of(complaint) -> Appeal | None:
    return next((appeal for appeal in getattr(complaint, "appeal_list", complaint.appeals.all())
                 if appeal.status == AppealStatus.PENDING), None)
