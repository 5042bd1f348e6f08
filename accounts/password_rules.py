"""Password rules named in settings.AUTH_PASSWORD_VALIDATORS (等保 2.0 身份鉴别: complexity requirements).

The minimum length comes from Django's MinimumLengthValidator; these two add the character-class rule and
refuse passwords built from the account's own identifiers.
"""

import string

from django.contrib.auth import password_validation
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _


def character_classes(password: str) -> set[str]:
    """Which of the four classes (lower, upper, digit, symbol) the password uses.

    Anything that is not an ASCII letter or digit counts as a symbol, so a space or a Chinese character
    strengthens a password rather than being rejected."""
    found = set()
    for char in password:
        if char in string.ascii_lowercase:
            found.add("lower")
        elif char in string.ascii_uppercase:
            found.add("upper")
        elif char in string.digits:
            found.add("digit")
        else:
            found.add("symbol")
    return found


class CharacterClassValidator:
    def __init__(self, min_classes: int = 3):
        self.min_classes = min_classes

    def validate(self, password, user=None):
        if len(character_classes(password)) < self.min_classes:
            raise ValidationError(self._message(), code="password_too_simple")

    def get_help_text(self):
        return self._message()

    def _message(self):
        return _("密码须包含大写字母、小写字母、数字、特殊符号中的至少 %(n)d 种") % {"n": self.min_classes}


class NotIdentifierValidator:
    """Refuses a password equal to or containing one of the account's identifiers, case-insensitively:
    login name, mobile, ID number, or the organisation's credit code."""

    # Containment is only tested for identifiers at least this long; a two-letter login name inside a
    # password does not make it guessable, and testing it would refuse many good passwords.
    min_contained_length = 4

    def validate(self, password, user=None):
        if user is None:
            return
        lowered = password.lower()
        for value in self._identifiers(user):
            if lowered == value or (len(value) >= self.min_contained_length and value in lowered):
                raise ValidationError(
                    _("密码不能包含登录名、手机号、身份证号或统一社会信用代码"), code="password_contains_identifier"
                )

    def get_help_text(self):
        return _("密码不能包含登录名、手机号、身份证号或统一社会信用代码")

    @staticmethod
    def _identifiers(user) -> list[str]:
        values = [getattr(user, "username", ""), getattr(user, "mobile", ""), getattr(user, "id_number", "")]
        # Works for an unsaved user and organisation during registration: the relation is then cached.
        organisation = getattr(user, "organisation", None)
        if organisation is not None:
            values.append(getattr(organisation, "credit_code", ""))
        return [value.strip().lower() for value in values if value and value.strip()]


class MinimumLengthValidator(password_validation.MinimumLengthValidator):
    """Django's rule with a Chinese message: Django 5.2's zh-hans catalogue does not match its own
    "too short" string, so the stock validator answers in English."""

    def get_error_message(self):
        return _("密码长度不能少于 %(n)d 位") % {"n": self.min_length}

    def get_help_text(self):
        return self.get_error_message()


def validate_password(password: str, user=None) -> None:
    """settings.AUTH_PASSWORD_VALIDATORS, with every message in Chinese. Forms across the platform call this
    rather than django.contrib.auth.password_validation.validate_password."""
    try:
        password_validation.validate_password(password, user)
    except ValidationError as error:
        raise ValidationError([_in_chinese(item) for item in error.error_list]) from None


def _in_chinese(error: ValidationError) -> ValidationError:
    if error.code != "password_too_short":
        return error
    min_length = (error.params or {}).get("min_length", 8)
    return ValidationError(_("密码长度不能少于 %(n)d 位") % {"n": min_length}, code=error.code)
