"""Sign-in lockout as the Fujian platform does it (services.sign_in)."""

from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from accounts import services
from accounts.models import LoginRecord
from audit.models import AuditEntry
from tests import factories

IP = "10.0.0.1"


def attempt(identifier, password="wrong-Password1", ip=IP):
    return services.sign_in(identifier=identifier, password=password, client_ip=ip, user_agent="pytest")


@pytest.fixture
def person(db):
    return factories.individual(username="lisi", real_name="李四")


def test_first_failure_gets_the_generic_message(person):
    result = attempt("lisi")
    assert (result.succeeded, result.message, result.reason) == (False, "账号或密码错误", "密码错误")
    person.refresh_from_db()
    assert person.failed_login_count == 1
    assert person.locked_until is None


def test_warning_from_the_second_failure_counts_down(person):
    attempt("lisi")
    messages = [attempt("lisi").message for _ in range(4)]
    assert messages == [
        "账号或密码错误，再错 4 次账号将被冻结 2 小时",
        "账号或密码错误，再错 3 次账号将被冻结 2 小时",
        "账号或密码错误，再错 2 次账号将被冻结 2 小时",
        "账号或密码错误，再错 1 次账号将被冻结 2 小时",
    ]


def test_sixth_failure_freezes_for_two_hours_and_is_audited(person):
    for _ in range(5):
        attempt("lisi")
    before = timezone.now()
    result = attempt("lisi")
    assert result.message == "账号或密码错误次数过多，账号已冻结，请在 2 小时后再试"
    person.refresh_from_db()
    assert person.failed_login_count == 6
    assert before + timedelta(minutes=120) <= person.locked_until <= timezone.now() + timedelta(minutes=120)
    entry = AuditEntry.objects.get(action="accounts.account_locked")
    assert entry.target_id == str(person.pk)
    assert entry.ip_address == IP


def test_frozen_account_refuses_the_right_password_and_says_how_long(person, password):
    person.failed_login_count = 6
    person.locked_until = timezone.now() + timedelta(minutes=119, seconds=30)
    person.save()
    result = attempt("lisi", password)
    assert (result.succeeded, result.message) == (False, "账号已冻结，请在 1 小时 59 分钟后再试")
    assert result.reason == "账号已冻结"
    person.refresh_from_db()
    assert person.failed_login_count == 6  # attempts while frozen do not extend the freeze


def test_remaining_time_under_an_hour_is_in_minutes(person):
    person.locked_until = timezone.now() + timedelta(minutes=5, seconds=10)
    person.save()
    assert attempt("lisi").message == "账号已冻结，请在 5 分钟后再试"


def test_unlocks_after_two_hours(person, password):
    for _ in range(6):
        attempt("lisi")
    later = timezone.now() + timedelta(minutes=120, seconds=1)
    with mock.patch("django.utils.timezone.now", return_value=later):
        result = attempt("lisi", password)
    assert result.succeeded
    person.refresh_from_db()
    assert (person.failed_login_count, person.locked_until) == (0, None)


def test_after_the_freeze_a_new_round_of_six_starts(person):
    person.failed_login_count = 6
    person.locked_until = timezone.now() - timedelta(seconds=1)
    person.save()
    assert attempt("lisi").message == "账号或密码错误"
    person.refresh_from_db()
    assert (person.failed_login_count, person.locked_until) == (1, None)


def test_success_resets_the_count(person, password):
    for _ in range(4):
        attempt("lisi")
    assert attempt("lisi", password).succeeded
    person.refresh_from_db()
    assert person.failed_login_count == 0
    assert attempt("lisi").message == "账号或密码错误"


def test_every_attempt_is_recorded_with_reason(person, password):
    attempt("lisi")
    attempt("lisi", password)
    attempt("nobody")
    rows = list(LoginRecord.objects.order_by("id").values_list("identifier", "user_id", "succeeded", "reason",
                                                               "ip_address", "user_agent"))
    assert rows == [
        ("lisi", person.pk, False, "密码错误", IP, "pytest"),
        ("lisi", person.pk, True, "登录成功", IP, "pytest"),
        ("nobody", None, False, "账号不存在", IP, "pytest"),
    ]


