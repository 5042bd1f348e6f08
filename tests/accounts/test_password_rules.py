import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from accounts.models import User, UserKind
from accounts.password_rules import (
    CharacterClassValidator,
    MinimumLengthValidator,
    NotIdentifierValidator,
    character_classes,
    validate_password,
)
from organisations.models import Organisation

TOO_SIMPLE = "密码须包含大写字母、小写字母、数字、特殊符号中的至少 3 种"
CONTAINS_IDENTIFIER = "密码不能包含登录名、手机号、身份证号或统一社会信用代码"


def messages_for(password, user=None):
    try:
        validate_password(password, user)
    except ValidationError as error:
        return error.messages
    return []


@pytest.mark.parametrize(
    "password, classes",
    [
        ("abcdefgh", {"lower"}),
        ("ABCDEFGH", {"upper"}),
        ("12345678", {"digit"}),
        ("!@#$%^&*", {"symbol"}),
        ("abcdEFGH", {"lower", "upper"}),
        ("abcd1234", {"lower", "digit"}),
        ("abcd!@#$", {"lower", "symbol"}),
        ("ABCD1234", {"upper", "digit"}),
        ("ABCD!@#$", {"upper", "symbol"}),
        ("1234!@#$", {"digit", "symbol"}),
        ("abcDEF12", {"lower", "upper", "digit"}),
        ("abcDEF!@", {"lower", "upper", "symbol"}),
        ("abc123!@", {"lower", "digit", "symbol"}),
        ("ABC123!@", {"upper", "digit", "symbol"}),
        ("aB3!aB3!", {"lower", "upper", "digit", "symbol"}),
        ("密码abcd1234", {"lower", "digit", "symbol"}),
    ],
)
def test_character_classes_are_counted(password, classes):
    assert character_classes(password) == classes


@pytest.mark.parametrize("password", ["abcdefgh", "abcdEFGH", "abcd1234", "ABCD!@#$", "1234!@#$", "12345678"])
def test_one_or_two_classes_are_refused(password):
    with pytest.raises(ValidationError) as raised:
        CharacterClassValidator(min_classes=3).validate(password)
    assert raised.value.messages == [TOO_SIMPLE]


@pytest.mark.parametrize("password", ["abcDEF12", "abcDEF!@", "abc123!@", "ABC123!@", "aB3!aB3!"])
def test_three_or_four_classes_pass(password):
    assert CharacterClassValidator(min_classes=3).validate(password) is None


def test_min_classes_is_configurable():
    CharacterClassValidator(min_classes=2).validate("abcd1234")
    with pytest.raises(ValidationError):
        CharacterClassValidator(min_classes=4).validate("abcDEF12")


def test_settings_require_eight_characters_and_three_classes():
    with translation.override("zh-hans"):
        assert messages_for("aB3!aB3") == ["密码长度不能少于 8 位"]
    assert messages_for("aB3!aB3!") == []
    assert messages_for("kqzvmtwhjx") == [TOO_SIMPLE]


def make_user(**fields):
    fields.setdefault("username", "zhangsan")
    fields.setdefault("mobile", "15612344563")
    fields.setdefault("id_number", "410105199903070016")
    return User(real_name="张三", kind=UserKind.INDIVIDUAL, **fields)


@pytest.mark.parametrize(
    "password",
    [
        "zhangsan",  # equal to the login name
        "ZhangSan#2026",  # contains it, other case
        "Ab#15612344563",  # contains the mobile
        "x410105199903070016Y!",  # contains the ID number
        "410105199903070016",
    ],
)
def test_password_built_from_identifiers_is_refused(password):
    with pytest.raises(ValidationError) as raised:
        NotIdentifierValidator().validate(password, make_user())
    assert raised.value.messages == [CONTAINS_IDENTIFIER]


def test_id_number_with_x_is_compared_case_insensitively():
    user = make_user(id_number="11010519491231002X")
    with pytest.raises(ValidationError):
        NotIdentifierValidator().validate("Pw#11010519491231002x", user)


def test_organisation_credit_code_is_refused_even_unsaved():
    organisation = Organisation(name="甲企业", credit_code="91410104MA9G8NFR0H")
    user = make_user(organisation=organisation)
    with pytest.raises(ValidationError):
        NotIdentifierValidator().validate("91410104ma9g8nfr0h#A", user)


def test_unrelated_password_passes_and_no_user_means_no_check():
    NotIdentifierValidator().validate("Praxis#2026ok", make_user())
    NotIdentifierValidator().validate("zhangsan", None)


def test_short_login_name_is_only_refused_when_equal():
    user = make_user(username="abc")
    NotIdentifierValidator().validate("abc#Def123", user)
    with pytest.raises(ValidationError):
        NotIdentifierValidator().validate("ABC", user)


def test_settings_apply_identifier_rule():
    assert messages_for("Zhangsan#1", make_user()) == [CONTAINS_IDENTIFIER]


def test_own_minimum_length_validator_speaks_chinese():
    with pytest.raises(ValidationError) as raised:
        MinimumLengthValidator(min_length=8).validate("aB3!")
    assert raised.value.messages == ["密码长度不能少于 8 位"]
