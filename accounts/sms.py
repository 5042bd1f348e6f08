"""SMS verification codes and the pluggable sender that delivers them.

Public API for other apps: `send_code(mobile=, purpose=)` and `check_code(mobile=, purpose=, code=)`.
Codes are six digits, stored only as an HMAC digest, valid for settings.SMS_CODE_TTL_SECONDS, sent at most
once per settings.SMS_RESEND_INTERVAL_SECONDS per number, and die after settings.SMS_MAX_ATTEMPTS wrong tries.
Requests from the public pages also go through `admit_request` (daily limits per client address and number).

A real gateway plugs in by naming a subclass of `SmsSender` in settings.SMS_SENDER.
"""

import abc
import hashlib
import hmac
import logging
import math
import secrets
import zlib
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone
from django.utils.module_loading import import_string
from django.utils.translation import gettext as _

from accounts.models import SmsCode, SmsOutboxMessage, SmsPurpose, SmsRequest
from core.identifiers import validate_mobile
from core.masking import mask_mobile

logger = logging.getLogger("praxis.sms")

CODE_LENGTH = 6


class SmsSender(abc.ABC):
    """Delivers one text message. Subclasses raise an exception when the gateway refuses the message;
    the code is then not stored, so the user can ask again at once."""

    @abc.abstractmethod
    def send(self, mobile: str, message: str) -> None:
        """Hand `message` to the gateway for `mobile`."""


class OutboxSender(SmsSender):
    """The default: nothing leaves the machine. The message goes to the "praxis.sms" log and to the outbox
    table that the demo page /accounts/dev/sms/ and the tests read."""

    def send(self, mobile: str, message: str) -> None:
        logger.info("SMS to %s: %s", mobile, message)
        SmsOutboxMessage.objects.create(mobile=mobile, message=message)


def get_sender() -> SmsSender:
    return import_string(settings.SMS_SENDER)()


def code_digest(*, mobile: str, purpose: str, code: str) -> str:
    # Keyed by the secret key and bound to number and purpose, so a leaked table yields nothing and a
    # code sent for one purpose cannot be used for another.
    message = f"{mobile}:{purpose}:{code}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()


