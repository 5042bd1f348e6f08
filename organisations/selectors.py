"""Scoped reads of the organisations app. Objects of another organisation answer 404, never 403."""

from django.core.exceptions import PermissionDenied
from django.db.models import Prefetch, QuerySet
from django.http import Http404

from accounts.models import User
from accounts.rules import is_platform_staff
from organisations.jurisdiction import authorised_department, can_see, scope_for
from organisations.models import Department, Organisation, OrganisationKind, Origin, Role
from organisations.rules import ORGANISATION_RECORDS


def get_organisation_for_user(user, pk: int) -> Organisation:
    """An organisation's record: its members, the departments with authority over it (organisations.jurisdiction),
    platform staff."""
    organisation = (
        Organisation.objects.select_related("region", "recommended_by", "business_licence").filter(pk=pk).first()
    )
    if organisation is None or not can_see(user, organisation, ORGANISATION_RECORDS):
        raise Http404
    return organisation


def get_own_organisation(user) -> Organisation:
    if not user.is_authenticated or user.organisation_id is None:
        raise PermissionDenied
    return Organisation.objects.select_related("region", "recommended_by", "business_licence").get(
        pk=user.organisation_id
    )


# --- Government directory ---------------------------------------------------------------------

def can_use_directory(user) -> bool:
    """Platform staff, and the departments with authority over organisation records (with the role for it)."""
    return is_platform_staff(user) or authorised_department(user, ORGANISATION_RECORDS) is not None


def get_directory_for_user(user) -> QuerySet:
    """单位名录: the non-government organisations in the department's region (everything for staff)."""
    if not can_use_directory(user):
        raise PermissionDenied
    organisations = Organisation.objects.exclude(kind=OrganisationKind.GOVERNMENT).select_related(
        "region", "recommended_by"
    )
    return organisations.filter(scope_for(user, ORGANISATION_RECORDS).q()).order_by("name", "id")


def filter_directory(organisations: QuerySet, *, name="", credit_code="", kind="", verification_status="",
                     origin="") -> QuerySet:
    if name:
        organisations = organisations.filter(name__icontains=name)
    if credit_code:
        organisations = organisations.filter(credit_code__icontains=credit_code.upper())
    if kind:
        organisations = organisations.filter(kind=kind)
    if verification_status:
        organisations = organisations.filter(verification_status=verification_status)
    if origin:
        organisations = organisations.filter(origin=origin)
    return organisations


# --- Recommendations --------------------------------------------------------------------------

def preregistered_by(organisation: Organisation) -> QuerySet:
    """我推荐的单位: units this school or department pre-registered."""
    return Organisation.objects.filter(recommended_by=organisation, origin=Origin.PRE_REGISTERED).select_related(
        "region", "created_by"
    ).order_by("-created_at", "-id")


def get_preregistered_for_user(user, pk: int) -> Organisation:
    if user.organisation_id is None:
        raise Http404
    organisation = preregistered_by(user.organisation).filter(pk=pk).first()
    if organisation is None:
        raise Http404
    return organisation


def recommended_by_student(user) -> QuerySet:
    return Organisation.objects.filter(created_by=user, origin=Origin.STUDENT_RECOMMENDED).select_related(
        "region"
    ).order_by("-created_at", "-id")


# --- Departments, roles, accounts of the user's own organisation -----------------------------

def departments_of(organisation: Organisation) -> QuerySet:
    return Department.objects.filter(organisation=organisation).select_related("parent").order_by("name")


def roles_of(organisation: Organisation) -> QuerySet:
    return Role.objects.filter(organisation=organisation).select_related("organisation").order_by("name")


def accounts_of(organisation: Organisation) -> QuerySet:
    return (
        User.objects.filter(organisation=organisation)
        .select_related("department", "organisation")
        # Each role's organisation is read when the list decides which rows the reader may manage.
        .prefetch_related(Prefetch("roles", queryset=Role.objects.select_related("organisation")))
        .order_by("-is_org_admin", "username")
    )


def _own(user, queryset: QuerySet, pk: int):
    if user.organisation_id is None:
        raise Http404
    found = queryset.filter(pk=pk).first()
    if found is None:
        raise Http404
    return found


def get_department_for_user(user, pk: int) -> Department:
    return _own(user, Department.objects.filter(organisation_id=user.organisation_id), pk)


def get_role_for_user(user, pk: int) -> Role:
    return _own(user, Role.objects.filter(organisation_id=user.organisation_id).select_related("organisation"), pk)


def get_account_for_user(user, pk: int) -> User:
    return _own(user, accounts_of(user.organisation) if user.organisation_id else User.objects.none(), pk)
