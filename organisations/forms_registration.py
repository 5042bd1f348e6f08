"""Forms for the ways in: self-registration, activation, pre-registration and student recommendation."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts import sms
from accounts.forms import SmsCodeField, mobile_input, password_input
from accounts.models import SmsPurpose, User
from accounts.password_rules import validate_password
from accounts.validators import validate_login_name
from core.identifiers import validate_mobile
from organisations.forms import TEXT, CreditCodeField, text_field
from organisations.models import Organisation, OrganisationKind
from organisations.services_registration import (
    already_on_platform_message,
    build_admin,
    check_activation_code,
    credit_code_taken_message,
    mobile_taken_message,
)
from regions.forms import RegionField

NON_GOVERNMENT_KINDS = [(value, label) for value, label in OrganisationKind.choices
                        if value != OrganisationKind.GOVERNMENT]
PASSWORD_HELP = _("至少 8 位，包含大写字母、小写字母、数字、特殊符号中的至少 3 种，不能包含账号信息")


def kind_field():
    return forms.ChoiceField(label=_("单位类型"), choices=[("", _("--请选择--")), *NON_GOVERNMENT_KINDS],
                             error_messages={"required": _("请选择单位类型"), "invalid_choice": _("请选择单位类型")},
                             widget=forms.Select(attrs={"class": "form-select"}))


def mobile_field(label=_("手机号")):
    return forms.CharField(label=label, max_length=11, validators=[validate_mobile], widget=mobile_input(),
                           error_messages={"required": _("请输入手机号")})


def password_fields(first_label=_("设置密码")):
    return (
        forms.CharField(label=first_label, strip=False, widget=password_input("new-password"), help_text=PASSWORD_HELP,
                        error_messages={"required": _("请输入密码")}),
        forms.CharField(label=_("确认密码"), strip=False, widget=password_input("new-password"),
                        error_messages={"required": _("请再次输入密码")}),
    )


class AccountPasswordMixin:
    """Two password fields, checked against each other and against the rules for the account to be."""

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise ValidationError(_("两次输入的密码不一致"), code="password_mismatch")
        return second

    def check_password_rules(self, account: User) -> None:
        password = self.cleaned_data.get("password1")
        if password:
            try:
                validate_password(password, account)
            except ValidationError as error:
                self.add_error("password1", error)


class MobileNotTakenMixin:
    def clean_mobile(self):
        mobile = self.cleaned_data["mobile"].strip()
        if User.objects.filter(mobile=mobile).exists():
            raise ValidationError(mobile_taken_message(), code="mobile_taken")
        return mobile


def check_sms(form, purpose: str) -> None:
    """Checked last and only when everything else passed: a correct code is spent by the check."""
    mobile, code = form.cleaned_data.get("mobile"), form.cleaned_data.get("sms_code")
    if form.errors or not mobile or not code:
        return
    try:
        sms.check_code(mobile=mobile, purpose=purpose, code=code)
    except ValidationError as error:
        form.add_error("sms_code", error)


class RegistrationForm(AccountPasswordMixin, MobileNotTakenMixin, forms.Form):
    """自荐注册 (manual 000 §2.3)."""

    name = text_field(_("单位名称"), max_length=128)
    credit_code = CreditCodeField()
    legal_representative = text_field(_("法人代表/负责人"), max_length=64)
    kind = kind_field()
    mobile = mobile_field()
    sms_code = SmsCodeField()
    password1, password2 = password_fields(_("注册密码"))
    username = forms.CharField(
        label=_("登录名"), required=False, max_length=32,
        help_text=_("选填。4–32 位字母、数字或下划线，以字母开头；也可用统一社会信用代码或手机号登录"),
        widget=forms.TextInput(attrs={**TEXT, "autocomplete": "username"}),
    )
    agree = forms.BooleanField(
        label=_("我已阅读并同意《个人信息告知》，同意平台为办理业务处理上述信息"),
        error_messages={"required": _("请阅读并勾选同意《个人信息告知》")},
        widget=forms.CheckboxInput(attrs={"class": "form-check-input"}),
    )

    def clean_credit_code(self):
        code = self.cleaned_data["credit_code"]
        if Organisation.objects.filter(credit_code=code).exists():
            raise ValidationError(credit_code_taken_message(), code="credit_code_taken")
        return code

    def clean_username(self):
        value = self.cleaned_data["username"].strip()
        if value:
            validate_login_name(value)
        return value

    def clean(self):
        cleaned = super().clean()
        organisation = Organisation(name=cleaned.get("name", ""), credit_code=cleaned.get("credit_code", ""))
        self.check_password_rules(
            build_admin(organisation, mobile=cleaned.get("mobile", ""), username=cleaned.get("username", ""))
        )
        check_sms(self, SmsPurpose.REGISTER)
        return cleaned


class ActivationForm(AccountPasswordMixin, MobileNotTakenMixin, forms.Form):
    """账号激活 (manual 000 §2.2)."""

    credit_code = CreditCodeField()
    activation_code = forms.CharField(label=_("激活码"), max_length=16, error_messages={"required": _("请输入激活码")},
                                      widget=forms.TextInput(attrs={**TEXT, "autocomplete": "off"}),
                                      help_text=_("推荐录入单位的学校或部门提供的 8 位激活码"))
    password1, password2 = password_fields()
    mobile = mobile_field(_("绑定手机号"))
    sms_code = SmsCodeField()

    def __init__(self, *args, **kwargs):
        self.organisation = None
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        try:
            self.organisation = check_activation_code(
                credit_code=cleaned["credit_code"], code=cleaned["activation_code"]
            )
        except ValidationError as error:
            self.add_error(None, error)
            return cleaned
        self.check_password_rules(build_admin(self.organisation, mobile=cleaned["mobile"]))
        check_sms(self, SmsPurpose.ACTIVATE)
        return cleaned


class UnitEntryForm(forms.Form):
    """The fields a recommender types about a unit."""

    name = text_field(_("单位名称"), max_length=128)
    credit_code = CreditCodeField()
    legal_representative = text_field(_("法人代表"), max_length=64)
    region = RegionField(label=_("注册地区"))

    def clean_credit_code(self):
        code = self.cleaned_data["credit_code"]
        existing = Organisation.objects.filter(credit_code=code).first()
        if existing is not None:
            raise ValidationError(already_on_platform_message(existing), code="credit_code_taken")
        return code


class PreregistrationForm(UnitEntryForm):
    """推荐录入 (manual 000 §2.1)."""

    kind = kind_field()
    contact_person = text_field(_("联系人"), max_length=64)
    contact_phone = text_field(_("联系电话"), max_length=32)

    field_order = ["name", "credit_code", "legal_representative", "kind", "region", "contact_person", "contact_phone"]


class RecommendationForm(UnitEntryForm):
    """学生推荐实习单位: the unit's contact receives the invitation by SMS."""

    contact_person = text_field(_("联系人"), max_length=64)
    contact_mobile = mobile_field(_("联系手机"))
    contact_mobile.help_text = _("平台将向该手机号发送激活码和激活方式")
