"""Forms of a filing's 培训师资, 培训人员 and 培训课程 (manual 003 §3.2.1.1): each is the 新增/修改 screen's form and,
row by row, its import's (batch.registry.ImportSpec, parent = the filing); 标记为流失, 考核结果 and the filters of
单位培训人员查询. Every query parameter of these screens goes through one of these."""

import datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.forms import mobile_input
from accounts.identifiers import find_user_by_id_number
from apprenticeships.checks import contract_problem, wage_warning
from apprenticeships.models import (
    ApprenticeshipType,
    Delivery,
    Education,
    Filing,
    TargetLevel,
    Teacher,
    TeacherKind,
)
from apprenticeships.selectors.parameters import rules_for
from apprenticeships.selectors.people import (
    TraineeState,
    filter_trainees,
    teaching_teachers,
    trainee_state,
    trainees_for_enterprise,
)
from batch.registry import Column
from calendars.wages import minimum_wage
from core.forms import BindErrorsMixin
from core.identifiers import id_number_problem, normalise_id_number, validate_mobile
from organisations.models import Organisation, OrganisationKind

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}
SMALL_INPUT = {"class": "form-control form-control-sm"}
SMALL_SELECT = {"class": "form-select form-select-sm"}
DATE_INPUT_FORMATS = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y年%m月%d日", "%Y%m%d"]
NAME_MISMATCH = _("姓名与身份证号不一致")


def _date_field(label, *, required=True, example="2026-03-01"):
    return forms.DateField(label=label, required=required, input_formats=DATE_INPUT_FORMATS,
                           widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "invalid": _("%(label)s格式应为 %(example)s") % {"label": label,
                                                                                          "example": example}})


def _text(label, max_length, *, required=True):
    return forms.CharField(label=label, max_length=max_length, required=required, widget=forms.TextInput(attrs=INPUT),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "max_length": _("%(label)s不能超过%(n)d个字") % {"label": label,
                                                                                         "n": max_length}})


def _choice(label, choices, *, required=True):
    return forms.ChoiceField(label=label, choices=[("", "---------"), *choices], required=required,
                             widget=forms.Select(attrs=SELECT),
                             error_messages={"required": _("请选择%(label)s") % {"label": label},
                                             "invalid_choice": _("%(label)s只能为下拉列表中的一项") % {"label": label}})


def clean_id_number_value(value: str) -> str:
    number = normalise_id_number(value)
    problem = id_number_problem(number)
    if problem:
        raise ValidationError(problem, code="invalid_id_number")
    return number


class _FilingRowForm(BindErrorsMixin, forms.Form):
    """A row of one filing: `parent` is the filing (the screen passes it, the import's form_kwargs too)."""

    def __init__(self, *args, parent: Filing | None = None, today: datetime.date | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.filing = parent
        self.today = today or timezone.localdate()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("请填写姓名"), code="required")
        return name

    def clean_id_number(self):
        return clean_id_number_value(self.cleaned_data["id_number"])


# --- 培训师资 ------------------------------------------------------------------------------------------------------


class TeacherForm(_FilingRowForm):
    name = _text(_("姓名"), 64)
    id_number = forms.CharField(label=_("身份证号"), max_length=18, widget=forms.TextInput(attrs=INPUT),
                                error_messages={"required": _("请填写身份证号"), "max_length": _("身份证号应为18位")})
    kind = _choice(_("师资类型"), TeacherKind.choices)
    qualification = _text(_("职业技能等级或职称"), 64)
    certificate_number = _text(_("证书编号"), 64)
    mobile = forms.CharField(label=_("手机号"), max_length=11, required=False, validators=[validate_mobile],
                             widget=mobile_input(), error_messages={"max_length": _("请输入11位中国大陆手机号码")})

    def clean_certificate_number(self):
        return self.cleaned_data["certificate_number"].strip()

    def clean_qualification(self):
        return self.cleaned_data["qualification"].strip()

    def clean_mobile(self):
        return (self.cleaned_data.get("mobile") or "").strip()


def teacher_initial(teacher: Teacher) -> dict:
    return {name: getattr(teacher, name) for name in TeacherForm.base_fields}


# --- 培训人员 ------------------------------------------------------------------------------------------------------