def ttl_minutes() -> int:
    return max(1, settings.SMS_CODE_TTL_SECONDS // 60)


def sent_message(mobile: str) -> str:
    """What the page shows after a code went out."""
    return _("验证码已发送至 %(mobile)s，%(minutes)d 分钟内有效") % {
        "mobile": mask_mobile(mobile),
        "minutes": ttl_minutes(),
    }


LOCK_NUMBER = 7061
LOCK_ADDRESS = 7062


def _lock(namespace: int, value: str) -> None:
    """Serialise requests for one number (or from one address) for the rest of the transaction so two
    parallel requests cannot both pass a limit. SQLite runs write transactions one at a time already."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_advisory_xact_lock(%s, %s)", [namespace, zlib.crc32(value.encode()) - 2**31])


def _lock_number(mobile: str) -> None:
    _lock(LOCK_NUMBER, mobile)


def _wait_message(wait: float) -> ValidationError:
    return ValidationError(_("验证码发送过于频繁，请 %(seconds)d 秒后再试") % {"seconds": math.ceil(wait)},
                           code="sms_rate_limited")


def admit_request(*, mobile: str, purpose: str, client_ip: str | None) -> None:
    """Count one request for a code from a public page, or refuse it with a ValidationError: the resend
    interval, then at most settings.SMS_MAX_PER_ADDRESS_PER_DAY requests from one client address and
    settings.SMS_MAX_PER_NUMBER_PER_DAY to one number per calendar day. The rows counted are written
    whether or not a code is then sent, so the answer never depends on whether the number is registered.
    Call it inside the transaction that sends the code, so a refused send does not count."""
    now = timezone.now()
    day_start = timezone.localtime(now).replace(hour=0, minute=0, second=0, microsecond=0)
    _lock_number(mobile)
    if client_ip:
        _lock(LOCK_ADDRESS, client_ip)
        from_address = SmsRequest.objects.filter(ip_address=client_ip, created_at__gte=day_start).count()
        if from_address >= settings.SMS_MAX_PER_ADDRESS_PER_DAY:
            raise ValidationError(_("当前网络地址今日获取验证码次数已达上限，请明天再试"), code="sms_address_limit")
    to_number = SmsRequest.objects.filter(mobile=mobile, created_at__gte=day_start)
    if to_number.count() >= settings.SMS_MAX_PER_NUMBER_PER_DAY:
        raise ValidationError(_("该手机号今日获取验证码次数已达上限，请明天再试"), code="sms_number_limit")
    last = SmsRequest.objects.filter(mobile=mobile).order_by("-created_at").values_list("created_at", flat=True).first()
    if last is not None:
        wait = settings.SMS_RESEND_INTERVAL_SECONDS - (now - last).total_seconds()
        if wait > 0:
            raise _wait_message(wait)
    SmsRequest.objects.create(mobile=mobile, purpose=purpose, ip_address=client_ip or None, created_at=now)


def _validate_purpose(purpose: str) -> None:
    if purpose not in SmsPurpose.values:
        raise ValidationError(_("验证码用途无效"), code="invalid_purpose")


def send_code(*, mobile: str, purpose: str, deliver: bool = True) -> None:
    """Generate a code for `mobile` and send it. Raises ValidationError (Chinese message) for a malformed
    number or when the last code to this number went out less than the resend interval ago.

    deliver=False stores a code that nobody receives: password reset does that for a number without an
    account, so both answers do the same work and take the same time."""
    mobile = (mobile or "").strip()
    validate_mobile(mobile)
    _validate_purpose(purpose)
    with transaction.atomic():
        _lock_number(mobile)
        now = timezone.now()
        last = SmsCode.objects.filter(mobile=mobile).order_by("-created_at").first()
        if last is not None:
            wait = settings.SMS_RESEND_INTERVAL_SECONDS - (now - last.created_at).total_seconds()
            if wait > 0:
                raise _wait_message(wait)
        code = f"{secrets.randbelow(10**CODE_LENGTH):0{CODE_LENGTH}d}"
        SmsCode.objects.create(
            mobile=mobile,
            purpose=purpose,
            code_digest=code_digest(mobile=mobile, purpose=purpose, code=code),
            created_at=now,
            expires_at=now + timedelta(seconds=settings.SMS_CODE_TTL_SECONDS),
        )
        message = _("【Praxis】您的验证码为 %(code)s，用于%(purpose)s，%(minutes)d 分钟内有效。请勿泄露给他人。") % {
            "code": code,
            "purpose": SmsPurpose(purpose).label,
            "minutes": ttl_minutes(),
        }
        if deliver:
            get_sender().send(mobile, message)


def check_code(*, mobile: str, purpose: str, code: str) -> None:
    """Accept `code` if it is the latest one sent to `mobile` for `purpose`, unexpired, unused and not
    tried too often; it is then consumed. Otherwise raise ValidationError with the reason.

    Call it outside any enclosing transaction that the ValidationError would roll back (a form's clean()
    is the usual place): otherwise the wrong try is not counted."""
    mobile = (mobile or "").strip()
    code = (code or "").strip()
    _validate_purpose(purpose)
    wrong = ValidationError(_("验证码错误"), code="sms_code_wrong")
    with transaction.atomic():
        latest = (
            SmsCode.objects.select_for_update()
            .filter(mobile=mobile, purpose=purpose)
            .order_by("-created_at", "-id")
            .first()
        )
        if latest is None or latest.consumed_at is not None:
            raise wrong
        now = timezone.now()
        if latest.expires_at <= now:
            raise ValidationError(_("验证码已过期，请重新获取"), code="sms_code_expired")
        if latest.attempts >= settings.SMS_MAX_ATTEMPTS:
            raise _too_many()
        expected = code_digest(mobile=mobile, purpose=purpose, code=code)
        if hmac.compare_digest(expected, latest.code_digest):
            latest.consumed_at = now
            latest.save(update_fields=["consumed_at"])
            return
        latest.attempts += 1
        latest.save(update_fields=["attempts"])
    # Raised after the block commits so the counted try survives.
    if latest.attempts >= settings.SMS_MAX_ATTEMPTS:
        raise _too_many()
    raise wrong


def _too_many() -> ValidationError:
    return ValidationError(_("验证码错误次数过多，请重新获取"), code="sms_code_dead")
