"""学徒制参数 writes (补贴标准, 紧缺急需职业目录, 规则参数) by a city or province HR department for its own region.

Periods of one region (and, for standards, type and level) must not overlap. The check runs under a lock of the
department's Region row (select_for_update, the same lock traineeships' 地区参数 take): two writers of one
region's periods queue, the second sees the first's row. An edit of a period already used is allowed and
audited with the before and after."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from apprenticeships.models import RuleSet, ShortageOccupation, SubsidyStandard
from apprenticeships.selectors.hr import parameter_department
from audit.services import record, snapshot
from core.constraints import known_violation
from regions.models import Region

STANDARD_FIELDS = ("valid_from", "valid_to", "apprenticeship_type", "target_level", "amount_per_year", "source")
SHORTAGE_FIELDS = ("year", "occupation", "uplift_rate", "source")
RULE_FIELDS = ("valid_from", "valid_to", "ecosystem_advance_rate", "ecosystem_advance_after_months",
               "filed_advance_rate", "filed_advance_within_months", "balance_within_months", "min_duration_months",
               "max_duration_months", "extended_max_months", "min_contract_months", "max_date_changes",
               "change_notice_working_days", "course_config_days_before", "attendance_threshold", "source")

SPECS = {
    "standards": (SubsidyStandard, STANDARD_FIELDS, ("apprenticeship_type", "target_level")),
    "shortage": (ShortageOccupation, SHORTAGE_FIELDS, None),
    "rules": (RuleSet, RULE_FIELDS, ()),
}
ACTIONS = {
    "standards": ("apprenticeships.standard_created", "apprenticeships.standard_updated"),
    "shortage": ("apprenticeships.shortage_created", "apprenticeships.shortage_updated"),
    "rules": ("apprenticeships.ruleset_created", "apprenticeships.ruleset_updated"),
}


def period_text(row) -> str:
    end = f"{row.valid_to:%Y-%m}" if row.valid_to else _("长期")
    return f"{row.valid_from:%Y-%m} 至 {end}"


def _department(actor):
    department = parameter_department(actor)
    if department is None:
        raise PermissionDenied(_("只有地市或省级人社部门可以维护学徒制参数"))
    return department


def _lock_region(region_id: str) -> None:
    Region.objects.select_for_update().filter(pk=region_id).first()


def _check(kind: str, region, data: dict, exclude_pk=None) -> None:
    model, _fields, same = SPECS[kind]
    if kind == "rules":
        errors = {}
        if data["max_duration_months"] < data["min_duration_months"]:
            errors["max_duration_months"] = _("培训期上限不能小于培训期下限")
        if data["extended_max_months"] < data["max_duration_months"]:
            errors["extended_max_months"] = _("特殊情况培训期上限不能小于培训期上限")
        if errors:
            raise ValidationError(errors)
    if same is None:  # the 紧缺急需 list is per year: the unique constraint holds it
        clash = ShortageOccupation.objects.filter(region=region, year=data["year"],
                                                  occupation=data["occupation"]).exclude(pk=exclude_pk)
        if clash.exists():
            raise ValidationError({"occupation": _("该地区该年度已有该职业（工种）")})
        return
    if data["valid_to"] is not None and data["valid_to"] < data["valid_from"]:
        raise ValidationError({"valid_to": _("截止月份不能早于起始月份")})
    rows = model.objects.filter(region=region, **{name: data[name] for name in same}).exclude(pk=exclude_pk)
    overlap = Q(valid_to__isnull=True) | Q(valid_to__gte=data["valid_from"])
    if data["valid_to"] is not None:
        overlap &= Q(valid_from__lte=data["valid_to"])
    clash = rows.filter(overlap).order_by("valid_from").first()
    if clash is not None:
        raise ValidationError({"valid_from": _("%(region)s在%(period)s已有设置，期间不能重叠")
                               % {"region": region.full_name, "period": period_text(clash)}}, code="overlap")


def _save(row) -> None:
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None


def _clean(kind: str, data: dict) -> dict:
    values = {name: data[name] for name in SPECS[kind][1]}
    if "occupation" in values:
        values["occupation"] = values["occupation"].strip()
    return values


@transaction.atomic
def create_parameter(*, kind: str, actor, data: dict):
    department = _department(actor)
    _lock_region(department.region_id)
    values = _clean(kind, data)
    _check(kind, department.region, values)
    model, fields, _same = SPECS[kind]
    row = model(region=department.region, set_by=actor, **values)
    _save(row)
    record(actor=actor, action=ACTIONS[kind][0], target=row, after=snapshot(row, ("region", *fields)))
    return row


@transaction.atomic
def update_parameter(*, kind: str, row, actor, data: dict):
    department = _department(actor)
    _lock_region(department.region_id)
    model, fields, _same = SPECS[kind]
    locked = model.objects.select_for_update().get(pk=row.pk)
    if locked.region_id != department.region_id:
        raise PermissionDenied(_("只能维护本部门地区的参数"))
    values = _clean(kind, data)
    _check(kind, department.region, values, exclude_pk=locked.pk)
    before = snapshot(locked, ("region", *fields))
    for name, value in values.items():
        setattr(locked, name, value)
    locked.set_by = actor
    _save(locked)
    record(actor=actor, action=ACTIONS[kind][1], target=locked, before=before,
           after=snapshot(locked, ("region", *fields)))
    return locked


@transaction.atomic
def import_shortage(*, actor, organisation, rows: list[dict]) -> tuple[int, int, int]:
    """紧缺急需职业目录导入: each row (the add form's cleaned data) added to the department's region, or updating
    the entry of the same year and occupation; audited like the screen's writes."""
    department = _department(actor)
    _lock_region(department.region_id)
    created = updated = unchanged = 0
    for data in rows:
        values = _clean("shortage", data)
        row = ShortageOccupation.objects.select_for_update().filter(
            region=department.region, year=values["year"], occupation=values["occupation"]).first()
        if row is None:
            row = ShortageOccupation(region=department.region, set_by=actor, **values)
            _save(row)
            record(actor=actor, action=ACTIONS["shortage"][0], target=row,
                   after=snapshot(row, ("region", *SHORTAGE_FIELDS)))
            created += 1
        elif all(getattr(row, name) == value for name, value in values.items()):
            unchanged += 1
        else:
            before = snapshot(row, ("region", *SHORTAGE_FIELDS))
            for name, value in values.items():
                setattr(row, name, value)
            row.set_by = actor
            _save(row)
            record(actor=actor, action=ACTIONS["shortage"][1], target=row, before=before,
                   after=snapshot(row, ("region", *SHORTAGE_FIELDS)))
            updated += 1
    return created, updated, unchanged
