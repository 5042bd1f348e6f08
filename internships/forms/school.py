"""Forms of the school's screens: the agreement's terms, uploads, groups and mentors, the early end, the
overview's and the education department's filters."""

import re
from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from attachments.forms import AttachmentField
from core.forms import BindErrorsMixin
from internships.models import (
    PAY_PERIODS_WITHIN_A_MONTH,
    InternshipStatus,
    Lodging,
    PayMethod,
    PayPeriod,
)
from internships.selectors.school_overview import STAGES

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}
DATE = {"class": "form-control", "type": "date"}
PHONE_RE = re.compile(r"^[0-9][0-9\-]{6,19}$")
# Regulation §1.3: in principle at least 80 % of the same post's wage.
PAY_FLOOR = Decimal("0.8")


def _date(label, required=True):
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "invalid": _("日期格式应为 2026-03-01")})


def _text(label, max_length, required=True, rows=None):
    widget = forms.Textarea(attrs={**INPUT, "rows": rows}) if rows else forms.TextInput(attrs=INPUT)
    return forms.CharField(label=label, max_length=max_length, required=required, widget=widget,
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "max_length": _("%(label)s不能超过 %(n)s 个字") % {
                                               "label": label, "n": max_length}})


def _choice(label, choices, required=True):
    return forms.ChoiceField(label=label, choices=[("", "—")] + list(choices) if not required else choices,
                             required=required, widget=forms.Select(attrs=SELECT),
                             error_messages={"invalid_choice": _("请从列表中选择%(label)s") % {"label": label},
                                             "required": _("请选择%(label)s") % {"label": label}})


def _phone(label, required=True):
    return forms.RegexField(label=label, regex=PHONE_RE, required=required, max_length=20,
                            widget=forms.TextInput(attrs=INPUT),
                            error_messages={"required": _("请填写%(label)s") % {"label": label},
                                            "invalid": _("请输入正确的电话号码（数字，可含“-”）"),
                                            "max_length": _("电话号码不能超过 20 位")})


class AgreementTermsForm(BindErrorsMixin, forms.Form):
    """三方协议的条款: prefilled from the position, checked against the regulation's red lines."""

    starts_on = _date(_("实习开始日期"))
    ends_on = _date(_("实习结束日期"))
    address = _text(_("实习地点"), 255)
    content = _text(_("实习内容"), 1000, rows=3)
    pay = forms.DecimalField(label=_("实习报酬（元/月）"), max_digits=8, decimal_places=2, min_value=Decimal("0.01"),
                             widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}),
                             error_messages={"required": _("请填写实习报酬"), "min_value": _("实习报酬必须大于0"),
                                             "max_digits": _("金额过大"), "max_decimal_places": _("最多两位小数"),
                                             "invalid": _("请输入金额数字")})
    pay_period = _choice(_("报酬发放周期"), PayPeriod.choices)
    pay_method = _choice(_("报酬发放方式"), PayMethod.choices)
    lodging = _choice(_("住宿条件"), Lodging.choices)
    working_time = _text(_("工作时间与休息休假"), 255)
    insurance_note = _text(_("实习责任保险"), 255)
    teacher_name = _text(_("学校指导教师"), 64)
    teacher_phone = _phone(_("指导教师电话"))
    other_terms = _text(_("其他约定"), 1000, required=False, rows=3)

    def __init__(self, *args, position=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.position = position

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("实习结束日期须晚于开始日期"))
        if data.get("pay_period") and data["pay_period"] not in PAY_PERIODS_WITHIN_A_MONTH:
            self.add_error("pay_period", _("实习报酬的发放周期原则上不得超过 1 个月"))
        if data.get("pay_method") and data["pay_method"] != PayMethod.MONEY:
            self.add_error("pay_method", _("实习报酬应以货币形式按时足额直接发放给学生本人"))
        if self.position is not None and data.get("pay") is not None:
            floor = (self.position.same_post_wage * PAY_FLOOR).quantize(Decimal("0.01"))
            if data["pay"] < floor:
                self.add_error("pay", _("实习报酬原则上不低于本单位相同岗位工资标准的 80%%（%(floor)s 元/月）") % {
                    "floor": floor})
        return data


