"""Forms of 学时申报, 待我审核, 学时申报管理 and 网络培训成果 (the screens' and the import's)."""

from decimal import Decimal

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from attachments.forms import AttachmentField
from continuing_education.models import LearningForm, OnlinePlatform, SubjectType
from continuing_education.selectors.hours import approved_declarations
from continuing_education.services.hours import PROOF_PURPOSE, check_period_and_hours
from core.forms import BindErrorsMixin
from core.identifiers import id_number_problem, normalise_id_number
from organisations.models import StaffMember

INPUT = {"class": "form-control"}
SMALL = {"class": "form-control form-control-sm"}
SELECT = {"class": "form-select"}
SMALL_SELECT = {"class": "form-select form-select-sm"}


def _required(label):
    return {"required": _("请填写%(label)s") % {"label": label}}


def _date(label):
    return forms.DateField(label=label, widget=forms.DateInput(attrs={**INPUT, "type": "date"}, format="%Y-%m-%d"),
                           error_messages={**_required(label), "invalid": _("日期格式应为 2026-03-01")})


def _year_field(required=True, attrs=INPUT):
    return forms.IntegerField(label=_("年度"), required=required, min_value=2000, max_value=2100,
                              widget=forms.NumberInput(attrs=attrs),
                              error_messages={**_required(_("年度")), "invalid": _("年度应为四位数字，如 2026"),
                                              "min_value": _("年度应在 2000 至 2100 之间"),
                                              "max_value": _("年度应在 2000 至 2100 之间")})


def _hours_field(label=_("学时")):
    return forms.DecimalField(label=label, max_digits=5, decimal_places=1, widget=forms.NumberInput(
        attrs={**INPUT, "step": "0.1"}), error_messages={
        **_required(label), "invalid": _("学时应为数字，最多一位小数"),
        "max_decimal_places": _("学时最多保留一位小数"), "max_digits": _("学时不能超过 9999.9"),
        "max_whole_digits": _("学时不能超过 9999.9")})


def _choice(label, choices, attrs=SELECT, required=True):
    return forms.ChoiceField(label=label, choices=([("", _("全部"))] if not required else []) + list(choices),
                             required=required, widget=forms.Select(attrs=attrs),
                             error_messages={"required": _("请选择%(label)s") % {"label": label},
                                             "invalid_choice": _("请选择有效的%(label)s") % {"label": label}})


