"""Writes of 地区参数 (subsidy rates, insurance cap, rules per region and period; the minimum wage is kept in
calendars.MinimumWage)."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from audit.services import record, snapshot
from core.constraints import known_violation
from regions.models import Region
from traineeships.models import RegionParameter
from traineeships.selectors import parameter_regions_for_user

PARAMETER_FIELDS = (
    "region", "valid_from", "valid_to", "subsidy_rate", "raised_subsidy_rate",
    "retention_threshold", "insurance_subsidy_cap", "graduate_window_years", "pre_graduation_months",
    "approval_lapse_days", "retention_registration_days", "backdating_warning_days", "retention_window_months",
    "note",
)
# The non-money rules have the national defaults of the model when a caller does not give them.
RULE_FIELDS = PARAMETER_FIELDS[7:13]


def _period_text(parameter: RegionParameter) -> str:
    end = f"{parameter.valid_to:%Y-%m}" if parameter.valid_to else _("长期")
    return f"{parameter.valid_from:%Y-%m} 至 {end}"


def _check(actor, data: dict, exclude_pk=None) -> None:
    region: Region = data["region"]
    if not parameter_regions_for_user(actor).filter(pk=region.pk).exists():
        raise PermissionDenied(_("只能设置本部门辖区内的地区参数"))
    errors = {}
    if data["valid_to"] is not None and data["valid_to"] < data["valid_from"]:
        errors["valid_to"] = _("截止月份不能早于起始月份")
    if data["raised_subsidy_rate"] < data["subsidy_rate"]:
        errors["raised_subsidy_rate"] = _("留用达标后的补贴比例不能低于见习补贴比例")
    if errors:
        raise ValidationError(errors)
    same_region = RegionParameter.objects.filter(region=region).exclude(pk=exclude_pk)
    overlap = Q(valid_to__isnull=True) | Q(valid_to__gte=data["valid_from"])
    if data["valid_to"] is not None:
        overlap &= Q(valid_from__lte=data["valid_to"])
    clash = same_region.filter(overlap).order_by("valid_from").first()
    if clash is not None:
        raise ValidationError({"valid_from": _("%(region)s在%(period)s已有参数设置，期间不能重叠")
                               % {"region": region.full_name, "period": _period_text(clash)}})


def _lock_regions(*region_ids) -> None:
    """Lock the regions whose periods are checked (parent before its parameter rows, ascending ids), so two
    writers of one region's periods queue: a check of the periods with no row to lock would let both
    insert. On PostgreSQL the exclusion constraint tr_param_no_overlap holds the rule as well."""
    for region_id in sorted(set(region_ids)):
        Region.objects.select_for_update().filter(pk=region_id).first()


def _save(parameter: RegionParameter, **kwargs) -> None:
    try:
        with transaction.atomic():
            parameter.save(**kwargs)
    except IntegrityError as error:
        raise known_violation(error) or error from None


@transaction.atomic
def create_parameter(*, actor, data: dict) -> RegionParameter:
    _lock_regions(data["region"].pk)
    _check(actor, data)
    parameter = RegionParameter(set_by=actor, **{name: data[name] for name in PARAMETER_FIELDS
                                                   if name in data or name not in RULE_FIELDS})
    _save(parameter)
    record(actor=actor, action="traineeships.parameter_created", target=parameter,
           after=snapshot(parameter, PARAMETER_FIELDS))
    return parameter


@transaction.atomic
def update_parameter(*, parameter: RegionParameter, actor, data: dict, precondition=None) -> RegionParameter:
    """`precondition(locked)` (the API's If-Match) runs once the row is locked, after its regions: the lock
    order stays region before parameter whoever calls."""
    current_region = RegionParameter.objects.filter(pk=parameter.pk).values_list("region_id", flat=True).first()
    _lock_regions(current_region, data["region"].pk)
    locked = RegionParameter.objects.select_for_update().get(pk=parameter.pk)
    if precondition is not None:
        precondition(locked)
    if not parameter_regions_for_user(actor).filter(pk=locked.region_id).exists():
        raise PermissionDenied(_("只能设置本部门辖区内的地区参数"))
    _check(actor, data, exclude_pk=locked.pk)
    before = snapshot(locked, PARAMETER_FIELDS)
    for name in PARAMETER_FIELDS:
        if name in data or name not in RULE_FIELDS:
            setattr(locked, name, data[name])
    locked.set_by = actor
    _save(locked)
    record(actor=actor, action="traineeships.parameter_updated", target=locked, before=before,
           after=snapshot(locked, PARAMETER_FIELDS))
    return locked
