"""Objects of the apprenticeship programme built straight in the database, so that each area's tests (and the
access matrix) can start from any state without going through the other areas' screens. Tests of a state
change itself go through the service or the screen, never through these."""

import datetime
import itertools
from decimal import Decimal

from django.utils import timezone

from accounts.identifiers import find_user_by_id_number
from accounts.identity import open_account
from apprenticeships.models import (
    ApprenticeshipType,
    Course,
    Delivery,
    EcosystemRecognition,
    EcosystemRole,
    Education,
    Filing,
    FilingMaterial,
    FilingStatus,
    RuleSet,
    SubsidyStandard,
    TargetLevel,
    Teacher,
    TeacherKind,
    Trainee,
    TrainingClass,
    TrainingMode,
    Venue,
)
from apprenticeships.rules import COMMITMENT_VERSION, MATERIALS
from calendars.models import CalendarYear, MinimumWage, YearStatus
from tests import factories
from tests.internships.factories import attachment

_numbers = itertools.count(1)
START = datetime.date(2026, 1, 1)


def ruleset(region, *, valid_from=START, by=None, **overrides) -> RuleSet:
    """The manual's and the regulations' numbers (regulations §3.2, §3.3) for a region from 2026."""
    values = dict(ecosystem_advance_rate=Decimal("0.30"), ecosystem_advance_after_months=1,
                  filed_advance_rate=Decimal("0.40"), filed_advance_within_months=3, balance_within_months=12,
                  min_duration_months=12, max_duration_months=24, extended_max_months=36, min_contract_months=12,
                  max_date_changes=3, change_notice_working_days=5, course_config_days_before=1,
                  attendance_threshold=None, source="测试依据〔2026〕1号")
    values.update(overrides)
    return RuleSet.objects.create(region=region, valid_from=valid_from, set_by=by or _setter(), **values)


def standards(region, *, valid_from=START, by=None, amounts=None) -> list[SubsidyStandard]:
    """Guangdong's range: 5,000 (中级) to 8,500 (高级技师); 学生学徒制 5,000 (regulations §3.2)."""
    amounts = amounts or {TargetLevel.INTERMEDIATE: 5000, TargetLevel.SENIOR: 6000, TargetLevel.TECHNICIAN: 7000,
                          TargetLevel.SENIOR_TECHNICIAN: 8500}
    rows = []
    for kind in ApprenticeshipType:
        for level, amount in amounts.items():
            value = 5000 if kind == ApprenticeshipType.STUDENT else amount
            rows.append(SubsidyStandard.objects.create(
                region=region, valid_from=valid_from, apprenticeship_type=kind, target_level=level,
                amount_per_year=Decimal(value), source="测试依据〔2026〕2号", set_by=by or _setter()))
    return rows


def minimum_wage(region, monthly=Decimal("2100"), *, valid_from=START):
    return MinimumWage.objects.create(region=region, valid_from=valid_from, monthly=monthly,
                                      source="测试最低工资标准", set_by=_setter())


def publish_year(year: int) -> CalendarYear:
    """A published calendar with no special days (tests that count working days into a year not shipped)."""
    return CalendarYear.objects.update_or_create(year=year, defaults={"status": YearStatus.PUBLISHED})[0]


def _setter():
    return factories.UserFactory(is_staff=True)


def recognition(organisation, city, *, role=EcosystemRole.CHAIN_LEADER, valid_from=START,
                valid_to=datetime.date(2028, 12, 31), by=None) -> EcosystemRecognition:
    return EcosystemRecognition.objects.create(organisation=organisation, city=city, role=role,
                                               chain_name="智能制造产业技能生态链", valid_from=valid_from,
                                               valid_to=valid_to, source="测试认定〔2026〕1号",
                                               created_by=by or _setter())


def institution(name="郑州测试职业培训学校", region_code="410105"):
    from organisations.models import OrganisationKind

    return factories.OrganisationFactory(name=name, kind=OrganisationKind.TRAINING_INSTITUTION,
                                         region=factories.region(region_code))


