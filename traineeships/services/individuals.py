"""The individual's side of the programme: who may enter it (registered with accounts.eligibility; the
sign-in with name, ID number and SMS code is accounts.identity), the traineeship profile created on entry,
and the 见习意向 form.

Who may take part (regulations §2, manual 001 §2.2): a graduate in the register whose name matches it,
within the graduate window of the region's parameter (from `pre_graduation_months` before graduation to
`graduate_window_years` after it; graduation is taken as 30 June of `graduation_year`, the register holding
no day); otherwise a young job seeker aged 16 to 24 on the day. A register record under another name, or a
graduate past the window, falls back to the age check (a graduate still before the window is a student and
does not). The rule is checked when the person first enters the programme (with the widest window in force
anywhere, since no post is chosen yet), on applying and on onboarding (with the window of the post's
region, where the traineeship happens and is paid for). Someone who has entered keeps access to their own
records at later sign-ins whatever their age.
"""

import calendar
import datetime
from dataclasses import dataclass

from django.db import transaction
from django.db.models import Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import identity as people
from accounts.eligibility import Eligibility
from accounts.models import User
from audit.services import record, snapshot
from core.identifiers import age_on
from regions.models import Region
from traineeships.models import GraduateRecord, RegionParameter, TraineeKind, TraineeProfile
from traineeships.selectors import parameter_for

MIN_AGE = 16
MAX_AGE = 24
AGE_REFUSED = "年龄不符合要求（须年满16周岁、未满25周岁），无法参加就业见习"
NAME_FALLBACK_REFUSED = ("姓名与高校毕业生就业信息库中该身份证号的记录不一致，已按16–24周岁失业青年条件核验："
                         "年龄不符合要求（须年满16周岁、未满25周岁），无法参加就业见习")
BEFORE_WINDOW = ("您是%(year)s年毕业的高校毕业生（按%(year)s年6月30日毕业计），可参加就业见习的期限为%(window)s"
                 "（%(start)s至%(end)s），尚未到可参加见习的时间")
AFTER_WINDOW = ("您是%(year)s年毕业的高校毕业生（按%(year)s年6月30日毕业计），可参加就业见习的期限为%(window)s"
                "（%(start)s至%(end)s），已超过期限；按16–24周岁失业青年条件核验，年龄也不符合要求，无法参加就业见习")
CONTACT_FIELDS = ("household_region", "address", "email", "contact_mobile")
INTENTION_FIELDS = ("intended_region", "intended_post", "intended_industry", "intention_note")
YOUTH_FIELDS = ("education", "major", "id_document_type", "id_issuing_authority", "id_valid_from", "id_valid_to",
                "id_valid_long_term")


def today():
    """The day the age rule is checked on; tests replace it."""
    return timezone.localdate()


@dataclass(frozen=True)
class Identity:
    """A person entering the programme: the account (None until created) and what the rule found."""

    name: str
    id_number: str
    kind: str
    graduate: GraduateRecord | None
    user: User | None


# ---------------------------------------------------------------- who may take part


@dataclass(frozen=True)
class GraduateRule:
    """The graduate window of a region's parameter (the model's national defaults where none is set)."""

    window_years: int = RegionParameter._meta.get_field("graduate_window_years").default
    months_before: int = RegionParameter._meta.get_field("pre_graduation_months").default


def graduate_rule(region: Region, day: datetime.date) -> GraduateRule:
    """The rule of the post's region on `day`."""
    parameter = parameter_for(region, day)
    if parameter is None:
        return GraduateRule()
    return GraduateRule(window_years=parameter.graduate_window_years, months_before=parameter.pre_graduation_months)


def widest_graduate_rule(day: datetime.date) -> GraduateRule:
    """At sign-in no post is chosen yet: a graduate who may take part in any region's traineeship enters, and
    the post's own region decides on applying."""
    first_day = day.replace(day=1)
    widest = RegionParameter.objects.filter(valid_from__lte=first_day).filter(
        Q(valid_to__isnull=True) | Q(valid_to__gte=first_day)
    ).aggregate(years=Max("graduate_window_years"), months=Max("pre_graduation_months"))
    default = GraduateRule()
    return GraduateRule(window_years=max(widest["years"] or 0, default.window_years),
                        months_before=max(widest["months"] or 0, default.months_before))


def graduation_day(year: int) -> datetime.date:
    """The register holds the year only: 30 June, the end of the Chinese academic year."""
    return datetime.date(year, 6, 30)


def _months_earlier(day: datetime.date, months: int) -> datetime.date:
    index = day.month - 1 - months
    year, month = day.year + index // 12, index % 12 + 1
    return day.replace(year=year, month=month, day=min(day.day, calendar.monthrange(year, month)[1]))


def graduate_window(year: int, rule: GraduateRule) -> tuple[datetime.date, datetime.date]:
    """The first and last day (inclusive) a graduate of `year` may take part under `rule`."""
    graduated = graduation_day(year)
    return (_months_earlier(graduated, rule.months_before),
            graduated.replace(year=graduated.year + rule.window_years))


def window_text(rule: GraduateRule) -> str:
    if rule.months_before:
        return _("毕业前%(months)d个月至离校后%(years)d年内") % {"months": rule.months_before,
                                                           "years": rule.window_years}
    return _("离校后%(years)d年内") % {"years": rule.window_years}


