"""学时要求 (HoursRule) as parameters: the rule in force for a region and year, and who reads or keeps them.

A rule is set for a province, and a city may override it; a county sets none. The rule of a place is its city's,
else its province's, else none ("该年度尚未设置学时要求", never a default)."""

from django.core.exceptions import PermissionDenied
from django.db.models import Q

from continuing_education.models import HoursRule
from continuing_education.rules import department, may_manage_parameters
from continuing_education.selectors.access import not_found
from regions.models import Region, RegionLevel


def rule_for(region, year):
    """The rule in force for `region` (any level) and `year`: the city's, else the province's, else None."""
    if region is None or not year:
        return None
    codes = [code for code in (region.city_code, region.province_code) if code]
    rules = {rule.region_id: rule for rule in HoursRule.objects.filter(region_id__in=codes, year=year)}
    return next((rules[code] for code in codes if code in rules), None)


def reading_department(user):
    """The department that reads the rules (人社 or 行业主管), or None."""
    return department(user)


def keeping_regions(user):
    """The regions the user may set rules for: a province's HR its province and its cities, a city's HR its city,
    nobody else (a county department sets none)."""
    office = department(user)
    if office is None or not may_manage_parameters(user):
        return Region.objects.none()
    region = office.region
    if region.level == RegionLevel.PROVINCE:
        return Region.objects.filter(Q(code=region.code) | Q(level=RegionLevel.CITY, province_code=region.code))
    if region.level == RegionLevel.CITY:
        return Region.objects.filter(code=region.code)
    return Region.objects.none()


def may_keep_rules(user) -> bool:
    return keeping_regions(user).exists()


def may_keep_rule(user, rule) -> bool:
    return keeping_regions(user).filter(code=rule.region_id).exists()


def rules_for_user(user):
    """The rules a department reads: those of its province (the province's and every city's)."""
    office = reading_department(user)
    if office is None:
        raise PermissionDenied
    return HoursRule.objects.filter(region__province_code=office.region.province_code).select_related(
        "region", "updated_by")


def get_rule_for_user(user, pk):
    rule = rules_for_user(user).filter(pk=pk).first()
    if rule is None:
        not_found("学时要求")
    return rule