def filing(organisation, *, by=None, kind=ApprenticeshipType.ENTERPRISE, status=FilingStatus.DRAFT,
           institution=None, other_institution_name="", starts_on=None, ends_on=None, with_class=True,
           materials=True, **fields) -> Filing:
    by = by or factories.org_admin(organisation)
    now = timezone.now()
    item = Filing.objects.create(
        number=f"XTBA-2026-{next(_numbers):06d}", organisation=organisation, region=organisation.region,
        apprenticeship_type=kind, status=status, commitment_version=COMMITMENT_VERSION,
        commitment_accepted_by=by, commitment_accepted_at=now, institution=institution,
        other_institution_name="" if institution else (other_institution_name or "其他测试培训机构"),
        institution_saved_at=now, created_by=by,
        submitted_at=now if status != FilingStatus.DRAFT else None,
        approved_at=now if status in (FilingStatus.APPROVED, FilingStatus.CANCELLED) else None, **fields)
    if with_class:
        starts_on = starts_on or timezone.localdate() + datetime.timedelta(days=30)
        TrainingClass.objects.create(filing=item, occupation="电工", occupation_code="6-31-01-03",
                                     target_level=TargetLevel.SENIOR, starts_on=starts_on,
                                     ends_on=ends_on or starts_on.replace(year=starts_on.year + 1)
                                     - datetime.timedelta(days=1),
                                     hours=400, mode=TrainingMode.ON_THE_JOB)
    if materials:
        for code, _label in MATERIALS[kind]:
            FilingMaterial.objects.create(filing=item, material=code, uploaded_by=by,
                                          attachment=attachment("apprenticeship_material", organisation, by))
    return item


def teacher(filing_, *, name="王师傅", kind=TeacherKind.MENTOR, **fields) -> Teacher:
    fields.setdefault("id_number", factories.make_id_number("19800101"))
    return Teacher.objects.create(filing=filing_, name=name, kind=kind, qualification="高级技师",
                                  certificate_number=f"Z{next(_numbers):08d}", **fields)


def person(name: str, id_number: str):
    return find_user_by_id_number(id_number) or open_account(name=name, id_number=id_number)


def trainee(filing_, *, name="赵学徒", id_number=None, holds_place=None, **fields) -> Trainee:
    id_number = id_number or factories.make_id_number(factories.young_birth())
    if holds_place is None:
        holds_place = filing_.status in (FilingStatus.SUBMITTED, FilingStatus.APPROVED)
    values = dict(mobile=factories.make_mobile(), education=Education.SECONDARY_VOCATIONAL,
                  hired_on=datetime.date(2025, 9, 1), contract_starts_on=datetime.date(2025, 9, 1),
                  contract_ends_on=datetime.date(2028, 8, 31), monthly_wage=Decimal("4500"))
    values.update(fields)
    return Trainee.objects.create(filing=filing_, person=person(name, id_number), name=name, id_number=id_number,
                                  holds_place=holds_place, **values)


def course(filing_, *, name="电工基础", hours=40, delivery=Delivery.OFFLINE, teacher_=None, **fields) -> Course:
    if delivery == Delivery.OFFLINE and teacher_ is None:
        teacher_ = filing_.teachers.first() or teacher(filing_)
    return Course.objects.create(filing=filing_, name=name, hours=hours, delivery=delivery, teacher=teacher_,
                                 **fields)


def venue(organisation, *, name="一号实训车间", **fields) -> Venue:
    fields.setdefault("region", organisation.region)
    return Venue.objects.create(organisation=organisation, name=name, address="郑州市金水区文化路1号", capacity=40,
                                **fields)


def complete_filing(organisation, *, by=None, status=FilingStatus.APPROVED, trainees=2, **kwargs) -> Filing:
    """A filing with its class, a teacher, `trainees` trainees, an offline course and an online one."""
    item = filing(organisation, by=by, status=status, **kwargs)
    mentor = teacher(item)
    for index in range(trainees):
        trainee(item, name=f"学徒{index + 1}")
    course(item, name="电工基础", teacher_=mentor)
    course(item, name="安全规程（线上）", hours=16, delivery=Delivery.ONLINE, teacher_=None)
    return item
