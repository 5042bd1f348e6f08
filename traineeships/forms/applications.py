from django import forms
from django.utils.translation import gettext_lazy as _

from traineeships.models import ApplicationStatus

SMALL_SELECT = {"class": "form-select form-select-sm"}


class ApplicationFilterForm(forms.Form):
    """报名审核 list filters: one of the unit's posts, a status."""

    post = forms.TypedChoiceField(label=_("见习岗位"), required=False, coerce=int, empty_value=None,
                                  widget=forms.Select(attrs=SMALL_SELECT))
    status = forms.ChoiceField(label=_("状态"), required=False,
                               choices=[("", _("全部状态"))] + list(ApplicationStatus.choices),
                               widget=forms.Select(attrs=SMALL_SELECT),
                               error_messages={"invalid_choice": _("没有该状态，请从列表中选择")})

    def __init__(self, *args, posts=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["post"].choices = [("", _("全部岗位"))] + [(post.pk, post.title) for post in posts]
        self.fields["post"].error_messages["invalid_choice"] = _("请选择本单位的岗位")

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        return {"post": self.cleaned_data["post"], "status": self.cleaned_data["status"]}


class DecisionForm(forms.Form):
    DECISIONS = [("approve", _("审核通过")), ("reject", _("审核不通过"))]

    decision = forms.ChoiceField(label=_("审核结果"), choices=DECISIONS, widget=forms.RadioSelect,
                                 error_messages={"required": _("请选择审核结果")})
    reason = forms.CharField(label=_("审核意见"), required=False, max_length=255,
                             widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
                             help_text=_("审核不通过时必须填写原因"))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("decision") == "reject" and not (cleaned.get("reason") or "").strip():
            self.add_error("reason", _("请填写不通过原因"))
        return cleaned


class ReleaseForm(forms.Form):
    """释放报名: why the unit cannot onboard the approved applicant (the person reads it)."""

    reason = forms.CharField(label=_("释放原因"), max_length=255,
                             widget=forms.Textarea(attrs={"class": "form-control", "rows": 2}),
                             help_text=_("报名人将收到通知并看到该原因，释放后可报名其他岗位"),
                             error_messages={"required": _("请填写释放原因"),
                                             "max_length": _("释放原因最多255个字")})

    def clean_reason(self):
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError(_("请填写释放原因"))
        return reason