def terms_initial(internship) -> dict:
    """What the form shows first: the stored terms, else the position's."""
    if internship.agreement_terms:
        return dict(internship.agreement_terms)
    position = internship.position
    group = internship.group
    return {
        "starts_on": internship.starts_on, "ends_on": internship.ends_on,
        "address": f"{position.work_region.full_name if position.work_region_id else ''}{position.address}",
        "content": position.description, "pay": position.pay_min, "pay_period": position.pay_period,
        "pay_method": position.pay_method, "lodging": position.lodging,
        "working_time": _("遵守国家关于工作时间和休息休假的规定，不安排加班和夜班"),
        "insurance_note": _("由学校或实习单位投保学生实习责任保险，不向学生收取费用"),
        "teacher_name": group.teacher_name if group else "", "teacher_phone": group.teacher_phone if group else "",
    }


class UploadForm(forms.Form):
    def __init__(self, *args, purpose: str, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"] = AttachmentField(purpose=purpose)


class ConfirmForm(forms.Form):
    digest = forms.CharField(max_length=64, widget=forms.HiddenInput,
                             error_messages={"required": _("请阅读协议条款后确认")})


class EndEarlyForm(BindErrorsMixin, forms.Form):
    ended_on = _date(_("终止日期"))
    reason = _text(_("终止原因"), 1000, rows=3)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial.setdefault("ended_on", timezone.localdate())


class GroupForm(BindErrorsMixin, forms.Form):
    name = _text(_("组名"), 64)
    teacher_name = _text(_("学校指导教师"), 64)
    teacher_phone = _phone(_("指导教师电话"))


class NewGroupForm(GroupForm):
    enterprise = forms.ModelChoiceField(label=_("实习企业"), queryset=None, widget=forms.Select(attrs=SELECT),
                                        error_messages={"required": _("请选择实习企业"),
                                                        "invalid_choice": _("请从列表中选择实习企业")})
    field_order = ["enterprise", "name", "teacher_name", "teacher_phone"]

    def __init__(self, *args, enterprises, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["enterprise"].queryset = enterprises


class MembersForm(BindErrorsMixin, forms.Form):
    internships = forms.TypedMultipleChoiceField(label=_("组内学生"), required=False, coerce=int,
                                                 widget=forms.CheckboxSelectMultiple,
                                                 error_messages={"invalid_choice": _("所选学生不在可分组名单中")})

    def __init__(self, *args, candidates, group=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["internships"].choices = [(item.pk, self._label(item, group)) for item in candidates]

    @staticmethod
    def _label(item, group) -> str:
        label = f"{item.student.class_name} {item.student.name}（{item.position.title}）"
        if item.group_id and group is not None and item.group_id != group.pk:
            label += _("，现在“%(name)s”组") % {"name": item.group.name}
        return label


class MentorForm(BindErrorsMixin, forms.Form):
    mentor_name = _text(_("企业指导师傅"), 64)
    mentor_phone = _phone(_("指导师傅电话"))


class OverviewFilterForm(forms.Form):
    class_name = forms.ChoiceField(label=_("班级"), required=False, widget=forms.Select(attrs=SELECT),
                                   error_messages={"invalid_choice": _("请从列表中选择班级")})
    stage = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + list(STAGES),
                              widget=forms.Select(attrs=SELECT),
                              error_messages={"invalid_choice": _("请从列表中选择状态")})
    q = forms.CharField(label=_("姓名"), required=False, max_length=64, widget=forms.TextInput(attrs=INPUT),
                        error_messages={"max_length": _("姓名不能超过 64 个字")})

    def __init__(self, *args, class_names=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["class_name"].choices = [("", _("全部"))] + [(name, name) for name in class_names]

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        return {key: self.cleaned_data[key] for key in ("class_name", "stage", "q")}


class SupervisionFilterForm(forms.Form):
    school = forms.CharField(label=_("学校"), required=False, max_length=64, widget=forms.TextInput(attrs=INPUT),
                             error_messages={"max_length": _("学校名称不能超过 64 个字")})
    enterprise = forms.CharField(label=_("企业"), required=False, max_length=64, widget=forms.TextInput(attrs=INPUT),
                                 error_messages={"max_length": _("企业名称不能超过 64 个字")})
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("全部"))] + list(InternshipStatus.choices),
                               widget=forms.Select(attrs=SELECT),
                               error_messages={"invalid_choice": _("请从列表中选择状态")})
    active_from = _date(_("实习期间自"), required=False)
    active_until = _date(_("实习期间至"), required=False)

    def clean(self):
        data = super().clean()
        if data.get("active_from") and data.get("active_until") and data["active_until"] < data["active_from"]:
            self.add_error("active_until", _("结束日期不能早于开始日期"))
        return data

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        return {key: self.cleaned_data[key] for key in ("school", "enterprise", "status", "active_from",
                                                         "active_until")}
