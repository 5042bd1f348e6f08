"""Sign-in for people with name + ID number + SMS code (manual 001 §2.1–2.2), for any programme registered
in accounts.eligibility.

Name and ID number are not secret, so every sign-in through this entry also needs an SMS code: the first
binds a mobile (purpose bind_mobile), later ones go to the bound mobile (purpose sign_in). Once done, the
account remembers the verification (User.identity_verified_at): other programmes then admit the person,
signed in with a password too, by their rule alone (`admit_verified`).

Wrong name/ID pairs are written to the login log with REASON_NAME_MISMATCH, which counts as a guess
against the client address together with wrong passwords (accounts.services.address_block_ends).
"""

import secrets
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import services, sms
from accounts.eligibility import Eligibility, PeopleProgramme
from accounts.identifiers import find_user_by_id_number
from accounts.models import SmsPurpose, User, UserKind
from audit.services import record

REASON_NAME_MISMATCH = services.REASON_NAME_MISMATCH
REASON_INELIGIBLE = "不符合参加条件"
REASON_SIGNED_IN = "姓名、身份证号和短信验证码登录成功"
USERNAME_PREFIX = "gr"
USERNAME_ATTEMPTS = 20


@dataclass(frozen=True)
class Identity:
    programme: PeopleProgramme
    name: str
    id_number: str
    user: User | None  # the existing account with this ID number
    eligibility: Eligibility


def _log(*, user, id_number, client_ip, user_agent, succeeded, reason) -> None:
    services.record_attempt(user=user, identifier=id_number, client_ip=client_ip, user_agent=user_agent,
                            succeeded=succeeded, reason=reason)


def check_identity(*, programme: PeopleProgramme, name: str, id_number: str, client_ip: str | None,
                   user_agent: str = "") -> Identity:
    """Check a name and a (well-formed, normalised) ID number for `programme`. Raises ValidationError
    (a dict naming the field where there is one) and logs refused attempts in the login log."""
    now = timezone.now()
    log = {"id_number": id_number, "client_ip": client_ip, "user_agent": user_agent}
    block_ends = services.address_block_ends(client_ip, now)
    if block_ends is not None:
        _log(user=None, succeeded=False, reason=services.REASON_ADDRESS_BLOCKED, **log)
        raise ValidationError(_("当前网络地址登录失败次数过多，请 %(left)s后再试")
                              % {"left": services.format_duration(block_ends - now)}, code="address_blocked")
    user = find_user_by_id_number(id_number)
    eligibility = programme.check(name=name, id_number=id_number, user=user)
    expected = eligibility.registered_name or (user.real_name if user is not None else None)
    if expected is not None and expected != name:
        _log(user=user, succeeded=False, reason=REASON_NAME_MISMATCH, **log)
        raise ValidationError({"name": _("姓名与身份证号不一致")}, code="name_mismatch")
    if user is not None:
        _refuse_unusable_account(user, now)
    if eligibility.refusal:
        reason, field = (REASON_NAME_MISMATCH, "name") if eligibility.name_mismatch else (REASON_INELIGIBLE,
                                                                                         "id_number")
        _log(user=user, succeeded=False, reason=reason, **log)
        raise ValidationError({field: eligibility.refusal}, code="ineligible")
    return Identity(programme=programme, name=name, id_number=id_number, user=user, eligibility=eligibility)


def _refuse_unusable_account(user: User, now) -> None:
    if user.kind != UserKind.INDIVIDUAL:
        raise ValidationError(_("该身份证号已用于单位账号，请从“用户登录”页登录"), code="not_individual")
    if not user.is_active:
        raise ValidationError(_("账号已停用"), code="inactive")
    if user.is_locked:
        raise ValidationError(_("账号已冻结，请在 %(left)s后再试")
                              % {"left": services.format_duration(user.locked_until - now)}, code="locked")


