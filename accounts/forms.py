from captcha.fields import CaptchaField, CaptchaTextInput
from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.utils.translation import gettext_lazy as _

from accounts import sms
from accounts.models import SmsPurpose, User
from accounts.password_rules import validate_password
from accounts.validators import validate_login_name
from core.identifiers import validate_mobile


class SmsCodeField(forms.CharField):
    """The six-digit code from an SMS; check it with accounts.sms.check_code in the form's clean()."""

    def __init__(self, **kwargs):
        kwargs.setdefault("label", _("短信验证码"))
        kwargs.setdefault("max_length", sms.CODE_LENGTH)
        kwargs.setdefault("error_messages", {"required": _("请输入短信验证码")})
        kwargs.setdefault(
            "widget",
            forms.TextInput(
                attrs={"class": "form-control", "inputmode": "numeric", "autocomplete": "one-time-code",
                       "maxlength": sms.CODE_LENGTH, "placeholder": _("6 位数字")}
            ),
        )
        super().__init__(**kwargs)
        self.validators.append(RegexValidator(r"^\d{6}$", _("请输入 6 位数字验证码")))


def captcha_field() -> CaptchaField:
    return CaptchaField(
        label=_("验证码"),
        error_messages={"invalid": _("验证码错误，请重新输入"), "required": _("请输入验证码")},
        widget=CaptchaTextInput(attrs={"class": "form-control", "placeholder": _("图中字符"), "autocomplete": "off"}),
    )


def password_input(autocomplete: str) -> forms.PasswordInput:
    return forms.PasswordInput(attrs={"class": "form-control", "autocomplete": autocomplete})


def mobile_input() -> forms.TextInput:
    return forms.TextInput(attrs={"class": "form-control", "inputmode": "numeric", "maxlength": 11,
                                  "autocomplete": "tel"})


class LoginForm(forms.Form):
    identifier = forms.CharField(
        label=_("账号"),
        max_length=64,
        error_messages={"required": _("请输入账号")},
        widget=forms.TextInput(attrs={"class": "form-control", "autofocus": True, "autocomplete": "username",
                                      "placeholder": _("统一社会信用代码 / 手机号 / 身份证号 / 登录名")}),
    )
    password = forms.CharField(
        label=_("密码"), strip=False, max_length=128, error_messages={"required": _("请输入密码")},
        widget=password_input("current-password"),
    )
    captcha = captcha_field()


class NewPasswordMixin:
    """Two new-password fields checked against the settings' rules for `self.account`."""

    def clean_new_password2(self):
        first = self.cleaned_data.get("new_password1")
        second = self.cleaned_data.get("new_password2")
        if first and second and first != second:
            raise ValidationError(_("两次输入的新密码不一致"), code="password_mismatch")
        return second

    def _validate_new_password(self, account):
        password = self.cleaned_data.get("new_password1")
        if password:
            try:
                validate_password(password, account)
            except ValidationError as error:
                self.add_error("new_password1", error)


def new_password_fields():
    return (
        forms.CharField(
            label=_("新密码"), strip=False, widget=password_input("new-password"),
            help_text=_("至少 8 位，包含大写字母、小写字母、数字、特殊符号中的至少 3 种，不能包含账号信息"),
        ),
        forms.CharField(label=_("确认新密码"), strip=False, widget=password_input("new-password")),
    )


class PasswordChangeForm(NewPasswordMixin, forms.Form):
    old_password = forms.CharField(label=_("原密码"), strip=False, widget=password_input("current-password"))
    new_password1, new_password2 = new_password_fields()

    def __init__(self, user, *args, **kwargs):
        self.account = user
        super().__init__(*args, **kwargs)

    def clean_old_password(self):
        old = self.cleaned_data["old_password"]
        if not self.account.check_password(old):
            raise ValidationError(_("原密码不正确"), code="password_incorrect")
        return old

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("old_password") and cleaned.get("old_password") == cleaned.get("new_password1"):
            # The plainer message; the password history would refuse it too.
            self.add_error("new_password1", _("新密码不能与原密码相同"))
        else:
            self._validate_new_password(self.account)
        return cleaned


