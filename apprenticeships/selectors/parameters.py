"""The parameters in force for a region and a day (regions.periods, the lookup traineeships uses too). Nothing
falls back to a default: a missing setting is refused with the message that names what is missing."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from apprenticeships.models import RuleSet, ShortageOccupation, SubsidyStandard
from regions.models import Region
from regions.periods import in_force, region_chain


def rules_for(region: Region, day: datetime.date) -> RuleSet:
    rules = in_force(RuleSet.objects.all(), region, day)
    if rules is None:
        raise ValidationError(_("%(region)s %(day)s 尚未设置学徒制规则参数，请联系地市人社部门设置")
                              % {"region": region.name, "day": day.isoformat()}, code="no_rules")
    return rules


def standard_for(region: Region, day: datetime.date, *, apprenticeship_type: str, target_level: str) -> SubsidyStandard:
    standard = in_force(SubsidyStandard.objects.filter(apprenticeship_type=apprenticeship_type,
                                                       target_level=target_level), region, day)
    if standard is None:
        raise ValidationError(_("该期间尚未设置补贴标准（%(region)s，%(day)s）")
                              % {"region": region.name, "day": day.isoformat()}, code="no_standard")
    return standard


def uplift_for(region: Region, year: int, occupation: str) -> ShortageOccupation | None:
    """The city's (else the province's) 紧缺急需 entry of the year for the occupation, or None."""
    entries = {entry.region_id: entry for entry in ShortageOccupation.objects.filter(
        region_id__in=region_chain(region), year=year, occupation=occupation.strip())}
    for code in region_chain(region):
        if code in entries:
            return entries[code]
    return None


def uplift_rate(region: Region, year: int, occupation: str) -> Decimal:
    entry = uplift_for(region, year, occupation)
    return entry.uplift_rate if entry is not None else Decimal("0")
