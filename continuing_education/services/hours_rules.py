"""学时要求 writes: a department keeps the rules of its own region or below (a province its province and cities,
a city its city); a county department sets none."""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction

from audit.services import record, snapshot
from continuing_education.models import HoursRule
from continuing_education.selectors.hours_rules import keeping_regions
from core.constraints import known_violation

FIELDS = ("region", "year", "total_min", "professional_min", "public_min", "daily_caps", "online_cap", "carry_over",
          "class_lead_working_days", "source", "is_national_floor")


def _snapshot(rule) -> dict:
    # JSON values, not their str(): an empty cap is null (shown "—"), the daily caps an object, not a repr.
    return snapshot(rule, FIELDS)


def _check(actor, region) -> None:
    if not keeping_regions(actor).filter(code=region.code).exists():
        raise PermissionDenied


def _save(rule, *, actor, data, before) -> HoursRule:
    for name in FIELDS:
        setattr(rule, name, data[name])
    rule.updated_by = actor
    try:
        with transaction.atomic():
            rule.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="continuing_education.hours_rule_saved", target=rule, before=before,
           after=_snapshot(rule))
    return rule


@transaction.atomic
def create_rule(*, actor, data) -> HoursRule:
    _check(actor, data["region"])
    return _save(HoursRule(), actor=actor, data=data, before=None)


@transaction.atomic
def update_rule(*, actor, rule, data) -> HoursRule:
    rule = HoursRule.objects.select_for_update().get(pk=rule.pk)
    _check(actor, rule.region)
    _check(actor, data["region"])
    return _save(rule, actor=actor, data=data, before=_snapshot(rule))
