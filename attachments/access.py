"""Who may see an organisation's records (its files, its printed forms).

The same three groups everywhere: platform staff, the organisation's own members, and government
departments whose region contains the organisation's region (their jurisdiction).
"""

from organisations.models import OrganisationKind


def is_platform_staff(user) -> bool:
    return bool(user.is_authenticated and user.is_active and (user.is_staff or user.is_superuser))


def has_jurisdiction(user, organisation) -> bool:
    """Whether the user works for a government department whose region contains the organisation's."""
    department = getattr(user, "organisation", None) if user.is_authenticated else None
    if department is None or department.kind != OrganisationKind.GOVERNMENT:
        return False
    if department.region is None or organisation.region is None:
        return False
    return department.region.contains(organisation.region)


def can_see_organisation_records(user, organisation) -> bool:
    if organisation is None or not user.is_authenticated or not user.is_active:
        return False
    if is_platform_staff(user):
        return True
    if user.organisation_id is not None and user.organisation_id == organisation.pk:
        return True
    return has_jurisdiction(user, organisation)
