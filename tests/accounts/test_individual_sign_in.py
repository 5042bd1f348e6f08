"""The name + ID number entry of accounts (accounts.identity): pluggable per programme, one login log and
one per-address limit with the password sign-in, SMS limits, and verification remembered on the account.
The traineeship rule itself is tested in tests/traineeships/test_individual_sign_in.py."""

import datetime
import re

import pytest
from django.urls import reverse

from accounts import eligibility, identity
from accounts.eligibility import Eligibility, PeopleProgramme
from accounts.models import LoginRecord, SmsOutboxMessage, User
from tests import factories
from tests.accounts.conftest import login_post
from tests.batch.helpers import id_number
from traineeships.models import TraineeProfile
from traineeships.services import individuals as traineeships_rule

PERSON_ID = id_number("20040101", 771)  # 22 on the test day
OLD_ID = id_number("19800101", 772)  # 46: outside the traineeship age rule
MOBILE = "13912349876"
CLUB_SIGN_IN = reverse("accounts:individual_sign_in", kwargs={"programme": "club"})
TRAINEESHIP_INTENTION = reverse("traineeships:intention")
entered = []


@pytest.fixture(autouse=True)
def _today(monkeypatch):
    monkeypatch.setattr(traineeships_rule, "today", lambda: datetime.date(2026, 3, 1))


@pytest.fixture(autouse=True)
def club(monkeypatch):
    """A second programme, registered the way students and professional staff will be: anyone born
    before 2000 is refused; entering records the person."""

    def check(*, name, id_number, user):
        return Eligibility(refusal="" if id_number[6:10] >= "2000" else "本俱乐部只接收 2000 年以后出生的人员")

    programme = PeopleProgramme(key="club", label="测试项目", check=check,
                                enter=lambda *, user, eligibility: entered.append(user.pk),
                                landing=lambda user: "/club/home/", intro="测试项目说明。")
    monkeypatch.setitem(eligibility._PROGRAMMES, "club", programme)
    entered.clear()
    return programme


def sign_in(client, name="孙一", number=PERSON_ID, url=CLUB_SIGN_IN, ip="10.3.3.3"):
    return client.post(url, {"name": name, "id_number": number, "captcha_0": "x", "captcha_1": "PASSED"},
                       REMOTE_ADDR=ip)


def last_code(mobile):
    message = SmsOutboxMessage.objects.filter(mobile=mobile).order_by("-id").first()
    return re.search(r"\d{6}", message.message).group(0)


def first_sign_in(client, **extra):
    sign_in(client)
    client.post(reverse("accounts:send_sms"), {"mobile": MOBILE, "purpose": "bind_mobile"})
    return client.post(reverse("accounts:individual_bind", kwargs={"programme": "club"}),
                       {"mobile": MOBILE, "sms_code": last_code(MOBILE), **extra})


@pytest.mark.django_db
def test_unknown_programme_is_404(client):
    assert client.get(reverse("accounts:individual_sign_in", kwargs={"programme": "nothing"})).status_code == 404


@pytest.mark.django_db
def test_another_programme_uses_the_same_pages_with_its_own_rule(client):
    page = client.get(CLUB_SIGN_IN).content.decode()
    assert "<title>测试项目登录 - Praxis 人社业务协同平台</title>" in page and "测试项目说明。" in page
    response = sign_in(client, number=OLD_ID)
    assert response.context["form"].errors["id_number"] == ["本俱乐部只接收 2000 年以后出生的人员"]
    assert LoginRecord.objects.get().reason == identity.REASON_INELIGIBLE
    response = first_sign_in(client)
    assert response["Location"] == "/club/home/"
    person = User.objects.get(id_number=PERSON_ID)
    assert entered == [person.pk]
    assert person.identity_verified_at is not None
    record = LoginRecord.objects.filter(succeeded=True).get()
    assert (record.user, record.reason) == (person, "姓名、身份证号和短信验证码登录成功（测试项目）")


