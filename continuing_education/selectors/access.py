"""The programme's one access rule, as every selector applies it.

Unit records (catalogue, classes, declarations, online results) belong to the unit: its members holding a member
permission see them (organisations.jurisdiction with the programme's key), the HR departments of its region, the
industry department it names 主管部门 (addressed authority), platform staff. A professional (专技人员) sees their
own declarations, classes and archive through `own_*` below. The archive follows the person: a unit sees the
years of the people who are its current staff, whichever unit credited them.
"""

from django.db.models import Q
from django.http import Http404

from continuing_education.rules import PROGRAMME
from organisations.jurisdiction import scope_for
from organisations.models import StaffLink, StaffMember


def units_q(user, prefix: str = "") -> Q:
    """A filter over rows related to the unit through `prefix` ("organisation__" on a class)."""
    scope = scope_for(user, PROGRAMME)
    return Q(pk__in=[]) if scope.nothing else scope.q(prefix)


def current_staff_hashes(organisation_ids):
    """The ID-number hashes of the people on these units' rosters (a subquery)."""
    return StaffMember.objects.filter(organisation_id__in=organisation_ids).values("id_number_hash")


def own_person_q(user, prefix: str = "") -> Q:
    """Rows of the signed-in person (by ID number hash)."""
    if not user.is_authenticated or not user.id_number_hash:
        return Q(pk__in=[])
    return Q(**{f"{prefix}id_number_hash": user.id_number_hash})


def linked_staff(user):
    """The person's current staff record (linked to a unit), or None."""
    if not user.is_authenticated:
        return None
    return StaffMember.objects.filter(account=user, link_status=StaffLink.LINKED).select_related(
        "organisation").first()


def not_found(what: str = "记录"):
    raise Http404(f"{what}不存在")
