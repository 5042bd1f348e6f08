"""注册用人单位: the search first, then the unit's form (issue 10, manual 004 §三)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from attachments.forms import AttachmentField
from core.forms import BindErrorsMixin
from organisations.forms import TEXT, CreditCodeField, text_field
from organisations.models import Authority, Organisation, OrganisationKind, UnitLevel, UnitNature
from regions.forms import RegionField
from verification.unit_registration import PURPOSE, already_registered_message

SELECT = {"class": "form-select"}


class DepartmentChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name}（{obj.region.full_name}）" if obj.region_id else obj.name


def _departments(authority):
    return (Organisation.objects.filter(kind=OrganisationKind.GOVERNMENT, authority=authority, region__isnull=False)
            .select_related("region").order_by("region__code", "name"))


class UnitSearchForm(forms.Form):
    q = forms.CharField(label=_("单位名称或统一社会信用代码"), max_length=128, min_length=2,
                        widget=forms.TextInput(attrs={**TEXT, "placeholder": _("先查询单位是否已注册")}),
                        error_messages={"required": _("请输入单位名称或统一社会信用代码"),
                                        "min_length": _("请至少输入 2 个字"), "max_length": _("不能超过 128 个字")})


class UnitRegistrationForm(BindErrorsMixin, forms.Form):
    name = text_field(_("用人单位名称"), max_length=128)
    credit_code = CreditCodeField()
    credit_code_image = AttachmentField(purpose=PURPOSE, widget=forms.FileInput(attrs={"class": "form-control"}))
    region = RegionField(label=_("单位地区"))
    hr_department = DepartmentChoiceField(label=_("所属人社部门"), queryset=None, widget=forms.Select(attrs=SELECT),
                                          help_text=_("单位所在县（区）、市或省的人力资源和社会保障部门"),
                                          error_messages={"required": _("请选择所属人社部门"),
                                                          "invalid_choice": _("请选择列表中的人社部门")})
    supervising_department = DepartmentChoiceField(
        label=_("主管部门"), queryset=None, required=False, widget=forms.Select(attrs=SELECT),
        empty_label=_("（无）"), help_text=_("选填：单位所在地区或其上级地区的行业主管部门"),
        error_messages={"invalid_choice": _("请选择列表中的主管部门")})
    nature = forms.ChoiceField(label=_("单位性质"), choices=[("", _("--请选择--")), *UnitNature.choices],
                               widget=forms.Select(attrs=SELECT),
                               error_messages={"required": _("请选择单位性质"), "invalid_choice": _("请选择单位性质")})
    unit_level = forms.ChoiceField(label=_("单位级别"), choices=[("", _("--请选择--")), *UnitLevel.choices],
                                   widget=forms.Select(attrs=SELECT),
                                   error_messages={"required": _("请选择单位级别"),
                                                   "invalid_choice": _("请选择单位级别")})
    legal_representative = text_field(_("机构负责人"), max_length=64)
    contact_phone = text_field(_("联系电话"), max_length=32)
    address = text_field(_("单位地址"), max_length=255)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["hr_department"].queryset = _departments(Authority.HUMAN_RESOURCES)
        self.fields["supervising_department"].queryset = _departments(Authority.INDUSTRY)

    def clean_credit_code(self):
        code = self.cleaned_data["credit_code"]
        if Organisation.objects.filter(credit_code=code).exists():
            raise forms.ValidationError(already_registered_message(), code="credit_code_taken")
        return code
