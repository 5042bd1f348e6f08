"""Parallel requests against real row locks (PostgreSQL only)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from accounts import services, sms
from accounts.models import SmsOutboxMessage
from audit.models import AuditEntry
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def run_in_parallel(count, work):
    barrier = threading.Barrier(count)
    results, errors = [], []

    def runner():
        try:
            barrier.wait()
            results.append(work())
        except Exception as error:  # collected and inspected by the test
            errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=runner) for _ in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return results, errors


def test_parallel_wrong_passwords_cannot_skip_the_lock():
    person = factories.individual(username="parallel")
    results, errors = run_in_parallel(
        10, lambda: services.sign_in(identifier="parallel", password="Wrong#pass1", client_ip=None, user_agent="")
    )
    assert errors == []
    person.refresh_from_db()
    assert person.failed_login_count == 6
    assert person.locked_until is not None
    assert sorted(result.reason for result in results) == ["密码错误"] * 6 + ["账号已冻结"] * 4
    assert AuditEntry.objects.filter(action="accounts.account_locked").count() == 1


def test_parallel_sends_to_one_number_send_one_code():
    results, errors = run_in_parallel(6, lambda: sms.send_code(mobile="15612344563", purpose="register"))
    assert len(results) == 1
    assert len(errors) == 5 and all(isinstance(error, ValidationError) for error in errors)
    assert SmsOutboxMessage.objects.count() == 1


def test_parallel_requests_from_one_address_stay_within_the_daily_limit(settings):
    settings.SMS_MAX_PER_ADDRESS_PER_DAY = 3
    numbers = iter(f"1561234{n:04d}" for n in range(8))
    lock = threading.Lock()

    def request():
        with lock:
            mobile = next(numbers)
        return services.request_sms_code(mobile=mobile, purpose="register", client_ip="10.4.4.4")

    results, errors = run_in_parallel(8, request)
    assert len(results) == 3
    assert sorted(error.messages[0] for error in errors) == ["当前网络地址今日获取验证码次数已达上限，请明天再试"] * 5
    assert SmsOutboxMessage.objects.count() == 3
