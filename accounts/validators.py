"""Rules for login names chosen by users."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from accounts.models import User
from core.identifiers import looks_like_credit_code, looks_like_id_number, looks_like_mobile

LOGIN_NAME_RE = re.compile(r"^[A-Za-z][A-Za-z0-9_]{3,31}$")


def validate_login_name(value: str, *, exclude_pk=None) -> None:
    """4–32 letters, digits or underscores starting with a letter, and free. A login name must never look
    like a mobile, ID number or credit code: the sign-in form would then find two people behind one string."""
    value = (value or "").strip()
    if not LOGIN_NAME_RE.match(value):
        raise ValidationError(_("登录名须为 4–32 位字母、数字或下划线，并以字母开头"), code="invalid_login_name")
    if looks_like_mobile(value) or looks_like_id_number(value) or looks_like_credit_code(value):
        raise ValidationError(_("登录名不能与手机号、身份证号或统一社会信用代码格式相同"), code="invalid_login_name")
    taken = User.objects.filter(username__iexact=value)
    if exclude_pk is not None:
        taken = taken.exclude(pk=exclude_pk)
    if taken.exists():
        raise ValidationError(_("该登录名已被使用，请换一个"), code="login_name_taken")
