"""The yearly rules (HoursRule) in force for a region: the city's own rule, else its province's."""

from continuing_education.models import HoursRule
from regions.models import RegionLevel


def rule_for(region, year: int) -> HoursRule | None:
    """The rule of `region`'s city for `year`, else of its province; None when neither has set one."""
    if region is None:
        return None
    candidates = [region.ancestor_at(level) for level in (RegionLevel.CITY, RegionLevel.PROVINCE)]
    ids = [candidate.pk for candidate in candidates if candidate is not None]
    rules = {rule.region_id: rule for rule in HoursRule.objects.filter(region_id__in=ids, year=year)}
    for region_id in ids:
        if region_id in rules:
            return rules[region_id]
    return None
