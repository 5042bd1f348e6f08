"""推荐录入 by a school or department, then 账号激活 by the unit (manual 000 §2.1–2.2)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import SmsPurpose, User
from organisations.codes import ACTIVATION_ALPHABET
from organisations.models import Organisation, OrganisationKind, Origin, VerificationStatus
from organisations.services_registration import ACTIVATION_MAX_FAILURES
from tests import factories
from tests.organisations.helpers import NEW_PASSWORD, bad_check_char, field_errors, new_credit_code, sms_code

PREREGISTER = reverse("organisations:preregister")
ACTIVATE = reverse("organisations:activate")


def unit_data(**overrides):
    data = {
        "name": "郑州实训设备有限公司",
        "credit_code": new_credit_code(),
        "legal_representative": "钱实训",
        "kind": OrganisationKind.ENTERPRISE,
        "region": "410105",
        "contact_person": "孙联系",
        "contact_phone": "0371-66668888",
    }
    data.update(overrides)
    return data


def preregistered_unit(school, school_admin, **overrides) -> Organisation:
    from organisations.services_registration import preregister_organisation
    from regions.models import Region

    data = unit_data(**overrides)
    data["region"] = Region.objects.get(code=data["region"])
    return preregister_organisation(actor=school_admin, **data)


@pytest.mark.django_db
def test_school_preregisters_and_sees_codes(client, school_admin, school):
    client.force_login(school_admin)
    response = client.post(PREREGISTER, unit_data())
    unit = Organisation.objects.get(name="郑州实训设备有限公司")
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:preregister_done", args=[unit.pk])
    assert unit.origin == Origin.PRE_REGISTERED
    assert unit.recommended_by == school
    assert unit.created_by == school_admin
    assert unit.region.code == "410105"
    assert not unit.is_activated
    assert unit.verification_status == VerificationStatus.UNVERIFIED
    assert len(unit.activation_code) == 8 and set(unit.activation_code) <= set(ACTIVATION_ALPHABET)

    done = client.get(response["Location"]).content.decode()
    assert f'data-testid="platform-code">{unit.platform_code}<' in done
    assert f'data-testid="activation-code">{unit.activation_code}<' in done

    listing = client.get(reverse("organisations:recommended")).content.decode()
    assert "未激活" in listing and unit.activation_code in listing


@pytest.mark.django_db
def test_existing_credit_code_names_the_unit_on_the_platform(client, school_admin, enterprise_a):
    client.force_login(school_admin)
    response = client.post(PREREGISTER, unit_data(credit_code=enterprise_a.credit_code))
    assert field_errors(response, "credit_code") == ["该单位（甲企业有限公司）已在平台上，无需重复录入"]


@pytest.mark.django_db
def test_preregistration_refuses_bad_check_character_and_missing_county(client, school_admin):
    client.force_login(school_admin)
    code = new_credit_code()
    response = client.post(PREREGISTER, unit_data(credit_code=bad_check_char(code), region="410100"))
    assert field_errors(response, "credit_code") == [
        f"统一社会信用代码校验位错误：第18位应为 {code[-1]}，请核对是否录入有误"
    ]
    assert field_errors(response, "region") == ["请选择到区县一级"]
    assert not Organisation.objects.filter(name="郑州实训设备有限公司").exists()


@pytest.mark.django_db
def test_enterprise_and_individual_cannot_preregister(client, admin_a, student):
    client.force_login(admin_a)
    assert client.get(PREREGISTER).status_code == 403
    assert client.get(reverse("organisations:recommended")).status_code == 403
    client.force_login(student)
    assert client.post(PREREGISTER, unit_data()).status_code == 403


@pytest.mark.django_db
def test_government_department_can_preregister(client, county_reviewer_a, county_hr_a):
    client.force_login(county_reviewer_a)
    assert client.post(PREREGISTER, unit_data()).status_code == 302
    assert Organisation.objects.get(name="郑州实训设备有限公司").recommended_by == county_hr_a


@pytest.mark.django_db
def test_unverified_school_cannot_preregister(client, school_admin, school):
    school.verification_status = VerificationStatus.PENDING
    school.save()
    client.force_login(school_admin)
    response = client.post(PREREGISTER, unit_data())
    assert response.status_code == 200
    assert response.context["blocked"] == "单位尚未通过实名认证，暂不能提交或发布"
    assert not Organisation.objects.filter(name="郑州实训设备有限公司").exists()


@pytest.mark.django_db
def test_result_page_of_another_recommender_is_404(client, school_admin, school, county_reviewer_a):
    unit = preregistered_unit(school, school_admin)
    client.force_login(county_reviewer_a)
    assert client.get(reverse("organisations:preregister_done", args=[unit.pk])).status_code == 404


def activation_data(unit, **overrides):
    data = {
        "credit_code": unit.credit_code,
        "activation_code": unit.activation_code,
        "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD,
        "mobile": "13700001111",
    }
    data.update(overrides)
    return data


@pytest.mark.django_db
def test_activation_creates_admin_and_clears_code(client, school, school_admin):
    unit = preregistered_unit(school, school_admin)
    data = activation_data(unit, activation_code=unit.activation_code.lower())
    data["sms_code"] = sms_code(data["mobile"], SmsPurpose.ACTIVATE)
    response = client.post(ACTIVATE, data)
    assert response.status_code == 302
    assert response["Location"] == reverse("organisations:profile")
    unit.refresh_from_db()
    assert unit.is_activated and unit.activation_code == ""
    admin = User.objects.get(organisation=unit)
    assert admin.is_org_admin and admin.mobile == "13700001111" and admin.check_password(NEW_PASSWORD)
    page = client.get(reverse("organisations:profile")).content.decode()
    assert 'data-testid="recommender">郑州测试职业技术学院<' in page

    client.force_login(school_admin)
    listing = client.get(reverse("organisations:recommended")).content.decode()
    assert "已激活" in listing


@pytest.mark.django_db
def test_wrong_activation_code(client, school, school_admin):
    unit = preregistered_unit(school, school_admin)
    response = client.post(ACTIVATE, activation_data(unit, activation_code="WRONG234", sms_code="123456"))
    assert field_errors(response, "activation_code") == ["激活码不正确"]
    unit.refresh_from_db()
    assert unit.activation_failures == 1 and not unit.is_activated
    assert not User.objects.filter(organisation=unit).exists()


@pytest.mark.django_db
def test_ten_wrong_codes_block_activation_for_an_hour(client, school, school_admin):
    unit = preregistered_unit(school, school_admin)
    for _attempt in range(ACTIVATION_MAX_FAILURES - 1):
        client.post(ACTIVATE, activation_data(unit, activation_code="WRONG234", sms_code="123456"))
    response = client.post(ACTIVATE, activation_data(unit, activation_code="WRONG234", sms_code="123456"))
    assert field_errors(response, "activation_code") == ["激活码错误次数过多，请 60 分钟后再试"]
    unit.refresh_from_db()
    assert unit.activation_blocked_until > timezone.now()
    # Even the right code is refused while blocked.
    data = activation_data(unit)
    data["sms_code"] = sms_code(data["mobile"], SmsPurpose.ACTIVATE)
    response = client.post(ACTIVATE, data)
    assert field_errors(response, "activation_code") == ["激活码错误次数过多，请 60 分钟后再试"]
    assert not User.objects.filter(organisation=unit).exists()


@pytest.mark.django_db
def test_already_active_unit(client, enterprise_a):
    response = client.post(ACTIVATE, {
        "credit_code": enterprise_a.credit_code, "activation_code": "ABCDEFGH", "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD, "mobile": "13700001111", "sms_code": "123456",
    })
    assert field_errors(response, "credit_code") == ["该单位已激活，请直接登录"]


@pytest.mark.django_db
def test_unknown_credit_code(client):
    response = client.post(ACTIVATE, {
        "credit_code": new_credit_code(), "activation_code": "ABCDEFGH", "password1": NEW_PASSWORD,
        "password2": NEW_PASSWORD, "mobile": "13700001111", "sms_code": "123456",
    })
    assert field_errors(response, "credit_code") == ["平台上没有该统一社会信用代码的推荐录入单位，请核对或自行注册"]


@pytest.mark.django_db
def test_activation_wrong_sms_code_keeps_activation_code(client, school, school_admin):
    unit = preregistered_unit(school, school_admin)
    data = activation_data(unit)
    right = sms_code(data["mobile"], SmsPurpose.ACTIVATE)
    data["sms_code"] = "000000" if right != "000000" else "111111"
    response = client.post(ACTIVATE, data)
    assert field_errors(response, "sms_code") == ["验证码错误"]
    unit.refresh_from_db()
    assert unit.activation_code and not unit.is_activated and unit.activation_failures == 0


@pytest.mark.django_db
def test_activation_password_rules_and_used_mobile(client, school, school_admin, admin_a):
    unit = preregistered_unit(school, school_admin)
    response = client.post(ACTIVATE, activation_data(
        unit, mobile=admin_a.mobile, password1="weakpass", password2="weakpass", sms_code="123456"))
    assert field_errors(response, "mobile") == ["该手机号已被其他账号使用，请更换手机号"]
    response = client.post(ACTIVATE, activation_data(unit, password1="weakpass", password2="weakpass",
                                                    sms_code="123456"))
    assert field_errors(response, "password1") == ["密码须包含大写字母、小写字母、数字、特殊符号中的至少 3 种"]
    assert not User.objects.filter(organisation=unit).exists()


@pytest.mark.django_db
def test_factory_units_are_not_activatable_by_code(school, school_admin):
    unit = preregistered_unit(school, school_admin, credit_code=factories.make_credit_code("410105"))
    assert unit.activation_code
