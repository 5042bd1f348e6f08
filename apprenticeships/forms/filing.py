"""The forms of the filing area: 承诺书, the type of a new filing, the tabs 备案信息 / 培训机构情况 / 培训信息 /
上传材料 (培训信息 is also the form of each imported row), and the 办理结果 filter."""

import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from apprenticeships.models import ApprenticeshipType, FilingStatus, TargetLevel, TrainingMode
from apprenticeships.selectors.filing import institutions, material_labels
from apprenticeships.services.filing import class_problem
from core.forms import BindErrorsMixin

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select"}
DATE = {"class": "form-control", "type": "date"}


def _date(label):
    return forms.DateField(label=label, widget=forms.DateInput(attrs=DATE, format="%Y-%m-%d"),
                           error_messages={"required": _("请填写%(label)s") % {"label": label},
                                           "invalid": _("日期格式应为 2026-03-01")})


class CommitmentForm(BindErrorsMixin, forms.Form):
    accept = forms.BooleanField(label=_("本单位已阅读上述承诺书，承诺所填信息真实、准确、完整"),
                                widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
                                error_messages={"required": _("请勾选确认承诺书后继续")})


class TypeForm(BindErrorsMixin, forms.Form):
    apprenticeship_type = forms.ChoiceField(label=_("学徒制培训类型"), choices=ApprenticeshipType.choices,
                                            widget=forms.RadioSelect,
                                            error_messages={"required": _("请选择学徒制培训类型"),
                                                            "invalid_choice": _("请选择列表中的学徒制培训类型")})


class InfoForm(BindErrorsMixin, forms.Form):
    apprenticeship_type = forms.ChoiceField(label=_("学徒制培训类型"), choices=ApprenticeshipType.choices,
                                            widget=forms.Select(attrs=SELECT),
                                            error_messages={"required": _("请选择学徒制培训类型"),
                                                            "invalid_choice": _("请选择列表中的学徒制培训类型")})
    contact_name = forms.CharField(label=_("联系人"), max_length=32, widget=forms.TextInput(attrs=INPUT),
                                   error_messages={"required": _("请填写联系人")})
    contact_phone = forms.RegexField(label=_("联系电话"), max_length=20, regex=r"^[0-9\-+() ]{7,20}$",
                                     widget=forms.TextInput(attrs=INPUT),
                                     error_messages={"required": _("请填写联系电话"),
                                                     "invalid": _("联系电话只能包含数字、空格和 -+()，7 至 20 位")})


class InstitutionForm(BindErrorsMixin, forms.Form):
    institution = forms.ModelChoiceField(label=_("合作培训机构名称"), queryset=institutions(), required=False,
                                         empty_label=_("（不在列表中，填写其他培训机构名称）"),
                                         widget=forms.Select(attrs=SELECT),
                                         error_messages={"invalid_choice": _("请选择列表中的培训机构")})
    other_institution_name = forms.CharField(label=_("其他培训机构名称"), max_length=128, required=False,
                                             widget=forms.TextInput(attrs=INPUT),
                                             help_text=_("合作培训机构不在列表中时填写"))

    def clean(self):
        data = super().clean()
        other = (data.get("other_institution_name") or "").strip()
        if "institution" in data and data.get("institution") is None and not other:
            self.add_error("other_institution_name", _("未选择合作培训机构的，请填写其他培训机构名称"))
        if data.get("institution") is not None and other:
            self.add_error("other_institution_name", _("合作培训机构与其他培训机构名称只能填写一项"))
        return data


