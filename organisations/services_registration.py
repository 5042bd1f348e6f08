"""The three ways an organisation comes onto the platform (manual 000 §2.1–2.3): pre-registration by a
school or department followed by activation, self-registration, and recommendation by a student."""

import math
from datetime import timedelta

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User, UserKind
from accounts.rules import is_individual
from audit.services import record
from organisations.codes import new_activation_code, new_platform_code, normalise_activation_code
from organisations.models import Organisation, OrganisationKind, Origin
from organisations.rules import may_recommend_units
from organisations.services import require_verified

ACTIVATION_MAX_FAILURES = 10
ACTIVATION_BLOCK = timedelta(hours=1)
# A student's invitations go out as SMS to numbers the student types: cap them per day.
STUDENT_RECOMMENDATIONS_PER_DAY = 5


def credit_code_taken_message() -> str:
    return _("该统一社会信用代码已注册，请直接登录或找回密码")


def mobile_taken_message() -> str:
    return _("该手机号已被其他账号使用，请更换手机号")


def admin_username_for(organisation: Organisation) -> str:
    """The administrator's login name when none was chosen: derived from the platform code, so it never
    looks like a mobile, ID number or credit code (the sign-in form would confuse them)."""
    base = f"org{organisation.platform_code.lower()}"
    candidate, suffix = base, 1
    while User.objects.filter(username__iexact=candidate).exists():
        suffix += 1
        candidate = f"{base}_{suffix}"
    return candidate


def build_admin(organisation: Organisation, *, mobile: str, username: str = "") -> User:
    """The (unsaved) administrator account of `organisation`; also used by forms to check the password
    rules against the identifiers the account will have."""
    return User(
        username=username or "",
        real_name=_("单位管理员"),
        mobile=mobile,
        kind=UserKind.ORGANISATION,
        organisation=organisation,
        is_org_admin=True,
    )


def _save_admin(organisation: Organisation, *, mobile: str, password: str, username: str = "") -> User:
    admin = build_admin(organisation, mobile=mobile, username=username or admin_username_for(organisation))
    admin.organisation = organisation
    admin.set_password(password)
    try:
        with transaction.atomic():
            admin.save()
    except IntegrityError:
        if User.objects.filter(mobile=mobile).exists():
            raise ValidationError({"mobile": mobile_taken_message()}) from None
        raise ValidationError({"username": _("该登录名已被使用，请换一个")}) from None
    return admin


def already_on_platform_message(existing: Organisation) -> str:
    return _("该单位（%(name)s）已在平台上，无需重复录入") % {"name": existing.name}


def _create_organisation(*, taken_message=None, **fields) -> Organisation:
    organisation = Organisation(platform_code=new_platform_code(), **fields)
    try:
        with transaction.atomic():
            organisation.save()
    except IntegrityError:
        existing = Organisation.objects.filter(credit_code=fields["credit_code"]).first()
        if existing is not None:
            message = taken_message(existing) if taken_message else credit_code_taken_message()
            raise ValidationError({"credit_code": message}) from None
        raise
    return organisation


@transaction.atomic
def register_organisation(*, name: str, credit_code: str, legal_representative: str, kind: str, mobile: str,
                          password: str, username: str = "") -> User:
    """自荐注册: the organisation (activated now, not yet verified) and its administrator, together.
    The SMS code has been checked by the form. Returns the administrator."""
    if kind == OrganisationKind.GOVERNMENT:
        raise ValidationError({"kind": _("政府部门由平台开通，不能自行注册")})
    organisation = _create_organisation(
        name=name, credit_code=credit_code, legal_representative=legal_representative, kind=kind,
        origin=Origin.SELF_REGISTERED, activated_at=timezone.now(),
    )
    admin = _save_admin(organisation, mobile=mobile, password=password, username=username)
    record(actor=admin, action="organisations.self_registered", target=organisation,
           after={"credit_code": credit_code, "kind": kind, "admin": admin.username})
    return admin


@transaction.atomic
def preregister_organisation(*, actor, name: str, credit_code: str, legal_representative: str, kind: str, region,
                             contact_person: str, contact_phone: str) -> Organisation:
    """推荐录入 by a school or government department: the unit gets a platform code and an activation code
    that the recommender passes on; its administrator activates the account later."""
    recommender = actor.organisation
    if recommender is None or recommender.kind not in (OrganisationKind.SCHOOL, OrganisationKind.GOVERNMENT):
        raise ValidationError(_("只有学校和政府部门可以推荐录入单位"))
    require_verified(recommender)
    if kind == OrganisationKind.GOVERNMENT:
        raise ValidationError({"kind": _("政府部门由平台开通，不能推荐录入")})
    organisation = _create_organisation(
        name=name, credit_code=credit_code, legal_representative=legal_representative, kind=kind, region=region,
        contact_person=contact_person, contact_phone=contact_phone, origin=Origin.PRE_REGISTERED,
        recommended_by=recommender, recommender_note=recommender.name[:128], created_by=actor,
        activation_code=new_activation_code(), taken_message=already_on_platform_message,
    )
    record(actor=actor, action="organisations.preregistered", target=organisation,
           after={"credit_code": credit_code, "platform_code": organisation.platform_code})
    return organisation


