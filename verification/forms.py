from django import forms
from django.utils.translation import gettext_lazy as _

from attachments.forms import AttachmentField
from organisations.forms import TEXT, CreditCodeField, text_field
from organisations.models import Organisation, VerificationStatus
from regions.forms import RegionField


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
