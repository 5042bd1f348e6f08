"""Forms of the name + ID number entry (accounts.identity): the entry itself, the SMS code of a later
sign-in, and the mobile binding of the first one."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from accounts import sms
from accounts.forms import SmsCodeField, captcha_field, mobile_input, new_password_fields
from accounts.models import SmsPurpose, User
from accounts.password_rules import validate_password
from core.identifiers import id_number_problem, normalise_id_number, validate_mobile

INPUT = {"class": "form-control"}


class IndividualSignInForm(forms.Form):
    """往届毕业生/社会青年登录 (manual 001 §2.2): name and ID number, no account needed."""

    name = forms.CharField(label=_("姓名"), max_length=64, error_messages={"required": _("请输入姓名")},
                           widget=forms.TextInput(attrs={**INPUT, "autocomplete": "name", "autofocus": True}))
    id_number = forms.CharField(label=_("身份证号"), max_length=18, error_messages={"required": _("请输入身份证号")},
                                widget=forms.TextInput(attrs={**INPUT, "autocomplete": "off"}))
    captcha = captcha_field()

    def clean_name(self):
        name = self.cleaned_data["name"].strip()
        if not name:
            raise ValidationError(_("请输入姓名"), code="required")
        return name

    def clean_id_number(self):
        number = normalise_id_number(self.cleaned_data["id_number"])
        problem = id_number_problem(number)
        if problem:
            raise ValidationError(problem, code="invalid_id_number")
        return number


class SignInCodeForm(forms.Form):
    """The SMS code sent to the bound mobile (later sign-ins with name and ID number)."""

    sms_code = SmsCodeField()

    def __init__(self, *args, mobile: str, **kwargs):
        self.mobile = mobile
        super().__init__(*args, **kwargs)

    def clean(self):
        cleaned = super().clean()
        if not self.errors and cleaned.get("sms_code"):
            try:
                sms.check_code(mobile=self.mobile, purpose=SmsPurpose.SIGN_IN, code=cleaned["sms_code"])
            except ValidationError as error:
                self.add_error("sms_code", error)
        return cleaned


class BindMobileForm(forms.Form):
    """First sign-in: bind a mobile by SMS code; a password may be set at the same time."""

    mobile = forms.CharField(label=_("手机号"), max_length=11, validators=[validate_mobile], widget=mobile_input(),
                             error_messages={"required": _("请输入手机号")})
    sms_code = SmsCodeField()
    new_password1, new_password2 = new_password_fields()

    def __init__(self, *args, account, **kwargs):
        self.account = account
        super().__init__(*args, **kwargs)
        self.fields["new_password1"].required = False
        self.fields["new_password2"].required = False
        self.fields["new_password1"].label = _("登录密码（可选）")
        self.fields["new_password1"].help_text = _(
            "设置后也可在“用户登录”页用手机号或身份证号和密码登录；至少 8 位，包含大写字母、小写字母、数字、"
            "特殊符号中的至少 3 种")
        self.fields["new_password2"].label = _("确认密码")

    def clean_mobile(self):
        mobile = self.cleaned_data["mobile"].strip()
        if User.objects.filter(mobile=mobile).exclude(pk=self.account.pk).exists():
            raise ValidationError(_("该手机号已被其他账号绑定"), code="mobile_taken")
        return mobile

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("new_password1"), cleaned.get("new_password2")
        if first or second:
            if first != second:
                self.add_error("new_password2", _("两次输入的密码不一致"))
            elif first:
                try:
                    validate_password(first, self.account)
                except ValidationError as error:
                    self.add_error("new_password1", error)
        # Checked last: a correct code is consumed, so it must not be spent on a form refused for the password.
        if not self.errors and cleaned.get("mobile") and cleaned.get("sms_code"):
            try:
                sms.check_code(mobile=cleaned["mobile"], purpose=SmsPurpose.BIND_MOBILE, code=cleaned["sms_code"])
            except ValidationError as error:
                self.add_error("sms_code", error)
        return cleaned
