"""Forms of 培训班申报, 报名人员 and the class lists (every query parameter goes through one of these)."""

from decimal import Decimal

from django import forms
from django.utils.translation import gettext_lazy as _

from continuing_education.models import Assessment, ClassStatus, ReportMode, SubjectType
from core.forms import BindErrorsMixin, RecordsField
from core.identifiers import normalise_id_number, validate_id_number

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}
SMALL = {"class": "form-control form-control-sm"}
SMALL_SELECT = {"class": "form-select form-select-sm"}
DATE_FORMATS = ["%Y-%m-%d", "%Y/%m/%d"]
YEAR_ERRORS = {"invalid": _("请输入有效的年度，如 2026"), "min_value": _("年度不能早于2000年"),
               "max_value": _("年度不能晚于2100年")}


def _date(label):
    return forms.DateField(label=label, input_formats=DATE_FORMATS,
                           widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "invalid": _("日期格式应为 年-月-日，如 2026-03-01")})


class ClassForm(BindErrorsMixin, forms.Form):
    """培训班基本信息 and its courses. Only face-to-face classes are declared (网授 classes never are)."""

    name = forms.CharField(label=_("培训班名称"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                           error_messages={"required": _("请填写培训班名称"),
                                           "max_length": _("培训班名称不能超过128字")})
    year = forms.IntegerField(label=_("培训年度"), min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs=INPUT),
                              error_messages={"required": _("请填写培训年度"), **YEAR_ERRORS})
    subject_type = forms.ChoiceField(label=_("科目类型"), choices=[("", "—")] + SubjectType.choices,
                                     widget=forms.Select(attrs=SELECT),
                                     error_messages={"required": _("请选择科目类型"),
                                                     "invalid_choice": _("请选择有效的科目类型")})
    specialty = forms.CharField(label=_("专业"), max_length=64, required=False, widget=forms.TextInput(attrs=INPUT),
                                help_text=_("专业科目必填"), error_messages={"max_length": _("专业不能超过64字")})
    title_series = forms.CharField(label=_("职称系列"), max_length=64, required=False,
                                   widget=forms.TextInput(attrs=INPUT), help_text=_("专业科目必填"),
                                   error_messages={"max_length": _("职称系列不能超过64字")})
    starts_on = _date(_("培训开始日期"))
    ends_on = _date(_("培训结束日期"))
    site = forms.ModelChoiceField(label=_("面授培训点"), queryset=None, widget=forms.Select(attrs=SELECT),
                                  error_messages={"required": _("请选择面授培训点"),
                                                  "invalid_choice": _("请选择本单位的面授培训点")})
    planned_headcount = forms.IntegerField(label=_("计划培训人数"), min_value=1, max_value=100000,
                                           widget=forms.NumberInput(attrs=INPUT),
                                           error_messages={"required": _("请填写计划培训人数"),
                                                           "invalid": _("计划培训人数应为整数"),
                                                           "min_value": _("计划培训人数至少为1人"),
                                                           "max_value": _("计划培训人数不能超过100000人")})
    courses = RecordsField(
        label=_("培训课程"), queryset=None, widget=forms.CheckboxSelectMultiple,
        help_text=_("从本单位培训课程库中选择；培训学时为所选课程学时之和"),
        error_messages={"required": _("请至少选择一门培训课程"), "invalid_choice": _("所选课程不在本单位的课程库中"),
                        "invalid_pk_value": _("所选课程不在本单位的课程库中")})
    report_mode = forms.ChoiceField(
        label=_("培训成果上报方式"), choices=ReportMode.choices, widget=forms.RadioSelect,
        help_text=_("同步上报：培训已结束，随申报一并录入报名人员及成果；暂不上报：培训开始前申报，审核通过后再上报成果"),
        error_messages={"required": _("请选择培训成果上报方式"), "invalid_choice": _("请选择有效的上报方式")})

    def __init__(self, *args, sites, courses, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["site"].queryset = sites
        self.fields["courses"].queryset = courses
        self.fields["courses"].label_from_instance = lambda course: (
            f"{course.name}（{course.get_subject_type_display()}，{course.hours}学时）")

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("subject_type") == SubjectType.PROFESSIONAL:
            for name, message in (("specialty", _("专业科目须填写专业")),
                                  ("title_series", _("专业科目须填写职称系列"))):
                if not (cleaned.get(name) or "").strip() and name not in self.errors:
                    self.add_error(name, message)
        elif cleaned.get("subject_type") == SubjectType.PUBLIC:
            cleaned["specialty"], cleaned["title_series"] = "", ""
        starts_on, ends_on, year = cleaned.get("starts_on"), cleaned.get("ends_on"), cleaned.get("year")
        if starts_on and ends_on and ends_on < starts_on:
            self.add_error("ends_on", _("培训结束日期不能早于开始日期"))
        if year and starts_on and starts_on.year != year:
            self.add_error("starts_on", _("培训开始日期须在%(year)s年度内") % {"year": year})
        if year and ends_on and ends_on.year != year:
            self.add_error("ends_on", _("培训结束日期须在%(year)s年度内") % {"year": year})
        if cleaned.get("courses"):
            cleaned["courses"] = list(cleaned["courses"])
        return cleaned


def class_initial(training_class) -> dict:
    return {"name": training_class.name, "year": training_class.year, "subject_type": training_class.subject_type,
            "specialty": training_class.specialty, "title_series": training_class.title_series,
            "starts_on": training_class.starts_on, "ends_on": training_class.ends_on,
            "site": training_class.site_id, "planned_headcount": training_class.planned_headcount,
            "courses": list(training_class.class_courses.values_list("course_id", flat=True)),
            "report_mode": training_class.report_mode}


class _ResultMixin:
    """获得学时 ≤ the class's hours; hours and 考核结果 together or neither."""

    def _check_result(self, cleaned):
        hours, assessment = cleaned.get("hours"), cleaned.get("assessment")
        if "hours" in self.errors or "assessment" in self.errors:
            return cleaned
        if hours is not None and self.training_class is not None and hours > self.training_class.hours:
            self.add_error("hours", _("获得学时不能超过培训班学时（%(hours)s）") % {"hours": self.training_class.hours})
        elif (hours is None) != (not assessment):
            self.add_error("assessment" if hours is not None else "hours", _("获得学时和考核结果须同时填写"))
        return cleaned


HOURS_FIELD = dict(label=_("获得学时"), required=False, min_value=Decimal("0"), max_digits=5, decimal_places=1,
                   error_messages={"invalid": _("获得学时应为数字，如 6 或 6.5"), "min_value": _("获得学时不能为负数"),
                                   "max_digits": _("获得学时过大"), "max_decimal_places": _("获得学时最多保留1位小数"),
                                   "max_whole_digits": _("获得学时过大")})


class ParticipantForm(_ResultMixin, BindErrorsMixin, forms.Form):
    """One 报名人员 with (optionally) their result; also the row form of the three participant imports."""

    name = forms.CharField(label=_("姓名"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                           error_messages={"required": _("请填写姓名"), "max_length": _("姓名不能超过64字")})
    id_number = forms.CharField(label=_("身份证号"), max_length=18, widget=forms.TextInput(attrs=INPUT),
                                error_messages={"required": _("请填写身份证号"),
                                                "max_length": _("身份证号应为18位")})
    hours = forms.DecimalField(widget=forms.NumberInput(attrs={**INPUT, "step": "0.5"}), **HOURS_FIELD)
    assessment = forms.ChoiceField(label=_("考核结果"), required=False,
                                   choices=[("", "—")] + Assessment.choices, widget=forms.Select(attrs=SELECT),
                                   error_messages={"invalid_choice": _("考核结果应为“合格”或“不合格”")})

    def __init__(self, *args, training_class=None, parent=None, require_result=False, **kwargs):
        super().__init__(*args, **kwargs)
        self.training_class = training_class or parent
        if require_result:
            self.fields["hours"].required = True
            self.fields["hours"].error_messages["required"] = _("请填写获得学时")
            self.fields["assessment"].required = True
            self.fields["assessment"].error_messages["required"] = _("请选择考核结果")

    def clean_name(self):
        return self.cleaned_data["name"].strip()

    def clean_id_number(self):
        value = normalise_id_number(self.cleaned_data["id_number"])
        validate_id_number(value)
        return value

    def clean(self):
        return self._check_result(super().clean())


class NamesRowForm(ParticipantForm):
    """班级人员导入: name and ID number only (results are entered later)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        del self.fields["hours"]
        del self.fields["assessment"]

    def clean(self):
        return forms.Form.clean(self)


class ResultRowForm(ParticipantForm):
    """面授班培训成果导入 / 申请培训班的培训成果导入: every row carries its result."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, require_result=True, **kwargs)


class ResultForm(_ResultMixin, BindErrorsMixin, forms.Form):
    """Set one participant's hours and 考核结果 (the participant among the class's own)."""

    participant = forms.ModelChoiceField(queryset=None, widget=forms.HiddenInput,
                                         error_messages={"required": _("请选择人员"),
                                                         "invalid_choice": _("该人员不在本培训班中")})
    hours = forms.DecimalField(widget=forms.NumberInput(attrs={**SMALL, "step": "0.5"}), **HOURS_FIELD)
    assessment = forms.ChoiceField(label=_("考核结果"), required=False, choices=[("", "—")] + Assessment.choices,
                                   widget=forms.Select(attrs=SMALL_SELECT),
                                   error_messages={"invalid_choice": _("考核结果应为“合格”或“不合格”")})

    def __init__(self, *args, training_class, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.training_class = training_class
        self.fields["participant"].queryset = participants

    def clean(self):
        return self._check_result(super().clean())


class ParticipantPickForm(forms.Form):
    """A participant of the class (remove)."""

    participant = forms.ModelChoiceField(queryset=None, error_messages={
        "required": _("请选择人员"), "invalid_choice": _("该人员不在本培训班中")})

    def __init__(self, *args, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["participant"].queryset = participants


class StaffPickForm(forms.Form):
    """Pick 报名人员 from the unit's 人员信息."""

    staff = RecordsField(
        label=_("从人员信息中选择"), queryset=None, widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("请至少选择一名人员"), "invalid_choice": _("所选人员不在本单位人员信息中"),
                        "invalid_pk_value": _("所选人员不在本单位人员信息中")})

    def __init__(self, *args, staff, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = staff
        self.fields["staff"].label_from_instance = lambda member: member.name


class MaterialForm(BindErrorsMixin, forms.Form):
    file = forms.FileField(label=_("培训相关附件"), widget=forms.ClearableFileInput(attrs=INPUT),
                           error_messages={"required": _("请选择要上传的文件")})


class MaterialPickForm(forms.Form):
    material = forms.ModelChoiceField(queryset=None, error_messages={
        "required": _("请选择附件"), "invalid_choice": _("附件不存在")})

    def __init__(self, *args, materials, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["material"].queryset = materials


# --- lists ------------------------------------------------------------------------------------------------------

DECLARED_STATUSES = [("", _("全部"))] + ClassStatus.choices


class DeclaredFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("审核状态"), required=False, choices=DECLARED_STATUSES,
                               widget=forms.Select(attrs=SMALL_SELECT),
                               error_messages={"invalid_choice": _("请选择有效的审核状态")})
    name = forms.CharField(label=_("培训班名称"), max_length=64, required=False, widget=forms.TextInput(attrs=SMALL),
                           error_messages={"max_length": _("培训班名称不能超过64字")})


class ClassesFilterForm(forms.Form):
    year = forms.IntegerField(label=_("培训年度"), required=False, min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs=SMALL), error_messages=YEAR_ERRORS)
    subject_type = forms.ChoiceField(label=_("科目类型"), required=False,
                                     choices=[("", _("全部"))] + SubjectType.choices,
                                     widget=forms.Select(attrs=SMALL_SELECT),
                                     error_messages={"invalid_choice": _("请选择有效的科目类型")})
    results = forms.ChoiceField(label=_("培训成果"), required=False,
                                choices=[("", _("全部")), ("not_reported", _("未上报")), ("reported", _("已上报"))],
                                widget=forms.Select(attrs=SMALL_SELECT),
                                error_messages={"invalid_choice": _("请选择有效的培训成果状态")})


class ReviewedFilterForm(ClassesFilterForm):
    status = forms.ChoiceField(label=_("审核状态"), required=False,
                               choices=[("", _("全部"))] + [c for c in ClassStatus.choices if c[0] != "draft"],
                               widget=forms.Select(attrs=SMALL_SELECT),
                               error_messages={"invalid_choice": _("请选择有效的审核状态")})
    unit = forms.CharField(label=_("申报单位"), max_length=64, required=False, widget=forms.TextInput(attrs=SMALL),
                           error_messages={"max_length": _("单位名称不能超过64字")})


def filtered(form) -> dict:
    """The valid filters of a bound form (a malformed one is dropped, with the form's message beside it)."""
    if not form.is_bound:
        return {}
    form.is_valid()
    return {name: value for name, value in form.cleaned_data.items() if value not in (None, "")}