def activation_blocked_message(organisation: Organisation, now) -> str:
    minutes = max(1, math.ceil((organisation.activation_blocked_until - now).total_seconds() / 60))
    return _("激活码错误次数过多，请 %(minutes)d 分钟后再试") % {"minutes": minutes}


def check_activation_code(*, credit_code: str, code: str) -> Organisation:
    """Find the organisation a recommender entered and check its activation code. A wrong code counts
    (committed even though the caller's form then fails); after ACTIVATION_MAX_FAILURES in a row the
    organisation cannot be activated for ACTIVATION_BLOCK."""
    now = timezone.now()
    with transaction.atomic():
        organisation = Organisation.objects.select_for_update().filter(credit_code=credit_code).first()
        if organisation is None:
            raise ValidationError(
                {"credit_code": _("平台上没有该统一社会信用代码的推荐录入单位，请核对或自行注册")}
            )
        if organisation.is_activated:
            raise ValidationError({"credit_code": _("该单位已激活，请直接登录")})
        if organisation.activation_blocked_until and organisation.activation_blocked_until > now:
            raise ValidationError({"activation_code": activation_blocked_message(organisation, now)})
        if organisation.activation_code and normalise_activation_code(code) == organisation.activation_code:
            return organisation
        organisation.activation_failures += 1
        fields = ["activation_failures"]
        if organisation.activation_failures >= ACTIVATION_MAX_FAILURES:
            organisation.activation_blocked_until = now + ACTIVATION_BLOCK
            organisation.activation_failures = 0
            fields.append("activation_blocked_until")
            record(actor=None, action="organisations.activation_blocked", target=organisation,
                   after={"blocked_until": organisation.activation_blocked_until})
        organisation.save(update_fields=fields)
    # Raised after the block has committed, so the counted try survives.
    if "activation_blocked_until" in fields:
        raise ValidationError({"activation_code": activation_blocked_message(organisation, now)})
    raise ValidationError({"activation_code": _("激活码不正确")})


@transaction.atomic
def activate_organisation(*, organisation: Organisation, activation_code: str, mobile: str, password: str) -> User:
    """账号激活: the administrator account is created, the activation code is spent."""
    locked = Organisation.objects.select_for_update().get(pk=organisation.pk)
    if locked.is_activated:
        raise ValidationError({"credit_code": _("该单位已激活，请直接登录")})
    if not locked.activation_code or normalise_activation_code(activation_code) != locked.activation_code:
        raise ValidationError({"activation_code": _("激活码不正确")})
    locked.activated_at = timezone.now()
    locked.activation_code = ""
    locked.activation_failures = 0
    locked.activation_blocked_until = None
    locked.save(update_fields=["activated_at", "activation_code", "activation_failures", "activation_blocked_until",
                               "updated_at"])
    admin = _save_admin(locked, mobile=mobile, password=password)
    record(actor=admin, action="organisations.activated", target=locked, after={"admin": admin.username})
    organisation.refresh_from_db()
    return admin


def invitation_text(organisation: Organisation, student_name: str) -> str:
    return _(
        "【Praxis】%(student)s推荐贵单位“%(name)s”入驻实习平台。平台代码 %(platform)s，激活码 %(code)s，"
        "请访问 %(path)s 激活账号。"
    ) % {
        "student": student_name[:16],
        "name": organisation.name[:40],
        "platform": organisation.platform_code,
        "code": organisation.activation_code,
        "path": reverse("organisations:activate"),
    }


def recommendations_today(student) -> int:
    since = timezone.now() - timedelta(days=1)
    return Organisation.objects.filter(
        origin=Origin.STUDENT_RECOMMENDED, created_by=student, created_at__gte=since
    ).count()


@transaction.atomic
def recommend_organisation(*, actor, name: str, credit_code: str, legal_representative: str, region,
                           contact_person: str, contact_mobile: str) -> Organisation:
    """学生推荐: the unit is created unverified and not yet activated, and invited by SMS to its contact."""
    from accounts.sms import get_sender

    if not is_individual(actor):
        raise ValidationError(_("只有个人用户可以推荐实习单位"))
    if not may_recommend_units(actor):
        raise ValidationError(_("推荐实习单位供在校学生推荐本人的实习单位；就业见习人员不使用此功能"))
    if recommendations_today(actor) >= STUDENT_RECOMMENDATIONS_PER_DAY:
        raise ValidationError(
            _("24 小时内最多推荐 %(n)d 家单位，请明天再试") % {"n": STUDENT_RECOMMENDATIONS_PER_DAY}
        )
    organisation = _create_organisation(
        name=name, credit_code=credit_code, legal_representative=legal_representative, kind=OrganisationKind.ENTERPRISE,
        region=region, contact_person=contact_person, contact_phone=contact_mobile,
        origin=Origin.STUDENT_RECOMMENDED, recommender_note=actor.real_name[:128], created_by=actor,
        activation_code=new_activation_code(), taken_message=already_on_platform_message,
    )
    record(actor=actor, action="organisations.student_recommended", target=organisation,
           after={"credit_code": credit_code, "platform_code": organisation.platform_code})
    # Sent inside the transaction: if the gateway refuses, nothing is created and the student may retry.
    get_sender().send(contact_mobile, invitation_text(organisation, actor.real_name))
    return organisation
