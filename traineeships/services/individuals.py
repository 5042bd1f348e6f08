"""The individual's side of the programme: who may enter it (registered with accounts.eligibility; the
sign-in with name, ID number and SMS code is accounts.identity), the traineeship profile created on entry,
and the 见习意向 form.

Who may take part: a person in the graduate register (the name must match the register), otherwise a young
job seeker aged 16 to 24 on the day (regulations §2). Age is checked when the person first enters the
programme (the profile is created then); someone who turns 25 while applying or on post keeps access to
their own records.
"""

from dataclasses import dataclass

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts import identity as people
from accounts.eligibility import Eligibility
from accounts.models import User
from audit.services import record, snapshot
from core.identifiers import age_on
from traineeships.models import GraduateRecord, TraineeKind, TraineeProfile

MIN_AGE = 16
MAX_AGE = 24
AGE_REFUSED = "年龄不符合要求（须年满16周岁、未满25周岁），无法参加就业见习"
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


def check_eligibility(*, name: str, id_number: str, user: User | None) -> Eligibility:
    """The programme's rule for accounts.identity: the graduate register, or the 16–24 age rule for
    someone entering for the first time."""
    graduate = GraduateRecord.objects.filter(id_number=id_number).first()
    kind = TraineeKind.GRADUATE if graduate is not None else TraineeKind.YOUTH
    has_profile = user is not None and TraineeProfile.objects.filter(person=user).exists()
    refusal = ""
    if kind == TraineeKind.YOUTH and not has_profile and not MIN_AGE <= age_on(id_number, today()) <= MAX_AGE:
        refusal = _(AGE_REFUSED)
    return Eligibility(registered_name=graduate.name if graduate is not None else None, refusal=refusal,
                       details={"kind": kind, "graduate": graduate})


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
