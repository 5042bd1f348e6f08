"""学时要求 (HoursRule) form: one field per learning form for its daily cap, the region among those the department
keeps. A rule below the national floor (90 total, 60 专业) is saved with a warning, never refused: a region may
follow the floor only as a reference it documents in 依据."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext as _t
from django.utils.translation import gettext_lazy as _

from continuing_education.models import LearningForm
from core.forms import BindErrorsMixin

INPUT = {"class": "form-control"}
NATIONAL_TOTAL = Decimal("90")
NATIONAL_PROFESSIONAL = Decimal("60")
RULE_FIELDS = ("region", "year", "total_min", "professional_min", "public_min", "online_cap", "carry_over",
               "class_lead_working_days", "source", "is_national_floor")


def _hours(label, *, required=True):
    return forms.DecimalField(label=label, required=required, min_value=0, max_value=9999, max_digits=5,
                              decimal_places=1, widget=forms.NumberInput(attrs={**INPUT, "step": "0.5"}),
                              error_messages={"required": _("请填写%(label)s") % {"label": label},
                                              "invalid": _("请输入数字"), "min_value": _("不能小于 0"),
                                              "max_value": _("不能大于 9999"),
                                              "max_decimal_places": _("最多一位小数"),
                                              "max_digits": _("数字过大")})


def cap_field_name(form_value: str) -> str:
    return f"cap_{form_value}"


class HoursRuleForm(BindErrorsMixin, forms.Form):
    region = forms.ModelChoiceField(label=_("地区"), queryset=None, widget=forms.Select(attrs={"class": "form-select"}),
                                    empty_label=None,
                                    error_messages={"required": _("请选择地区"),
                                                    "invalid_choice": _("只能设置本部门所辖的省、市的学时要求")})
    year = forms.IntegerField(label=_("年度"), min_value=2000, max_value=2100, widget=forms.NumberInput(attrs=INPUT),
                              error_messages={"required": _("请填写年度"), "invalid": _("年度应为四位年份"),
                                              "min_value": _("年度应在 2000 至 2100 之间"),
                                              "max_value": _("年度应在 2000 至 2100 之间")})
    total_min = _hours(_("年度总学时不少于"))
    professional_min = _hours(_("专业科目不少于"))
    public_min = _hours(_("公需科目不少于"))
    online_cap = _hours(_("网络培训学时上限（不填为不限）"), required=False)
    carry_over = _hours(_("可结转下年学时"), required=False)
    class_lead_working_days = forms.IntegerField(
        label=_("培训班提前申报工作日数"), min_value=0, max_value=60, initial=0, required=False,
        widget=forms.NumberInput(attrs=INPUT),
        error_messages={"invalid": _("请输入整数"), "min_value": _("不能小于 0"), "max_value": _("不能大于 60")})
    source = forms.CharField(label=_("依据（文件名称、文号）"), max_length=255, widget=forms.TextInput(attrs=INPUT),
                             error_messages={"required": _("请填写依据"), "max_length": _("依据过长")})
    is_national_floor = forms.BooleanField(label=_("按国家最低标准"), required=False)

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions
        for value, label in LearningForm.choices:
            self.fields[cap_field_name(value)] = _hours(_("%(form)s每天学时上限（不填为不限）") % {"form": label},
                                                        required=False)
        self.warnings = []

    def cap_fields(self):
        return [self[cap_field_name(value)] for value, _label in LearningForm.choices]

    def clean(self):
        data = super().clean()
        total, professional, public = (data.get(name) for name in ("total_min", "professional_min", "public_min"))
        if None not in (total, professional, public) and professional + public > total:
            self.add_error("total_min", _t("年度总学时不能少于专业科目与公需科目之和"))
        data["daily_caps"] = {value: float(data[cap_field_name(value)]) for value, _label in LearningForm.choices
                              if data.get(cap_field_name(value)) is not None}
        data["carry_over"] = data.get("carry_over") or Decimal("0")
        data["class_lead_working_days"] = data.get("class_lead_working_days") or 0
        if total is not None and total < NATIONAL_TOTAL:
            self.warnings.append(_t("年度总学时低于国家规定的 90 学时"))
        if professional is not None and professional < NATIONAL_PROFESSIONAL:
            self.warnings.append(_t("专业科目学时低于国家规定的 60 学时（90 学时的三分之二）"))
        return data


def rule_initial(rule) -> dict:
    initial = {name: getattr(rule, name) for name in RULE_FIELDS}
    initial["region"] = rule.region_id
    for value, cap in (rule.daily_caps or {}).items():
        initial[cap_field_name(value)] = cap
    return initial
