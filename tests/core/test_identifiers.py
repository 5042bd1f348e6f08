import datetime

import pytest

from core.identifiers import (
    age_on,
    credit_code_problem,
    id_check_char,
    id_number_problem,
    uscc_check_char,
)


@pytest.mark.parametrize("code", ["91410104MA9G8NFR0H", "91110000600037341L", "Y1410104MA9G8NFR0U"])
def test_valid_credit_codes_pass(code):
    assert credit_code_problem(code) is None


def test_credit_code_check_character_is_computed_per_gb32100():
    assert uscc_check_char("91410104MA9G8NFR0") == "H"


def test_wrong_credit_code_check_character_names_the_expected_one():
    assert credit_code_problem("91410104MA9G8NFR0A") == "统一社会信用代码校验位错误：第18位应为 H，请核对是否录入有误"


def test_credit_code_with_forbidden_letter_is_refused():
    assert "I" in credit_code_problem("91410104MA9G8NFRIH")


def test_short_credit_code_reports_length():
    assert credit_code_problem("9141010") == "统一社会信用代码应为18位，当前为7位"


def test_id_number_check_character():
    assert id_check_char("41010419900307123") == "3"
    assert id_number_problem("410104199003071233") is None
    assert id_number_problem("11010519491231002X") is None


def test_id_number_wrong_check_character():
    assert id_number_problem("410104199003071234") == "身份证号校验位错误：最后一位应为 3，请核对是否录入有误"


def test_id_number_impossible_birth_date():
    first17 = "41010419900230123"
    assert "不是有效日期" in id_number_problem(first17 + id_check_char(first17))


def test_age_on_birthday_edges():
    number = "410104199003071233"
    assert age_on(number, datetime.date(2014, 3, 6)) == 23
    assert age_on(number, datetime.date(2014, 3, 7)) == 24
