"""Factories of the continuing-education programme: units, staff and professionals, the catalogue, classes,
declarations, online results and archive credits. Each builds rows directly (the states they need), except
`credit`, which goes through the archive's one writer."""

import datetime
from decimal import Decimal

from django.utils import timezone

from accounts.models import User
from continuing_education.models import (
    Assessment,
    ClassCourse,
    ClassStatus,
    Course,
    DeclarationStatus,
    HoursDeclaration,
    HoursRule,
    HoursSource,
    LearningForm,
    OnlinePlatform,
    OnlineResult,
    Participant,
    ReportMode,
    ResultsStatus,
    SubjectType,
    Teacher,
    TrainingClass,
    TrainingSite,
)
from continuing_education.services.archive import Credit
from continuing_education.services.archive import credit as write_credit
from organisations.models import Gender, Organisation, StaffLink, StaffMember, TitleLevel
from tests import factories


def this_year() -> int:
    return timezone.localdate().year


def hours_rule(region_code: str = "410000", year: int | None = None, **fields) -> HoursRule:
    """The national floor (90 / 60 / 30) for a region and year, unless `fields` say otherwise."""
    defaults = {"total_min": Decimal("90"), "professional_min": Decimal("60"), "public_min": Decimal("30"),
                "daily_caps": {LearningForm.CLASS: 6, LearningForm.PRACTICE: 6}, "is_national_floor": True,
                "source": "《专业技术人员继续教育规定》（人社部令第25号）第八条（国家最低标准）"}
    defaults.update(fields)
    rule, _created = HoursRule.objects.update_or_create(region=factories.region(region_code),
                                                        year=year or this_year(), defaults=defaults)
    return rule


def unit(*, name: str, region_code: str = "410105", hr_department: Organisation | None = None,
         supervising_department: Organisation | None = None, **fields) -> Organisation:
    return factories.OrganisationFactory(name=name, region=factories.region(region_code),
                                         hr_department=hr_department,
                                         supervising_department=supervising_department, **fields)


def staff(organisation: Organisation, *, name: str = "王专技", id_number: str | None = None,
          account: User | None = None, linked: bool = True, **fields) -> StaffMember:
    id_number = id_number or (account.id_number if account is not None and account.id_number else
                              factories.make_id_number("19880512"))
    fields.setdefault("title_level", TitleLevel.INTERMEDIATE)
    fields.setdefault("title_series", "工程技术")
    fields.setdefault("education", "bachelor")
    fields.setdefault("hired_on", datetime.date(2012, 7, 1))
    now = timezone.now()
    link = {}
    if account is not None:
        link = {"account": account, "link_status": StaffLink.LINKED if linked else StaffLink.REQUESTED,
                "link_requested_at": now, "linked_at": now if linked else None}
    return StaffMember.objects.create(
        organisation=organisation, name=name, id_number=id_number,
        gender=Gender.MALE if int(id_number[16]) % 2 else Gender.FEMALE,
        birth_date=datetime.date(int(id_number[6:10]), int(id_number[10:12]), int(id_number[12:14])),
        **link, **fields)


def professional(*, username: str, real_name: str, unit: Organisation | None = None, linked: bool = True) -> User:
    """A registered 专技人员 (an individual account with an ID number), on `unit`'s roster when given."""
    person = factories.individual(username=username, real_name=real_name,
                                  id_number=factories.make_id_number("19880512"),
                                  identity_verified_at=timezone.now())
    if unit is not None:
        staff(unit, name=real_name, account=person, linked=linked)
    return person


def teacher(organisation: Organisation, *, name: str = "李教授", **fields) -> Teacher:
    fields.setdefault("title", "教授")
    fields.setdefault("employer", "福州大学")
    return Teacher.objects.create(organisation=organisation, name=name, **fields)


def course(organisation: Organisation, *, name: str = "新技术应用", subject_type: str = SubjectType.PROFESSIONAL,
           hours: Decimal | int = 30, teachers=()) -> Course:
    item = Course.objects.create(organisation=organisation, name=name, subject_type=subject_type,
                                 hours=Decimal(hours))
    item.teachers.set(list(teachers) or [teacher(organisation, name=f"{name}教师")])
    return item


def site(organisation: Organisation, *, name: str = "本部培训中心", region_code: str | None = None) -> TrainingSite:
    region = factories.region(region_code) if region_code else organisation.region
    return TrainingSite.objects.create(organisation=organisation, name=name, region=region,
                                       address="培训路1号", capacity=100)


def platform(organisation: Organisation, *, name: str = "专技学习网", docked: bool = False,
             docking_version: int = 0) -> OnlinePlatform:
    return OnlinePlatform.objects.create(organisation=organisation, name=name, operator="某科技有限公司",
                                         url="https://learn.example.cn/", contact_name="陈联系",
                                         contact_phone="0591-88886666", is_docked=docked,
                                         docking_version=docking_version)


