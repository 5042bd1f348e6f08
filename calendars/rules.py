"""Who maintains the working-day calendar: platform staff, and a provincial human-resources department's users
holding calendars.manage (the permission is offered to every government department, the province level and
the HR authority are checked here)."""

from organisations.models import Authority, OrganisationKind
from regions.models import RegionLevel

MANAGE = "calendars.manage"
# 最低工资标准 maintenance (calendars.MinimumWage): a permission of its own, so a province can give the calendar
# and the wages to different people.
MANAGE_WAGES = "calendars.manage_wages"


def may_manage_calendar(user) -> bool:
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    organisation = user.organisation
    return (
        organisation is not None
        and organisation.kind == OrganisationKind.GOVERNMENT
        and organisation.authority == Authority.HUMAN_RESOURCES
        and organisation.gov_level == RegionLevel.PROVINCE
        and user.has_perm(MANAGE)
    )


def may_manage_wages(user) -> bool:
    """Platform staff, and a provincial human-resources department's users holding calendars.manage_wages."""
    if not user.is_authenticated:
        return False
    if user.is_staff or user.is_superuser:
        return True
    organisation = user.organisation
    return (
        organisation is not None
        and organisation.kind == OrganisationKind.GOVERNMENT
        and organisation.authority == Authority.HUMAN_RESOURCES
        and organisation.gov_level == RegionLevel.PROVINCE
        and organisation.region_id is not None
        and user.has_perm(MANAGE_WAGES)
    )
