from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import period_fields

INPUT = {"class": "form-control"}


def _rate(label, initial=None):
    return forms.DecimalField(
        label=label, max_digits=4, decimal_places=3, min_value=Decimal("0"), max_value=Decimal("1"), initial=initial,
        widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}),
        help_text=_("0 到 1 之间的小数，如 0.6 表示 60%"),
        error_messages={"min_value": _("比例应在0到1之间"), "max_value": _("比例应在0到1之间"),
                        "required": _("请填写%(label)s") % {"label": label},
                        "max_decimal_places": _("最多三位小数")},
    )


def _count(label, initial, low, high, help_text=""):
    return forms.IntegerField(
        label=label, initial=initial, min_value=low, max_value=high, help_text=help_text,
        widget=forms.NumberInput(attrs={**INPUT, "step": "1"}),
        error_messages={"required": _("请填写%(label)s") % {"label": label},
                        "invalid": _("请输入整数"),
                        "min_value": _("不能小于%(limit_value)s"), "max_value": _("不能大于%(limit_value)s")},
    )


class RegionParameterForm(forms.Form):
    region = forms.ModelChoiceField(label=_("适用地区"), queryset=None, empty_label=_("--请选择--"),
                                    widget=forms.Select(attrs={"class": "form-select"}),
                                    error_messages={"required": _("请选择适用地区"),
                                                    "invalid_choice": _("只能选择本部门辖区内的地区")})
    valid_from, valid_to = period_fields(example="2025-01", first_year=1990, last_year=9999)
    subsidy_rate = _rate(_("见习补贴比例"), Decimal("0.6"))
    raised_subsidy_rate = _rate(_("留用达标后的补贴比例"), Decimal("0.7"))
    retention_threshold = _rate(_("留用率达标线"), Decimal("0.5"))
    insurance_subsidy_cap = forms.DecimalField(
        label=_("保险补贴上限（元/人）"), max_digits=8, decimal_places=2, min_value=Decimal("0"),
        widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}),
        error_messages={"required": _("请填写保险补贴上限"), "min_value": _("保险补贴上限不能为负数")},
    )
    graduate_window_years = _count(_("高校毕业生离校年限（年）"), 2, 1, 10, _("全国为2年，山东为3年"))
    pre_graduation_months = _count(_("毕业前可参加见习的月数"), 0, 0, 12,
                                   _("毕业前几个月内尚未落实就业的应届毕业生可参加见习；0 表示不允许"))
    approval_lapse_days = _count(_("审核通过后办理上岗登记的期限（天）"), 30, 1, 365,
                                 _("逾期未办理上岗登记的报名自动失效，本人可另行报名"))
    retention_registration_days = _count(_("见习期满后登记留用的期限（天）"), 30, 1, 365)
    backdating_warning_days = _count(_("上岗日期早于登记日超过多少天时提示（天）"), 30, 0, 365)
    retention_window_months = _count(_("留用率考核期（月）"), 12, 1, 60,
                                     _("按考核期内结束见习的人员计算留用率，决定期满一次性补差"))
    note = forms.CharField(label=_("依据/备注"), max_length=255, required=False,
                           widget=forms.TextInput(attrs={**INPUT, "placeholder": _("如：晋人社厅发〔2023〕24号")}))

    def __init__(self, *args, regions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["region"].queryset = regions.order_by("code")
        self.fields["region"].label_from_instance = lambda region: f"{region.full_name}（{region.get_level_display()}）"

    def bind_errors(self, error) -> None:
        for field, messages in error.error_dict.items():
            self.add_error(field if field in self.fields else None, messages)


def parameter_initial(parameter) -> dict:
    return {
        "region": parameter.region_id, "valid_from": parameter.valid_from, "valid_to": parameter.valid_to,
        "subsidy_rate": parameter.subsidy_rate,
        "raised_subsidy_rate": parameter.raised_subsidy_rate, "retention_threshold": parameter.retention_threshold,
        "insurance_subsidy_cap": parameter.insurance_subsidy_cap, "note": parameter.note,
        **{name: getattr(parameter, name) for name in RULE_FIELDS},
    }


RULE_FIELDS = ("graduate_window_years", "pre_graduation_months", "approval_lapse_days",
               "retention_registration_days", "backdating_warning_days", "retention_window_months")


class ParameterFilterForm(forms.Form):
    """地区参数's 地区 filter: one of the regions whose parameters the department maintains, or all of them."""

    region = forms.ChoiceField(
        label=_("地区"), required=False,
        error_messages={"invalid_choice": _("请从列表中选择本部门辖区内的地区")},
        widget=forms.Select(attrs={"id": "param-region", "class": "form-select form-select-sm"}),
    )

    def __init__(self, data, *, regions):
        super().__init__(data)
        self.fields["region"].choices = [("", _("全部"))] + [(region.code, region.full_name) for region in regions]
