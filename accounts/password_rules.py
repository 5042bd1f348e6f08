"""Password rules named in settings.AUTH_PASSWORD_VALIDATORS (等保 2.0 身份鉴别: complexity requirements).

The minimum length comes from Django's MinimumLengthValidator; the others add the character-class rule,
refuse passwords built from the account's own identifiers, common passwords, and the last five passwords.
"""

import functools
import secrets
import string

from django.conf import settings
from django.contrib.auth import password_validation
from django.contrib.auth.hashers import check_password, make_password
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


class CommonPasswordValidator(password_validation.CommonPasswordValidator):
    """Django's list of about 20,000 common passwords (compared without case, so Password1, Qwerty123 and
    Abcd1234 are on it), and the same words with digits or symbols appended (Password123!, Qwerty2026):
    capitals and a year added to a listed word are the first thing a guesser tries."""

    # A listed word shorter than this may stand before digits: "abc" + a date is not a dictionary guess.
    min_stem_length = 4

    def validate(self, password, user=None):
        lowered = password.lower().strip()
        stem = lowered.rstrip(string.punctuation).rstrip(string.digits)
        if lowered in self.passwords or (len(stem) >= self.min_stem_length and stem in self.passwords):
            raise ValidationError(self._message(), code="password_too_common")

    def get_help_text(self):
        return self._message()

    @staticmethod
    def _message():
        return _("密码过于常见（如 Password1、Qwerty123、Abcd1234），请换一个不易猜到的密码")


@functools.cache
def _dummy_hash(hasher: str) -> str:
    del hasher  # the cache key: a hash made with the hasher in use
    return make_password(secrets.token_urlsafe(16))


class RecentPasswordValidator:
    """Refuses the current password and the ones before it, up to `count` in all (hashes kept in
    accounts.PasswordHistory, written by password_changed when a password is saved).

    An existing account, or none at all (password reset for an unknown mobile), always costs `count`
    hash checks, so the answer time does not tell the two apart."""

    def __init__(self, count: int = 5):
        self.count = count

    def validate(self, password, user=None):
        if user is not None and user.pk is None:
            return  # a new account has no earlier passwords
        earlier = self._earlier_hashes(user) if user is not None else []
        repeated = False
        for encoded in earlier + [None] * (self.count - len(earlier)):
            # Every slot is checked, the empty ones against a dummy, so the time is always the same.
            repeated |= check_password(password, encoded or _dummy_hash(settings.PASSWORD_HASHERS[0])) and bool(encoded)
        if repeated:
            raise ValidationError(self._message(), code="password_recently_used")

    def password_changed(self, password, user=None):
        from accounts.models import PasswordHistory

        if user is None or user.pk is None or not user.has_usable_password():
            return
        PasswordHistory.objects.create(user=user, password=user.password)
        stale = PasswordHistory.objects.filter(user=user).values_list("pk", flat=True)[self.count:]
        PasswordHistory.objects.filter(pk__in=list(stale)).delete()

    def get_help_text(self):
        return self._message()

    def _earlier_hashes(self, user) -> list[str]:
        from accounts.models import PasswordHistory

        hashes = [user.password] if user.password and user.has_usable_password() else []
        for encoded in PasswordHistory.objects.filter(user_id=user.pk).values_list("password", flat=True)[:self.count]:
            if encoded not in hashes:
                hashes.append(encoded)
        return hashes[:self.count]

    def _message(self):
        return _("新密码不能与最近 %(n)d 次使用过的密码相同") % {"n": self.count}
