"""Forms of the student roll (screen and import), the students' choice of positions, enterprise signing and
the school's list of applications. Every query parameter goes through one of these."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import mobile_input
from core.forms import BindErrorsMixin
from core.identifiers import id_number_problem, normalise_id_number, validate_mobile
from internships.models import ApplicationStatus, Education, Student, StudyLevel

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}
SMALL_INPUT = {"class": "form-control form-control-sm"}
SMALL_SELECT = {"class": "form-select form-select-sm"}
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]
EARLIEST_ENROLMENT = datetime.date(2000, 1, 1)
DUPLICATE = _("该身份证号的学生已在学生名册中（每名学生只能属于一所学校）")


class StudentForm(BindErrorsMixin, forms.Form):
    """One roll entry: the 新增/编辑 screen and, row by row, the 学生名册导入."""

    name = forms.CharField(label=_("姓名"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                           error_messages={"required": _("请填写姓名")})
    id_number = forms.CharField(label=_("身份证号"), max_length=18, widget=forms.TextInput(attrs=INPUT),
                                error_messages={"required": _("请填写身份证号"),
                                                "max_length": _("身份证号应为18位")})
    study_level = forms.ChoiceField(label=_("学历层次"), choices=StudyLevel.choices, widget=forms.Select(attrs=SELECT),
                                    error_messages={"required": _("请选择学历层次"),
                                                    "invalid_choice": _("学历层次只能为中职、高职专科或高职本科")})
    major = forms.CharField(label=_("专业"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                            error_messages={"required": _("请填写专业")})
    class_name = forms.CharField(label=_("班级"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                 error_messages={"required": _("请填写班级")})
    enrolled_on = forms.DateField(label=_("入学日期"), input_formats=DATE_INPUT_FORMATS,
                                  widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
                                  error_messages={"required": _("请填写入学日期"),
                                                  "invalid": _("入学日期格式应为 2024-09-01")})
    mobile = forms.CharField(label=_("手机号"), max_length=11, required=False, validators=[validate_mobile],
                             widget=mobile_input(), error_messages={"max_length": _("请输入11位中国大陆手机号码")})

    def __init__(self, *args, instance: Student | None = None, check_existing: bool = True, **kwargs):
        """The import passes check_existing=False: its service upserts within the school and lets the database
        refuse a student of another school (in_student_once)."""
        super().__init__(*args, **kwargs)
        self.instance = instance
        self.check_existing = check_existing

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("请填写姓名"), code="required")
        return name

    def clean_id_number(self):
        number = normalise_id_number(self.cleaned_data["id_number"])
        problem = id_number_problem(number)
        if problem:
            raise ValidationError(problem, code="invalid_id_number")
        if self.check_existing:
            others = Student.objects.filter(id_number=number)
            if self.instance is not None:
                others = others.exclude(pk=self.instance.pk)
            if others.exists():
                raise ValidationError(DUPLICATE, code="duplicate")
        return number

    def clean_major(self):
        return self.cleaned_data["major"].strip()

    def clean_class_name(self):
        return self.cleaned_data["class_name"].strip()

    def clean_mobile(self):
        return (self.cleaned_data.get("mobile") or "").strip()

    def clean_enrolled_on(self):
        day = self.cleaned_data["enrolled_on"]
        if not EARLIEST_ENROLMENT <= day <= timezone.localdate():
            raise ValidationError(_("入学日期应在 2000-01-01 至今天之间"), code="date_range")
        return day


def student_initial(student: Student) -> dict:
    return {name: getattr(student, name) for name in ("name", "id_number", "study_level", "major", "class_name",
                                                      "enrolled_on", "mobile")}


ROLL_STATUS_CHOICES = [
    ("", _("全部状态")), ("not_signed_in", _("未登录")), ("signed_in", _("已登录")),
    ("applied", _("有待确认的申请")), ("signed", _("已签约")),
]


class RollFilterForm(forms.Form):
    q = forms.CharField(label=_("姓名"), required=False, max_length=64, widget=forms.TextInput(attrs=SMALL_INPUT))
    class_name = forms.ChoiceField(label=_("班级"), required=False, widget=forms.Select(attrs=SMALL_SELECT),
                                   error_messages={"invalid_choice": _("没有该班级，请从列表中选择")})
    major = forms.ChoiceField(label=_("专业"), required=False, widget=forms.Select(attrs=SMALL_SELECT),
                              error_messages={"invalid_choice": _("没有该专业，请从列表中选择")})
    status = forms.ChoiceField(label=_("状态"), required=False, choices=ROLL_STATUS_CHOICES,
                               widget=forms.Select(attrs=SMALL_SELECT),
                               error_messages={"invalid_choice": _("没有该状态，请从列表中选择")})

    def __init__(self, *args, classes=(), majors=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["class_name"].choices = [("", _("全部班级"))] + [(c, c) for c in classes]
        self.fields["major"].choices = [("", _("全部专业"))] + [(m, m) for m in majors]

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return {"q": data["q"].strip(), "class_name": data["class_name"], "major": data["major"],
                "status": data["status"]}


# ---------------------------------------------------------------- the student's side


class PositionFilterForm(forms.Form):
    q = forms.CharField(label=_("岗位或企业名称"), required=False, max_length=64,
                        widget=forms.TextInput(attrs=SMALL_INPUT))
    major = forms.CharField(label=_("对口专业"), required=False, max_length=64,
                            widget=forms.TextInput(attrs=SMALL_INPUT))
    city = forms.ChoiceField(label=_("工作地区"), required=False, widget=forms.Select(attrs=SMALL_SELECT),
                             error_messages={"invalid_choice": _("没有该地区，请从列表中选择")})
    education = forms.ChoiceField(label=_("学历要求"), required=False, choices=[("", _("全部"))] + Education.choices,
                                  widget=forms.Select(attrs=SMALL_SELECT),
                                  error_messages={"invalid_choice": _("没有该学历要求，请从列表中选择")})

    def __init__(self, *args, cities=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].choices = [("", _("全部地区"))] + list(cities)

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return {"q": data["q"].strip(), "major": data["major"].strip(), "city": data["city"],
                "education": data["education"]}


class PositionIdsField(forms.Field):
    """A list of position ids from check boxes; malformed ids are a message, not a 500."""

    default_error_messages = {"required": _("请至少选择一个实习岗位"), "invalid": _("所选岗位无效")}

    def to_python(self, value):
        if not value:
            return []
        values = value if isinstance(value, (list, tuple)) else [value]
        ids = []
        for item in values:
            try:
                ids.append(int(str(item)))
            except (TypeError, ValueError):
                raise ValidationError(self.error_messages["invalid"], code="invalid") from None
            if ids[-1] <= 0 or ids[-1] > 2**31 - 1:
                raise ValidationError(self.error_messages["invalid"], code="invalid")
        return list(dict.fromkeys(ids))


class ChoosePositionsForm(forms.Form):
    positions = PositionIdsField(widget=forms.MultipleHiddenInput)


# ---------------------------------------------------------------- signing and the school's list


APPLICATION_STATUS_CHOICES = [("", _("全部状态"))] + ApplicationStatus.choices


class SigningFilterForm(forms.Form):
    q = forms.CharField(label=_("学生姓名"), required=False, max_length=64, widget=forms.TextInput(attrs=SMALL_INPUT))
    status = forms.ChoiceField(label=_("状态"), required=False, choices=APPLICATION_STATUS_CHOICES,
                               widget=forms.Select(attrs=SMALL_SELECT),
                               error_messages={"invalid_choice": _("没有该状态，请从列表中选择")})
    position = forms.ModelChoiceField(label=_("岗位"), required=False, queryset=None,
                                      widget=forms.Select(attrs=SMALL_SELECT), empty_label=_("全部岗位"),
                                      error_messages={"invalid_choice": _("请选择列表中的岗位")})

    def __init__(self, *args, positions=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["position"].queryset = positions

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return {"q": data["q"].strip(), "status": data["status"], "position": data["position"]}


class SchoolApplicationFilterForm(forms.Form):
    q = forms.CharField(label=_("学生或企业名称"), required=False, max_length=64,
                        widget=forms.TextInput(attrs=SMALL_INPUT))
    class_name = forms.ChoiceField(label=_("班级"), required=False, widget=forms.Select(attrs=SMALL_SELECT),
                                   error_messages={"invalid_choice": _("没有该班级，请从列表中选择")})
    status = forms.ChoiceField(label=_("状态"), required=False, choices=APPLICATION_STATUS_CHOICES,
                               widget=forms.Select(attrs=SMALL_SELECT),
                               error_messages={"invalid_choice": _("没有该状态，请从列表中选择")})

    def __init__(self, *args, classes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["class_name"].choices = [("", _("全部班级"))] + [(c, c) for c in classes]

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return {"q": data["q"].strip(), "class_name": data["class_name"], "status": data["status"]}


class RefuseForm(BindErrorsMixin, forms.Form):
    reason = forms.CharField(label=_("拒绝原因"), max_length=255, widget=forms.Textarea(attrs={**INPUT, "rows": 3}),
                             error_messages={"required": _("请填写拒绝原因"),
                                             "max_length": _("拒绝原因不能超过255个字")})

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise ValidationError(_("请填写拒绝原因"), code="required")
        return reason
