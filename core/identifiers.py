"""Check characters and formats of the identifiers Praxis accepts (GB 32100, GB 11643, mobile numbers).

The maths follows regulations.md §5; python-stdnum is not used for validation because it rejects
letter-prefixed credit codes and valid ID numbers whose area code changed after birth.
"""

import datetime
import operator
import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

USCC_CHARS = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_WEIGHTS = (1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28)
ID_WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)
ID_CHECK_CHARS = "10X98765432"
MOBILE_RE = re.compile(r"^1[3-9]\d{9}$")
ID_RE = re.compile(r"^\d{17}[\dX]$")


def uscc_check_char(first17: str) -> str:
    total = sum(USCC_CHARS.index(char) * weight for char, weight in zip(first17, USCC_WEIGHTS))
    return USCC_CHARS[(31 - total % 31) % 31]


def credit_code_problem(value: str) -> str | None:
    """Return why `value` is not a valid unified social credit code, or None if it is."""
    code = (value or "").strip().upper()
    if len(code) != 18:
        return _("统一社会信用代码应为18位，当前为%(n)d位") % {"n": len(code)}
    bad = sorted({char for char in code if char not in USCC_CHARS})
    if bad:
        return _("统一社会信用代码不能包含字符：%(chars)s（不使用 I、O、S、V、Z）") % {"chars": "、".join(bad)}
    if not code[2:8].isdigit():
        return _("统一社会信用代码第3至8位应为行政区划数字代码")
    expected = uscc_check_char(code[:17])
    if code[17] != expected:
        return _("统一社会信用代码校验位错误：第18位应为 %(expected)s，请核对是否录入有误") % {"expected": expected}
    return None


def validate_credit_code(value: str) -> None:
    problem = credit_code_problem(value)
    if problem:
        raise ValidationError(problem, code="invalid_credit_code")


def normalise_credit_code(value: str) -> str:
    return (value or "").strip().upper()


def id_check_char(first17: str) -> str:
    # map() rather than a generator: half the time, and an import checks every row's number.
    return ID_CHECK_CHARS[sum(map(operator.mul, map(int, first17), ID_WEIGHTS)) % 11]


def id_number_problem(value: str) -> str | None:
    number = (value or "").strip().upper()
    if len(number) != 18:
        return _("身份证号应为18位，当前为%(n)d位") % {"n": len(number)}
    if not ID_RE.match(number):
        return _("身份证号前17位应为数字，最后一位为数字或X")
    try:
        birth = datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))
    except ValueError:
        return _("身份证号中的出生日期 %(date)s 不是有效日期") % {"date": number[6:14]}
    if birth > datetime.date.today() or birth.year < 1900:
        return _("身份证号中的出生日期 %(date)s 不合理") % {"date": number[6:14]}
    expected = id_check_char(number[:17])
    if number[17] != expected:
        return _("身份证号校验位错误：最后一位应为 %(expected)s，请核对是否录入有误") % {"expected": expected}
    return None


def validate_id_number(value: str) -> None:
    problem = id_number_problem(value)
    if problem:
        raise ValidationError(problem, code="invalid_id_number")


def normalise_id_number(value: str) -> str:
    return (value or "").strip().upper()


def birth_date_from_id(number: str) -> datetime.date:
    return datetime.date(int(number[6:10]), int(number[10:12]), int(number[12:14]))


def gender_from_id(number: str) -> str:
    """'male' for an odd order code, 'female' for an even one (GB 11643)."""
    return "male" if int(number[16]) % 2 == 1 else "female"


def age_on(number: str, day: datetime.date) -> int:
    birth = birth_date_from_id(number)
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def validate_mobile(value: str) -> None:
    if not MOBILE_RE.match((value or "").strip()):
        raise ValidationError(_("请输入11位中国大陆手机号码"), code="invalid_mobile")


def looks_like_mobile(value: str) -> bool:
    return bool(MOBILE_RE.match(value))


def looks_like_id_number(value: str) -> bool:
    return bool(ID_RE.match(value.upper())) and len(value) == 18 and value[:6].isdigit() and value[6:8] in {"19", "20"}


def looks_like_credit_code(value: str) -> bool:
    code = value.upper()
    return len(code) == 18 and all(char in USCC_CHARS for char in code) and code[2:8].isdigit()