@dataclass(frozen=True)
class Verdict:
    """Whether a name and ID number may take part on a day: as what, on which register record, or why not."""

    kind: str
    graduate: GraduateRecord | None  # the register record the person matched (None after a name mismatch)
    refusal: str = ""
    name_mismatch: bool = False  # the register knows the ID number under another name


def _young(id_number: str, day: datetime.date) -> bool:
    try:
        return MIN_AGE <= age_on(id_number, day) <= MAX_AGE
    except ValueError:
        return False


def judge(*, name: str, id_number: str, day: datetime.date, rule: GraduateRule) -> Verdict:
    """The programme's rule for one person on `day` (the one definition used at sign-in, applying and
    onboarding)."""
    graduate = GraduateRecord.objects.filter(id_number=id_number).first() if id_number else None
    young = _young(id_number, day) if id_number else False
    if graduate is not None and graduate.name != name:
        # Manual 001 §2.2: a register check that does not match is done again as a young job seeker's.
        refusal = "" if young else _(NAME_FALLBACK_REFUSED)
        return Verdict(kind=TraineeKind.YOUTH, graduate=None, refusal=refusal, name_mismatch=True)
    if graduate is None:
        return Verdict(kind=TraineeKind.YOUTH, graduate=None, refusal="" if young else _(AGE_REFUSED))
    start, end = graduate_window(graduate.graduation_year, rule)
    facts = {"year": graduate.graduation_year, "window": window_text(rule), "start": start.isoformat(),
             "end": end.isoformat()}
    if start <= day <= end:
        return Verdict(kind=TraineeKind.GRADUATE, graduate=graduate)
    if day < start:
        # Still studying: not an unemployed young person either.
        return Verdict(kind=TraineeKind.GRADUATE, graduate=graduate, refusal=_(BEFORE_WINDOW) % facts)
    if young:
        return Verdict(kind=TraineeKind.YOUTH, graduate=graduate)
    return Verdict(kind=TraineeKind.GRADUATE, graduate=graduate, refusal=_(AFTER_WINDOW) % facts)


def check_eligibility(*, name: str, id_number: str, user: User | None) -> Eligibility:
    """The programme's rule for accounts.identity: the graduate register within the widest window in force,
    or the 16–24 age rule, for someone entering for the first time; a person who has entered before is let
    in to their own records (applying and onboarding check the rule again)."""
    verdict = judge(name=name, id_number=id_number, day=today(), rule=widest_graduate_rule(today()))
    has_profile = user is not None and TraineeProfile.objects.filter(person=user).exists()
    return Eligibility(
        registered_name=verdict.graduate.name if verdict.graduate is not None else None,
        refusal="" if has_profile else verdict.refusal,
        name_mismatch=verdict.name_mismatch,
        details={"kind": verdict.kind, "graduate": verdict.graduate},
    )


def eligibility_problem(person: User, *, region: Region) -> str:
    """Why `person` may not take part in a traineeship in `region` today ("" when they may): applying and
    onboarding ask it with the post's work region."""
    day = today()
    verdict = judge(name=person.real_name, id_number=person.id_number or "", day=day,
                    rule=graduate_rule(region, day))
    if verdict.refusal and verdict.graduate is not None:
        return _("%(refusal)s（以岗位所在地%(region)s的规定为准）") % {"refusal": verdict.refusal,
                                                              "region": region.full_name}
    return verdict.refusal


def _profile_values(kind: str, graduate: GraduateRecord | None) -> dict:
    values = {"kind": kind, "graduate_record": graduate}
    if graduate is not None:
        values.update(education=graduate.education, major=graduate.major)
    return values


@transaction.atomic
def create_profile(*, user: User, eligibility: Eligibility) -> TraineeProfile:
    """The traineeship profile, created when the person first enters (accounts.identity calls this)."""
    details = eligibility.details
    profile, created = TraineeProfile.objects.get_or_create(
        person=user, defaults=_profile_values(details["kind"], details["graduate"]))
    if created:
        record(actor=user, action="traineeships.profile_created", target=profile, after={"kind": profile.kind})
    return profile


@transaction.atomic
def enter_programme(*, identity: Identity) -> User:
    """The person's account and profile: created at the first sign-in, found at later ones."""
    user = identity.user or people.open_account(name=identity.name, id_number=identity.id_number)
    create_profile(user=user, eligibility=Eligibility(details={"kind": identity.kind, "graduate": identity.graduate}))
    return user


def mark_mobile_verified(user: User) -> None:
    TraineeProfile.objects.filter(person=user).update(mobile_verified_at=timezone.now())


def bind_mobile(*, actor: User, mobile: str, password: str = "") -> User:
    """Bind a mobile whose code was checked (accounts.identity) and mark the profile's mobile verified."""
    with transaction.atomic():
        user = people.bind_mobile(actor=actor, mobile=mobile, password=password)
        mark_mobile_verified(user)
    return user


def landing(user: User) -> str:
    """Where a person goes after signing in: the 见习意向 form until it is submitted, then their applications."""
    profile = TraineeProfile.objects.filter(person=user).first()
    if profile is None or profile.intention_submitted_at is None:
        return reverse("traineeships:intention")
    return reverse("traineeships:my_applications")


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