class PasswordResetRequestForm(forms.Form):
    mobile = forms.CharField(label=_("手机号"), max_length=11, validators=[validate_mobile], widget=mobile_input(),
                             help_text=_("账号绑定的手机号"))
    captcha = captcha_field()


class PasswordResetConfirmForm(NewPasswordMixin, forms.Form):
    mobile = forms.CharField(label=_("手机号"), max_length=11, validators=[validate_mobile], widget=mobile_input())
    sms_code = SmsCodeField()
    new_password1, new_password2 = new_password_fields()

    def __init__(self, *args, **kwargs):
        self.account = None
        super().__init__(*args, **kwargs)

    def clean(self):
        from accounts.services import find_reset_account

        cleaned = super().clean()
        mobile = cleaned.get("mobile")
        self.account = find_reset_account(mobile) if mobile else None
        self._validate_new_password(self.account)
        # The code is checked last: a correct code is consumed, so it must not be spent on a form that
        # is refused for a weak password.
        if not self.errors and mobile and cleaned.get("sms_code"):
            try:
                sms.check_code(mobile=mobile, purpose=SmsPurpose.RESET_PASSWORD, code=cleaned["sms_code"])
            except ValidationError as error:
                self.add_error("sms_code", error)
            else:
                if self.account is None:
                    self.add_error("sms_code", _("验证码错误"))
        return cleaned


class LoginNameForm(forms.Form):
    username = forms.CharField(
        label=_("登录名"), max_length=32,
        help_text=_("4–32 位字母、数字或下划线，以字母开头；可用来登录"),
        widget=forms.TextInput(attrs={"class": "form-control", "autocomplete": "username"}),
    )

    def __init__(self, user: User, *args, **kwargs):
        self.account = user
        kwargs.setdefault("initial", {"username": user.username})
        super().__init__(*args, **kwargs)

    def clean_username(self):
        value = self.cleaned_data["username"].strip()
        validate_login_name(value, exclude_pk=self.account.pk)
        return value


class LoginLogFilterForm(forms.Form):
    RESULT_CHOICES = [("", _("全部")), ("success", _("成功")), ("failure", _("失败"))]

    q = forms.CharField(label=_("账号或姓名"), required=False, max_length=64,
                        widget=forms.TextInput(attrs={"class": "form-control form-control-sm",
                                                      "placeholder": _("账号、登录名或姓名")}))
    result = forms.ChoiceField(label=_("结果"), required=False, choices=RESULT_CHOICES,
                               widget=forms.Select(attrs={"class": "form-select form-select-sm"}),
                               error_messages={"invalid_choice": _("没有该结果，请从列表中选择")})
    date_from = forms.DateField(label=_("开始日期"), required=False,
                                widget=forms.DateInput(attrs={"type": "date", "class": "form-control form-control-sm"}),
                                error_messages={"invalid": _("日期格式应为 2026-03-01")})
    date_to = forms.DateField(label=_("结束日期"), required=False,
                              widget=forms.DateInput(attrs={"type": "date", "class": "form-control form-control-sm"}),
                              error_messages={"invalid": _("日期格式应为 2026-03-01")})
    ip = forms.CharField(label=_("IP 地址"), required=False, max_length=45,
                         widget=forms.TextInput(attrs={"class": "form-control form-control-sm",
                                                       "placeholder": _("如 192.168.")}))

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("date_from") and cleaned.get("date_to") and cleaned["date_from"] > cleaned["date_to"]:
            self.add_error("date_to", _("结束日期不能早于开始日期"))
        return cleaned

    def filters(self) -> dict | None:
        """The filters, or None when one is malformed: its message is beside the field and the list (and the
        export) is empty rather than less filtered than asked."""
        if not self.is_bound:
            return {}
        if not self.is_valid():
            return None
        data = self.cleaned_data
        return {"text": data["q"].strip(), "result": data["result"], "date_from": data["date_from"],
                "date_to": data["date_to"], "ip": data["ip"].strip()}
