"""The region-and-period lookup every regional parameter uses (traineeships' 地区参数, the apprenticeship
standards and rules, the minimum wage): the setting of the most specific region (county, then city, then
province) whose period contains the day.

A parameter model has a `region` foreign key, `valid_from` (the first day of a month) and `valid_to` (the last
day of a month, or empty for until further notice)."""

import datetime

from django.db.models import Q, QuerySet

from regions.models import Region


def region_chain(region: Region) -> list[str]:
    """The codes of `region` and its ancestors, the most specific first."""
    return [code for code in dict.fromkeys((region.code, region.city_code, region.province_code)) if code]


def in_force(queryset: QuerySet, region: Region, day: datetime.date):
    """The row of `queryset` in force for `region` on `day` (the most specific region first), or None."""
    codes = region_chain(region)
    candidates = queryset.filter(region_id__in=codes, valid_from__lte=day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=day))
    by_region: dict[str, object] = {}
    for row in candidates.order_by("-valid_from"):
        by_region.setdefault(row.region_id, row)
    for code in codes:
        if code in by_region:
            return by_region[code]
    return None
