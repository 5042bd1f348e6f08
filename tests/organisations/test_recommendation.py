"""学生推荐实习单位: the unit is created pending and invited by SMS."""

import pytest
from django.urls import reverse

from accounts.models import SmsOutboxMessage
from organisations.models import Organisation, OrganisationKind, Origin, VerificationStatus
from organisations.services_registration import STUDENT_RECOMMENDATIONS_PER_DAY
from tests.organisations.helpers import bad_check_char, field_errors, new_credit_code

URL = reverse("organisations:recommend")


def data(**overrides):
    values = {
        "name": "开封见习电子厂",
        "credit_code": new_credit_code("410202"),
        "legal_representative": "周厂长",
        "region": "410105",
        "contact_person": "吴人事",
        "contact_mobile": "13655556666",
    }
    values.update(overrides)
    return values


@pytest.mark.django_db
def test_student_recommends_and_unit_is_invited_by_sms(client, student):
    client.force_login(student)
    response = client.post(URL, data())
    assert response.status_code == 302 and response["Location"] == URL
    unit = Organisation.objects.get(name="开封见习电子厂")
    assert unit.origin == Origin.STUDENT_RECOMMENDED
    assert unit.recommender_note == "张同学"
    assert unit.created_by == student
    assert unit.kind == OrganisationKind.ENTERPRISE
    assert unit.verification_status == VerificationStatus.UNVERIFIED and not unit.is_activated
    assert unit.contact_phone == "13655556666"
    message = SmsOutboxMessage.objects.get(mobile="13655556666").message
    assert unit.platform_code in message
    assert unit.activation_code in message
    assert "/org/activate/" in message

    page = client.get(URL).content.decode()
    assert "开封见习电子厂" in page and "未激活" in page
    assert unit.activation_code not in page


@pytest.mark.django_db
def test_recommendation_refusals(client, student, enterprise_a):
    client.force_login(student)
    response = client.post(URL, data(credit_code=enterprise_a.credit_code))
    assert field_errors(response, "credit_code") == ["该单位（甲企业有限公司）已在平台上，无需重复录入"]
    code = new_credit_code()
    response = client.post(URL, data(credit_code=bad_check_char(code), contact_mobile="12345"))
    assert field_errors(response, "credit_code") == [
        f"统一社会信用代码校验位错误：第18位应为 {code[-1]}，请核对是否录入有误"
    ]
    assert field_errors(response, "contact_mobile") == ["请输入11位中国大陆手机号码"]
    assert not SmsOutboxMessage.objects.exists()


@pytest.mark.django_db
def test_daily_limit(client, student):
    client.force_login(student)
    for index in range(STUDENT_RECOMMENDATIONS_PER_DAY):
        assert client.post(URL, data(name=f"单位{index}")).status_code == 302
    response = client.post(URL, data(name="再多一家"))
    assert response.context["form"].non_field_errors() == [
        f"24 小时内最多推荐 {STUDENT_RECOMMENDATIONS_PER_DAY} 家单位，请明天再试"
    ]
    assert not Organisation.objects.filter(name="再多一家").exists()


@pytest.mark.django_db
def test_only_individuals_recommend(client, admin_a, school_admin):
    for user in (admin_a, school_admin):
        client.force_login(user)
        assert client.get(URL).status_code == 403


@pytest.mark.django_db
def test_anonymous_is_sent_to_login(client):
    response = client.get(URL)
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_students_see_only_their_own_recommendations(client, student, outsider):
    client.force_login(outsider)
    client.post(URL, data(name="路人推荐的单位"))
    client.force_login(student)
    assert "路人推荐的单位" not in client.get(URL).content.decode()
