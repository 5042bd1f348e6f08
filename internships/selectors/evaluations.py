"""Reads of 实习评价: the internships whose evaluations a user sees (the enterprise its interns, the school its
students, the education department its region, the student their own) and their evaluations."""

from django.db.models import Q
from django.http import Http404

from internships.models import Evaluation, EvaluationSide, Internship, InternshipStatus
from internships.selectors.access import records_q, student_of

EVALUATED_STATUSES = (InternshipStatus.ARRIVED, InternshipStatus.COMPLETED, InternshipStatus.ENDED_EARLY)


def _visible_q(user, prefix: str = "") -> Q:
    condition = records_q(user, enterprise=f"{prefix}enterprise", school=f"{prefix}school")
    student = student_of(user)
    if student is not None:
        condition |= Q(**{f"{prefix}student_id": student.pk})
    return condition


def evaluated_internships(user):
    return (Internship.objects.filter(_visible_q(user), status__in=EVALUATED_STATUSES)
            .select_related("student", "enterprise", "school").prefetch_related("evaluations")
            .order_by("-arrived_on", "-id"))


def get_internship_for_evaluation(user, pk) -> Internship:
    internship = (Internship.objects.filter(_visible_q(user), pk=pk)
                  .select_related("student", "enterprise", "school", "position").first())
    if internship is None:
        raise Http404
    return internship


def evaluations_of_enterprise(user):
    """The students' evaluations of the user's enterprise (what 查看学生评价 shows)."""
    return (Evaluation.objects.filter(side=EvaluationSide.STUDENT, internship__enterprise_id=user.organisation_id)
            .filter(_visible_q(user, "internship__"))
            .select_related("internship__student", "internship__school").order_by("-created_at", "-id"))