class TraineeForm(_FilingRowForm):
    """培训人员: the name must be the one of the ID number's account; 企业新型学徒制 needs a labour contract of at
    least the region's months; a wage below the minimum is a warning (`self.warnings`), not an error; 学生学徒制
    needs the school (one on Praxis, or its name: a typed name that is a Praxis school's becomes that school)."""

    name = _text(_("姓名"), 64)
    id_number = forms.CharField(label=_("身份证号"), max_length=18, widget=forms.TextInput(attrs=INPUT),
                                error_messages={"required": _("请填写身份证号"), "max_length": _("身份证号应为18位")})
    mobile = forms.CharField(label=_("手机号"), max_length=11, validators=[validate_mobile], widget=mobile_input(),
                             error_messages={"required": _("请填写手机号"),
                                             "max_length": _("请输入11位中国大陆手机号码")})
    education = _choice(_("文化程度"), Education.choices)
    hired_on = _date_field(_("入职日期"))
    contract_starts_on = _date_field(_("劳动合同起始日期"))
    contract_ends_on = _date_field(_("劳动合同终止日期"))
    monthly_wage = forms.DecimalField(label=_("月工资（元）"), max_digits=9, decimal_places=2, min_value=0,
                                      widget=forms.NumberInput(attrs={**INPUT, "step": "0.01"}),
                                      error_messages={"required": _("请填写月工资"), "invalid": _("月工资应为数字"),
                                                      "min_value": _("月工资不能为负数"),
                                                      "max_digits": _("月工资数额过大"),
                                                      "max_decimal_places": _("月工资最多保留两位小数")})
    school = forms.ModelChoiceField(label=_("就读院校"), required=False, queryset=Organisation.objects.none(),
                                    widget=forms.Select(attrs=SELECT),
                                    error_messages={"invalid_choice": _("请选择平台上的院校")},
                                    help_text=_("学生学徒制培训必填：选择平台上的院校，或在下方填写院校名称"))
    school_name = _text(_("就读院校名称"), 128, required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = Organisation.objects.filter(kind=OrganisationKind.SCHOOL).order_by("name")
        self.warnings: list[str] = []

    def clean_mobile(self):
        return self.cleaned_data["mobile"].strip()

    def clean_school_name(self):
        return self.cleaned_data.get("school_name", "").strip()

    def clean(self):
        cleaned = super().clean()
        self.warnings = []
        self._check_person(cleaned)
        self._check_contract(cleaned)
        self._check_school(cleaned)
        wage = cleaned.get("monthly_wage")
        if wage is not None and self.filing is not None:
            warning = wage_warning(monthly_wage=wage, minimum=minimum_wage(self.filing.region, self.today))
            if warning:
                self.warnings.append(warning)
        return cleaned

    def _check_person(self, cleaned):
        id_number, name = cleaned.get("id_number"), cleaned.get("name")
        if not id_number or not name:
            return
        account = find_user_by_id_number(id_number)
        if account is not None and account.real_name and account.real_name != name:
            self.add_error("name", ValidationError(NAME_MISMATCH, code="name_mismatch"))

    def _check_contract(self, cleaned):
        starts_on, ends_on = cleaned.get("contract_starts_on"), cleaned.get("contract_ends_on")
        if starts_on is None or ends_on is None or self.filing is None:
            return
        try:
            rules = rules_for(self.filing.region, self.today)
        except ValidationError as error:
            self.add_error(None, error)
            return
        problem = contract_problem(apprenticeship_type=self.filing.apprenticeship_type, contract_starts_on=starts_on,
                                   contract_ends_on=ends_on, rules=rules)
        if problem:
            self.add_error("contract_ends_on", ValidationError(problem, code="contract"))

    def _check_school(self, cleaned):
        school, school_name = cleaned.get("school"), cleaned.get("school_name", "")
        if school is not None:
            cleaned["school_name"] = ""
        elif school_name:
            known = Organisation.objects.filter(kind=OrganisationKind.SCHOOL, name=school_name).first()
            if known is not None:
                cleaned["school"], cleaned["school_name"] = known, ""
        if (self.filing is not None and self.filing.apprenticeship_type == ApprenticeshipType.STUDENT
                and cleaned.get("school") is None and not cleaned.get("school_name")
                and "school" not in self.errors):
            self.add_error("school_name", ValidationError(
                _("学生学徒制培训人员须填写就读院校：选择平台上的院校或填写院校名称"), code="school_required"))


TRAINEE_FIELDS = ("name", "id_number", "mobile", "education", "hired_on", "contract_starts_on", "contract_ends_on",
                  "monthly_wage", "school", "school_name")


def trainee_initial(trainee) -> dict:
    return {name: getattr(trainee, name) for name in TRAINEE_FIELDS}


# --- 培训课程 ------------------------------------------------------------------------------------------------------


class TeacherChoiceField(forms.ModelChoiceField):
    """授课教师: on the screen a choice among the filing's teachers; in the import the teacher's name, or the ID
    number where two teachers share a name."""

    def to_python(self, value):
        if value in self.empty_values:
            return None
        text = str(value).strip()
        queryset = self.queryset
        if text.isdigit() and len(text) < 18:
            found = queryset.filter(pk=int(text)).first()
            if found is not None:
                return found
        if len(text) == 18:
            found = queryset.filter(id_number=normalise_id_number(text)).first()
            if found is not None:
                return found
        named = list(queryset.filter(name=text)[:2])
        if len(named) == 1:
            return named[0]
        if len(named) > 1:
            raise ValidationError(_("本备案有多名教师名为“%(name)s”，请填写教师的身份证号") % {"name": text},
                                  code="ambiguous")
        raise ValidationError(_("“%(value)s”不在本备案的培训师资中，请先在培训师资中添加") % {"value": text[:40]},
                              code="invalid_choice")


class CourseForm(_FilingRowForm):
    name = _text(_("课程名称"), 128)
    hours = forms.IntegerField(label=_("课时"), min_value=1, max_value=10000, widget=forms.NumberInput(attrs=INPUT),
                               error_messages={"required": _("请填写课时"), "invalid": _("课时应为整数"),
                                               "min_value": _("课时应大于0"), "max_value": _("课时过大")})
    delivery = _choice(_("授课方式"), Delivery.choices)
    teacher = TeacherChoiceField(label=_("授课教师"), required=False, queryset=Teacher.objects.none(),
                                 widget=forms.Select(attrs=SELECT), help_text=_("线下培训必录"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.filing is not None:
            self.fields["teacher"].queryset = teaching_teachers(self.filing)

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("请填写课程名称"), code="required")
        return name

    def clean(self):
        cleaned = super().clean()
        if (cleaned.get("delivery") == Delivery.OFFLINE and cleaned.get("teacher") is None
                and "teacher" not in self.errors):
            self.add_error("teacher", ValidationError(_("授课方式为线下培训的，授课教师必录"), code="teacher_required"))
        return cleaned


COURSE_FIELDS = ("name", "hours", "delivery", "teacher")


def course_initial(course) -> dict:
    return {"name": course.name, "hours": course.hours, "delivery": course.delivery, "teacher": course.teacher_id}


# --- 标记为流失, 考核结果 -----------------------------------------------------------------------------------------


class LostForm(BindErrorsMixin, forms.Form):
    lost_on = _date_field(_("流失日期"))
    lost_reason = forms.CharField(label=_("流失原因"), max_length=255,
                                  widget=forms.Textarea(attrs={**INPUT, "rows": 3}),
                                  error_messages={"required": _("请填写流失原因"),
                                                  "max_length": _("流失原因不能超过255个字")})

    def clean_lost_reason(self):
        reason = self.cleaned_data["lost_reason"].strip()
        if not reason:
            raise ValidationError(_("请填写流失原因"), code="required")
        return reason


class CertificateForm(_FilingRowForm):
    """学徒经评价考核合格: the certificate obtained (needed by the balance claim)."""

    certificate_level = _choice(_("取得证书等级"), TargetLevel.choices)
    certificate_number = _text(_("证书编号"), 64)
    certified_on = _date_field(_("发证日期"))

    def clean_certificate_number(self):
        number = self.cleaned_data["certificate_number"].strip()
        if not number:
            raise ValidationError(_("请填写证书编号"), code="required")
        return number

    def clean_certified_on(self):
        day = self.cleaned_data["certified_on"]
        if day > self.today:
            raise ValidationError(_("发证日期不能晚于今天"), code="future")
        return day


class CertificateRowForm(CertificateForm):
    """A row of the 考核结果 import: the trainee of the filing named by ID number (and name)."""

    id_number = forms.CharField(label=_("身份证号"), max_length=18,
                                error_messages={"required": _("请填写身份证号"), "max_length": _("身份证号应为18位")})
    name = forms.CharField(label=_("姓名"), max_length=64, error_messages={"required": _("请填写姓名")})

    field_order = ["id_number", "name", "certificate_level", "certificate_number", "certified_on"]

    def clean(self):
        cleaned = super().clean()
        id_number, name = cleaned.get("id_number"), cleaned.get("name")
        if not id_number or not name or self.filing is None:
            return cleaned
        trainee = self.filing.trainees.filter(id_number=id_number).first()
        if trainee is None:
            self.add_error("id_number", ValidationError(_("该身份证号不在本备案的培训人员中"), code="not_enrolled"))
        elif trainee.name != name:
            self.add_error("name", ValidationError(NAME_MISMATCH, code="name_mismatch"))
        else:
            cleaned["trainee"] = trainee
        return cleaned


# --- 单位培训人员查询 ---------------------------------------------------------------------------------------------


class TraineeFilterForm(forms.Form):
    name = forms.CharField(label=_("姓名"), required=False, max_length=64, widget=forms.TextInput(attrs=SMALL_INPUT))
    id_number = forms.CharField(label=_("身份证号"), required=False, max_length=18,
                                widget=forms.TextInput(attrs=SMALL_INPUT),
                                error_messages={"max_length": _("身份证号应为18位")})
    number = forms.CharField(label=_("备案编号"), required=False, max_length=32,
                             widget=forms.TextInput(attrs=SMALL_INPUT))
    apprenticeship_type = forms.ChoiceField(label=_("学徒制培训类型"), required=False,
                                            choices=[("", _("全部")), *ApprenticeshipType.choices],
                                            widget=forms.Select(attrs=SMALL_SELECT),
                                            error_messages={"invalid_choice": _("请从列表中选择培训类型")})
    state = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部")), *TraineeState.CHOICES],
                              widget=forms.Select(attrs=SMALL_SELECT),
                              error_messages={"invalid_choice": _("请从列表中选择状态")})
    year = forms.IntegerField(label=_("培训年度"), required=False, min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs=SMALL_INPUT),
                              error_messages={"invalid": _("请输入四位年份"), "min_value": _("请输入四位年份"),
                                              "max_value": _("请输入四位年份")})

    def clean_id_number(self):
        value = self.cleaned_data.get("id_number", "")
        return clean_id_number_value(value) if value.strip() else ""

    def filters(self) -> dict:
        """The valid filters; a malformed one is left out (and its error shown beside its field)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        data = self.cleaned_data
        values = {
            "name": (data.get("name") or "").strip(), "id_number": data.get("id_number") or "",
            "number": (data.get("number") or "").strip(), "apprenticeship_type": data.get("apprenticeship_type") or "",
            "state": data.get("state") or "", "year": data.get("year"),
        }
        return {key: value for key, value in values.items() if value}


# --- the imports' columns (apprenticeships.imports registers them with these forms) -------------------------------

TEACHERS_IMPORT, TRAINEES_IMPORT = "apprenticeship_teachers", "apprenticeship_trainees"
COURSES_IMPORT, CERTIFICATES_IMPORT = "apprenticeship_courses", "apprenticeship_certificates"


def in_filing_kwargs(actor, organisation, **context) -> dict:
    """ImportSpec.form_kwargs: the row forms know their filing (the import's parent)."""
    return {"parent": context.get("parent")}


def _labelled(enum) -> tuple:
    return tuple((value, str(label)) for value, label in enum.choices)


PERSON_NAME = Column("姓名", "name", required=True, example="张三", width=10)
PERSON_ID = Column("身份证号", "id_number", required=True, example="41010520000307123X", text=True,
                   numbers_refused=True, personal="id_number", width=22, help_text="18位，请以文本格式填写")
TEACHER_COLUMNS = (
    PERSON_NAME, PERSON_ID,
    Column("师资类型", "kind", required=True, choices=_labelled(TeacherKind), example=TeacherKind.MENTOR, width=12),
    Column("职业技能等级或职称", "qualification", required=True, example="高级技师", width=18),
    Column("证书编号", "certificate_number", required=True, example="S000012345", text=True, width=18),
    Column("手机号", "mobile", example="13800138000", text=True, personal="mobile", width=14),
)
TRAINEE_COLUMNS = (
    PERSON_NAME, PERSON_ID,
    Column("手机号", "mobile", required=True, example="13800138000", text=True, personal="mobile", width=14),
    Column("文化程度", "education", required=True, choices=_labelled(Education),
           example=Education.SECONDARY_VOCATIONAL, width=16),
    Column("入职日期", "hired_on", required=True, example=datetime.date(2026, 3, 1), width=12,
           help_text="如 2026-03-01"),
    Column("劳动合同起始日期", "contract_starts_on", required=True, example=datetime.date(2026, 3, 1), width=14),
    Column("劳动合同终止日期", "contract_ends_on", required=True, example=datetime.date(2029, 2, 28), width=14,
           help_text="企业新型学徒制须签订1年以上劳动合同"),
    Column("月工资（元）", "monthly_wage", required=True, example=4500, width=12,
           help_text="低于当地最低工资标准时提示，不影响导入"),
    Column("就读院校", "school_name", example="", width=24, help_text="学生学徒制培训必填，填写院校全称"),
)
COURSE_COLUMNS = (
    Column("课程名称", "name", required=True, example="电工基础", width=20),
    Column("课时", "hours", required=True, example=40, width=8),
    Column("授课方式", "delivery", required=True, choices=_labelled(Delivery), example=Delivery.OFFLINE, width=12),
    Column("授课教师", "teacher", example="王师傅", width=22,
           help_text="线下培训必录：本备案培训师资的姓名（同名时填写身份证号）"),
)
CERTIFICATE_COLUMNS = (
    PERSON_ID, PERSON_NAME,
    Column("取得证书等级", "certificate_level", required=True, choices=_labelled(TargetLevel),
           example=TargetLevel.SENIOR, width=16),
    Column("证书编号", "certificate_number", required=True, example="S000067890", text=True, width=18),
    Column("发证日期", "certified_on", required=True, example=datetime.date(2027, 3, 1), width=12),
)


# --- 导出学员名单 (apprenticeships.exports registers it) -----------------------------------------------------------

TRAINEE_LIST_EXPORT = "apprenticeship_trainee_list"


def _state_label(trainee) -> str:
    return str(TraineeState.LABELS[trainee_state(trainee)])


def _school(trainee) -> str:
    return trainee.school.name if trainee.school_id else trainee.school_name


TRAINEE_LIST_COLUMNS = (
    Column("备案编号", "filing__number", text=True, width=20),
    Column("学徒制培训类型", "filing__apprenticeship_type", choices=_labelled(ApprenticeshipType), width=18),
    Column("培训职业（工种）", "filing__training_class__occupation", width=16),
    Column("培训目标等级", "filing__training_class__target_level", choices=_labelled(TargetLevel), width=14),
    Column("培训开始日期", "filing__training_class__starts_on", width=12),
    Column("培训结束日期", "filing__training_class__ends_on", width=12),
    Column("姓名", "name", width=10),
    Column("身份证号", "id_number", text=True, personal="id_number", width=22),
    Column("手机号", "mobile", text=True, personal="mobile", width=14),
    Column("文化程度", "education", choices=_labelled(Education), width=16),
    Column("入职日期", "hired_on", width=12),
    Column("劳动合同起始日期", "contract_starts_on", width=14),
    Column("劳动合同终止日期", "contract_ends_on", width=14),
    Column("月工资（元）", "monthly_wage", width=12),
    Column("就读院校", "school_name", value=_school, width=24),
    Column("状态", "state", value=_state_label, width=10),
    Column("流失日期", "lost_on", width=12),
    Column("流失原因", "lost_reason", width=24),
    Column("取得证书等级", "certificate_level", choices=_labelled(TargetLevel), width=14),
    Column("证书编号", "certificate_number", text=True, width=18),
    Column("发证日期", "certified_on", width=12),
)


def trainees_for_export(user, params):
    """ExportSpec.queryset: exactly what 单位培训人员查询 lists for these filter parameters."""
    return filter_trainees(trainees_for_enterprise(user), **TraineeFilterForm(params or None).filters())
