"""Objects of the internship programme built straight in the database, so that each area's tests (and the
access matrix) can start from any state without going through the other areas' screens. Tests of a state
change itself go through the service or the screen, never through these."""

import datetime
import uuid
from decimal import Decimal

from django.core.files.base import ContentFile
from django.utils import timezone

from attachments.models import Attachment
from internships.models import (
    AdmissionStatus,
    Appeal,
    Application,
    ApplicationStatus,
    BlacklistEntry,
    BlacklistReason,
    BlacklistStatus,
    Complaint,
    ComplaintCategory,
    ComplaintStatus,
    Coverage,
    EnterpriseProfile,
    Internship,
    InternshipGroup,
    InternshipStatus,
    Lodging,
    Overtime,
    Policy,
    Position,
    PositionStatus,
    SchoolRecommendation,
    Student,
    StudyLevel,
)
from tests import factories
from tests.attachments.files import pdf_bytes

# A placement period that lies ahead of "today" whenever the suite runs: 4 months from next month.
TODAY = timezone.localdate()
STARTS_ON = (TODAY.replace(day=1) + datetime.timedelta(days=32)).replace(day=1)
ENDS_ON = (STARTS_ON + datetime.timedelta(days=122)).replace(day=1) - datetime.timedelta(days=1)


def attachment(purpose: str, owner_org, by=None, name="文件.pdf") -> Attachment:
    content = pdf_bytes()
    item = Attachment(id=uuid.uuid4(), purpose=purpose, original_name=name, content_type="application/pdf",
                      size=len(content), sha256="0" * 64, owner_org=owner_org, uploaded_by=by,
                      created_at=timezone.now())
    item.file.save(name, ContentFile(content), save=False)
    item.save()
    return item


def host_profile(enterprise, *, admission=AdmissionStatus.ADMITTED, staff_on_duty=200, blacklisted=False):
    profile, _ = EnterpriseProfile.objects.update_or_create(
        organisation=enterprise,
        defaults={"admission_status": admission, "staff_on_duty": staff_on_duty, "blacklisted": blacklisted,
                  "admission_checked_at": timezone.now() if admission != AdmissionStatus.PENDING else None},
    )
    return profile


def recommend(school, enterprise, by) -> SchoolRecommendation:
    return SchoolRecommendation.objects.get_or_create(school=school, enterprise=enterprise,
                                                      defaults={"recommended_by": by})[0]


def position_fields(**overrides) -> dict:
    """The fields of a position that passes every compliance check."""
    fields = {
        "title": "机械制造实习生", "department": "机械部", "pay_min": Decimal("2400"), "pay_max": Decimal("3000"),
        "same_post_wage": Decimal("3000"), "education": "any", "places": 10, "post_staff": 100,
        "majors": "机械制造与自动化", "work_region": factories.region("410105"), "address": "郑州市金水区文化路1号",
        "lodging": Lodging.SHARED_SMALL, "night_shift": False, "overtime": Overtime.NONE,
        "apply_from": TODAY - datetime.timedelta(days=10), "apply_until": TODAY + datetime.timedelta(days=20),
        "starts_on": STARTS_ON, "ends_on": ENDS_ON, "description": "参与机械零件加工。", "skills": "数控机床操作",
        "requirements": "遵守安全操作规程",
    }
    fields.update(overrides)
    return fields


def position(enterprise, by, *, status=PositionStatus.PUBLISHED, **overrides) -> Position:
    fields = position_fields(**overrides)
    published_at = timezone.now() if status == PositionStatus.PUBLISHED else None
    return Position.objects.create(enterprise=enterprise, created_by=by, status=status, published_at=published_at,
                                   **fields)


def student(school, *, person=None, name=None, id_number=None, enrolled_on=None, class_name="机电2401班",
            major="机电一体化技术", study_level=StudyLevel.HIGHER_VOCATIONAL) -> Student:
    """A student on `school`'s roll; with `person` (an individual account) linked as if they had signed in.
    Aged about 20 and in the second year of study unless told otherwise."""
    if person is not None:
        name = name or person.real_name
        id_number = id_number or person.id_number
    return Student.objects.create(
        school=school, person=person, name=name or "张同学",
        id_number=id_number or factories.make_id_number(factories.young_birth()),
        study_level=study_level, major=major, class_name=class_name,
        enrolled_on=enrolled_on or datetime.date(TODAY.year - 2, 9, 1),
    )


