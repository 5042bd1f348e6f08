"""最低工资标准 maintenance (calendars.MinimumWage): a provincial HR department's users holding
calendars.manage_wages keep the rows of the province and its cities and counties; platform staff any region.

Periods of one region must not overlap: the check runs under a lock of the Region row (select_for_update), so
two writers of one region's periods queue and the second sees the first's row. Every write is audited."""

from decimal import Decimal

from django import forms
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from audit.services import record, snapshot
from calendars.models import MinimumWage
from calendars.rules import may_manage_wages
from core.constraints import known_violation
from core.forms import period_fields
from regions.models import Region

FIELDS = ("region", "valid_from", "valid_to", "monthly", "hourly", "source")

# --- selectors ---------------------------------------------------------------------------------------------------


def wage_regions_for_user(user):
    if not may_manage_wages(user):
        raise PermissionDenied
    if user.is_staff or user.is_superuser:
        return Region.objects.all()
    return Region.objects.filter(province_code=user.organisation.region.province_code)


def wages_for_user(user):
    regions = wage_regions_for_user(user)
    return MinimumWage.objects.filter(region__in=regions).select_related("region", "set_by")


def get_wage_for_user(user, pk: int) -> MinimumWage:
    row = wages_for_user(user).filter(pk=pk).first()
    if row is None:
        raise Http404("最低工资标准不存在")
    return row


# --- form --------------------------------------------------------------------------------------------------------


class WageForm(forms.Form):
    region = forms.ModelChoiceField(label=_("适用地区"), queryset=Region.objects.none(), empty_label=_("--请选择--"),
                                    widget=forms.Select(attrs={"class": "form-select"}),
                                    error_messages={"required": _("请选择适用地区"),
                                                    "invalid_choice": _("只能选择本省的地区")})
    valid_from, valid_to = period_fields(first_year=1990)
    monthly = forms.DecimalField(label=_("月最低工资标准（元）"), max_digits=8, decimal_places=2,
                                 min_value=Decimal("0.01"),
                                 widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.01"}),
                                 error_messages={"required": _("请填写月最低工资标准"),
                                                 "min_value": _("最低工资标准必须大于0"), "invalid": _("请输入金额")})
    hourly = forms.DecimalField(label=_("小时最低工资标准（元）"), max_digits=6, decimal_places=2, required=False,
                                min_value=Decimal("0.01"),
                                widget=forms.NumberInput(attrs={"class": "form-control", "step": "0.01"}),
                                error_messages={"min_value": _("最低工资标准必须大于0"), "invalid": _("请输入金额")})
    source = forms.CharField(label=_("依据文件"), max_length=255,
                             widget=forms.TextInput(attrs={"class": "form-control",
                                                           "placeholder": _("如：豫政〔2024〕12号")}),
                             error_messages={"required": _("请填写依据文件")})

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions.order_by("code")
        self.fields["region"].label_from_instance = lambda region: region.full_name

    def bind_errors(self, error) -> None:
        if hasattr(error, "error_dict"):
            for field, messages in error.error_dict.items():
                self.add_error(field if field in self.fields else None, messages)
        else:
            self.add_error(None, error.messages)


def wage_initial(row: MinimumWage) -> dict:
    return {name: getattr(row, name) for name in FIELDS}


# --- services ----------------------------------------------------------------------------------------------------


def _period_text(row) -> str:
    end = f"{row.valid_to:%Y-%m}" if row.valid_to else _t("长期")
    return f"{row.valid_from:%Y-%m} 至 {end}"


def _check(actor, data: dict, exclude_pk=None) -> None:
    region = data["region"]
    if not wage_regions_for_user(actor).filter(pk=region.pk).exists():
        raise PermissionDenied(_t("只能设置本省的最低工资标准"))
    if data["valid_to"] is not None and data["valid_to"] < data["valid_from"]:
        raise ValidationError({"valid_to": _t("截止月份不能早于起始月份")})
    overlap = Q(valid_to__isnull=True) | Q(valid_to__gte=data["valid_from"])
    if data["valid_to"] is not None:
        overlap &= Q(valid_from__lte=data["valid_to"])
    clash = MinimumWage.objects.filter(region=region).exclude(pk=exclude_pk).filter(overlap).first()
    if clash is not None:
        raise ValidationError({"valid_from": _t("%(region)s在%(period)s已有最低工资标准，期间不能重叠")
                               % {"region": region.full_name, "period": _period_text(clash)}})


def _lock_regions(*codes) -> None:
    for code in sorted(set(codes)):
        Region.objects.select_for_update().filter(pk=code).first()


def _save(row) -> None:
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None


@transaction.atomic
def create_wage(*, actor, data: dict) -> MinimumWage:
    _lock_regions(data["region"].pk)
    _check(actor, data)
    row = MinimumWage(set_by=actor, **{name: data.get(name) for name in FIELDS})
    row.source = row.source or ""
    _save(row)
    record(actor=actor, action="calendars.wage_created", target=row, after=snapshot(row, FIELDS))
    return row


@transaction.atomic
def update_wage(*, actor, row: MinimumWage, data: dict, precondition=None) -> MinimumWage:
    """precondition(locked): called on the row once locked, after its regions (the lock order; the API's
    If-Match)."""
    current = MinimumWage.objects.filter(pk=row.pk).values_list("region_id", flat=True).first()
    _lock_regions(current, data["region"].pk)
    locked = MinimumWage.objects.select_for_update().get(pk=row.pk)
    if not wage_regions_for_user(actor).filter(pk=locked.region_id).exists():
        raise PermissionDenied(_t("只能设置本省的最低工资标准"))
    if precondition is not None:
        precondition(locked)
    _check(actor, data, exclude_pk=locked.pk)
    before = snapshot(locked, FIELDS)
    for name in FIELDS:
        setattr(locked, name, data.get(name))
    locked.set_by = actor
    _save(locked)
    record(actor=actor, action="calendars.wage_updated", target=locked, before=before, after=snapshot(locked, FIELDS))
    return locked
