"""Scoped reads of joining and the unit list: the units a person may ask to join, a unit's link requests, the units
a department sees (the programme's access rule, selectors.access.units_q)."""

from django.db.models import Count, Q
from django.shortcuts import get_object_or_404

from continuing_education.rules import UNIT_KINDS
from continuing_education.selectors.access import units_q
from organisations.jurisdiction import region_q
from organisations.models import Organisation, OrganisationKind, StaffLink, StaffMember

SEARCH_LIMIT = 20


def joinable_units():
    """The units a person may ask to join: every activated 用人单位 (not a government department)."""
    return Organisation.objects.filter(kind__in=UNIT_KINDS, activated_at__isnull=False).order_by("name", "id")


def search_units(text: str):
    if not text:
        return joinable_units().none()
    return joinable_units().filter(Q(name__icontains=text) | Q(credit_code__iexact=text))[:SEARCH_LIMIT]


def staff_links_for_user(user):
    """The staff records whose links a user may see: those of the units the programme's rule shows them."""
    return StaffMember.objects.filter(units_q(user, "organisation__")).select_related("organisation", "account")


def get_staff_link_for_user(user, pk) -> StaffMember:
    return get_object_or_404(staff_links_for_user(user), pk=pk)


def own_unit_links(user, *, status: str, name: str = ""):
    """待审核的专技人员 and the other link states, of the user's own unit."""
    rows = staff_links_for_user(user).filter(organisation_id=user.organisation_id, link_status=status)
    if name:
        rows = rows.filter(name__contains=name)
    return rows.order_by("-link_requested_at", "-id")


def pending_ids(user) -> list[int]:
    return list(own_unit_links(user, status=StaffLink.REQUESTED).values_list("pk", flat=True))


def units_for_user(user):
    """The 用人单位 a department sees: HR by region, an industry department those naming it 主管部门."""
    return (Organisation.objects.filter(units_q(user)).exclude(kind=OrganisationKind.GOVERNMENT)
            .select_related("region", "hr_department", "supervising_department"))


def filter_units(queryset, filters: dict):
    if filters.get("name"):
        queryset = queryset.filter(name__contains=filters["name"].strip())
    if filters.get("credit_code"):
        queryset = queryset.filter(credit_code__iexact=filters["credit_code"].strip())
    if filters.get("region"):
        queryset = queryset.filter(region_q(filters["region"]))
    if filters.get("hr_department"):
        queryset = queryset.filter(hr_department=filters["hr_department"])
    return queryset.order_by("name", "id")


def hr_departments_in(queryset):
    ids = queryset.exclude(hr_department__isnull=True).values("hr_department_id")
    return Organisation.objects.filter(pk__in=ids).order_by("name")


def get_unit_for_user(user, pk) -> Organisation:
    return get_object_or_404(units_for_user(user), pk=pk)


def staff_counts(organisation) -> dict:
    counts = dict(organisation.staff.values_list("link_status").annotate(n=Count("id")).order_by())
    return {"total": sum(counts.values()), "linked": counts.get(StaffLink.LINKED, 0),
            "requested": counts.get(StaffLink.REQUESTED, 0)}


def may_see_units(user) -> bool:
    """用人单位 (the department side): a department's reviewers or 学时要求 holders, and platform staff."""
    from accounts.rules import is_platform_staff
    from continuing_education.rules import MANAGE_PARAMETERS, REVIEW, department

    if is_platform_staff(user):
        return True
    return department(user) is not None and (user.has_perm(REVIEW) or user.has_perm(MANAGE_PARAMETERS))
