"""学徒制参数 forms: 补贴标准, 紧缺急需职业目录, 规则参数 (region = the department's own; help texts name the rule)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from apprenticeships.models import ApprenticeshipType, TargetLevel
from apprenticeships.models.parameters import MAX_UPLIFT, NATIONAL_FLOOR_PER_YEAR
from core.forms import BindErrorsMixin, period_fields

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}


def _source():
    return forms.CharField(label=_("依据文件"), max_length=255,
                           widget=forms.TextInput(attrs={**INPUT, "placeholder": _("如：粤人社规〔2023〕13号")}),
                           error_messages={"required": _("请填写依据文件")})


def _rate(label, help_text, required=True):
    return forms.DecimalField(
        label=label, max_digits=4, decimal_places=3, min_value=Decimal("0"), max_value=Decimal("1"),
        required=required, help_text=help_text, widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}),
        error_messages={"min_value": _("比例应在0到1之间"), "max_value": _("比例应在0到1之间"),
                        "required": _("请填写%(label)s") % {"label": label}, "invalid": _("请输入数字"),
                        "max_decimal_places": _("最多三位小数"), "max_digits": _("比例应在0到1之间")})


def _count(label, help_text, low, high):
    return forms.IntegerField(
        label=label, min_value=low, max_value=high, help_text=help_text,
        widget=forms.NumberInput(attrs={**INPUT, "step": "1"}),
        error_messages={"required": _("请填写%(label)s") % {"label": label}, "invalid": _("请输入整数"),
                        "min_value": _("不能小于%(limit_value)s"), "max_value": _("不能大于%(limit_value)s")})


class StandardForm(BindErrorsMixin, forms.Form):
    valid_from, valid_to = period_fields()
    apprenticeship_type = forms.ChoiceField(label=_("学徒制培训类型"), choices=ApprenticeshipType.choices,
                                            widget=forms.Select(attrs=SELECT),
                                            error_messages={"required": _("请选择学徒制培训类型"),
                                                            "invalid_choice": _("请选择学徒制培训类型")})
    target_level = forms.ChoiceField(label=_("培训目标等级"), choices=TargetLevel.choices,
                                     widget=forms.Select(attrs=SELECT),
                                     error_messages={"required": _("请选择培训目标等级"),
                                                     "invalid_choice": _("请选择培训目标等级")})
    amount_per_year = forms.DecimalField(
        label=_("补贴标准（元/人·年）"), max_digits=9, decimal_places=2, min_value=Decimal("0.01"),
        widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}),
        help_text=_("国家规定原则上每人每年5000元以上（人社部发〔2021〕39号）；低于5000元时保存并提示"),
        error_messages={"required": _("请填写补贴标准"), "min_value": _("补贴标准必须大于0"),
                        "invalid": _("请输入金额"), "max_decimal_places": _("最多两位小数"),
                        "max_digits": _("金额过大")})
    source = _source()

    @property
    def below_floor(self) -> bool:
        amount = self.cleaned_data.get("amount_per_year") if hasattr(self, "cleaned_data") else None
        return amount is not None and amount < NATIONAL_FLOOR_PER_YEAR


class ShortageForm(BindErrorsMixin, forms.Form):
    year = forms.IntegerField(label=_("目录年度"), min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs={**INPUT, "step": "1"}),
                              error_messages={"required": _("请填写目录年度"), "invalid": _("请输入年份"),
                                              "min_value": _("年份不正确"), "max_value": _("年份不正确")})
    occupation = forms.CharField(label=_("职业（工种）"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                 error_messages={"required": _("请填写职业（工种）")})
    uplift_rate = forms.DecimalField(
        label=_("上浮比例"), max_digits=4, decimal_places=3, min_value=Decimal("0"), max_value=MAX_UPLIFT,
        widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}),
        help_text=_("高级工及以上等级、列入当年紧缺急需职业（工种）目录的，补贴标准可上浮，最高30%（填0.3）"),
        error_messages={"required": _("请填写上浮比例"), "min_value": _("上浮比例不能为负数"),
                        "max_value": _("上浮比例最高为30%%（0.3）"), "invalid": _("请输入数字"),
                        "max_decimal_places": _("最多三位小数"), "max_digits": _("上浮比例最高为30%%（0.3）")})
    source = _source()


class RuleSetForm(BindErrorsMixin, forms.Form):
    valid_from, valid_to = period_fields()
    ecosystem_advance_rate = _rate(_("生态链企业预支比例"),
                                   _("产业技能生态链企业备案列名后可预支补贴的比例，广东为30%（0.3）"))
    ecosystem_advance_after_months = _count(_("生态链企业备案列名后满几个月可预支"), _("广东为1个月"), 0, 24)
    filed_advance_rate = _rate(_("备案企业预支比例"), _("开班后规定期限内可预支补贴的比例，广东为40%（0.4）"))
    filed_advance_within_months = _count(_("开班后几个月内可预支"), _("广东为开班后3个月内"), 1, 24)
    balance_within_months = _count(_("培训期满后几个月内申领清算"), _("培训期满后12个月内申领余款"), 1, 60)
    min_duration_months = _count(_("培训期下限（月）"), _("学徒培训期限一般为1至2年：12个月"), 1, 60)
    max_duration_months = _count(_("培训期上限（月）"), _("一般为24个月"), 1, 60)
    extended_max_months = _count(_("特殊情况培训期上限（月）"), _("特殊情况说明理由可延长至3年：36个月"), 1, 60)
    min_contract_months = _count(_("劳动合同期限下限（月）"), _("企业新型学徒制须签订1年以上劳动合同：12个月"), 0, 120)
    max_date_changes = _count(_("开班日期最多变更次数"), _("操作手册：每个培训班最多变更3次"), 0, 10)
    change_notice_working_days = _count(_("开班日期变更须提前的工作日"), _("操作手册：须提前5个工作日"), 0, 60)
    course_config_days_before = _count(_("课程信息须提前配置的天数"), _("操作手册：最迟开课前1天配置"), 0, 30)
    attendance_threshold = _rate(_("出勤率提示线"), _("未找到官方出勤率标准：留空表示不提示"), required=False)
    source = _source()


def initial_of(row, fields) -> dict:
    return {name: getattr(row, name) for name in fields}
