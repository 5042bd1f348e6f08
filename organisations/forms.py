"""Forms of the organisations app other than registration (organisations.forms_registration)."""

from django import forms
from django.utils.translation import gettext_lazy as _

from attachments.forms import AttachmentField
from core.identifiers import credit_code_problem, normalise_credit_code
from organisations.models import Department, Organisation, OrganisationKind, Origin, VerificationStatus
from regions.forms import RegionField

TEXT = {"class": "form-control"}


class CreditCodeField(forms.CharField):
    """A unified social credit code, upper-cased, refused at the field with the reason (GB 32100)."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("统一社会信用代码"))
        kwargs.setdefault("max_length", 18)
        kwargs.setdefault("error_messages", {"required": _("请输入统一社会信用代码")})
        kwargs.setdefault("widget", forms.TextInput(attrs={**TEXT, "maxlength": 18, "autocomplete": "off",
                                                           "class": f"{TEXT['class']} text-uppercase"}))
        super().__init__(**kwargs)

    def to_python(self, value):
        return normalise_credit_code(super().to_python(value))

    def validate(self, value):
        super().validate(value)
        if value:
            problem = credit_code_problem(value)
            if problem:
                raise forms.ValidationError(problem, code="invalid_credit_code")

    def run_validators(self, value):
        # The max_length validator would report 19 characters before the clearer length message above.
        return None


def text_field(label, *, max_length, required=True, **kwargs):
    messages = {"required": _("请填写%(label)s") % {"label": label}}
    return forms.CharField(label=label, max_length=max_length, required=required, error_messages=messages,
                           widget=kwargs.pop("widget", forms.TextInput(attrs=TEXT)), **kwargs)


class ProfileForm(forms.Form):
    """单位信息与认证 (manual 000 §2.4). Fields stay optional for 保存; 保存并提交认证 checks the rest."""

    name = text_field(_("单位名称"), max_length=128)
    credit_code = CreditCodeField()
    legal_representative = text_field(_("法人代表/负责人"), max_length=64)
    region = RegionField(label=_("注册地区"), required=False)
    address = text_field(_("详细地址"), max_length=255, required=False)
    contact_person = text_field(_("联系人"), max_length=64, required=False)
    contact_phone = text_field(_("联系电话"), max_length=32, required=False)
    website = forms.URLField(label=_("单位官网"), required=False, assume_scheme="https",
                             error_messages={"invalid": _("请输入有效的网址，如 https://www.example.com")},
                             widget=forms.URLInput(attrs={**TEXT, "placeholder": _("选填")}))
    introduction = text_field(_("单位简介"), max_length=2000, required=False,
                              widget=forms.Textarea(attrs={**TEXT, "rows": 4}))
    business_licence = AttachmentField(purpose="business_licence", required=False,
                                       widget=forms.FileInput(attrs={"class": "form-control"}))

    def __init__(self, *args, organisation: Organisation, **kwargs):
        self.organisation = organisation
        initial = {field: getattr(organisation, field) for field in (
            "name", "credit_code", "legal_representative", "address", "contact_person", "contact_phone",
            "website", "introduction")}
        initial["region"] = organisation.region
        kwargs.setdefault("initial", initial)
        super().__init__(*args, **kwargs)
        self.fields["business_licence"].label = _("营业执照")
        if organisation.is_verified:
            for locked in ("name", "credit_code"):
                self.fields[locked].disabled = True
                self.fields[locked].help_text = _("已通过实名认证，不能修改")
        if not self._editable():
            for field in self.fields.values():
                field.disabled = True

    def _editable(self) -> bool:
        return self.organisation.verification_status != VerificationStatus.PENDING

    def clean_credit_code(self):
        value = self.cleaned_data["credit_code"]
        if value and Organisation.objects.filter(credit_code=value).exclude(pk=self.organisation.pk).exists():
            raise forms.ValidationError(_("该统一社会信用代码已被其他单位使用"))
        return value

    def changes(self) -> dict:
        data = self.cleaned_data
        return {field: data[field] for field in (
            "name", "credit_code", "legal_representative", "region", "address", "contact_person", "contact_phone",
            "website", "introduction")}


class DepartmentForm(forms.Form):
    name = text_field(_("部门名称"), max_length=64)
    parent = forms.ModelChoiceField(label=_("上级部门"), required=False, queryset=Department.objects.none(),
                                    empty_label=_("（无，作为一级部门）"),
                                    widget=forms.Select(attrs={"class": "form-select"}))

    def __init__(self, *args, organisation: Organisation, department: Department | None = None, **kwargs):
        if department is not None:
            kwargs.setdefault("initial", {"name": department.name, "parent": department.parent_id})
        super().__init__(*args, **kwargs)
        parents = Department.objects.filter(organisation=organisation)
        if department is not None:
            parents = parents.exclude(pk=department.pk)
        self.fields["parent"].queryset = parents.order_by("name")


KIND_FILTER_CHOICES = [("", _("全部类型"))] + [
    (value, label) for value, label in OrganisationKind.choices if value != OrganisationKind.GOVERNMENT
]


class DirectoryFilterForm(forms.Form):
    small = {"class": "form-control form-control-sm"}
    name = forms.CharField(label=_("单位名称"), required=False, max_length=64, widget=forms.TextInput(attrs=small))
    credit_code = forms.CharField(label=_("统一社会信用代码"), required=False, max_length=18,
                                  widget=forms.TextInput(attrs=small))
    kind = forms.ChoiceField(label=_("单位类型"), required=False, choices=KIND_FILTER_CHOICES,
                             widget=forms.Select(attrs={"class": "form-select form-select-sm"}))
    verification_status = forms.ChoiceField(
        label=_("认证状态"), required=False, choices=[("", _("全部状态")), *VerificationStatus.choices],
        widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
    )
    origin = forms.ChoiceField(label=_("来源"), required=False, choices=[("", _("全部来源")), *Origin.choices],
                               widget=forms.Select(attrs={"class": "form-select form-select-sm"}))

    def filters(self) -> dict:
        if not self.is_valid():
            return {}
        return {key: (value or "").strip() for key, value in self.cleaned_data.items()}
