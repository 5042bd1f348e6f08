"""Writes of the accounts app: sign-in with lockout, password change and reset, login name, SMS requests."""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.contrib.auth.hashers import make_password
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import sms
from accounts.identifiers import find_user_by_identifier
from accounts.models import LoginRecord, SmsPurpose, User
from accounts.validators import validate_login_name
from audit.services import record as audit_record
from core.identifiers import validate_mobile
from core.masking import mask_mobile

# LoginRecord.reason values.
REASON_SUCCESS = "登录成功"
REASON_WRONG_PASSWORD = "密码错误"
REASON_UNKNOWN_ACCOUNT = "账号不存在"
REASON_LOCKED = "账号已冻结"
REASON_INACTIVE = "账号已停用"
REASON_ADDRESS_BLOCKED = "该地址失败次数过多"
REASON_CAPTCHA = "图形验证码错误"
REASON_NAME_MISMATCH = "姓名与身份证号不一致"  # the name + ID number entry (accounts.identity)
# Guesses: they count against the client address, whichever entry they were made at.
GUESS_REASONS = (REASON_WRONG_PASSWORD, REASON_UNKNOWN_ACCOUNT, REASON_NAME_MISMATCH)

IDENTIFIER_MAX = LoginRecord._meta.get_field("identifier").max_length
USER_AGENT_MAX = LoginRecord._meta.get_field("user_agent").max_length


@dataclass(frozen=True)
class SignInResult:
    succeeded: bool
    user: User | None
    message: str
    reason: str


