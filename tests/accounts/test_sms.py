import logging
import re
from datetime import timedelta
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from accounts import sms
from accounts.models import SmsCode, SmsOutboxMessage, SmsPurpose

MOBILE = "15612344563"
REGISTER = SmsPurpose.REGISTER


def last_code(mobile=MOBILE) -> str:
    message = SmsOutboxMessage.objects.filter(mobile=mobile).first().message
    return re.search(r"验证码为 (\d{6})", message).group(1)


def error_of(call, **kwargs) -> list[str]:
    with pytest.raises(ValidationError) as raised:
        call(**kwargs)
    return raised.value.messages


def later(**delta):
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + timedelta(**delta))


def test_send_writes_outbox_row_and_log_and_stores_only_a_digest(db, caplog):
    with caplog.at_level(logging.INFO, logger="praxis.sms"):
        sms.send_code(mobile=MOBILE, purpose=REGISTER)
    outbox = SmsOutboxMessage.objects.get()
    code = last_code()
    assert outbox.mobile == MOBILE
    assert outbox.message == f"【Praxis】您的验证码为 {code}，用于注册，5 分钟内有效。请勿泄露给他人。"
    assert caplog.records[0].getMessage() == f"SMS to {MOBILE}: {outbox.message}"
    stored = SmsCode.objects.get()
    assert code not in stored.code_digest
    assert stored.code_digest == sms.code_digest(mobile=MOBILE, purpose=REGISTER, code=code)
    assert (stored.expires_at - stored.created_at) == timedelta(seconds=300)


def test_correct_code_is_accepted_once(db):
    sms.send_code(mobile=MOBILE, purpose=REGISTER)
    code = last_code()
    assert sms.check_code(mobile=MOBILE, purpose=REGISTER, code=code) is None
    assert SmsCode.objects.get().consumed_at is not None
    assert error_of(sms.check_code, mobile=MOBILE, purpose=REGISTER, code=code) == ["验证码错误"]


def test_code_expires_after_five_minutes(db):
    sms.send_code(mobile=MOBILE, purpose=REGISTER)
    code = last_code()
    with later(seconds=301):
        assert error_of(sms.check_code, mobile=MOBILE, purpose=REGISTER, code=code) == ["验证码已过期，请重新获取"]


def test_code_is_valid_until_expiry(db):
    sms.send_code(mobile=MOBILE, purpose=REGISTER)
    with later(seconds=299):
        sms.check_code(mobile=MOBILE, purpose=REGISTER, code=last_code())


def test_one_code_per_minute_per_number_whatever_the_purpose(db):
    sms.send_code(mobile=MOBILE, purpose=REGISTER)
    with later(seconds=15):
        assert error_of(sms.send_code, mobile=MOBILE, purpose=SmsPurpose.RESET_PASSWORD) == [
            "验证码发送过于频繁，请 45 秒后再试"
        ]
    sms.send_code(mobile="15612340000", purpose=REGISTER)  # another number is not held up
    with later(seconds=61):
        sms.send_code(mobile=MOBILE, purpose=REGISTER)
    assert SmsOutboxMessage.objects.filter(mobile=MOBILE).count() == 2


def test_five_wrong_tries_kill_the_code(db):
    sms.send_code(mobile=MOBILE, purpose=REGISTER)
    code = last_code()
    wrong = f"{(int(code) + 1) % 10**6:06d}"
    answers = [error_of(sms.check_code, mobile=MOBILE, purpose=REGISTER, code=wrong) for _ in range(5)]
    assert answers == [["验证码错误"]] * 4 + [["验证码错误次数过多，请重新获取"]]
    assert error_of(sms.check_code, mobile=MOBILE, purpose=REGISTER, code=code) == ["验证码错误次数过多，请重新获取"]
    assert SmsCode.objects.get().attempts == 5
    with later(seconds=61):
        sms.send_code(mobile=MOBILE, purpose=REGISTER)
        sms.check_code(mobile=MOBILE, purpose=REGISTER, code=last_code())


def test_code_is_bound_to_its_purpose(db):
    sms.send_code(mobile=MOBILE, purpose=REGISTER)
    assert error_of(sms.check_code, mobile=MOBILE, purpose=SmsPurpose.RESET_PASSWORD, code=last_code()) == [
        "验证码错误"
    ]


def test_only_the_latest_code_counts(db):
    with mock.patch("accounts.sms.secrets.randbelow", side_effect=[111111, 2222]):
        sms.send_code(mobile=MOBILE, purpose=REGISTER)
        with later(seconds=61):
            sms.send_code(mobile=MOBILE, purpose=REGISTER)
            assert last_code() == "002222"
            assert error_of(sms.check_code, mobile=MOBILE, purpose=REGISTER, code="111111") == ["验证码错误"]
            sms.check_code(mobile=MOBILE, purpose=REGISTER, code="002222")


def test_no_code_sent_is_wrong(db):
    assert error_of(sms.check_code, mobile=MOBILE, purpose=REGISTER, code="123456") == ["验证码错误"]


@pytest.mark.parametrize("mobile", ["1561234456", "25612344563", "abc"])
def test_malformed_number_is_refused(db, mobile):
    assert error_of(sms.send_code, mobile=mobile, purpose=REGISTER) == ["请输入11位中国大陆手机号码"]
    assert not SmsCode.objects.exists()


def test_unknown_purpose_is_refused(db):
    assert error_of(sms.send_code, mobile=MOBILE, purpose="lottery") == ["验证码用途无效"]


class FailingGateway(sms.SmsSender):
    def send(self, mobile, message):
        raise ConnectionError("gateway down")


class RecordingGateway(sms.SmsSender):
    sent = []

    def send(self, mobile, message):
        self.sent.append((mobile, message))


def test_sender_is_pluggable(db, settings):
    settings.SMS_SENDER = "tests.accounts.test_sms.RecordingGateway"
    sms.send_code(mobile=MOBILE, purpose=REGISTER)
    assert RecordingGateway.sent[-1][0] == MOBILE
    assert not SmsOutboxMessage.objects.exists()


def test_failed_gateway_stores_no_code_so_the_user_can_retry(db, settings):
    settings.SMS_SENDER = "tests.accounts.test_sms.FailingGateway"
    with pytest.raises(ConnectionError):
        sms.send_code(mobile=MOBILE, purpose=REGISTER)
    assert not SmsCode.objects.exists()


def test_base_sender_must_be_implemented():
    with pytest.raises(TypeError, match="abstract"):
        sms.SmsSender()