def training_class(organisation: Organisation, *, by: User, name: str = "年度专业科目培训班",
                   status: str = ClassStatus.DRAFT, report_mode: str = ReportMode.LATER,
                   subject_type: str = SubjectType.PROFESSIONAL, courses=None, year: int | None = None,
                   starts_on: datetime.date | None = None, ends_on: datetime.date | None = None,
                   training_site: TrainingSite | None = None) -> TrainingClass:
    today = timezone.localdate()
    starts_on = starts_on or (today + datetime.timedelta(days=20))
    ends_on = ends_on or (starts_on + datetime.timedelta(days=4))
    courses = list(courses) if courses is not None else [course(organisation, name=f"{name}课程",
                                                                subject_type=subject_type)]
    item = TrainingClass.objects.create(
        organisation=organisation, name=name, year=year or starts_on.year, subject_type=subject_type,
        specialty="电子信息" if subject_type == SubjectType.PROFESSIONAL else "",
        title_series="工程技术" if subject_type == SubjectType.PROFESSIONAL else "",
        starts_on=starts_on, ends_on=ends_on,
        site=training_site or site(organisation, name=f"{name}培训点"), planned_headcount=50,
        report_mode=report_mode, hours=sum((c.hours for c in courses), Decimal(0)), status=status,
        created_by=by,
        submitted_at=timezone.now() if status != ClassStatus.DRAFT else None,
        approved_at=timezone.now() if status == ClassStatus.APPROVED else None)
    for position, each in enumerate(courses):
        ClassCourse.objects.create(training_class=item, course=each, position=position)
    if status == ClassStatus.APPROVED:
        item.approved_snapshot = {"courses": [
            {"name": c.name, "subject_type": c.subject_type, "hours": str(c.hours),
             "teachers": [t.name for t in c.teachers.all()]} for c in courses]}
        item.number = f"JXJY-{item.year}-{item.pk:06d}"
        item.save(update_fields=["approved_snapshot", "number"])
    return item


def participant(training_class: TrainingClass, *, member: StaffMember | None = None, name: str = "",
                id_number: str = "", hours: Decimal | int | None = None,
                assessment: str = Assessment.PASSED) -> Participant:
    return Participant.objects.create(
        training_class=training_class, staff=member, name=name or member.name,
        id_number=id_number or member.id_number, hours=Decimal(hours) if hours is not None else None,
        assessment=assessment if hours is not None else "")


def declaration(member: StaffMember, *, by: User, person: User | None = None, status: str = DeclarationStatus.DRAFT,
                year: int | None = None, hours: Decimal | int = 8, subject_type: str = SubjectType.PROFESSIONAL,
                learning_form: str = LearningForm.ACADEMIC, on_behalf: bool = False, title: str = "行业学术年会",
                starts_on: datetime.date | None = None) -> HoursDeclaration:
    year = year or this_year()
    starts_on = starts_on or datetime.date(year, 3, 10)
    return HoursDeclaration.objects.create(
        organisation=member.organisation, staff=member, person=person if person is not None else member.account,
        name=member.name, id_number=member.id_number, on_behalf=on_behalf, year=year, learning_form=learning_form,
        subject_type=subject_type, title=title, organiser="省专业学会", starts_on=starts_on,
        ends_on=starts_on + datetime.timedelta(days=1), hours=Decimal(hours), status=status, declared_by=by,
        submitted_at=timezone.now() if status != DeclarationStatus.DRAFT else None)


def online_result(organisation: Organisation, *, by: User, member: StaffMember, hours: Decimal | int = 10,
                  subject_type: str = SubjectType.PUBLIC, year: int | None = None,
                  course_name: str = "公需科目网络课程", on_platform: OnlinePlatform | None = None) -> OnlineResult:
    year = year or this_year()
    return OnlineResult.objects.create(
        organisation=organisation, platform=on_platform or platform(organisation, name=f"{course_name}平台"),
        name=member.name, id_number=member.id_number, course_name=course_name, year=year,
        subject_type=subject_type, hours=Decimal(hours), completed_on=datetime.date(year, 5, 20), imported_by=by)


def credit_result(result: OnlineResult, *, by: User):
    """An online result written into the archive (through services.archive.credit)."""
    return write_credit(actor=by, credits=[Credit(
        id_number=result.id_number, name=result.name, year=result.year, source=HoursSource.ONLINE,
        subject_type=result.subject_type, hours=result.hours, title=result.course_name,
        occurred_on=result.completed_on, organisation=result.organisation, organiser=result.platform.name,
        online_result=result)])[0]


def archived_hours(member: StaffMember, *, by: User, public: int = 30, professional: int = 60,
                   year: int | None = None):
    """Credit `public` and `professional` hours to the member's year as two online results."""
    entries = []
    for subject_type, hours in ((SubjectType.PUBLIC, public), (SubjectType.PROFESSIONAL, professional)):
        if hours:
            result = online_result(member.organisation, by=by, member=member, hours=hours,
                                   subject_type=subject_type, year=year,
                                   course_name=f"{SubjectType(subject_type).label}课程{hours}")
            entries.append(credit_result(result, by=by))
    return entries


__all__ = ["Assessment", "ResultsStatus", "ReportMode"]
