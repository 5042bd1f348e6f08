"""Forms of 培训管理 (manual 004 §3.2–§3.4): the list filters, teachers, courses, 面授培训点, 网授平台 and the forced
completion of the docking details (§二). The teacher and course forms are also the rows of their imports."""

import re
from decimal import Decimal

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from continuing_education import rules
from continuing_education.models import SubjectType, Teacher
from core.forms import BindErrorsMixin
from core.identifiers import MOBILE_RE
from regions.forms import RegionField

INPUT = {"class": "form-control"}
SMALL = {"class": "form-control form-control-sm"}
SMALL_SELECT = {"class": "form-select form-select-sm"}
TEXTAREA = {"class": "form-control", "rows": 4}
NAME_SEPARATORS = re.compile(r"[、,，;；\s]+")


def _text(label, max_length, *, required=True, widget=None):
    return forms.CharField(label=label, max_length=max_length, required=required,
                           widget=widget or forms.TextInput(attrs=INPUT),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "max_length": _("%(label)s不能超过%(n)s个字") % {"label": label,
                                                                                       "n": max_length}})


# --- filters ------------------------------------------------------------------------------------------------------


class NameFilterForm(forms.Form):
    name = forms.CharField(label=_("名称"), max_length=128, required=False, widget=forms.TextInput(attrs=SMALL),
                           error_messages={"max_length": _("名称不能超过128个字")})


class CourseFilterForm(NameFilterForm):
    name = forms.CharField(label=_("课程名称"), max_length=128, required=False, widget=forms.TextInput(attrs=SMALL),
                           error_messages={"max_length": _("课程名称不能超过128个字")})
    subject_type = forms.ChoiceField(label=_("科目类型"), required=False,
                                     choices=[("", _("全部"))] + list(SubjectType.choices),
                                     widget=forms.Select(attrs=SMALL_SELECT),
                                     error_messages={"invalid_choice": _("科目类型无效")})


class TeacherFilterForm(NameFilterForm):
    name = forms.CharField(label=_("教师姓名"), max_length=64, required=False, widget=forms.TextInput(attrs=SMALL),
                           error_messages={"max_length": _("教师姓名不能超过64个字")})
    specialty = forms.CharField(label=_("专业领域"), max_length=128, required=False,
                                widget=forms.TextInput(attrs=SMALL),
                                error_messages={"max_length": _("专业领域不能超过128个字")})


def filters_of(form) -> dict:
    """The cleaned filters of a bound filter form; a malformed one filters nothing (the page says so)."""
    return form.cleaned_data if form.is_bound and form.is_valid() else {}


# --- teachers -------------------------------------------------------------------------------------------------


class TeacherForm(BindErrorsMixin, forms.Form):
    name = _text(_("教师姓名"), 64)
    title = _text(_("职称/职务"), 64, required=False)
    employer = _text(_("工作单位"), 128, required=False)
    specialty = _text(_("专业领域"), 128, required=False)
    mobile = forms.CharField(label=_("联系电话"), max_length=11, required=False, widget=forms.TextInput(attrs=INPUT),
                             help_text=_("11位手机号码，可不填"),
                             error_messages={"max_length": _("请输入11位中国大陆手机号码")})
    introduction = forms.CharField(label=_("教师简介"), max_length=2000, required=False,
                                   widget=forms.Textarea(attrs=TEXTAREA),
                                   error_messages={"max_length": _("教师简介不能超过2000个字")})

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("请填写教师姓名"), code="required")
        return name

    def clean_mobile(self):
        mobile = (self.cleaned_data.get("mobile") or "").strip()
        if mobile and not MOBILE_RE.match(mobile):
            raise ValidationError(_("请输入11位中国大陆手机号码"), code="invalid_mobile")
        return mobile


def teacher_initial(teacher) -> dict:
    return {name: getattr(teacher, name) for name in ("name", "title", "employer", "specialty", "mobile",
                                                      "introduction")}


# --- courses --------------------------------------------------------------------------------------------------


class TeachersField(forms.ModelMultipleChoiceField):
    """授课教师: on the screen ticked among the unit's teachers (ids); in the import the teachers' names separated
    by “、”, each of which must name exactly one teacher of the unit."""

    widget = forms.CheckboxSelectMultiple(attrs={"class": "form-check-input"})

    def clean(self, value):
        if isinstance(value, str):
            value = self._by_names(value)
        return super().clean(value)

    def _by_names(self, text: str) -> list[str]:
        names = [name for name in NAME_SEPARATORS.split(text.strip()) if name]
        ids = []
        for name in names:
            found = list(self.queryset.filter(name=name).values_list("pk", flat=True)[:2])
            if not found:
                raise ValidationError(_("本单位师资中没有名为“%(name)s”的教师，请先在师资管理中添加") % {
                    "name": name[:40]}, code="invalid_choice")
            if len(found) > 1:
                raise ValidationError(_("本单位有多名教师名为“%(name)s”，请在页面上选择") % {"name": name[:40]},
                                      code="ambiguous")
            ids.append(str(found[0]))
        return ids


