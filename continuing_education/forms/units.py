"""Forms of joining a unit, 待审核的专技人员 and the departments' unit list. Every query parameter goes through one
of these: a malformed value is a message beside the field, never a 500."""

from django import forms
from django.utils.translation import gettext_lazy as _

from core.forms import BindErrorsMixin
from organisations.models import StaffLink
from regions.forms import RegionCascadeWidget
from regions.models import Region, RegionLevel

SMALL_INPUT = {"class": "form-control form-control-sm"}
SMALL_SELECT = {"class": "form-select form-select-sm"}


class UnitSearchForm(forms.Form):
    q = forms.CharField(label=_("单位名称或统一社会信用代码"), max_length=128, required=False,
                        widget=forms.TextInput(attrs={**SMALL_INPUT, "placeholder": _("单位名称或统一社会信用代码")}))

    def clean_q(self):
        value = self.cleaned_data["q"].strip()
        if value and len(value) < 2:
            raise forms.ValidationError(_("请至少输入 2 个字"))
        return value


class JoinForm(forms.Form):
    """申请加入: the unit, one of those the search may find."""

    organisation = forms.ModelChoiceField(queryset=None, error_messages={
        "required": _("请选择要加入的单位"), "invalid_choice": _("该单位不存在或不接受加入申请")})

    def __init__(self, *args, units=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = units


class ReasonForm(BindErrorsMixin, forms.Form):
    reason = forms.CharField(label=_("原因"), max_length=255, widget=forms.Textarea(attrs={"class": "form-control",
                                                                                      "rows": 3}),
                             error_messages={"required": _("请填写原因"), "max_length": _("不能超过 255 个字")})

    def __init__(self, *args, label=None, required_message=None, **kwargs):
        super().__init__(*args, **kwargs)
        if label:
            self.fields["reason"].label = label
        if required_message:
            self.fields["reason"].error_messages["required"] = required_message


LINK_FILTER_CHOICES = [(StaffLink.REQUESTED, _("待审核")), (StaffLink.LINKED, _("在职")),
                       (StaffLink.REJECTED, _("未通过")), (StaffLink.ENDED, _("已调离"))]


class StaffRequestFilterForm(forms.Form):
    status = forms.ChoiceField(label=_("状态"), required=False, choices=LINK_FILTER_CHOICES,
                               widget=forms.Select(attrs=SMALL_SELECT),
                               error_messages={"invalid_choice": _("请选择列表中的状态")})
    name = forms.CharField(label=_("姓名"), max_length=64, required=False, widget=forms.TextInput(attrs=SMALL_INPUT),
                           error_messages={"max_length": _("不能超过 64 个字")})

    def filters(self) -> dict:
        data = self.cleaned_data if self.is_valid() else {}
        return {"status": data.get("status") or StaffLink.REQUESTED, "name": (data.get("name") or "").strip()}


class BatchApproveForm(forms.Form):
    ids = forms.TypedMultipleChoiceField(coerce=int, choices=(), error_messages={
        "required": _("请勾选要通过的申请"), "invalid_choice": _("所选申请已处理或不存在，请刷新后重试")})

    def __init__(self, *args, pending=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["ids"].choices = [(pk, str(pk)) for pk in pending]


class UnitFilterForm(forms.Form):
    name = forms.CharField(label=_("单位名称"), max_length=128, required=False,
                           widget=forms.TextInput(attrs=SMALL_INPUT))
    credit_code = forms.CharField(label=_("统一社会信用代码"), max_length=18, required=False,
                                  widget=forms.TextInput(attrs=SMALL_INPUT))
    # Any level: a province or city picked without a county filters by everything inside it.
    region = forms.ModelChoiceField(label=_("单位地区"), queryset=Region.objects.all(), to_field_name="code",
                                    required=False, widget=RegionCascadeWidget(level=RegionLevel.COUNTY),
                                    error_messages={"invalid_choice": _("请选择列表中的地区")})
    hr_department = forms.ModelChoiceField(label=_("所属人社部门"), queryset=None, required=False,
                                           widget=forms.Select(attrs=SMALL_SELECT), empty_label=_("全部"),
                                           error_messages={"invalid_choice": _("请选择列表中的人社部门")})

    def __init__(self, *args, departments=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hr_department"].queryset = departments

    def filters(self) -> dict:
        return self.cleaned_data if self.is_valid() else {}