@pytest.mark.django_db
def test_verification_is_remembered_for_a_password_sign_in_to_another_programme(client):
    first_sign_in(client, new_password1="Sun#Yi2026ok", new_password2="Sun#Yi2026ok")
    client.logout()
    assert login_post(client, MOBILE, password="Sun#Yi2026ok").status_code == 302
    # Never in the traineeship programme, but verified: admitted by its rule, not sent to the entry.
    response = client.get(TRAINEESHIP_INTENTION)
    assert response.status_code == 200
    assert TraineeProfile.objects.get(person__id_number=PERSON_ID).kind == "youth"
    # And the entry page itself forwards a verified person to the programme.
    response = client.get(reverse("traineeships:individual_sign_in"))
    assert response["Location"] == TRAINEESHIP_INTENTION


@pytest.mark.django_db
def test_a_remembered_verification_still_meets_the_programme_s_rule(client, monkeypatch, club):
    monkeypatch.setitem(eligibility._PROGRAMMES, "club", PeopleProgramme(
        key="club", label="测试项目", check=lambda **kw: Eligibility(), enter=club.enter, landing=club.landing))
    sign_in(client, number=OLD_ID)
    client.post(reverse("accounts:send_sms"), {"mobile": MOBILE, "purpose": "bind_mobile"})
    client.post(reverse("accounts:individual_bind", kwargs={"programme": "club"}),
                {"mobile": MOBILE, "sms_code": last_code(MOBILE)})
    response = client.get(TRAINEESHIP_INTENTION)
    assert response.status_code == 403
    assert "年龄不符合要求（须年满16周岁、未满25周岁），无法参加就业见习" in response.content.decode()
    assert not TraineeProfile.objects.exists()


@pytest.mark.django_db
def test_an_unverified_individual_is_sent_to_the_entry(client, student):
    client.force_login(student)
    response = client.get(TRAINEESHIP_INTENTION)
    assert response["Location"] == reverse("traineeships:individual_sign_in")
    assert not TraineeProfile.objects.exists()


@pytest.mark.django_db
def test_wrong_names_and_wrong_passwords_share_one_address_limit(client, settings):
    settings.LOGIN_MAX_FAILURES_PER_ADDRESS = 3
    factories.individual(username="zhouer", real_name="周二", id_number=PERSON_ID)
    assert sign_in(client, name="周三").context["form"].errors["name"] == ["姓名与身份证号不一致"]
    login_post(client, "zhouer", password="Wrong#pass1", REMOTE_ADDR="10.3.3.3")
    assert sign_in(client, name="周四").context["form"].errors["name"] == ["姓名与身份证号不一致"]
    # The right password from that address is now refused, and so is the right name.
    response = login_post(client, "zhouer", REMOTE_ADDR="10.3.3.3")
    assert response.context["form"].non_field_errors()[0].startswith("当前网络地址登录失败次数过多")
    response = sign_in(client, name="周二")
    assert response.context["form"].non_field_errors()[0].startswith("当前网络地址登录失败次数过多")
    # One login log holds both kinds of attempt.
    assert list(LoginRecord.objects.order_by("created_at", "id").values_list("reason", flat=True)) == [
        "姓名与身份证号不一致", "密码错误", "姓名与身份证号不一致", "该地址失败次数过多", "该地址失败次数过多"]


@pytest.mark.django_db
def test_the_sign_in_code_counts_against_the_sms_limits(client, settings):
    settings.SMS_MAX_PER_NUMBER_PER_DAY = 1
    factories.individual(real_name="孙一", id_number=PERSON_ID, mobile=MOBILE)
    response = sign_in(client)
    assert response["Location"] == reverse("accounts:individual_verify", kwargs={"programme": "club"})
    assert SmsOutboxMessage.objects.filter(mobile=MOBILE).count() == 1
    response = client.post(reverse("accounts:individual_resend", kwargs={"programme": "club"}), follow=True)
    assert "该手机号今日获取验证码次数已达上限，请明天再试" in response.content.decode()
    assert SmsOutboxMessage.objects.filter(mobile=MOBILE).count() == 1


@pytest.mark.django_db
def test_pending_steps_belong_to_their_programme(client):
    sign_in(client)  # pending "bind" for the club
    response = client.get(reverse("accounts:individual_bind", kwargs={"programme": "traineeships"}))
    assert response["Location"] == reverse("traineeships:individual_sign_in")