def format_duration(delta: timedelta) -> str:
    """'1 小时 59 分钟', '2 小时' or '5 分钟': whole minutes left, never less than one."""
    minutes = max(1, int(delta.total_seconds() // 60))
    hours, minutes = divmod(minutes, 60)
    if hours and minutes:
        return _("%(h)d 小时 %(m)d 分钟") % {"h": hours, "m": minutes}
    if hours:
        return _("%(h)d 小时") % {"h": hours}
    return _("%(m)d 分钟") % {"m": minutes}


def spend_password_check_time(password: str) -> None:
    """Run the password hasher once without checking anything: every answer that does not check a
    password calls this, so the answer time does not tell a frozen, blocked or unknown account from a
    wrong password."""
    make_password(password)


def _lock_duration() -> timedelta:
    return timedelta(minutes=settings.LOGIN_LOCK_MINUTES)


def _locked_message(locked_until, now) -> str:
    return _("账号已冻结，请在 %(left)s后再试") % {"left": format_duration(locked_until - now)}


def _failure_message(failures: int) -> str:
    """The message after the `failures`-th consecutive wrong password (the same whether or not the account
    exists, so the page does not reveal which identifiers are registered)."""
    if failures >= settings.LOGIN_MAX_FAILURES:
        left = format_duration(_lock_duration())
        return _("账号或密码错误次数过多，账号已冻结，请在 %(left)s后再试") % {"left": left}
    if failures >= settings.LOGIN_WARN_AFTER_FAILURES:
        return _("账号或密码错误，再错 %(n)d 次账号将被冻结 %(duration)s") % {
            "n": settings.LOGIN_MAX_FAILURES - failures,
            "duration": format_duration(_lock_duration()),
        }
    return _("账号或密码错误")


def _record(*, user, identifier, client_ip, user_agent, succeeded, reason, now) -> None:
    LoginRecord.objects.create(
        user=user,
        identifier=identifier[:IDENTIFIER_MAX],
        ip_address=client_ip or None,
        user_agent=(user_agent or "")[:USER_AGENT_MAX],
        succeeded=succeeded,
        reason=reason,
        created_at=now,
    )


def record_attempt(*, user, identifier, client_ip, user_agent, succeeded, reason) -> None:
    """One line of the login log, for every way of signing in."""
    _record(user=user, identifier=identifier, client_ip=client_ip, user_agent=user_agent, succeeded=succeeded,
            reason=reason, now=timezone.now())


def address_block_ends(client_ip, now):
    """When the client address may try again, or None if it is not blocked. Counted from the stored login
    records (wrong passwords, unknown accounts and wrong names at the name + ID number entry alike) so the
    limit holds across every web process and machine and every way of signing in."""
    if not client_ip:
        return None
    window = timedelta(minutes=settings.LOGIN_ADDRESS_WINDOW_MINUTES)
    limit = settings.LOGIN_MAX_FAILURES_PER_ADDRESS
    recent = list(
        LoginRecord.objects.filter(
            ip_address=client_ip, succeeded=False, reason__in=GUESS_REASONS, created_at__gt=now - window
        )
        .order_by("-created_at")
        .values_list("created_at", flat=True)[:limit]
    )
    if len(recent) < limit:
        return None
    # Unblocked once the oldest of the last `limit` guesses leaves the window.
    return recent[-1] + window


def sign_in(*, identifier: str, password: str, client_ip: str | None, user_agent: str = "") -> SignInResult:
    """Check an identifier and password, applying the per-address limit and the per-account lockout, and
    record the attempt. The caller logs the user in (django.contrib.auth.login) when it succeeded."""
    identifier = (identifier or "").strip()
    now = timezone.now()
    found = find_user_by_identifier(identifier)
    common = {"identifier": identifier, "client_ip": client_ip, "user_agent": user_agent, "now": now}

    block_ends = address_block_ends(client_ip, now)
    if block_ends is not None:
        spend_password_check_time(password)
        _record(user=found, succeeded=False, reason=REASON_ADDRESS_BLOCKED, **common)
        message = _("当前网络地址登录失败次数过多，请 %(left)s后再试") % {"left": format_duration(block_ends - now)}
        return SignInResult(False, None, message, REASON_ADDRESS_BLOCKED)

    if found is None:
        return _sign_in_unknown(password=password, **common)
    if found.locked_until is not None and found.locked_until > now:
        spend_password_check_time(password)
        _record(user=found, succeeded=False, reason=REASON_LOCKED, **common)
        return SignInResult(False, None, _locked_message(found.locked_until, now), REASON_LOCKED)

    # The hash (the slow part) runs before the transaction, so the row lock below is held for a few writes only.
    # Django re-hashes a password made with older parameters here (must_update), outside the lock too.
    password_correct = found.check_password(password)
    with transaction.atomic():
        # The row lock makes parallel wrong passwords count one after another, so none slips past the limit; an
        # attempt whose hash ran while another one froze the account is refused as frozen, right password or not.
        user = User.objects.select_for_update().get(pk=found.pk)
        counted = user.failed_login_count > 0 or user.locked_until is not None
        if user.locked_until is not None:
            if user.locked_until > now:
                _record(user=user, succeeded=False, reason=REASON_LOCKED, **common)
                return SignInResult(False, None, _locked_message(user.locked_until, now), REASON_LOCKED)
            # The freeze has run out: a new round of attempts starts.
            user.failed_login_count = 0
            user.locked_until = None

        if not password_correct:
            user.failed_login_count += 1
            if user.failed_login_count >= settings.LOGIN_MAX_FAILURES:
                user.locked_until = now + _lock_duration()
                audit_record(
                    actor=None,
                    action="accounts.account_locked",
                    target=user,
                    after={"failed_login_count": user.failed_login_count, "locked_until": user.locked_until},
                    ip_address=client_ip,
                )
            user.save(update_fields=["failed_login_count", "locked_until"])
            _record(user=user, succeeded=False, reason=REASON_WRONG_PASSWORD, **common)
            return SignInResult(False, None, _failure_message(user.failed_login_count), REASON_WRONG_PASSWORD)

        if counted:  # a successful sign-in with nothing to reset writes nothing here
            user.failed_login_count = 0
            user.locked_until = None
            user.save(update_fields=["failed_login_count", "locked_until"])
        if not user.is_active:
            _record(user=user, succeeded=False, reason=REASON_INACTIVE, **common)
            return SignInResult(False, None, _("账号已停用，请联系单位管理员"), REASON_INACTIVE)
        _record(user=user, succeeded=True, reason=REASON_SUCCESS, **common)
        return SignInResult(True, user, _("登录成功"), REASON_SUCCESS)


def _sign_in_unknown(*, identifier, password, client_ip, user_agent, now) -> SignInResult:
    """An identifier nobody has. It answers exactly as an account would (warning, then a freeze), counting
    from the login records of that identifier, so trying names does not tell which ones exist."""
    spend_password_check_time(password)
    window = _lock_duration()
    previous = list(
        LoginRecord.objects.filter(
            user__isnull=True, identifier=identifier[:IDENTIFIER_MAX], reason=REASON_UNKNOWN_ACCOUNT,
            created_at__gt=now - window,
        )
        .order_by("created_at")
        .values_list("created_at", flat=True)
    )
    common = {"user": None, "identifier": identifier, "client_ip": client_ip, "user_agent": user_agent, "now": now}
    if len(previous) >= settings.LOGIN_MAX_FAILURES:
        locked_until = previous[settings.LOGIN_MAX_FAILURES - 1] + window
        _record(succeeded=False, reason=REASON_LOCKED, **common)
        return SignInResult(False, None, _locked_message(locked_until, now), REASON_LOCKED)
    _record(succeeded=False, reason=REASON_UNKNOWN_ACCOUNT, **common)
    return SignInResult(False, None, _failure_message(len(previous) + 1), REASON_UNKNOWN_ACCOUNT)


def record_rejected_attempt(*, identifier: str, client_ip: str | None, user_agent: str, reason: str) -> None:
    """Log an attempt refused before the password was looked at (wrong captcha). It does not count as a
    password guess for the account or the address."""
    identifier = (identifier or "").strip()
    _record(
        user=find_user_by_identifier(identifier) if identifier else None,
        identifier=identifier,
        client_ip=client_ip,
        user_agent=user_agent,
        succeeded=False,
        reason=reason,
        now=timezone.now(),
    )


def change_password(*, actor: User, new_password: str) -> None:
    """The signed-in user changes their own password (the form has checked the old one and the rules)."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=actor.pk)
        user.set_password(new_password)
        user.save(update_fields=["password"])
        audit_record(actor=user, action="accounts.password_changed", target=user)
    actor.password = user.password


def reset_password(*, mobile: str, new_password: str) -> User:
    """Set a new password after the SMS code was checked; clears the failure count and any freeze."""
    with transaction.atomic():
        user = User.objects.select_for_update().get(mobile=mobile)
        before = {"failed_login_count": user.failed_login_count, "locked_until": user.locked_until}
        user.set_password(new_password)
        user.failed_login_count = 0
        user.locked_until = None
        user.save(update_fields=["password", "failed_login_count", "locked_until"])
        audit_record(
            actor=user,
            action="accounts.password_reset",
            target=user,
            before=before,
            after={"failed_login_count": 0, "locked_until": None},
        )
    return user


def set_login_name(*, actor: User, username: str) -> None:
    from accounts.rules import login_name_fixed

    if login_name_fixed(actor):
        raise ValidationError(_("个人用户的登录账号注册后不能修改"), code="login_name_fixed")
    username = username.strip()
    validate_login_name(username, exclude_pk=actor.pk)
    with transaction.atomic():
        user = User.objects.select_for_update().get(pk=actor.pk)
        if user.username == username:
            return
        before = {"username": user.username}
        user.username = username
        user.save(update_fields=["username"])
        audit_record(actor=user, action="accounts.login_name_changed", target=user, before=before,
                     after={"username": username})
    actor.username = username


def find_reset_account(mobile: str) -> User | None:
    return User.objects.filter(mobile=(mobile or "").strip(), is_active=True).first()


def request_sms_code(*, mobile: str, purpose: str, client_ip: str | None = None) -> str:
    """Send a code for a page of this platform and return what to tell the user, within the daily limits
    per client address and per number (accounts.sms.admit_request).

    For password reset the answer, the limits and the work done are the same whether or not an account
    has the number (a code is stored either way), and no message goes to a number without an account,
    so the page cannot be used to find out who is registered."""
    mobile = (mobile or "").strip()
    validate_mobile(mobile)
    if purpose not in SmsPurpose.values:
        raise ValidationError(_("验证码用途无效"), code="invalid_purpose")
    with transaction.atomic():
        sms.admit_request(mobile=mobile, purpose=purpose, client_ip=client_ip)
        if purpose == SmsPurpose.RESET_PASSWORD:
            sms.send_code(mobile=mobile, purpose=purpose, deliver=find_reset_account(mobile) is not None)
            return _("如该手机号已绑定账号，验证码已发送至 %(mobile)s，%(minutes)d 分钟内有效") % {
                "mobile": mask_mobile(mobile),
                "minutes": sms.ttl_minutes(),
            }
        sms.send_code(mobile=mobile, purpose=purpose)
    return sms.sent_message(mobile)
