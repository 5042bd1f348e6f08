"""Forms of the blacklist: a proposal, a removal, the list filter."""

from django import forms
from django.utils.translation import gettext_lazy as _

from internships.models import BlacklistReason, BlacklistStatus

INPUT = {"class": "form-control form-control-sm"}
SELECT = {"class": "form-select form-select-sm"}


class ProposalForm(forms.Form):
    reason = forms.ChoiceField(label=_("列入原因"), choices=[("", _("--请选择--")), *BlacklistReason.choices],
                               error_messages={"required": _("请选择列入原因"),
                                               "invalid_choice": _("请选择列表中的列入原因")},
                               widget=forms.Select(attrs=SELECT))
    details = forms.CharField(label=_("情况说明"), max_length=4000, widget=forms.Textarea(attrs={**INPUT, "rows": 5}),
                              error_messages={"required": _("请填写情况说明")})
    evidence = forms.FileField(label=_("证明材料"), required=False,
                               help_text=_("可选：图片或PDF，不超过10MB"),
                               widget=forms.ClearableFileInput(attrs=INPUT))

    def clean_details(self):
        details = self.cleaned_data["details"].strip()
        if not details:
            raise forms.ValidationError(_("请填写情况说明"))
        return details


class RemovalForm(forms.Form):
    reason = forms.CharField(label=_("移出原因"), max_length=2000, widget=forms.Textarea(attrs={**INPUT, "rows": 3}),
                             error_messages={"required": _("请填写移出原因")})


class BlacklistFilterForm(forms.Form):
    q = forms.CharField(label=_("企业名称或信用代码"), required=False, max_length=64,
                        widget=forms.TextInput(attrs=INPUT))
    status = forms.ChoiceField(label=_("状态"), required=False, choices=[("", _("全部")), *BlacklistStatus.choices],
                               error_messages={"invalid_choice": _("请选择列表中的状态")},
                               widget=forms.Select(attrs=SELECT))