class DeclarationForm(BindErrorsMixin, forms.Form):
    """学时申报 (the person's, and the unit's on a person's behalf with `staff_choices`)."""

    year = _year_field()
    learning_form = _choice(_("学习形式"), LearningForm.choices)
    subject_type = _choice(_("科目类型"), SubjectType.choices)
    title = forms.CharField(label=_("名称"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                            error_messages={**_required(_("名称")), "max_length": _("名称最多%(limit_value)d个字")})
    organiser = forms.CharField(label=_("主办单位"), max_length=128, widget=forms.TextInput(attrs=INPUT),
                                error_messages={**_required(_("主办单位")),
                                                "max_length": _("主办单位最多%(limit_value)d个字")})
    starts_on = _date(_("开始日期"))
    ends_on = _date(_("结束日期"))
    hours = _hours_field()
    proof = AttachmentField(purpose=PROOF_PURPOSE, required=False)

    def __init__(self, *args, region=None, staff_choices=None, proof_required=True, **kwargs):
        super().__init__(*args, **kwargs)
        self.region = region
        self.fields["proof"].required = proof_required
        if not self.is_bound and "year" not in self.initial:
            self.initial["year"] = timezone.localdate().year
        if staff_choices is not None:
            self.fields = {"staff": forms.ModelChoiceField(
                label=_("专技人员"), queryset=staff_choices, widget=forms.Select(attrs=SELECT),
                error_messages={"required": _("请选择专技人员"),
                                "invalid_choice": _("请选择本单位人员信息中的人员")}), **self.fields}

    def clean(self):
        cleaned = super().clean()
        region = cleaned["staff"].organisation.region if cleaned.get("staff") else self.region
        errors = check_period_and_hours(region=region, **{
            key: cleaned.get(key) for key in ("year", "learning_form", "starts_on", "ends_on", "hours")})
        for field, message in errors.items():
            if field not in self.errors:
                self.add_error(field, message)
        return cleaned


def staff_roster(organisation):
    return StaffMember.objects.filter(organisation=organisation).order_by("name", "id")


class ReasonForm(forms.Form):
    decision = forms.ChoiceField(choices=[("approve", _("审核通过")), ("reject", _("审核不通过")),
                                          ("return", _("退回修改"))],
                                 widget=forms.Select(attrs=SMALL_SELECT),
                                 error_messages={"required": _("请选择审核结论"),
                                                 "invalid_choice": _("请选择有效的审核结论")})
    reason = forms.CharField(label=_("原因"), max_length=255, required=False,
                             widget=forms.TextInput(attrs=SMALL),
                             error_messages={"max_length": _("原因最多%(limit_value)d个字")})

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") in ("reject", "return") and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("不通过或退回时必须填写原因"))
        return cleaned


class BatchApproveForm(forms.Form):
    steps = forms.TypedMultipleChoiceField(coerce=int, error_messages={
        "required": _("请勾选要审核通过的学时申报"), "invalid_choice": _("所选的学时申报已不在待审核列表中，请刷新")})

    def __init__(self, *args, step_ids=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["steps"].choices = [(pk, pk) for pk in step_ids]


class ManageFilterForm(forms.Form):
    """学时申报管理's filters: an invalid one is dropped with its message beside it."""

    tab = forms.ChoiceField(required=False, choices=[("", ""), ("approved", ""), ("mine", "")],
                            widget=forms.HiddenInput,
                            error_messages={"invalid_choice": _("没有该页签，请从页签中选择")})
    year = _year_field(required=False, attrs=SMALL)
    learning_form = _choice(_("学习形式"), LearningForm.choices, attrs=SMALL_SELECT, required=False)
    name = forms.CharField(label=_("姓名"), max_length=64, required=False, widget=forms.TextInput(attrs=SMALL),
                           error_messages={"max_length": _("姓名最多%(limit_value)d个字")})
    id_number = forms.CharField(label=_("证件号码"), max_length=18, required=False,
                                widget=forms.TextInput(attrs=SMALL),
                                error_messages={"max_length": _("身份证号应为18位")})

    def clean_id_number(self):
        value = normalise_id_number(self.cleaned_data.get("id_number"))
        if value and id_number_problem(value):
            raise forms.ValidationError(id_number_problem(value))
        return value

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: self.cleaned_data.get(name) or None for name in self.fields
                if name not in self.errors and name != "tab"}

    def chosen_tab(self) -> str | None:
        """The tab to show (blank is 审核通过的学时申报), or None when ?tab= names none: the list then shows
        nothing and the page says why above it."""
        if not self.is_bound:
            return "approved"
        self.is_valid()
        return None if "tab" in self.errors else self.cleaned_data.get("tab") or "approved"


class OnlineFilterForm(forms.Form):
    year = _year_field(required=False, attrs=SMALL)
    name = forms.CharField(label=_("姓名"), max_length=64, required=False, widget=forms.TextInput(attrs=SMALL),
                           error_messages={"max_length": _("姓名最多%(limit_value)d个字")})

    def filters(self) -> dict:
        if not self.is_bound:
            return {}
        self.is_valid()
        return {name: self.cleaned_data.get(name) or None for name in self.fields if name not in self.errors}


class OnlineResultRowForm(forms.Form):
    """One row of 网络班培训成果导入. The platform by name among the unit's own; the person on the unit's roster
    (人员信息): a result is imported for the unit's own people only."""

    platform = forms.CharField(max_length=128, error_messages=_required(_("网授平台")))
    name = forms.CharField(max_length=64, error_messages=_required(_("姓名")))
    id_number = forms.CharField(max_length=18, error_messages={
        **_required(_("身份证号")), "max_length": _("身份证号应为18位")})
    course_name = forms.CharField(max_length=128, error_messages={
        **_required(_("课程名称")), "max_length": _("课程名称最多%(limit_value)d个字")})
    year = _year_field()
    subject_type = _choice(_("科目类型"), SubjectType.choices)
    hours = _hours_field()
    completed_on = _date(_("完成日期"))

    def __init__(self, *args, organisation=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.organisation = organisation

    def clean_platform(self):
        name = self.cleaned_data["platform"].strip()
        found = OnlinePlatform.objects.filter(organisation=self.organisation, name=name).first()
        if found is None:
            raise forms.ValidationError(_("本单位没有名为“%(name)s”的网授平台") % {"name": name})
        return found

    def clean_id_number(self):
        value = normalise_id_number(self.cleaned_data["id_number"])
        problem = id_number_problem(value)
        if problem:
            raise forms.ValidationError(problem)
        if not StaffMember.objects.filter(organisation=self.organisation, id_number=value).exists():
            raise forms.ValidationError(_("该人员不在本单位人员信息中"))
        return value

    def clean_hours(self):
        value = self.cleaned_data["hours"]
        if value is not None and value <= Decimal(0):
            raise forms.ValidationError(_("学时必须大于 0"))
        return value

    def clean(self):
        cleaned = super().clean()
        year, completed_on = cleaned.get("year"), cleaned.get("completed_on")
        if year and completed_on and completed_on.year != year:
            self.add_error("completed_on", _("完成日期须在%(year)s年内") % {"year": year})
        elif completed_on and completed_on > timezone.localdate():
            self.add_error("completed_on", _("完成日期不能晚于今天"))
        return cleaned


def approved_for_export(user, params):
    """ExportSpec.queryset: exactly what 学时申报管理 lists for these filter parameters."""
    return approved_declarations(user, **ManageFilterForm(params or None).filters())
