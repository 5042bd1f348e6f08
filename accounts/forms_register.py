"""注册 (a person, issue 10 "Accounts and the unit"): login account, name, ID number, mobile with an SMS code,
password, captcha. The login account and the ID number are unique and never change afterwards."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts import sms
from accounts.forms import SmsCodeField, captcha_field, mobile_input, password_input
from accounts.models import SmsPurpose, User, UserKind
from accounts.password_rules import validate_password
from accounts.validators import validate_login_name
from core.identifiers import id_number_problem, normalise_id_number, validate_mobile

INPUT = {"class": "form-control"}
PASSWORD_HELP = _("至少 8 位，包含大写字母、小写字母、数字、特殊符号中的至少 3 种，不能包含账号信息")


def id_number_taken_message() -> str:
    return str(_("该身份证号已注册，请直接登录或找回密码"))


def mobile_taken_message() -> str:
    return str(_("该手机号已被其他账号使用，请更换手机号"))


class PersonRegistrationForm(forms.Form):
    username = forms.CharField(label=_("登录账号"), max_length=32,
                               help_text=_("4–32 位字母、数字或下划线，以字母开头；注册后不能修改"),
                               widget=forms.TextInput(attrs={**INPUT, "autocomplete": "username"}),
                               error_messages={"required": _("请输入登录账号")})
    real_name = forms.CharField(label=_("姓名"), max_length=64, widget=forms.TextInput(attrs=INPUT),
                                error_messages={"required": _("请输入姓名"), "max_length": _("姓名不能超过 64 个字")})
    id_number = forms.CharField(label=_("身份证号"), max_length=32, help_text=_("注册后不能修改"),
                                widget=forms.TextInput(attrs={**INPUT, "autocomplete": "off"}),
                                error_messages={"required": _("请输入身份证号")})
    mobile = forms.CharField(label=_("手机号"), max_length=11, validators=[validate_mobile], widget=mobile_input(),
                             error_messages={"required": _("请输入手机号")})
    sms_code = SmsCodeField()
    password1 = forms.CharField(label=_("设置密码"), strip=False, widget=password_input("new-password"),
                                help_text=PASSWORD_HELP, error_messages={"required": _("请输入密码")})
    password2 = forms.CharField(label=_("确认密码"), strip=False, widget=password_input("new-password"),
                                error_messages={"required": _("请再次输入密码")})
    captcha = captcha_field()

    def clean_username(self):
        value = self.cleaned_data["username"].strip()
        validate_login_name(value)
        return value

    def clean_real_name(self):
        value = self.cleaned_data["real_name"].strip()
        if not value:
            raise ValidationError(_("请输入姓名"), code="required")
        return value

    def clean_id_number(self):
        number = normalise_id_number(self.cleaned_data["id_number"])
        problem = id_number_problem(number)
        if problem:
            raise ValidationError(problem, code="invalid_id_number")
        if User.objects.filter(id_number=number).exists():
            raise ValidationError(id_number_taken_message(), code="id_number_taken")
        return number

    def clean_mobile(self):
        mobile = self.cleaned_data["mobile"].strip()
        if User.objects.filter(mobile=mobile).exists():
            raise ValidationError(mobile_taken_message(), code="mobile_taken")
        return mobile

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise ValidationError(_("两次输入的密码不一致"), code="password_mismatch")
        return second

    def clean(self):
        cleaned = super().clean()
        password = cleaned.get("password1")
        if password:
            account = User(username=cleaned.get("username", ""), real_name=cleaned.get("real_name", ""),
                           mobile=cleaned.get("mobile", ""), id_number=cleaned.get("id_number", ""),
                           kind=UserKind.INDIVIDUAL)
            try:
                validate_password(password, account)
            except ValidationError as error:
                self.add_error("password1", error)
        # Checked last and only when everything else passed: a correct code is spent by the check.
        if not self.errors and cleaned.get("mobile") and cleaned.get("sms_code"):
            try:
                sms.check_code(mobile=cleaned["mobile"], purpose=SmsPurpose.REGISTER, code=cleaned["sms_code"])
            except ValidationError as error:
                self.add_error("sms_code", error)
        return cleaned
