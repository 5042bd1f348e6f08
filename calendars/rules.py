"""Who maintains the working-day calendar: platform staff, and a provincial human-resources department's users
holding calendars.manage (the permission is offered to every government department, the province level and
the HR authority are checked here)."""

from organisations.models import Authority, OrganisationKind
from regions.models import RegionLevel

MANAGE = "calendars.manage"


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
