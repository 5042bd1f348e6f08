"""注册 (a person) through HTTP: the account, each field's error, the duplicate ID number, a wrong SMS code, the
login account and ID number that never change, and signing in with the login account and the ID number."""

import pytest
from django.urls import reverse

from accounts.models import SmsPurpose, User, UserKind
from audit.models import AuditEntry
from tests import factories
from tests.organisations.helpers import NEW_PASSWORD, field_errors, sms_code

URL = reverse("accounts:register")
ID_NUMBER = factories.make_id_number("19880512", seq=321)


def form_data(**overrides):
    data = {"username": "zhangsan88", "real_name": "张三", "id_number": ID_NUMBER.lower(), "mobile": "13812345678",
            "password1": NEW_PASSWORD, "password2": NEW_PASSWORD, "captcha_0": "x", "captcha_1": "PASSED"}
    data.update(overrides)
    return data


def with_code(data):
    data["sms_code"] = sms_code(data["mobile"], SmsPurpose.REGISTER)
    return data


def login(client, identifier, password=NEW_PASSWORD):
    return client.post(reverse("accounts:login"), {"identifier": identifier, "password": password,
                                                   "captcha_0": "x", "captcha_1": "PASSED"})


def test_url_and_login_page_link(client, db):
    assert URL == "/accounts/register/"
    html = client.get(reverse("accounts:login")).content.decode()
    assert f'href="{URL}"' in html and "立即注册" in html
    assert client.get(URL).status_code == 200


@pytest.mark.django_db
def test_registers_signs_in_and_both_identifiers_sign_in(client):
    response = client.post(URL, with_code(form_data()))
    assert response.status_code == 302 and response["Location"] == reverse("portal:home")
    user = User.objects.get(username="zhangsan88")
    assert (user.kind, user.real_name, user.id_number, user.mobile) == (UserKind.INDIVIDUAL, "张三", ID_NUMBER,
                                                                        "13812345678")
    assert user.organisation_id is None and user.identity_verified_at is not None and user.check_password(NEW_PASSWORD)
    assert int(client.session["_auth_user_id"]) == user.pk
    assert AuditEntry.objects.filter(action="accounts.registered", target_id=str(user.pk)).count() == 1
    client.post(reverse("accounts:logout"))
    assert login(client, "zhangsan88")["Location"] == reverse("portal:home")
    client.post(reverse("accounts:logout"))
    assert login(client, ID_NUMBER)["Location"] == reverse("portal:home")


@pytest.mark.django_db
@pytest.mark.parametrize("field, value, message", [
    ("username", "", "请输入登录账号"),
    ("username", "ab", "登录名须为 4–32 位字母、数字或下划线，并以字母开头"),
    ("username", "13812345678", "登录名须为 4–32 位字母、数字或下划线，并以字母开头"),
    ("real_name", "  ", "请输入姓名"),
    ("id_number", "", "请输入身份证号"),
    ("id_number", ID_NUMBER[:17] + ("0" if ID_NUMBER[17] != "0" else "1"), None),
    ("mobile", "", "请输入手机号"),
    ("mobile", "12345", None),
    ("password1", "", "请输入密码"),
    ("password2", "Other#Pass2026", "两次输入的密码不一致"),
    ("password1", "abc", None),
    ("captcha_1", "WRONG", "验证码错误，请重新输入"),
])
def test_field_errors_create_nothing(client, field, value, message):
    data = form_data(**{field: value})
    if field == "password1":
        data["password2"] = value
    data["sms_code"] = "123456"
    response = client.post(URL, data)
    assert response.status_code == 200
    name = "captcha" if field == "captcha_1" else field
    errors = field_errors(response, name)
    assert errors, response.context["form"].errors
    if message:
        assert errors == [message]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_duplicate_id_number_and_login_name(client):
    factories.individual(username="lisi2020", real_name="李四", id_number=ID_NUMBER)
    response = client.post(URL, form_data(sms_code="123456"))
    assert field_errors(response, "id_number") == ["该身份证号已注册，请直接登录或找回密码"]
    response = client.post(URL, form_data(username="LISI2020", id_number=factories.make_id_number("19900101"),
                                          sms_code="123456"))
    assert field_errors(response, "username") == ["该登录名已被使用，请换一个"]
    assert User.objects.count() == 1


@pytest.mark.django_db
def test_mobile_taken(client):
    factories.individual(username="lisi2020", real_name="李四", mobile="13812345678")
    response = client.post(URL, form_data(sms_code="123456"))
    assert field_errors(response, "mobile") == ["该手机号已被其他账号使用，请更换手机号"]


@pytest.mark.django_db
def test_wrong_sms_code_creates_nothing(client):
    data = form_data()
    right = sms_code(data["mobile"], SmsPurpose.REGISTER)
    data["sms_code"] = "000000" if right != "000000" else "111111"
    response = client.post(URL, data)
    assert field_errors(response, "sms_code") == ["验证码错误"]
    assert not User.objects.exists()


@pytest.mark.django_db
def test_signed_in_visitor_is_sent_home(client, admin_a):
    client.force_login(admin_a)
    assert client.get(URL)["Location"] == reverse("portal:home")


@pytest.mark.django_db
def test_login_account_and_id_number_never_change(client):
    client.post(URL, with_code(form_data()))
    user = User.objects.get(username="zhangsan88")
    profile = reverse("accounts:profile")
    html = client.get(profile).content.decode()
    assert "登录账号和身份证号注册后不能修改。" in html and 'name="username"' not in html
    assert 'name="id_number"' not in html
    assert client.post(profile, {"username": "other_name", "id_number": "x"}).status_code == 403
    user.refresh_from_db()
    assert (user.username, user.id_number) == ("zhangsan88", ID_NUMBER)


@pytest.mark.django_db
def test_service_refuses_changing_an_individuals_login_name(db):
    from django.core.exceptions import ValidationError

    from accounts.services import set_login_name
    person = factories.individual(username="wangwu99", real_name="王五")
    with pytest.raises(ValidationError) as raised:
        set_login_name(actor=person, username="wangwu100")
    assert raised.value.messages == ["个人用户的登录账号注册后不能修改"]
