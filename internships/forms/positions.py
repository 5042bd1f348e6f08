"""The position form (manual 000 §3.1, with the regulation's fields), the list's filters, the staff-on-duty form
and the import's row form."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BindErrorsMixin
from internships.models import Education, Lodging, Overtime, PayMethod, PayPeriod, PositionStatus
from regions.forms import RegionField

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}
CHECK = {"class": "form-check-input"}
MONEY = {"max_digits": 8, "decimal_places": 2, "min_value": Decimal("0"), "max_value": Decimal("999999.99")}
NIGHT_SHIFT_CHOICES = (("no", _("无夜班")), ("yes", _("有夜班")))
YES_NO = (("no", _("否")), ("yes", _("是")))


def _money(label, required_message):
    return forms.DecimalField(label=label, widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}), **MONEY,
                              error_messages={"required": required_message, "min_value": _("金额不能为负数"),
                                              "max_value": _("金额过大"), "max_decimal_places": _("最多两位小数"),
                                              "invalid": _("请输入金额")})


def _date(label, required_message):
    return forms.DateField(label=label, widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
                           error_messages={"required": required_message, "invalid": _("日期格式应为 2026-03-01")})


def _text(label, max_length, required_message, rows=None):
    widget = forms.Textarea(attrs={**INPUT, "rows": rows}) if rows else forms.TextInput(attrs=INPUT)
    return forms.CharField(label=label, max_length=max_length, widget=widget,
                           error_messages={"required": required_message,
                                           "max_length": _("最多%(limit_value)d个字")})


def _yes_no(label, choices=YES_NO):
    return forms.TypedChoiceField(label=label, choices=choices, coerce=lambda value: value == "yes",
                                  initial="no", widget=forms.RadioSelect,
                                  error_messages={"required": _("请选择"), "invalid_choice": _("请选择“是”或“否”")})


class PositionForm(BindErrorsMixin, forms.Form):
    """实习岗位编辑 (manual 000 §3.1) plus the regulation's fields: the same post's wage, the pay period and method,
    the staff in the same post, the declarations, the exemption file."""

    title = _text(_("岗位名称"), 64, _("请填写岗位名称"))
    department = _text(_("实习部门"), 64, _("请填写实习部门"))
    pay_min = _money(_("实习报酬下限（元/月）"), _("请填写实习报酬下限"))
    pay_max = _money(_("实习报酬上限（元/月）"), _("请填写实习报酬上限"))
    same_post_wage = _money(_("本单位相同岗位工资标准（元/月）"), _("请填写相同岗位工资标准"))
    pay_period = forms.ChoiceField(label=_("报酬发放周期"), choices=PayPeriod.choices,
                                   widget=forms.Select(attrs=SELECT),
                                   error_messages={"required": _("请选择报酬发放周期"),
                                                   "invalid_choice": _("请从列表中选择报酬发放周期")})
    pay_method = forms.ChoiceField(label=_("报酬发放方式"), choices=PayMethod.choices,
                                   widget=forms.Select(attrs=SELECT),
                                   error_messages={"required": _("请选择报酬发放方式"),
                                                   "invalid_choice": _("请从列表中选择报酬发放方式")})
    education = forms.ChoiceField(label=_("学历要求"), choices=Education.choices, widget=forms.RadioSelect,
                                  error_messages={"required": _("请选择学历要求"),
                                                  "invalid_choice": _("学历要求为中专、大专、本科或不限")})
    places = forms.IntegerField(label=_("实习人数"), min_value=1, max_value=9999, widget=forms.NumberInput(attrs=INPUT),
                                error_messages={"required": _("请填写实习人数"), "min_value": _("实习人数至少为1人"),
                                                "max_value": _("实习人数不能超过9999人"), "invalid": _("请输入整数")})
    post_staff = forms.IntegerField(label=_("同类岗位在岗职工数"), min_value=0, max_value=9999999,
                                    widget=forms.NumberInput(attrs=INPUT),
                                    help_text=_("实习人数一般不高于同类岗位在岗职工数的20%"),
                                    error_messages={"required": _("请填写同类岗位在岗职工数"),
                                                    "min_value": _("人数不能为负数"), "max_value": _("人数过大"),
                                                    "invalid": _("请输入整数")})
    majors = _text(_("对口专业"), 255, _("请填写对口专业"))
    work_region = RegionField(label=_("工作地区"))
    address = _text(_("工作地址"), 255, _("请填写工作地址"))
    lodging = forms.ChoiceField(label=_("住宿条件"), choices=Lodging.choices, widget=forms.RadioSelect,
                                error_messages={"required": _("请选择住宿条件"),
                                                "invalid_choice": _("住宿条件为2-4人间、多人间或住宿自理")})
    night_shift = _yes_no(_("夜班情况"), NIGHT_SHIFT_CHOICES)
    overtime = forms.ChoiceField(label=_("加班情况"), choices=Overtime.choices, widget=forms.RadioSelect,
                                 error_messages={"required": _("请选择加班情况"),
                                                 "invalid_choice": _("加班情况为无加班、偶尔加班或经常加班")})
    exemption_file = forms.FileField(
        label=_("夜班/加班特殊要求备案文件"), required=False, widget=forms.ClearableFileInput(attrs=INPUT),
        help_text=_("除专业和岗位有特殊要求并报上级主管部门备案外，不得安排学生加班和夜班；有夜班或加班时须上传备案文件（PDF或图片）"))
    exemption_note = forms.CharField(label=_("特殊要求说明"), max_length=255, required=False,
                                     widget=forms.TextInput(attrs=INPUT),
                                     error_messages={"max_length": _("最多%(limit_value)d个字")})
    apply_from = _date(_("报名日期始"), _("请填写报名开始日期"))
    apply_until = _date(_("报名日期止"), _("请填写报名截止日期"))
    starts_on = _date(_("实习开始日期"), _("请填写实习开始日期"))
    ends_on = _date(_("实习结束日期"), _("请填写实习结束日期"))
    description = _text(_("岗位描述"), 2000, _("请填写岗位描述"), rows=4)
    skills = _text(_("学习技能"), 2000, _("请填写学习技能"), rows=3)
    requirements = _text(_("实习要求"), 2000, _("请填写实习要求"), rows=3)
    charges_fees = _yes_no(_("是否收取押金、培训费、管理费等费用"))
    retains_documents = _yes_no(_("是否扣留学生证、身份证等证件"))
    entertainment_venue = _yes_no(_("实习场所是否为酒吧、夜总会、歌厅、洗浴中心、网吧等营业性娱乐场所"))
    via_intermediary = _yes_no(_("是否通过中介机构或有偿代理组织实习"))

    def __init__(self, *args, has_exemption: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.has_exemption = has_exemption
        if has_exemption:
            self.fields["remove_exemption"] = forms.BooleanField(
                label=_("删除已上传的备案文件"), required=False, widget=forms.CheckboxInput(attrs=CHECK))

    def clean(self):
        data = super().clean()
        pay_min, pay_max = data.get("pay_min"), data.get("pay_max")
        if pay_min is not None and pay_max is not None and pay_max < pay_min:
            self.add_error("pay_max", _("报酬上限不能低于下限"))
        apply_from, apply_until = data.get("apply_from"), data.get("apply_until")
        if apply_from and apply_until and apply_until < apply_from:
            self.add_error("apply_until", _("报名截止日期不能早于开始日期"))
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("实习结束日期须晚于开始日期"))
        return data

    def exemption_on_file(self) -> bool:
        """Whether the position will have an exemption file: a new upload, or the kept one."""
        if self.cleaned_data.get("exemption_file"):
            return True
        return self.has_exemption and not self.cleaned_data.get("remove_exemption")



BOOLEAN_FIELDS = ("night_shift", "charges_fees", "retains_documents", "entertainment_venue", "via_intermediary")


def position_initial(position) -> dict:
    initial = {name: getattr(position, name) for name in (
        "title", "department", "pay_min", "pay_max", "same_post_wage", "pay_period", "pay_method", "education",
        "places", "post_staff", "majors", "address", "lodging", "overtime", "exemption_note", "apply_from",
        "apply_until", "starts_on", "ends_on", "description", "skills", "requirements")}
    initial["work_region"] = position.work_region_id
    for name in BOOLEAN_FIELDS:
        initial[name] = "yes" if getattr(position, name) else "no"
    return initial


class PositionRowForm(PositionForm):
    """One row of the position import: the add form without the upload (a file cannot be imported)."""

    def __init__(self, *args, **kwargs):
        kwargs.pop("organisation", None)
        super().__init__(*args, **kwargs)
        del self.fields["exemption_file"]


STATUS_CHOICES = [("", _("不限状态"))] + [(value, label) for value, label in PositionStatus.choices
                                        if value != PositionStatus.DELETED]


class PositionFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("岗位状态"), choices=STATUS_CHOICES, required=False,
                               widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                               error_messages={"invalid_choice": _("没有该岗位状态，请从列表中选择")})
    title = forms.CharField(label=_("实习岗位"), max_length=64, required=False,
                            widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
                            error_messages={"max_length": _("岗位名称最多%(limit_value)d个字")})
    department = forms.CharField(label=_("实习部门"), max_length=64, required=False,
                                 widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}),
                                 error_messages={"max_length": _("实习部门最多%(limit_value)d个字")})
    q = forms.CharField(label=_("搜索"), max_length=64, required=False,
                        widget=forms.TextInput(attrs={"class": "form-control form-control-sm",
                                                      "placeholder": _("岗位、部门、专业、地址")}),
                        error_messages={"max_length": _("搜索内容最多%(limit_value)d个字")})

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        return {name: self.cleaned_data.get(name) or "" for name in self.fields}


class StaffOnDutyForm(forms.Form):
    staff_on_duty = forms.IntegerField(label=_("在岗职工总数"), min_value=1, max_value=9999999,
                                       widget=forms.NumberInput(attrs={"class": "form-control form-control-sm"}),
                                       error_messages={"required": _("请填写在岗职工总数"),
                                                       "min_value": _("在岗职工总数须为正整数"),
                                                       "max_value": _("人数过大"), "invalid": _("请输入整数")})
