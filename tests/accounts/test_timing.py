"""The answer time must not tell whether an account exists: every branch of sign-in runs the password
hasher once, and password reset runs it as often for an unknown mobile as for a registered one. Counted,
not timed, so the tests are exact on a busy machine."""

import pytest
from django.contrib.auth.hashers import MD5PasswordHasher
from django.utils import timezone

from accounts import services
from accounts.forms import PasswordResetConfirmForm
from accounts.models import LoginRecord
from tests import factories

IP = "10.9.9.9"


@pytest.fixture
def hasher_calls(monkeypatch):
    """One entry per hash computed (the tests' MD5 hasher verifies by encoding, so encode sees them all)."""
    calls = []
    encode = MD5PasswordHasher.encode

    def counted_encode(self, password, salt):
        calls.append("hash")
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "encode", counted_encode)
    return calls


@pytest.fixture
def person(db):
    return factories.individual(username="lisi", real_name="李四")


def attempt(identifier, password="Wrong#pass1"):
    return services.sign_in(identifier=identifier, password=password, client_ip=IP, user_agent="pytest")


def test_wrong_password_unknown_account_and_success_each_hash_once(person, hasher_calls):
    for identifier, password, reason in (("lisi", "Wrong#pass1", "密码错误"), ("nobody", "Wrong#pass1", "账号不存在"),
                                         ("lisi", factories.PASSWORD, "登录成功")):
        hasher_calls.clear()
        assert attempt(identifier, password).reason == reason
        assert len(hasher_calls) == 1, reason


def test_frozen_account_hashes_like_a_wrong_password(person, hasher_calls):
    person.locked_until = timezone.now() + timezone.timedelta(hours=1)
    person.save(update_fields=["locked_until"])
    hasher_calls.clear()
    assert attempt("lisi", factories.PASSWORD).reason == "账号已冻结"
    assert len(hasher_calls) == 1


def test_frozen_unknown_identifier_hashes_too(db, settings, hasher_calls):
    for _ in range(settings.LOGIN_MAX_FAILURES):
        attempt("nobody")
    hasher_calls.clear()
    assert attempt("nobody").reason == "账号已冻结"
    assert len(hasher_calls) == 1


def test_blocked_address_hashes_too(person, settings, hasher_calls):
    settings.LOGIN_MAX_FAILURES_PER_ADDRESS = 2
    for _ in range(2):
        LoginRecord.objects.create(identifier="x", ip_address=IP, succeeded=False, reason="密码错误")
    hasher_calls.clear()
    assert attempt("lisi", factories.PASSWORD).reason == "该地址失败次数过多"
    assert len(hasher_calls) == 1


def test_inactive_account_hashes_once(person, hasher_calls):
    person.is_active = False
    person.save(update_fields=["is_active"])
    hasher_calls.clear()
    assert attempt("lisi", factories.PASSWORD).reason == "账号已停用"
    assert len(hasher_calls) == 1


def test_reset_confirm_checks_as_many_hashes_for_an_unknown_mobile(db, hasher_calls):
    factories.individual(mobile="15612344563")
    counts = []
    # The first unknown mobile of a process also makes the dummy hash once; count from the second round.
    for mobile in ("15600000000", "15612344563", "15600000000"):
        hasher_calls.clear()
        form = PasswordResetConfirmForm({"mobile": mobile, "sms_code": "123456", "new_password1": "Fresh#Pass2027",
                                         "new_password2": "Fresh#Pass2027"})
        assert form.errors == {"sms_code": ["验证码错误"]}
        counts.append(len(hasher_calls))
    assert counts[1:] == [5, 5]
