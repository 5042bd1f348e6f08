"""Forms of 实习投诉 and 申诉: the student's complaint, the school's handling, the enterprise's appeal, and the
lists' filters (every query parameter goes through one of these)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BindErrorsMixin
from internships.models import AppealStatus, ComplaintCategory, ComplaintStatus
from internships.models.complaints import TEXT_MAX

INPUT = {"class": "form-control"}
SELECT = {"class": "form-select form-select-sm"}


class InternshipChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.enterprise.name}·{obj.position.title}（{obj.starts_on:%Y-%m-%d}至{obj.ends_on:%Y-%m-%d}）"


class ComplaintForm(BindErrorsMixin, forms.Form):
    internship = InternshipChoiceField(
        label=_("被投诉的实习企业"), queryset=None, empty_label=None,
        widget=forms.Select(attrs={"class": "form-select"}),
        error_messages={"required": _("请选择实习企业"), "invalid_choice": _("请选择本人的实习企业")})
    categories = forms.MultipleChoiceField(
        label=_("投诉类别"), choices=ComplaintCategory.choices, widget=forms.CheckboxSelectMultiple,
        help_text=_("可多选"),
        error_messages={"required": _("请至少选择一个投诉类别"), "invalid_choice": _("未知的投诉类别")})
    details = forms.CharField(
        label=_("投诉内容"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={**INPUT, "rows": 5}),
        help_text=_("请具体说明时间、地点和经过"),
        error_messages={"required": _("请填写投诉内容"), "max_length": _("投诉内容不能超过2000字")})

    def __init__(self, *args, internships, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["internship"].queryset = internships


class ConcludeForm(BindErrorsMixin, forms.Form):
    result = forms.TypedChoiceField(
        label=_("处理结论"), coerce=lambda value: value == ComplaintStatus.SUBSTANTIATED, widget=forms.RadioSelect,
        choices=[(ComplaintStatus.SUBSTANTIATED, ComplaintStatus.SUBSTANTIATED.label),
                 (ComplaintStatus.UNSUBSTANTIATED, ComplaintStatus.UNSUBSTANTIATED.label)],
        error_messages={"required": _("请选择处理结论"), "invalid_choice": _("请选择处理结论")})
    conclusion = forms.CharField(
        label=_("处理意见"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={**INPUT, "rows": 4}),
        help_text=_("调查情况和结论的理由，企业和学生都能看到"),
        error_messages={"required": _("请填写处理意见（投诉处理结论的理由）"),
                        "max_length": _("处理意见不能超过2000字")})


class AppealDecisionForm(BindErrorsMixin, forms.Form):
    result = forms.TypedChoiceField(
        label=_("处理结论"), coerce=lambda value: value == AppealStatus.UPHELD, widget=forms.RadioSelect,
        choices=[(AppealStatus.UPHELD, AppealStatus.UPHELD.label),
                 (AppealStatus.DISMISSED, AppealStatus.DISMISSED.label)],
        help_text=_("申诉成立：所涉投诉退回“调查中”，由学校重新调查并作出结论"),
        error_messages={"required": _("请选择处理结论"), "invalid_choice": _("请选择处理结论")})
    decision = forms.CharField(
        label=_("处理意见"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={**INPUT, "rows": 4}),
        error_messages={"required": _("请填写处理意见"), "max_length": _("处理意见不能超过2000字")})


class AppealSelectionForm(forms.Form):
    """The complaints ticked on 实习投诉管理 (?complaints=1&complaints=2)."""

    complaints = forms.TypedMultipleChoiceField(
        coerce=int, choices=(), error_messages={"required": _("请选择要申诉的投诉"),
                                                "invalid_choice": _("所选投诉不存在或不能申诉")})

    def __init__(self, *args, complaints, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["complaints"].choices = [(complaint.pk, str(complaint.pk)) for complaint in complaints]


class AppealForm(BindErrorsMixin, AppealSelectionForm):
    text = forms.CharField(
        label=_("申诉内容"), max_length=TEXT_MAX, widget=forms.Textarea(attrs={**INPUT, "rows": 5}),
        error_messages={"required": _("请填写申诉内容"), "max_length": _("申诉内容不能超过2000字")})


class ComplaintFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("处理结果"), required=False,
                               choices=[("", _("全部"))] + list(ComplaintStatus.choices),
                               widget=forms.Select(attrs=SELECT),
                               error_messages={"invalid_choice": _("没有该处理结果，请从列表中选择")})
    enterprise = forms.CharField(label=_("企业名称"), required=False, max_length=64,
                                 widget=forms.TextInput(attrs={"class": "form-control form-control-sm"}))

    def apply(self, queryset):
        if not self.is_bound:
            return queryset
        if not self.is_valid():
            # The message is beside the field; the list (and the export) is empty rather than less filtered
            # than asked.
            return queryset.none()
        if self.cleaned_data["status"]:
            queryset = queryset.filter(status=self.cleaned_data["status"])
        if self.cleaned_data["enterprise"]:
            queryset = queryset.filter(enterprise__name__icontains=self.cleaned_data["enterprise"].strip())
        return queryset


class AppealFilterForm(ComplaintFilterForm):
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部"))] + list(AppealStatus.choices),
                               widget=forms.Select(attrs=SELECT),
                               error_messages={"invalid_choice": _("没有该状态，请从列表中选择")})
