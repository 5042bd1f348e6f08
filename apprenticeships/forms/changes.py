"""Forms of 备案变更申请: the list's filters, 开班信息变更, 课程信息配置 and 师资信息变更."""

from django import forms
from django.utils.translation import gettext_lazy as _

from apprenticeships.models import Teacher, TeacherKind
from core.forms import BindErrorsMixin
from core.identifiers import id_number_problem, normalise_id_number

INPUT = {"class": "form-control"}
SMALL = {"class": "form-control form-control-sm"}
DATE = {"class": "form-control", "type": "date"}
TIME = {"class": "form-control", "type": "time"}
SELECT = {"class": "form-select"}


def _date(label, required=True, attrs=DATE):
    return forms.DateField(label=label, required=required, widget=forms.DateInput(attrs=attrs, format="%Y-%m-%d"),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "invalid": _("日期格式应为 2026-03-01")})


def _time(label):
    return forms.TimeField(label=label, widget=forms.TimeInput(attrs=TIME, format="%H:%M"),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "invalid": _("时间格式应为 08:30")})


class ChangesFilterForm(forms.Form):
    number = forms.CharField(label=_("备案编号"), max_length=32, required=False, widget=forms.TextInput(attrs=SMALL),
                             error_messages={"max_length": _("备案编号最多%(limit_value)d个字符")})
    occupation = forms.CharField(label=_("培训职业（工种）"), max_length=64, required=False,
                                 widget=forms.TextInput(attrs=SMALL),
                                 error_messages={"max_length": _("培训职业最多%(limit_value)d个字")})
    starts_from = _date(_("开班日期自"), required=False, attrs={**SMALL, "type": "date"})
    starts_until = _date(_("开班日期至"), required=False, attrs={**SMALL, "type": "date"})

    def filters(self) -> dict:
        """The valid filters (an invalid one is dropped, its message shown next to it)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: self.cleaned_data.get(name) or None for name in self.fields if name not in self.errors}


class ClassDatesForm(BindErrorsMixin, forms.Form):
    starts_on = _date(_("新的培训开始日期"))
    ends_on = _date(_("新的培训结束日期"))
    reason = forms.CharField(label=_("变更原因"), max_length=255, required=False,
                             widget=forms.TextInput(attrs=INPUT),
                             error_messages={"max_length": _("变更原因最多%(limit_value)d个字")})

    def clean(self):
        cleaned = super().clean()
        starts_on, ends_on = cleaned.get("starts_on"), cleaned.get("ends_on")
        if starts_on and ends_on and ends_on <= starts_on:
            self.add_error("ends_on", _("培训结束日期应晚于开始日期"))
        return cleaned


class CourseConfigForm(BindErrorsMixin, forms.Form):
    starts_on = _date(_("培训开始日期"))
    ends_on = _date(_("培训结束日期"))
    daily_start = _time(_("每日开始时间"))
    daily_end = _time(_("每日结束时间"))
    venue = forms.ModelChoiceField(label=_("培训场地"), queryset=None, required=False,
                                   widget=forms.Select(attrs=SELECT), empty_label=_("（线上培训无需场地）"),
                                   error_messages={"invalid_choice": _("请选择本单位的培训场地")})

    def __init__(self, *args, venues, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["venue"].queryset = venues
        self.course = course
        if course.delivery == "offline":
            self.fields["venue"].empty_label = _("请选择培训场地")
            self.fields["venue"].help_text = _("线下培训须选择培训场地；场地在“培训场地维护”中新增")

    def clean(self):
        cleaned = super().clean()
        if self.course.delivery == "offline" and not cleaned.get("venue") and "venue" not in self.errors:
            self.add_error("venue", _("线下培训须选择培训场地"))
        return cleaned


class TeacherChangeForm(BindErrorsMixin, forms.Form):
    """A new teacher of a 师资信息变更 (the same fields and checks as the filing's 培训师资)."""

    name = forms.CharField(label=_("姓名"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                           error_messages={"required": _("请填写姓名"), "max_length": _("姓名最多%(limit_value)d个字")})
    id_number = forms.CharField(label=_("身份证号"), max_length=18, widget=forms.TextInput(attrs=INPUT),
                                error_messages={"required": _("请填写身份证号"),
                                                "max_length": _("身份证号应为18位")})
    kind = forms.ChoiceField(label=_("师资类型"), choices=[("", "---------"), *TeacherKind.choices],
                             widget=forms.Select(attrs=SELECT),
                             error_messages={"required": _("请选择师资类型"), "invalid_choice": _("请选择师资类型")})
    qualification = forms.CharField(label=_("职业技能等级或职称"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                    error_messages={"required": _("请填写职业技能等级或职称"),
                                                    "max_length": _("最多%(limit_value)d个字")})
    certificate_number = forms.CharField(label=_("证书编号"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                         error_messages={"required": _("请填写证书编号"),
                                                         "max_length": _("证书编号最多%(limit_value)d个字符")})

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_id_number(self):
        value = normalise_id_number(self.cleaned_data["id_number"])
        problem = id_number_problem(value)
        if problem:
            raise forms.ValidationError(problem)
        return value


class SwapForm(BindErrorsMixin, forms.Form):
    """培训课程信息 tab: 【变更培训教师】 for one course."""

    course = forms.ModelChoiceField(label=_("课程"), queryset=None, widget=forms.Select(attrs=SELECT),
                                    error_messages={"required": _("请选择需变更教师的课程"),
                                                    "invalid_choice": _("请选择本备案的课程")})
    new_teacher = forms.ModelChoiceField(label=_("新授课教师"), queryset=None, widget=forms.Select(attrs=SELECT),
                                         error_messages={"required": _("请选择新授课教师"),
                                                         "invalid_choice": _("请选择本备案的教师（或本次新增的教师）")})

    def __init__(self, *args, courses, teachers, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["course"].queryset = courses
        self.fields["new_teacher"].queryset = teachers
        self.fields["new_teacher"].label_from_instance = _teacher_label


def _teacher_label(teacher: Teacher) -> str:
    return f"{teacher.name}（{teacher.get_kind_display()}，{teacher.qualification}）"


class SubmitChangeForm(BindErrorsMixin, forms.Form):
    reason = forms.CharField(label=_("师资变更原因"), max_length=255, widget=forms.Textarea(attrs={**INPUT, "rows": 2}),
                             error_messages={"required": _("请填写师资变更原因"),
                                             "max_length": _("师资变更原因最多%(limit_value)d个字")})