class CourseForm(BindErrorsMixin, forms.Form):
    name = _text(_("课程名称"), 128)
    subject_type = forms.ChoiceField(label=_("科目类型"), choices=SubjectType.choices,
                                     widget=forms.RadioSelect(attrs={"class": "form-check-input"}),
                                     error_messages={"required": _("请选择科目类型"),
                                                     "invalid_choice": _("科目类型应为公需科目或专业科目")})
    hours = forms.DecimalField(label=_("学时"), max_digits=5, decimal_places=1, min_value=Decimal("0.1"),
                               widget=forms.NumberInput(attrs={**INPUT, "step": "0.1"}),
                               help_text=_("大于0，最多一位小数"),
                               error_messages={"required": _("请填写学时"), "invalid": _("学时应为数字"),
                                               "min_value": _("学时必须大于 0"),
                                               "max_decimal_places": _("学时最多一位小数"),
                                               "max_digits": _("学时不能超过9999.9"),
                                               "max_whole_digits": _("学时不能超过9999.9")})
    teachers = TeachersField(label=_("授课教师"), queryset=Teacher.objects.none(),
                             error_messages={"required": _("请至少选择一名授课教师"),
                                             "invalid_choice": _("所选教师不在本单位师资中"),
                                             "invalid_pk_value": _("所选教师不在本单位师资中"),
                                             "invalid_list": _("请选择授课教师")})
    outline = forms.CharField(label=_("课程大纲"), max_length=5000, required=False,
                              widget=forms.Textarea(attrs=TEXTAREA),
                              error_messages={"max_length": _("课程大纲不能超过5000个字")})

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation
        if organisation is not None:
            self.fields["teachers"].queryset = Teacher.objects.filter(
                organisation_id=organisation.pk).order_by("name", "id")

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("请填写课程名称"), code="required")
        return name


def course_initial(course) -> dict:
    return {"name": course.name, "subject_type": course.subject_type, "hours": course.hours,
            "teachers": [teacher.pk for teacher in course.teachers.all()], "outline": course.outline}


# --- 面授培训点 -------------------------------------------------------------------------------------------------


class SiteForm(BindErrorsMixin, forms.Form):
    name = _text(_("培训点名称"), 128)
    region = RegionField(label=_("所在地区"))
    address = _text(_("详细地址"), 255)
    capacity = forms.IntegerField(label=_("可容纳人数"), min_value=1, max_value=100000,
                                  widget=forms.NumberInput(attrs=INPUT),
                                  error_messages={"required": _("请填写可容纳人数"), "invalid": _("请填写整数"),
                                                  "min_value": _("可容纳人数至少为1人"),
                                                  "max_value": _("可容纳人数不能超过100000人")})

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("请填写培训点名称"), code="required")
        return name


def site_initial(site) -> dict:
    return {"name": site.name, "region": site.region_id, "address": site.address, "capacity": site.capacity}


# --- 网授平台 -----------------------------------------------------------------------------------------------------


def _docking_field(label, *, required):
    return forms.CharField(label=label, max_length=255, required=required, widget=forms.TextInput(attrs=INPUT),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "max_length": _("%(label)s不能超过255个字") % {"label": label}})


class PlatformForm(BindErrorsMixin, forms.Form):
    name = _text(_("平台名称"), 128)
    operator = _text(_("运营单位"), 128)
    url = forms.URLField(label=_("平台网址"), max_length=200, widget=forms.URLInput(attrs=INPUT),
                         assume_scheme="https",
                         error_messages={"required": _("请填写平台网址"), "invalid": _("请填写有效的网址，如 https://learn.example.cn/"),
                                         "max_length": _("平台网址不能超过200个字符")})
    contact_name = _text(_("联系人"), 64)
    contact_phone = _text(_("联系电话"), 32)
    is_docked = forms.BooleanField(label=_("已与公共服务平台对接"), required=False,
                                   widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
                                   help_text=_("已对接的平台须填写下列对接信息"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for key, label in rules.DOCKING_FIELDS:
            self.fields[key] = _docking_field(label, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("is_docked"):
            for key, label in rules.DOCKING_FIELDS:
                if not (cleaned.get(key) or "").strip() and key not in self.errors:
                    self.add_error(key, ValidationError(_("已对接的平台须填写%(label)s") % {"label": label},
                                                        code="required"))
        return cleaned

    def docking_fields(self):
        return [self[key] for key, _label in rules.DOCKING_FIELDS]

    def main_fields(self):
        return [self[name] for name in ("name", "operator", "url", "contact_name", "contact_phone", "is_docked")]


def platform_initial(platform) -> dict:
    initial = {name: getattr(platform, name) for name in ("name", "operator", "url", "contact_name",
                                                          "contact_phone", "is_docked")}
    initial.update({key: platform.docking_details.get(key, "") for key, _label in rules.DOCKING_FIELDS})
    return initial


class DockingForm(forms.Form):
    """One docked platform's docking details on the forced-completion page (prefix: the platform)."""

    def __init__(self, *args, platform, **kwargs):
        kwargs.setdefault("prefix", f"p{platform.pk}")
        kwargs.setdefault("initial", {key: platform.docking_details.get(key, "") for key, _l in rules.DOCKING_FIELDS})
        super().__init__(*args, **kwargs)
        self.platform = platform
        for key, label in rules.DOCKING_FIELDS:
            self.fields[key] = _docking_field(label, required=True)

    def clean(self):
        cleaned = super().clean()
        for key, label in rules.DOCKING_FIELDS:
            if key in cleaned and not cleaned[key].strip():
                self.add_error(key, ValidationError(_("请填写%(label)s") % {"label": label}, code="required"))
        return cleaned