def application(student_record, position_record, *, status=ApplicationStatus.APPLIED, slot=None) -> Application:
    if status == ApplicationStatus.APPLIED and slot is None:
        taken = set(Application.objects.filter(student=student_record, status=ApplicationStatus.APPLIED)
                    .values_list("choice_slot", flat=True))
        slot = min(set(range(1, 6)) - taken)
    return Application.objects.create(
        student=student_record, position=position_record, school=student_record.school,
        enterprise=position_record.enterprise, status=status,
        choice_slot=slot if status == ApplicationStatus.APPLIED else None,
    )


def internship(application_record, *, status=InternshipStatus.SIGNED, group=None, by=None) -> Internship:
    """The internship an agreed application became (the application is marked agreed, a place is taken)."""
    Application.objects.filter(pk=application_record.pk).update(status=ApplicationStatus.AGREED, choice_slot=None,
                                                                 decided_at=timezone.now(), decided_by=by)
    record = application_record.position
    Position.objects.filter(pk=record.pk).update(filled=record.filled + 1)
    fields = {}
    if status in (InternshipStatus.AGREEMENT_SIGNED, InternshipStatus.ARRIVED, InternshipStatus.COMPLETED):
        fields.update(agreement_signed_at=timezone.now(), student_confirmed_at=timezone.now())
    if status in (InternshipStatus.ARRIVED, InternshipStatus.COMPLETED):
        fields["arrived_on"] = record.starts_on
    return Internship.objects.create(
        student=application_record.student, application=application_record, position=record,
        enterprise=record.enterprise, school=application_record.school, status=status,
        starts_on=record.starts_on, ends_on=record.ends_on, group=group, **fields,
    )


def group(school, enterprise, by, *, name="第一组", mentor_name="") -> InternshipGroup:
    return InternshipGroup.objects.create(
        school=school, enterprise=enterprise, name=name, teacher_name="赵老师", teacher_phone="13800000001",
        mentor_name=mentor_name, mentor_phone="13800000002" if mentor_name else "",
        mentor_assigned_at=timezone.now() if mentor_name else None, created_by=by,
    )


def policy(filed_by, enterprise, by, internships=(), *, number="PICC2026001", starts_on=None,
           ends_on=None) -> Policy:
    starts_on = starts_on or STARTS_ON - datetime.timedelta(days=7)
    ends_on = ends_on or ENDS_ON + datetime.timedelta(days=7)
    record = Policy.objects.create(
        policy_number=number, insurer="中国人民财产保险股份有限公司", starts_on=starts_on, ends_on=ends_on,
        filed_by_organisation=filed_by, enterprise=enterprise,
        document=attachment("internship_policy", filed_by, by, name="保单.pdf"), is_internship_liability=True,
        created_by=by,
    )
    for item in internships:
        Coverage.objects.create(policy=record, student=item.student, internship=item, starts_on=starts_on,
                                ends_on=ends_on)
    return record


def complaint(internship_record, *, status=ComplaintStatus.SUBMITTED, by=None) -> Complaint:
    fields = {}
    if status in (ComplaintStatus.SUBSTANTIATED, ComplaintStatus.UNSUBSTANTIATED):
        fields.update(conclusion="经调查核实。", concluded_at=timezone.now(), concluded_by=by)
    return Complaint.objects.create(
        internship=internship_record, student=internship_record.student, enterprise=internship_record.enterprise,
        school=internship_record.school, categories=[ComplaintCategory.PLACE], details="实际工作地点在外地。",
        status=status, **fields,
    )


def appeal(enterprise, complaints, by) -> Appeal:
    record = Appeal.objects.create(enterprise=enterprise, school=complaints[0].school, text="工作地点已在协议中约定。",
                                   created_by=by)
    record.complaints.set(complaints)
    return record


def blacklisting(enterprise, by, *, status=BlacklistStatus.PROPOSED) -> BlacklistEntry:
    return BlacklistEntry.objects.create(
        enterprise=enterprise, reason=BlacklistReason.COMPLAINTS, details="一学期内投诉 5 起，3 起属实。",
        status=status, proposed_by=by, proposing_organisation=by.organisation,
        listed_at=timezone.now() if status == BlacklistStatus.LISTED else None,
    )
