"""Daily limits on the anonymous SMS endpoint (per client address, per number) and password reset that
answers the same for registered and unknown numbers."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from accounts.models import SmsCode, SmsOutboxMessage, SmsRequest
from tests import factories

SEND_URL = "/accounts/sms/send/"


@pytest.fixture(autouse=True)
def _no_interval(settings):
    settings.SMS_RESEND_INTERVAL_SECONDS = 0


def send(client, mobile, purpose="register", ip="10.1.1.1"):
    html = client.post(SEND_URL, {"mobile": mobile, "purpose": purpose}, REMOTE_ADDR=ip).content.decode()
    return html.split(">", 1)[1].rsplit("<", 1)[0]


def test_one_address_is_limited_per_day_across_numbers(client, db, settings):
    settings.SMS_MAX_PER_ADDRESS_PER_DAY = 3
    for n in range(3):
        assert send(client, f"1561234000{n}").startswith("验证码已发送至")
    assert send(client, "15612340009") == "当前网络地址今日获取验证码次数已达上限，请明天再试"
    assert SmsOutboxMessage.objects.count() == 3
    # Another address is not affected.
    assert send(client, "15612340009", ip="10.1.1.2").startswith("验证码已发送至")


def test_one_number_is_limited_per_day_across_addresses(client, db, settings):
    settings.SMS_MAX_PER_NUMBER_PER_DAY = 2
    assert send(client, "15612344563", ip="10.0.0.1").startswith("验证码已发送至")
    assert send(client, "15612344563", ip="10.0.0.2").startswith("验证码已发送至")
    assert send(client, "15612344563", ip="10.0.0.3") == "该手机号今日获取验证码次数已达上限，请明天再试"
    assert SmsOutboxMessage.objects.count() == 2


def test_the_limits_start_again_the_next_day(client, db, settings):
    settings.SMS_MAX_PER_ADDRESS_PER_DAY = 1
    assert send(client, "15612344563").startswith("验证码已发送至")
    assert send(client, "15612344564") == "当前网络地址今日获取验证码次数已达上限，请明天再试"
    tomorrow = timezone.localtime().replace(hour=0, minute=0, second=1) + timedelta(days=1)
    with mock.patch("django.utils.timezone.now", return_value=tomorrow):
        assert send(client, "15612344564").startswith("验证码已发送至")


def test_a_refused_send_does_not_count(client, db, settings):
    settings.SMS_MAX_PER_ADDRESS_PER_DAY = 1
    assert send(client, "123") == "请输入11位中国大陆手机号码"
    assert send(client, "15612344563", purpose="spam") == "验证码用途无效"
    assert send(client, "15612344563").startswith("验证码已发送至")
    assert SmsRequest.objects.count() == 1


def test_the_defaults(settings):
    assert (settings.SMS_MAX_PER_ADDRESS_PER_DAY, settings.SMS_MAX_PER_NUMBER_PER_DAY) == (20, 10)


class TestResetDoesNotTellNumbersApart:
    def test_same_answer_same_rows_and_same_limits(self, client, db, settings):
        settings.SMS_MAX_PER_NUMBER_PER_DAY = 1
        factories.individual(mobile="15612344563")
        answers = [send(client, mobile, "reset_password") for mobile in ("15612344563", "15600000000")]
        assert [a.replace("4563", "0000") for a in answers] == [
            "如该手机号已绑定账号，验证码已发送至 156****0000，5 分钟内有效"] * 2
        # The same rows are written for both; only the registered number gets a message.
        assert sorted(SmsCode.objects.values_list("mobile", flat=True)) == ["15600000000", "15612344563"]
        assert sorted(SmsRequest.objects.values_list("mobile", flat=True)) == ["15600000000", "15612344563"]
        assert list(SmsOutboxMessage.objects.values_list("mobile", flat=True)) == ["15612344563"]
        again = [send(client, mobile, "reset_password") for mobile in ("15612344563", "15600000000")]
        assert again == ["该手机号今日获取验证码次数已达上限，请明天再试"] * 2

    def test_the_resend_interval_answers_the_same(self, client, db, settings):
        settings.SMS_RESEND_INTERVAL_SECONDS = 60
        factories.individual(mobile="15612344563")
        for mobile in ("15612344563", "15600000000"):
            send(client, mobile, "reset_password")
        again = [send(client, mobile, "reset_password") for mobile in ("15612344563", "15600000000")]
        assert [a.split("请 ")[0] for a in again] == ["验证码发送过于频繁，"] * 2

    def test_the_reset_page_counts_too(self, client, db, settings):
        settings.SMS_MAX_PER_ADDRESS_PER_DAY = 1
        data = {"mobile": "15600000000", "captcha_0": "x", "captcha_1": "PASSED"}
        assert client.post("/accounts/password/reset/", data).status_code == 302
        response = client.post("/accounts/password/reset/", {**data, "mobile": "15600000001"})
        assert response.context["form"].errors["mobile"] == ["当前网络地址今日获取验证码次数已达上限，请明天再试"]
