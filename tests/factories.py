"""Factories for the personas every test speaks of (see tests/conftest.py)."""

import itertools
import random

import factory
from django.utils import timezone

from accounts.models import User, UserKind
from core.identifiers import id_check_char, uscc_check_char
from organisations.models import (
    Authority,
    Organisation,
    OrganisationKind,
    Origin,
    VerificationStatus,
)
from regions.models import Region, RegionLevel

PASSWORD = "Praxis#2026ok"
_sequence = itertools.count(1)
# One random offset per test process, then strictly increasing: values differ from run to run but never repeat
# within one (a random offset per value made two records in one test collide now and then).
_unique_numbers = itertools.count(random.randint(0, 10**6))


def make_credit_code(region_code: str = "410105", seed: int | None = None) -> str:
    """A valid 18-character unified social credit code (enterprise, 91…) for the region."""
    n = seed if seed is not None else next(_unique_numbers)
    body = f"91{region_code}{n:09d}"[:17]
    body = body.replace("I", "1").replace("O", "0")
    return body + uscc_check_char(body)


def make_id_number(birth: str = "19990307", region_code: str = "410105", seq: int | None = None) -> str:
    s = seq if seq is not None else (next(_sequence) % 999) + 1
    first17 = f"{region_code}{birth}{s:03d}"
    return first17 + id_check_char(first17)


def make_mobile() -> str:
    return f"139{next(_unique_numbers):08d}"


def region(code: str) -> Region:
    return Region.objects.get(code=code)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"测试企业{n}有限公司")
    credit_code = factory.LazyFunction(make_credit_code)
    kind = OrganisationKind.ENTERPRISE
    legal_representative = "王建国"
    region = factory.LazyFunction(lambda: region("410105"))
    address = "郑州市金水区文化路1号"
    contact_person = "李红"
    contact_phone = "0371-12345678"
    introduction = "一家测试企业。"
    origin = Origin.SELF_REGISTERED
    platform_code = factory.Sequence(lambda n: f"P{n:09d}")
    activated_at = factory.LazyFunction(timezone.now)
    verification_status = VerificationStatus.VERIFIED


class GovernmentFactory(OrganisationFactory):
    kind = OrganisationKind.GOVERNMENT
    authority = Authority.HUMAN_RESOURCES
    gov_level = RegionLevel.COUNTY
    name = factory.Sequence(lambda n: f"测试人社局{n}")
    verification_status = VerificationStatus.VERIFIED
    origin = Origin.PLATFORM


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    real_name = factory.Sequence(lambda n: f"用户{n}")
    mobile = factory.LazyFunction(make_mobile)
    kind = UserKind.ORGANISATION
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def save_password(obj, create, extracted, **kwargs):
        if create:
            obj.save()


def org_admin(organisation: Organisation, **kwargs) -> User:
    return UserFactory(organisation=organisation, is_org_admin=True, kind=UserKind.ORGANISATION, **kwargs)


def young_birth() -> str:
    """A birth date that makes a person 19 or 20 today: an eligible young job seeker (traineeships check the
    16–24 age rule on applying and onboarding), whenever the suite runs."""
    return f"{timezone.localdate().year - 20}0101"


def individual(**kwargs) -> User:
    kwargs.setdefault("id_number", make_id_number(young_birth()))
    return UserFactory(kind=UserKind.INDIVIDUAL, organisation=None, **kwargs)
