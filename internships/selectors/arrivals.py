"""Reads of 实习到岗: the internships an enterprise confirms arrivals for, with whether each is insured."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch
from django.http import Http404

from internships.models import Coverage, Internship, InternshipStatus
from internships.rules import HOST, is_host
from internships.selectors.access import records_q

ARRIVAL_STATUSES = (InternshipStatus.SIGNED, InternshipStatus.AGREEMENT_SIGNED, InternshipStatus.ARRIVED)


def arrivals_for_user(user, status: str = ""):
    """The host's interns from the signature to arrival (the list of 实习到岗)."""
    internships = Internship.objects.filter(records_q(user, school=None), enterprise_id=user.organisation_id,
                                            status__in=ARRIVAL_STATUSES)
    if status:
        internships = internships.filter(status=status)
    return internships.select_related("student", "school", "group").prefetch_related(
        Prefetch("coverages", queryset=Coverage.objects.select_related("policy").order_by("starts_on"))
    ).order_by("status", "student__class_name", "student__name", "id")


def get_internship_for_arrival(user, pk) -> Internship:
    """404 for an internship the user does not see; 403 for one they see but whose arrival is not theirs."""
    internship = Internship.objects.filter(records_q(user), pk=pk).select_related(
        "student", "school", "enterprise").first()
    if internship is None:
        raise Http404
    if not (is_host(user) and user.has_perm(HOST) and internship.enterprise_id == user.organisation_id):
        raise PermissionDenied
    return internship
