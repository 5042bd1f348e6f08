"""What can be reviewed, and how its chain of levels is derived.

Each programme registers a ReviewKind for every thing it submits (organisation verification, traineeship
bases, posts, agreements...). The engine in reviews.services knows nothing of the subjects beyond this.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.utils.translation import gettext as _

from organisations.models import Authority
from regions.models import Region, RegionLevel
from reviews.models import ReviewerLevel


@dataclass(frozen=True)
class StepSpec:
    level: str
    region: Region | None = None
    authority: str = Authority.HUMAN_RESOURCES
    # A unit-level step: the organisation whose administrator decides. A government step: the one department that
    # decides (addressed_step), instead of every department of the level, authority and region.
    reviewer_org: Any = None
    is_filing: bool = False  # 备案: recorded with that level once the step before it approves


def _always(*args, **kwargs) -> bool:
    return True


@dataclass(frozen=True)
class ReviewKind:
    key: str
    label: str
    build_chain: Callable[[Any], list[StepSpec]]
    submitter_org: Callable[[Any], Any]
    region: Callable[[Any], Region]
    title: Callable[[Any], str]
    subject_url: Callable[[Any], str]
    # Whenever the review's overall status changes, inside the deciding transaction: the subject's status
    # that follows (audit.state.StatusMap, written through its StateMachine), then `on_status` if given.
    status_map: Any = None
    on_status: Callable[..., None] | None = None
    # Whether `actor` may submit/withdraw this subject (beyond belonging to the submitting side).
    can_submit: Callable[[Any, Any], bool] = field(default=_always)
    # Whether a final decision may be revoked (a subject may have moved on after approval).
    revocable_after_final: bool = True
    # Whether an approved subject may be submitted again (e.g. a periodic declaration); most may not.
    resubmit_after_approval: bool = False
    # The permission (organisations.permissions.CATALOGUE) a reviewer's role needs to decide this kind, so that
    # a department can give one programme's reviews to a sub-administrator without the others'. Required.
    decide_permission: str = ""
    # Whether a person submits it for themselves (its submitter_org is None): only then is 我的申报 a screen for
    # individuals too. No kind does yet; every traineeship review is filed by the unit.
    submitted_by_people: bool = False


_kinds: dict[str, ReviewKind] = {}


def register(kind: ReviewKind) -> None:
    if not kind.decide_permission:
        raise ValueError(f"review kind {kind.key!r} names no decide_permission")
    _kinds[kind.key] = kind


def unregister(key: str) -> None:
    """Remove a kind (tests register throwaway kinds)."""
    _kinds.pop(key, None)


def get_kind(key: str) -> ReviewKind:
    try:
        return _kinds[key]
    except KeyError:
        raise LookupError(f"unknown review kind {key!r}") from None


def all_kinds() -> list[ReviewKind]:
    return sorted(_kinds.values(), key=lambda kind: kind.key)


def people_submit_any() -> bool:
    """Whether some registered kind is submitted by a person for themselves."""
    return any(kind.submitted_by_people for kind in _kinds.values())


def government_chain(region: Region, levels: list[str], authority: str = Authority.HUMAN_RESOURCES,
                     filing_levels: tuple[str, ...] = ()) -> list[StepSpec]:
    """A chain through government levels above `region`, e.g. ["county", "city"] for a county region.

    Each level's reviewers are the departments of that level whose region contains the submitter."""
    steps = []
    for level in list(levels) + list(filing_levels):
        target = region.ancestor_at(level)
        if target is None:
            raise ValueError(_("地区 %(region)s 没有%(level)s上级") % {"region": region, "level": level})
        steps.append(StepSpec(level=level, region=target, authority=authority, is_filing=level in filing_levels))
    return steps


def addressed_step(department) -> StepSpec:
    """A step decided by one named department (a unit's 所属人社部门 or 主管部门), not by every office of its level."""
    return StepSpec(level=department.gov_level, region=department.region, authority=department.authority,
                    reviewer_org=department)


LEVEL_ORDER = {
    ReviewerLevel.UNIT: 0,
    RegionLevel.COUNTY: 1,
    RegionLevel.CITY: 2,
    RegionLevel.PROVINCE: 3,
}