def _new_username() -> str:
    for _attempt in range(USERNAME_ATTEMPTS):
        candidate = f"{USERNAME_PREFIX}{secrets.token_hex(5)}"
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    raise RuntimeError("no free login name")


@transaction.atomic
def open_account(*, name: str, id_number: str) -> User:
    """The individual account for this ID number, created on the first sign-in (without a password)."""
    try:
        with transaction.atomic():
            user = User.objects.create_user(_new_username(), kind=UserKind.INDIVIDUAL, real_name=name,
                                            id_number=id_number)
    except IntegrityError:
        # The same person signing in twice at once: the other request created the account.
        return find_user_by_id_number(id_number)
    record(actor=user, action="accounts.individual_registered", target=user, after={"username": user.username})
    return user


@transaction.atomic
def enter(*, identity: Identity) -> User:
    """The person's account (found or created) and their record in the programme."""
    user = identity.user or open_account(name=identity.name, id_number=identity.id_number)
    identity.programme.enter(user=user, eligibility=identity.eligibility)
    return user


def admit_verified(*, user: User, programme: PeopleProgramme) -> None:
    """Let an individual whose name and ID number were verified before (in any programme) into
    `programme` without that entry again; ValidationError with the reason when its rule refuses them."""
    if user.kind != UserKind.INDIVIDUAL or user.identity_verified_at is None or not user.id_number:
        raise ValidationError(_("请先通过姓名和身份证号登录入口核验身份"), code="not_verified")
    eligibility = programme.check(name=user.real_name, id_number=user.id_number, user=user)
    if eligibility.registered_name is not None and eligibility.registered_name != user.real_name:
        raise ValidationError(_("姓名与身份证号不一致"), code="name_mismatch")
    if eligibility.refusal:
        raise ValidationError(eligibility.refusal, code="ineligible")
    with transaction.atomic():
        programme.enter(user=user, eligibility=eligibility)


def send_sign_in_code(*, user: User, client_ip: str | None) -> str:
    """The code of a later sign-in, to the bound mobile, within the SMS limits of the public pages."""
    with transaction.atomic():
        sms.admit_request(mobile=user.mobile, purpose=SmsPurpose.SIGN_IN, client_ip=client_ip)
        sms.send_code(mobile=user.mobile, purpose=SmsPurpose.SIGN_IN)
    return sms.sent_message(user.mobile)


@transaction.atomic
def finish_sign_in(*, user: User, programme: PeopleProgramme, client_ip: str | None, user_agent: str = "") -> None:
    """The SMS step is done: remember the verification on the account and log the sign-in. The caller
    logs the user in."""
    locked = User.objects.select_for_update().get(pk=user.pk)
    if locked.identity_verified_at is None:
        locked.identity_verified_at = timezone.now()
        locked.save(update_fields=["identity_verified_at"])
        record(actor=locked, action="accounts.identity_verified", target=locked,
               after={"identity_verified_at": locked.identity_verified_at, "programme": programme.key})
        user.identity_verified_at = locked.identity_verified_at
    _log(user=user, id_number=user.id_number or user.username, client_ip=client_ip, user_agent=user_agent,
         succeeded=True, reason=f"{REASON_SIGNED_IN}（{programme.label}）")


@transaction.atomic
def bind_mobile(*, actor: User, mobile: str, password: str = "") -> User:
    """Bind the mobile whose code the form has checked; set the password when one was given."""
    user = User.objects.select_for_update().get(pk=actor.pk)
    before = {"mobile": user.mobile}
    user.mobile = mobile
    fields = ["mobile"]
    if password:
        user.set_password(password)
        fields.append("password")
    try:
        with transaction.atomic():
            user.save(update_fields=fields)
    except IntegrityError:
        raise ValidationError({"mobile": _("该手机号已被其他账号绑定")}, code="mobile_taken") from None
    record(actor=user, action="accounts.mobile_bound", target=user, before=before,
           after={"mobile": mobile, "password_set": bool(password)})
    actor.mobile, actor.password = user.mobile, user.password
    return user
