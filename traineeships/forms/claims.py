"""The forms of 补贴申领: the list's filter, the period of a new claim and the city's 拨付登记."""

import datetime

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from claims.models import ClaimStatus
from traineeships.forms.placements import BindErrorsMixin
from traineeships.forms.reports import PeriodForm

SELECT = {"class": "form-select form-select-sm"}


class ClaimFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + ClaimStatus.choices,
                               widget=forms.Select(attrs=SELECT),
                               error_messages={"invalid_choice": _("请选择列表中的状态")})
    year = forms.IntegerField(label=_("年度"), required=False, min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
                              error_messages={"invalid": _("年度应为四位数字，如 2026"),
                                              "min_value": _("年度应在 2000 至 2100 之间"),
                                              "max_value": _("年度应在 2000 至 2100 之间")})

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        if not self.is_valid():
            # The message is beside the field; the list is empty rather than less filtered than asked.
            return queryset.none()
        status, year = self.cleaned_data.get("status"), self.cleaned_data.get("year")
        if status:
            queryset = queryset.filter(status=status)
        if year:
            # A claim belongs to each year its period touches.
            queryset = queryset.filter(first_month__lte=datetime.date(year, 12, 1),
                                       last_month__gte=datetime.date(year, 1, 1))
        return queryset


class ClaimCreateForm(BindErrorsMixin, PeriodForm):
    note = forms.CharField(label=_("申领说明"), required=False, max_length=255,
                           widget=forms.TextInput(attrs={"class": "form-control"}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The month pickers stop at this month, the last a claim may reach (claims.services checks it).
        this_month = f"{timezone.localdate():%Y-%m}"
        for name in ("first_month", "last_month"):
            self.fields[name].widget.attrs["max"] = this_month


class PaymentForm(BindErrorsMixin, forms.Form):
    paid_on = forms.DateField(label=_("拨付日期"), widget=forms.DateInput(attrs={"class": "form-control",
                                                                              "type": "date"}, format="%Y-%m-%d"),
                              error_messages={"required": _("请填写拨付日期"), "invalid": _("日期格式应为 2026-03-01")})
    voucher_number = forms.CharField(label=_("拨付凭证号"), max_length=64,
                                     widget=forms.TextInput(attrs={"class": "form-control"}),
                                     error_messages={"required": _("请填写拨付凭证号")})

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("initial", {"paid_on": timezone.localdate()})
        super().__init__(*args, **kwargs)