class TrainingClassForm(BindErrorsMixin, forms.Form):
    """培训信息: the tab's form and each row of its import."""

    occupation = forms.CharField(label=_("培训职业（工种）"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                 error_messages={"required": _("请填写培训职业（工种）")})
    occupation_code = forms.CharField(label=_("职业编码"), max_length=32, required=False,
                                      widget=forms.TextInput(attrs=INPUT))
    target_level = forms.ChoiceField(label=_("培训目标等级"), choices=TargetLevel.choices,
                                     widget=forms.Select(attrs=SELECT),
                                     error_messages={"required": _("请选择培训目标等级"),
                                                     "invalid_choice": _("请选择列表中的培训目标等级")})
    starts_on = _date(_("培训开始日期"))
    ends_on = _date(_("培训结束日期"))
    hours = forms.IntegerField(label=_("培训总课时"), min_value=1, max_value=100000,
                               widget=forms.NumberInput(attrs=INPUT),
                               error_messages={"required": _("请填写培训总课时"), "invalid": _("培训总课时应为整数"),
                                               "min_value": _("培训总课时应大于 0"),
                                               "max_value": _("培训总课时过大")})
    mode = forms.ChoiceField(label=_("培训方式"), choices=TrainingMode.choices, widget=forms.Select(attrs=SELECT),
                             error_messages={"required": _("请选择培训方式"),
                                             "invalid_choice": _("请选择列表中的培训方式")})
    extension_reason = forms.CharField(label=_("培训期超过2年的原因"), max_length=255, required=False,
                                       widget=forms.TextInput(attrs=INPUT))

    def __init__(self, *args, filing=None, **kwargs):
        self.filing = filing
        super().__init__(*args, **kwargs)

    def clean(self):
        data = super().clean()
        starts_on, ends_on = data.get("starts_on"), data.get("ends_on")
        if self.filing is not None and starts_on and ends_on:
            problem = class_problem(self.filing, starts_on=starts_on, ends_on=ends_on,
                                    extension_reason=data.get("extension_reason", ""))
            if problem:
                self.add_error("ends_on", problem)
        return data


def class_initial(training_class) -> dict:
    return {name: getattr(training_class, name) for name in (
        "occupation", "occupation_code", "target_level", "starts_on", "ends_on", "hours", "mode",
        "extension_reason")}


class MaterialForm(BindErrorsMixin, forms.Form):
    material = forms.ChoiceField(label=_("材料"), widget=forms.HiddenInput,
                                 error_messages={"required": _("请选择材料"),
                                                 "invalid_choice": _("请选择列表中的材料")})
    file = forms.FileField(label=_("文件"), widget=forms.ClearableFileInput(attrs=INPUT),
                           error_messages={"required": _("请选择要上传的文件"), "empty": _("上传的文件为空")})

    def __init__(self, *args, filing, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["material"].choices = material_labels(filing)


class FilingFilterForm(forms.Form):
    number = forms.CharField(label=_("备案编号"), max_length=32, required=False,
                             widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}))
    apprenticeship_type = forms.ChoiceField(label=_("学徒制培训类型"), required=False,
                                            choices=[("", _("全部"))] + ApprenticeshipType.choices,
                                            widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                                            error_messages={"invalid_choice": _("请选择列表中的学徒制培训类型")})
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + FilingStatus.choices,
                               widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                               error_messages={"invalid_choice": _("请选择列表中的状态")})
    month = forms.RegexField(label=_("月份"), required=False, regex=r"^\d{4}-\d{2}$", max_length=7,
                             widget=forms.TextInput(attrs={"class": "form-control form-control-sm",
                                                           "type": "month", "placeholder": "2026-03"}),
                             error_messages={"invalid": _("月份格式应为 2026-03")})

    def clean_month(self):
        value = self.cleaned_data.get("month")
        if not value:
            return None
        year, month = (int(part) for part in value.split("-"))
        if not (2000 <= year <= 2100 and 1 <= month <= 12):
            raise forms.ValidationError(_("月份格式应为 2026-03"))
        return datetime.date(year, month, 1)

    def filter(self, queryset):
        if not self.is_bound:
            return queryset
        if not self.is_valid():
            # The message is beside the field; the list is empty rather than less filtered than asked.
            return queryset.none()
        data = self.cleaned_data
        if data.get("number"):
            queryset = queryset.filter(number__icontains=data["number"].strip())
        if data.get("apprenticeship_type"):
            queryset = queryset.filter(apprenticeship_type=data["apprenticeship_type"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("month"):
            month = data["month"]
            queryset = queryset.filter(created_at__year=month.year, created_at__month=month.month)
        return queryset
