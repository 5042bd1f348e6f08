"""Reads of 实习岗位, scoped by the programme's access rule (internships.selectors.access): the enterprise's own
positions (HOST members), the published positions of a school's pool (the school's members and its students),
and every position of the region for its education departments (over the enterprise or the work place)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.http import Http404

from internships.models import EnterpriseProfile, Position, PositionStatus
from internships.rules import HOST, PROGRAMME, is_host, is_school
from internships.selectors.access import student_of
from internships.selectors.pool import pool_q
from organisations.jurisdiction import scope_for
from organisations.models import Organisation


def may_manage_positions(user) -> bool:
    return user.is_authenticated and is_host(user) and user.has_perm(HOST)


def positions_for_enterprise(user):
    """The enterprise's own positions (not the deleted ones), newest first."""
    if not may_manage_positions(user):
        return Position.objects.none()
    return (Position.objects.filter(enterprise_id=user.organisation_id).exclude(status=PositionStatus.DELETED)
            .select_related("work_region"))


def filter_positions(positions, *, status="", title="", department="", q=""):
    if status:
        positions = positions.filter(status=status)
    if title:
        positions = positions.filter(title__icontains=title)
    if department:
        positions = positions.filter(department__icontains=department)
    if q:
        positions = positions.filter(Q(title__icontains=q) | Q(department__icontains=q) | Q(majors__icontains=q)
                                     | Q(address__icontains=q))
    return positions


def profile_of(organisation) -> EnterpriseProfile | None:
    return EnterpriseProfile.objects.filter(organisation=organisation).first()


def get_own_position(user, pk) -> Position:
    """A position of the user's own enterprise, for its actions: 403 without the programme's permission,
    404 for anyone else's (and for deleted ones)."""
    if not may_manage_positions(user):
        raise PermissionDenied
    position = (Position.objects.select_related("enterprise", "work_region", "exemption")
                .filter(pk=pk, enterprise_id=user.organisation_id).exclude(status=PositionStatus.DELETED).first())
    if position is None:
        raise Http404
    return position


def _in_pool(school, enterprise_id) -> bool:
    return Organisation.objects.filter(pool_q(school), pk=enterprise_id).exists()


def may_see_position(user, position) -> bool:
    if not user.is_authenticated or position.status == PositionStatus.DELETED:
        return False
    if may_manage_positions(user) and user.organisation_id == position.enterprise_id:
        return True
    scope = scope_for(user, PROGRAMME)
    # Education departments (and platform staff): over the enterprise or the place of work.
    if (scope.region is not None or scope.everything) and (
            scope.contains(position.enterprise)
            or (scope.region is not None and scope.region.contains(position.work_region))):
        return True
    if position.status != PositionStatus.PUBLISHED:
        return False
    if is_school(user) and scope.organisation_id == user.organisation_id:
        return _in_pool(user.organisation, position.enterprise_id)
    student = student_of(user)
    return student is not None and _in_pool(student.school, position.enterprise_id)


def get_position_for_user(user, pk) -> Position:
    """The position's page: 404 for a position the user may not see."""
    position = (Position.objects.select_related("enterprise", "work_region", "exemption", "created_by")
                .filter(pk=pk).first())
    if position is None or not may_see_position(user, position):
        raise Http404
    return position