def test_unknown_identifier_answers_exactly_like_an_account(person):
    with mock.patch("django.utils.timezone.now", return_value=timezone.now()):
        known = [attempt("lisi").message for _ in range(7)]
        unknown = [attempt("wangwu").message for _ in range(7)]
    assert unknown == known
    assert known[5:] == ["账号或密码错误次数过多，账号已冻结，请在 2 小时后再试", "账号已冻结，请在 2 小时后再试"]


def test_unknown_identifier_freeze_shows_the_remaining_time(db):
    start = timezone.now()
    with mock.patch("django.utils.timezone.now", return_value=start):
        for _ in range(6):
            attempt("wangwu")
    with mock.patch("django.utils.timezone.now", return_value=start + timedelta(minutes=30)):
        result = attempt("wangwu")
    assert (result.message, result.reason) == ("账号已冻结，请在 1 小时 30 分钟后再试", "账号已冻结")


def test_inactive_account_is_refused_after_the_right_password(person, password):
    person.is_active = False
    person.save()
    result = attempt("lisi", password)
    assert (result.succeeded, result.message, result.reason) == (False, "账号已停用，请联系单位管理员", "账号已停用")


@pytest.mark.parametrize("warn, maximum, expected", [(3, 4, ["账号或密码错误", "账号或密码错误",
                                                             "账号或密码错误，再错 1 次账号将被冻结 2 小时"])])
def test_thresholds_come_from_settings(person, settings, warn, maximum, expected):
    settings.LOGIN_WARN_AFTER_FAILURES = warn
    settings.LOGIN_MAX_FAILURES = maximum
    assert [attempt("lisi").message for _ in range(3)] == expected
    assert attempt("lisi").message == "账号或密码错误次数过多，账号已冻结，请在 2 小时后再试"


class TestPerAddressLimit:
    @pytest.fixture(autouse=True)
    def small_limit(self, settings):
        settings.LOGIN_MAX_FAILURES_PER_ADDRESS = 3
        settings.LOGIN_ADDRESS_WINDOW_MINUTES = 15

    def test_failures_on_different_accounts_add_up(self, person, password):
        other = factories.individual(username="zhaoliu")
        with mock.patch("django.utils.timezone.now", return_value=timezone.now()):
            attempt("lisi")
            attempt("zhaoliu")
            attempt("someone-unknown")  # unknown identifiers count too
            result = attempt("lisi", password)
        assert (result.succeeded, result.reason) == (False, "该地址失败次数过多")
        assert result.message == "当前网络地址登录失败次数过多，请 15 分钟后再试"
        other.refresh_from_db()
        person.refresh_from_db()
        assert (person.failed_login_count, other.failed_login_count) == (1, 1)

    def test_other_addresses_are_not_affected(self, person, password):
        for _ in range(3):
            attempt("nobody")
        assert attempt("lisi", password, ip="10.0.0.2").succeeded

    def test_block_ends_when_failures_leave_the_window(self, person, password):
        for _ in range(3):
            attempt("nobody")
        later = timezone.now() + timedelta(minutes=15, seconds=1)
        with mock.patch("django.utils.timezone.now", return_value=later):
            assert attempt("lisi", password).succeeded

    def test_counted_from_records_not_process_memory(self, person, password):
        # Failures written by another machine (rows only) block this one as well.
        for _ in range(3):
            LoginRecord.objects.create(identifier="x", ip_address=IP, succeeded=False, reason="密码错误")
        assert attempt("lisi", password).reason == "该地址失败次数过多"

    def test_blocked_attempts_and_captcha_failures_do_not_count(self, person, password):
        for _ in range(2):
            attempt("nobody")
        services.record_rejected_attempt(identifier="lisi", client_ip=IP, user_agent="", reason="图形验证码错误")
        assert attempt("lisi", password).succeeded
