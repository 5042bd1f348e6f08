"""Who may see which organisations' records in a programme: one definition, used both as a queryset filter
(lists) and as a check on one object (detail pages, files, printed forms).

A programme registers its access rule once (`register_programme`):

- `authorities`: the lines of government (人社 hr, 教育 education, 行业主管 industry…) with authority over the
  programme. A government department sees the records of organisations in its region only when its
  authority is one of them, and only with one of the programme's `reviewer_permissions` (its role).
- `member_permissions`: inside an organisation, the programme's records are visible only to members holding
  one of these (the administrator holds them all). Empty means every member of the organisation.

- `addressed_authorities`: lines of government that see only the organisations that name the department as
  their 主管部门 (`Organisation.supervising_department`), not every organisation of their region (continuing
  education: an industry department sees the units it supervises).

Platform staff see everything. Everything else sees nothing (selectors answer 404).
"""

from dataclasses import dataclass

from django.db.models import Q

from accounts.rules import is_active_user, is_platform_staff
from organisations.rules import government_department
from regions.models import Region, RegionLevel


@dataclass(frozen=True)
class Programme:
    key: str
    label: str
    authorities: frozenset
    member_permissions: frozenset
    reviewer_permissions: frozenset
    addressed_authorities: frozenset = frozenset()


_programmes: dict[str, Programme] = {}


def register_programme(key: str, *, label, authorities, member_permissions=(), reviewer_permissions=(),
                       addressed_authorities=()) -> Programme:
    if not authorities:
        raise ValueError(f"programme {key!r} names no authority")
    if not set(addressed_authorities) <= set(authorities):
        raise ValueError(f"programme {key!r}: an addressed authority must be one of its authorities")
    programme = Programme(key=key, label=label, authorities=frozenset(authorities),
                          member_permissions=frozenset(member_permissions),
                          reviewer_permissions=frozenset(reviewer_permissions),
                          addressed_authorities=frozenset(addressed_authorities))
    _programmes[key] = programme
    return programme


def get_programme(key: str) -> Programme:
    try:
        return _programmes[key]
    except KeyError:
        raise LookupError(f"programme {key!r} is not registered") from None


def all_programmes() -> list[Programme]:
    return sorted(_programmes.values(), key=lambda programme: programme.key)


def programme_of_permission(code: str) -> Programme | None:
    """The programme one of whose reviewer permissions `code` is (a review kind's decide permission)."""
    return next((programme for programme in all_programmes() if code in programme.reviewer_permissions), None)


def holds_member_permission(user, programme_key: str) -> bool:
    """Inside an organisation: whether the user may see its records of the programme."""
    return _holds_any(user, get_programme(programme_key).member_permissions)


def programmes_of_authority(authority: str) -> list[Programme]:
    return [programme for programme in all_programmes() if authority in programme.authorities]


def region_q(region: Region, prefix: str = "region__") -> Q:
    """The regions inside `region` (itself included), on a relation to Region named by `prefix`."""
    if region.level == RegionLevel.PROVINCE:
        return Q(**{f"{prefix}province_code": region.code})
    if region.level == RegionLevel.CITY:
        return Q(**{f"{prefix}city_code": region.code})
    return Q(**{f"{prefix}code": region.code})


@dataclass(frozen=True)
class Scope:
    """The organisations whose records of one programme a user sees."""

    everything: bool = False
    organisation_id: int | None = None  # the user's own organisation
    region: Region | None = None  # the department's region (its jurisdiction)
    supervisor_id: int | None = None  # a department of an addressed authority: the units naming it 主管部门

    @property
    def nothing(self) -> bool:
        return (not self.everything and self.organisation_id is None and self.region is None
                and self.supervisor_id is None)

    def q(self, prefix: str = "") -> Q:
        """A filter for a queryset whose relation to Organisation is `prefix` ("" on Organisation itself,
        "base__organisation__" on placements)."""
        if self.everything:
            return Q()
        condition = Q(pk__in=[])
        if self.organisation_id is not None:
            condition |= Q(**{f"{prefix}pk": self.organisation_id})
        if self.region is not None:
            condition |= region_q(self.region, prefix=f"{prefix}region__")
        if self.supervisor_id is not None:
            condition |= Q(**{f"{prefix}supervising_department_id": self.supervisor_id})
        return condition

    def contains(self, organisation) -> bool:
        if organisation is None:
            return False
        if self.everything:
            return True
        if self.organisation_id is not None and organisation.pk == self.organisation_id:
            return True
        if self.supervisor_id is not None and organisation.supervising_department_id == self.supervisor_id:
            return True
        return self.region is not None and self.region.contains(organisation.region)


def _holds_any(user, codes) -> bool:
    return not codes or any(user.has_perm(code) for code in codes)


def authorised_department(user, programme_key: str):
    """The user's department when its line of government has authority over the programme and the user's
    role holds one of the programme's reviewer permissions, else None."""
    programme = get_programme(programme_key)
    department = government_department(user)
    if department is None or department.authority not in programme.authorities:
        return None
    if not _holds_any(user, programme.reviewer_permissions):
        return None
    return department


def scope_for(user, programme_key: str) -> Scope:
    if not is_active_user(user):
        return Scope()
    if is_platform_staff(user):
        return Scope(everything=True)
    programme = get_programme(programme_key)
    own = user.organisation_id if (
        user.organisation_id is not None and _holds_any(user, programme.member_permissions)
    ) else None
    department = authorised_department(user, programme_key)
    if department is not None and department.authority in programme.addressed_authorities:
        return Scope(organisation_id=own, supervisor_id=department.pk)
    return Scope(organisation_id=own, region=department.region if department is not None else None)


def visible_q(user, programme_key: str, prefix: str = "") -> Q:
    return scope_for(user, programme_key).q(prefix)


def can_see(user, organisation, programme_key: str) -> bool:
    return scope_for(user, programme_key).contains(organisation)
