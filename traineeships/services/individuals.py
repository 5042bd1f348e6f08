"""The individual's side of the programme: sign-in with name and ID number (manual 001 §2.1–2.2), the mobile
binding that must follow the first one, and the 见习意向 form.

Who may take part: a person in the graduate register (the name must match the register), otherwise a young
job seeker aged 16 to 24 on the day (regulations §2). Age is checked when the person first enters the
programme (the profile is created then); someone who turns 25 while applying or on post keeps access to
their own records. Name and ID number are not secret, so every sign-in through this entry needs an SMS code:
the first binds a mobile (purpose bind_mobile), later ones go to the bound mobile (purpose sign_in).

Guessing names: the accounts app's per-address limit counts password guesses only and is private to it,
so wrong name/ID pairs are written to the same login records (LoginRecord) with their own reason and counted
here against the same settings (LOGIN_MAX_FAILURES_PER_ADDRESS within LOGIN_ADDRESS_WINDOW_MINUTES).
"""

import secrets
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import sms
from accounts.models import LoginRecord, SmsPurpose, User, UserKind
from accounts.services import format_duration
from audit.services import record, snapshot
from core.identifiers import age_on
from traineeships.models import GraduateRecord, TraineeKind, TraineeProfile

MIN_AGE = 16
MAX_AGE = 24
NAME_MISMATCH = "姓名与身份证号不一致"
AGE_REFUSED = "年龄不符合要求（须年满16周岁、未满25周岁），无法参加就业见习"
REASON_NAME_MISMATCH = "就业见习登录：姓名与身份证号不一致"
REASON_AGE = "就业见习登录：年龄不符合要求"
REASON_SIGNED_IN = "就业见习登录成功"
REASON_BLOCKED = "就业见习登录：该地址失败次数过多"
USERNAME_ATTEMPTS = 20
CONTACT_FIELDS = ("household_region", "address", "email", "contact_mobile")
INTENTION_FIELDS = ("intended_region", "intended_post", "intended_industry", "intention_note")
YOUTH_FIELDS = ("education", "major", "id_document_type", "id_issuing_authority", "id_valid_from", "id_valid_to",
                "id_valid_long_term")


def today():
    """The day the age rule is checked on; tests replace it."""
    return timezone.localdate()


@dataclass(frozen=True)
class Identity:
    name: str
    id_number: str
    kind: str
    graduate: GraduateRecord | None
    user: User | None  # the existing account with this ID number


def _log(*, user, id_number, client_ip, user_agent, succeeded, reason) -> None:
    LoginRecord.objects.create(
        user=user, identifier=id_number, ip_address=client_ip or None,
        user_agent=(user_agent or "")[:LoginRecord._meta.get_field("user_agent").max_length],
        succeeded=succeeded, reason=reason,
    )


def _address_block_ends(client_ip, now):
    if not client_ip:
        return None
    window = timedelta(minutes=settings.LOGIN_ADDRESS_WINDOW_MINUTES)
    limit = settings.LOGIN_MAX_FAILURES_PER_ADDRESS
    recent = list(
        LoginRecord.objects.filter(ip_address=client_ip, succeeded=False, reason=REASON_NAME_MISMATCH,
                                   created_at__gt=now - window)
        .order_by("-created_at").values_list("created_at", flat=True)[:limit]
    )
    if len(recent) < limit:
        return None
    return recent[-1] + window


