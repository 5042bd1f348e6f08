"""自荐注册 through HTTP (manual 000 §2.3)."""

import pytest
from django.urls import reverse

from accounts.models import SmsPurpose, User, UserKind
from audit.models import AuditEntry
from organisations.models import Organisation, OrganisationKind, Origin, VerificationStatus
from tests import factories
from tests.organisations.helpers import NEW_PASSWORD, bad_check_char, field_errors, new_credit_code, sms_code

URL = reverse("organisations:register")


def form_data(**overrides):
    data = {
        "name": "河南新星科技有限公司",
        "credit_code": new_credit_code(),
        "legal_representative": "赵新星",
        "kind": OrganisationKind.ENTERPRISE,
        "mobile": "13812345678",
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "username": "",
        "agree": "on",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_page_shows_notice_pipl_and_sms_button(client):
    response = client.get(URL)
    assert response.status_code == 200
    body = response.content.decode()
    assert "※注册须知" in body
    assert 'data-testid="pipl-notice"' in body
    assert 'data-testid="send-sms"' in body
    assert "政府部门" not in [label for _value, label in response.context["form"].fields["kind"].choices]


@pytest.mark.django_db
def test_self_registration_creates_organisation_and_admin_and_signs_in(client):
    data = form_data(credit_code=new_credit_code().lower(), username="xinxing_admin")
    data["sms_code"] = sms_code(data["mobile"], SmsPurpose.REGISTER)
    response = client.post(URL, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:profile")

    organisation = Organisation.objects.get(name="河南新星科技有限公司")
    assert organisation.credit_code == data["credit_code"].upper()
    assert organisation.origin == Origin.SELF_REGISTERED
    assert organisation.kind == OrganisationKind.ENTERPRISE
    assert organisation.is_activated
    assert organisation.verification_status == VerificationStatus.UNVERIFIED
    assert organisation.platform_code.startswith("U") and len(organisation.platform_code) == 11
    admin = User.objects.get(organisation=organisation)
    assert admin.is_org_admin and admin.kind == UserKind.ORGANISATION
    assert admin.mobile == "13812345678" and admin.username == "xinxing_admin"
    assert admin.check_password(NEW_PASSWORD)
    assert AuditEntry.objects.filter(action="organisations.self_registered", target_id=str(organisation.pk)).exists()

    profile = client.get(reverse("organisations:profile"))
    assert profile.status_code == 200
    assert 'data-testid="verification-banner"' in profile.content.decode()
    assert "未认证" in profile.content.decode()


@pytest.mark.django_db
def test_without_login_name_one_is_generated_and_credit_code_signs_in(client):
    data = form_data()
    data["sms_code"] = sms_code(data["mobile"], SmsPurpose.REGISTER)
    assert client.post(URL, data).status_code == 302
    admin = User.objects.get(mobile=data["mobile"])
    organisation = admin.organisation
    assert admin.username == f"org{organisation.platform_code.lower()}"
    client.logout()
    from accounts.identifiers import find_user_by_identifier

    assert find_user_by_identifier(organisation.credit_code) == admin


@pytest.mark.django_db
def test_bad_check_character_is_refused_at_the_field_with_the_reason(client):
    code = new_credit_code()
    data = form_data(credit_code=bad_check_char(code), sms_code="123456")
    response = client.post(URL, data)
    assert response.status_code == 200
    assert field_errors(response, "credit_code") == [
        f"统一社会信用代码校验位错误：第18位应为 {code[-1]}，请核对是否录入有误"
    ]
    assert 'data-field-error="credit_code"' in response.content.decode()
    assert not Organisation.objects.filter(name="河南新星科技有限公司").exists()


@pytest.mark.django_db
def test_duplicate_credit_code_is_refused(client, enterprise_a):
    data = form_data(credit_code=enterprise_a.credit_code)
    data["sms_code"] = sms_code(data["mobile"], SmsPurpose.REGISTER)
    response = client.post(URL, data)
    assert field_errors(response, "credit_code") == ["该统一社会信用代码已注册，请直接登录或找回密码"]
    assert not User.objects.filter(mobile=data["mobile"]).exists()


@pytest.mark.django_db
def test_mobile_already_used_is_refused(client, admin_a):
    data = form_data(mobile=admin_a.mobile, sms_code="123456")
    response = client.post(URL, data)
    assert field_errors(response, "mobile") == ["该手机号已被其他账号使用，请更换手机号"]
    assert Organisation.objects.count() == 1


@pytest.mark.django_db
def test_wrong_sms_code_is_refused_and_nothing_created(client):
    data = form_data()
    right = sms_code(data["mobile"], SmsPurpose.REGISTER)
    data["sms_code"] = "000000" if right != "000000" else "111111"
    response = client.post(URL, data)
    assert field_errors(response, "sms_code") == ["验证码错误"]
    assert not Organisation.objects.exists()
    assert not User.objects.exists()


@pytest.mark.django_db
def test_code_sent_for_another_purpose_is_refused(client):
    data = form_data()
    data["sms_code"] = sms_code(data["mobile"], SmsPurpose.ACTIVATE)
    response = client.post(URL, data)
    assert field_errors(response, "sms_code") == ["验证码错误"]


@pytest.mark.django_db
@pytest.mark.parametrize(
    "password, message",
    [
        ("short1A", "密码长度不能少于 8 位"),
        ("alllowercase1", "密码须包含大写字母、小写字母、数字、特殊符号中的至少 3 种"),
    ],
)
def test_password_rules_apply(client, password, message):
    data = form_data(password1=password, password2=password, sms_code="123456")
    response = client.post(URL, data)
    assert message in field_errors(response, "password1")
    assert not Organisation.objects.exists()


@pytest.mark.django_db
def test_password_containing_the_credit_code_is_refused(client):
    code = new_credit_code()
    password = f"Ab#{code}"
    response = client.post(URL, form_data(credit_code=code, password1=password, password2=password, sms_code="1"))
    assert field_errors(response, "password1") == ["密码不能包含登录名、手机号、身份证号或统一社会信用代码"]


@pytest.mark.django_db
def test_mismatched_passwords_and_missing_pipl_consent(client):
    data = form_data(password2="Other#Pass2026", sms_code="123456")
    del data["agree"]
    response = client.post(URL, data)
    assert field_errors(response, "password2") == ["两次输入的密码不一致"]
    assert field_errors(response, "agree") == ["请阅读并勾选同意《个人信息告知》"]


@pytest.mark.django_db
def test_government_kind_cannot_self_register(client):
    response = client.post(URL, form_data(kind=OrganisationKind.GOVERNMENT, sms_code="123456"))
    assert field_errors(response, "kind") == ["请选择单位类型"]


@pytest.mark.django_db
def test_login_name_must_be_free(client, admin_a):
    response = client.post(URL, form_data(username="admin_a", sms_code="123456"))
    assert field_errors(response, "username") == ["该登录名已被使用，请换一个"]


@pytest.mark.django_db
def test_signed_in_user_is_sent_home(client, admin_a):
    client.force_login(admin_a)
    assert client.get(URL)["Location"] == reverse("portal:home")


def test_factories_codes_are_valid():
    from core.identifiers import credit_code_problem

    assert credit_code_problem(factories.make_credit_code("410105", seed=42)) is None