def check_identity(*, name: str, id_number: str, client_ip: str | None, user_agent: str = "") -> Identity:
    """Check a name and a (well-formed) ID number. Raises ValidationError whose dict names the field, and
    records refused attempts in the login records."""
    now = timezone.now()
    log = {"id_number": id_number, "client_ip": client_ip, "user_agent": user_agent}
    block_ends = _address_block_ends(client_ip, now)
    if block_ends is not None:
        _log(user=None, succeeded=False, reason=REASON_BLOCKED, **log)
        raise ValidationError(_("当前网络地址核验失败次数过多，请 %(left)s后再试")
                              % {"left": format_duration(block_ends - now)}, code="address_blocked")
    graduate = GraduateRecord.objects.filter(id_number=id_number).first()
    user = User.objects.filter(id_number=id_number).select_related("trainee_profile").first()
    expected = graduate.name if graduate is not None else user.real_name if user is not None else None
    if expected is not None and expected != name:
        _log(user=user, succeeded=False, reason=REASON_NAME_MISMATCH, **log)
        raise ValidationError({"name": _(NAME_MISMATCH)}, code="name_mismatch")
    if user is not None and user.kind != UserKind.INDIVIDUAL:
        raise ValidationError(_("该身份证号已用于单位账号，请从“用户登录”页登录"), code="not_individual")
    if user is not None and not user.is_active:
        raise ValidationError(_("账号已停用"), code="inactive")
    if user is not None and user.is_locked:
        raise ValidationError(_("账号已冻结，请在 %(left)s后再试")
                              % {"left": format_duration(user.locked_until - now)}, code="locked")
    kind = TraineeKind.GRADUATE if graduate is not None else TraineeKind.YOUTH
    has_profile = user is not None and hasattr(user, "trainee_profile")
    if kind == TraineeKind.YOUTH and not has_profile and not MIN_AGE <= age_on(id_number, today()) <= MAX_AGE:
        _log(user=user, succeeded=False, reason=REASON_AGE, **log)
        raise ValidationError({"id_number": _(AGE_REFUSED)}, code="age")
    return Identity(name=name, id_number=id_number, kind=kind, graduate=graduate, user=user)


def _new_username() -> str:
    for _attempt in range(USERNAME_ATTEMPTS):
        candidate = f"jx{secrets.token_hex(5)}"
        if not User.objects.filter(username__iexact=candidate).exists():
            return candidate
    raise RuntimeError("no free login name")


def _profile_values(identity: Identity) -> dict:
    values = {"kind": identity.kind, "graduate_record": identity.graduate}
    if identity.graduate is not None:
        values.update(education=identity.graduate.education, major=identity.graduate.major)
    return values


@transaction.atomic
def enter_programme(*, identity: Identity) -> User:
    """The person's account and profile: created at the first sign-in, found at later ones."""
    user = identity.user
    if user is None:
        try:
            with transaction.atomic():
                user = User.objects.create_user(_new_username(), kind=UserKind.INDIVIDUAL, real_name=identity.name,
                                                id_number=identity.id_number)
        except IntegrityError:
            # The same person signing in twice at once: the other request created the account.
            user = User.objects.get(id_number=identity.id_number)
        else:
            record(actor=user, action="traineeships.individual_registered", target=user,
                   after={"kind": identity.kind, "username": user.username})
    profile, created = TraineeProfile.objects.get_or_create(person=user, defaults=_profile_values(identity))
    if created:
        record(actor=user, action="traineeships.profile_created", target=profile, after={"kind": profile.kind})
    return user


def send_sign_in_code(*, user: User) -> str:
    sms.send_code(mobile=user.mobile, purpose=SmsPurpose.SIGN_IN)
    return sms.sent_message(user.mobile)


def record_sign_in(*, user: User, client_ip: str | None, user_agent: str = "") -> None:
    _log(user=user, id_number=user.id_number or user.username, client_ip=client_ip, user_agent=user_agent,
         succeeded=True, reason=REASON_SIGNED_IN)


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
    TraineeProfile.objects.filter(person=user).update(mobile_verified_at=timezone.now())
    record(actor=user, action="traineeships.mobile_bound", target=user, before=before,
           after={"mobile": mobile, "password_set": bool(password)})
    actor.mobile, actor.password = user.mobile, user.password
    return user


def intention_fields(profile: TraineeProfile) -> tuple[str, ...]:
    fields = CONTACT_FIELDS + INTENTION_FIELDS
    return fields + YOUTH_FIELDS if profile.kind == TraineeKind.YOUTH else fields


def profile_complete(profile: TraineeProfile | None) -> bool:
    return profile is not None and profile.intention_submitted_at is not None and bool(profile.person.mobile)


@transaction.atomic
def submit_intention(*, actor: User, data: dict) -> TraineeProfile:
    """见习意向填表: contact, intention and (young job seekers) ID document details; the register's basic
    information is not part of `data`."""
    profile = TraineeProfile.objects.select_for_update().get(person=actor)
    names = intention_fields(profile)
    before = snapshot(profile, names)
    for name in names:
        setattr(profile, name, data[name])
    profile.intention_submitted_at = timezone.now()
    profile.save()
    record(actor=actor, action="traineeships.intention_submitted", target=profile, before=before,
           after=snapshot(profile, names))
    return profile
