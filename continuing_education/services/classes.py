"""培训班申报 (manual 004 §2.1.1, §2.1.2, §3.1): declare a face-to-face class, submit it for review, keep its
报名人员 and results, report the results once and credit them to the 培训档案.

Lock order (docs/architecture.md): the class (the review's subject), then its catalogue courses (ascending id),
then the review (the engine), then the archive rows (services.archive)."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from audit.services import snapshot as audit_snapshot
from calendars.workdays import working_days_between
from continuing_education import rules
from continuing_education.models import (
    Assessment,
    ClassCourse,
    ClassMaterial,
    ClassStatus,
    Course,
    HoursSource,
    Participant,
    ReportMode,
    ResultsStatus,
    TrainingClass,
)
from continuing_education.selectors.classes import participants_editable
from continuing_education.selectors.hours_rules import rule_for
from continuing_education.services.archive import Credit, credit
from continuing_education.services.catalogue import lock_courses
from continuing_education.services.states import CLASS_STATES, RESULTS_STATES
from core.constraints import known_violation
from reviews import services as reviews
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for, reviews_of_subject

CLASS_KIND = "ce_class"
CLASS_FIELDS = ("name", "year", "subject_type", "specialty", "title_series", "starts_on", "ends_on", "site",
                "planned_headcount", "report_mode")


def _require_declarer(actor, training_class=None) -> None:
    if not rules.may_declare_class(actor):
        raise PermissionDenied(_("您无权申报培训班"))
    if training_class is not None and training_class.organisation_id != actor.organisation_id:
        raise PermissionDenied(_("只能办理本单位的培训班"))


def _lock_courses(organisation, courses) -> list[Course]:
    """The catalogue courses, locked (ascending id) so none is deleted or changed while the class takes them."""
    try:
        return lock_courses([course.pk for course in courses], organisation_id=organisation.pk)
    except ValidationError:
        raise ValidationError({"courses": _("所选课程已被删除或不在本单位的课程库中，请重新选择")}) from None


def _set_courses(training_class, courses) -> None:
    """Replace the class's courses, keeping the order given; the class hours are their sum."""
    order = {course.pk: position for position, course in enumerate(courses)}
    locked = _lock_courses(training_class.organisation, courses)
    training_class.class_courses.exclude(course_id__in=order).delete()
    kept = set(training_class.class_courses.values_list("course_id", flat=True))
    ClassCourse.objects.bulk_create([ClassCourse(training_class=training_class, course=course,
                                                 position=order[course.pk]) for course in locked
                                     if course.pk not in kept])
    for course in locked:
        if course.pk in kept:
            ClassCourse.objects.filter(training_class=training_class, course=course).update(
                position=order[course.pk])
    training_class.hours = sum((course.hours for course in locked), Decimal(0))
    training_class.save(update_fields=["hours", "updated_at"])


def _snapshot_fields(training_class) -> dict:
    return audit_snapshot(training_class, CLASS_FIELDS)  # JSON values: an empty field is null, not "None"


@transaction.atomic
def create_class(*, actor, data: dict) -> TrainingClass:
    """培训班申报: a draft of the actor's unit; `data` is the form's cleaned data."""
    _require_declarer(actor)
    if data["site"].organisation_id != actor.organisation_id:
        raise ValidationError({"site": _("请选择本单位的面授培训点")})
    training_class = TrainingClass.objects.create(organisation=actor.organisation, created_by=actor,
                                                  **{name: data[name] for name in CLASS_FIELDS})
    _set_courses(training_class, data["courses"])
    record(actor=actor, action="continuing_education.class_created", target=training_class,
           after={**_snapshot_fields(training_class), "hours": str(training_class.hours)})
    return training_class


@transaction.atomic
def update_class(*, actor, training_class, data: dict) -> TrainingClass:
    """Save the basic information and courses while the class is a draft, returned or rejected."""
    _require_declarer(actor, training_class)
    locked = CLASS_STATES.lock(training_class.pk)
    if not locked.is_editable:
        raise ValidationError(_("培训班%(status)s，不能修改") % {"status": locked.get_status_display()})
    if data["site"].organisation_id != actor.organisation_id:
        raise ValidationError({"site": _("请选择本单位的面授培训点")})
    if data["report_mode"] != locked.report_mode and locked.participants.exists():
        raise ValidationError({"report_mode": _("已录入报名人员，不能更改上报方式；请先删除报名人员")})
    before = {**_snapshot_fields(locked), "hours": str(locked.hours)}
    for name in CLASS_FIELDS:
        setattr(locked, name, data[name])
    locked.save()
    _set_courses(locked, data["courses"])
    after = {**_snapshot_fields(locked), "hours": str(locked.hours)}
    changed = [name for name in after if before[name] != after[name]]
    record(actor=actor, action="continuing_education.class_updated", target=locked,
           before={name: before[name] for name in changed}, after={name: after[name] for name in changed})
    return locked


@transaction.atomic
def delete_class(*, actor, training_class) -> None:
    """【删除】 a draft that was never submitted (a submitted one keeps its review history)."""
    _require_declarer(actor, training_class)
    locked = CLASS_STATES.lock(training_class.pk)
    if locked.status != ClassStatus.DRAFT or reviews_of_subject(locked).exists():
        raise ValidationError(_("只能删除从未提交过的培训班申报"))
    record(actor=actor, action="continuing_education.class_deleted", target=locked,
           before={**_snapshot_fields(locked), "hours": str(locked.hours)})
    locked.materials.all().delete()
    locked.participants.all().delete()
    locked.class_courses.all().delete()
    locked.delete()


def latest_submission_day(starts_on: datetime.date, lead_working_days: int) -> datetime.date:
    """The last day a 暂不上报 class may be submitted: `lead_working_days` working days before its start."""
    day = starts_on - datetime.timedelta(days=1)
    while working_days_between(day, starts_on) < lead_working_days:
        day -= datetime.timedelta(days=1)
    return day


def submission_problems(training_class, *, today=None) -> list[str]:
    """What stands in the way of submitting (shown on the page and checked again on submission)."""
    today = today or timezone.localdate()
    problems = []
    if not training_class.class_courses.exists():
        problems.append(_("请至少选择一门培训课程"))
    unit = training_class.organisation
    if unit.supervising_department_id is None and unit.hr_department_id is None:
        problems.append(_("请先在单位信息中设置所属人社部门"))
    if training_class.report_mode == ReportMode.SYNC:
        if training_class.ends_on > today:
            problems.append(_("同步上报的培训班须在培训结束（%(day)s）后提交") % {"day": training_class.ends_on})
        people = list(training_class.participants.all())
        if not any(person.hours is not None for person in people):
            problems.append(_("同步上报须录入至少一名报名人员及其培训成果"))
        missing = [person.name for person in people if person.hours is None or not person.assessment]
        if missing:
            problems.append(_("以下人员尚未填写获得学时和考核结果：%(names)s") % {"names": "、".join(missing[:10])})
    else:
        if today >= training_class.starts_on:
            problems.append(_("暂不上报的培训班须在培训开始（%(day)s）前提交") % {"day": training_class.starts_on})
        else:
            rule = rule_for(unit.region, training_class.year)
            lead = rule.class_lead_working_days if rule is not None else 0
            if lead > 0:
                latest = latest_submission_day(training_class.starts_on, lead)
                if today > latest:
                    problems.append(_("暂不上报的培训班须在开始前%(days)s个工作日提交，最晚提交日为%(day)s") % {
                        "days": lead, "day": latest})
    return problems


@transaction.atomic
def submit_class(*, actor, training_class, today=None):
    """【提交】 for review by the unit's 主管部门 (or its 所属人社部门). `today` (default: today) is the day the rules
    are checked for; seed_demo passes an earlier one for a class it shows as held."""
    _require_declarer(actor, training_class)
    locked = CLASS_STATES.lock(training_class.pk)
    if not locked.is_editable:
        raise ValidationError(_("培训班%(status)s，不能提交") % {"status": locked.get_status_display()})
    problems = submission_problems(locked, today=today)
    if problems:
        raise ValidationError(problems)
    return reviews.submit(kind_key=CLASS_KIND, subject=locked, actor=actor)


@transaction.atomic
def withdraw_class(*, actor, training_class):
    """【撤回】 a pending declaration before the department has decided (back to 未提交)."""
    _require_declarer(actor, training_class)
    review = latest_review_for(training_class)
    if review is None or review.status != ReviewStatus.PENDING:
        raise ValidationError(_("该培训班不在审核中，无需撤回"))
    return reviews.withdraw(review_id=review.pk, actor=actor)


# --- participants ----------------------------------------------------------------------------------------------

def _lock_for_participants(actor, training_class) -> TrainingClass:
    _require_declarer(actor, training_class)
    locked = CLASS_STATES.lock(training_class.pk)
    if not participants_editable(locked):
        if locked.results_status == ResultsStatus.REPORTED:
            raise ValidationError(_("培训成果已上报，不能再修改报名人员；如需更正请联系培训班审核部门"))
        if locked.report_mode == ReportMode.LATER:
            raise ValidationError(_("暂不上报的培训班须审核通过后才能录入报名人员和培训成果"))
        raise ValidationError(_("培训班%(status)s，不能修改报名人员") % {"status": locked.get_status_display()})
    return locked


def _check_result(training_class, hours, assessment) -> None:
    if hours is not None and hours > training_class.hours:
        raise ValidationError({"hours": _("获得学时不能超过培训班学时（%(hours)s）") % {"hours": training_class.hours}})
    if (hours is None) != (not assessment):
        raise ValidationError({"assessment": _("获得学时和考核结果须同时填写")})


def _participant_row(actor, training_class, *, name, id_number, hours=None, assessment="", staff=None):
    _check_result(training_class, hours, assessment)
    try:
        with transaction.atomic():
            person = Participant.objects.create(training_class=training_class, staff=staff, name=name,
                                                id_number=id_number, hours=hours, assessment=assessment or "")
    except IntegrityError as error:
        raise known_violation(error) or error from None
    record(actor=actor, action="continuing_education.participant_added", target=training_class,
           after={"name": name, "id_number": id_number, "hours": str(hours) if hours is not None else None,
                  "assessment": assessment})
    return person


@transaction.atomic
def add_participant(*, actor, training_class, data: dict) -> Participant:
    locked = _lock_for_participants(actor, training_class)
    return _participant_row(actor, locked, name=data["name"], id_number=data["id_number"],
                            hours=data.get("hours"), assessment=data.get("assessment") or "")


@transaction.atomic
def add_staff(*, actor, training_class, staff) -> tuple[int, int]:
    """Add people picked from the unit's roster; those already in the class are skipped. (added, skipped)"""
    locked = _lock_for_participants(actor, training_class)
    present = set(locked.participants.values_list("id_number_hash", flat=True))
    added = skipped = 0
    for member in staff:
        if member.organisation_id != locked.organisation_id:
            raise PermissionDenied(_("只能选择本单位的人员"))
        if member.id_number_hash in present:
            skipped += 1
            continue
        _participant_row(actor, locked, name=member.name, id_number=member.id_number, staff=member)
        present.add(member.id_number_hash)
        added += 1
    return added, skipped


@transaction.atomic
def set_result(*, actor, training_class, participant, hours, assessment) -> Participant:
    locked = _lock_for_participants(actor, training_class)
    person = Participant.objects.select_for_update().filter(pk=participant.pk, training_class=locked).first()
    if person is None:
        raise ValidationError(_("该人员不在本培训班中"))
    _check_result(locked, hours, assessment)
    before = {"hours": str(person.hours) if person.hours is not None else None, "assessment": person.assessment}
    person.hours, person.assessment = hours, assessment or ""
    person.save(update_fields=["hours", "assessment"])
    record(actor=actor, action="continuing_education.participant_result", target=locked,
           before={"name": person.name, **before},
           after={"name": person.name, "hours": str(hours) if hours is not None else None, "assessment": assessment})
    return person


@transaction.atomic
def remove_participant(*, actor, training_class, participant) -> None:
    locked = _lock_for_participants(actor, training_class)
    person = Participant.objects.filter(pk=participant.pk, training_class=locked).first()
    if person is None:
        raise ValidationError(_("该人员不在本培训班中"))
    record(actor=actor, action="continuing_education.participant_removed", target=locked,
           before={"name": person.name, "id_number": person.id_number})
    person.delete()


def import_participant_rows(*, actor, organisation, rows, parent):
    """班级人员导入 / 面授班培训成果导入 / 申请培训班的培训成果导入: upsert by ID number within the class."""
    created = updated = unchanged = 0
    with transaction.atomic():
        locked = _lock_for_participants(actor, parent)
        for row in rows:
            hours, assessment = row.get("hours"), row.get("assessment") or ""
            existing = Participant.objects.filter(training_class=locked, id_number=row["id_number"]).first()
            if existing is None:
                _participant_row(actor, locked, name=row["name"], id_number=row["id_number"], hours=hours,
                                 assessment=assessment)
                created += 1
            elif "hours" in row and (existing.hours, existing.assessment) != (hours, assessment):
                set_result(actor=actor, training_class=locked, participant=existing, hours=hours,
                           assessment=assessment)
                updated += 1
            else:
                unchanged += 1
    return created, updated, unchanged


# --- materials -------------------------------------------------------------------------------------------------

@transaction.atomic
def add_material(*, actor, training_class, uploaded_file) -> ClassMaterial:
    from attachments.services import store_upload

    _require_declarer(actor, training_class)
    locked = CLASS_STATES.lock(training_class.pk)
    if not locked.is_editable:
        raise ValidationError(_("培训班%(status)s，不能修改附件") % {"status": locked.get_status_display()})
    attachment = store_upload(purpose="ce_class_material", uploaded_file=uploaded_file, actor=actor,
                              owner_org=locked.organisation)
    return ClassMaterial.objects.create(training_class=locked, attachment=attachment, uploaded_by=actor)


@transaction.atomic
def remove_material(*, actor, training_class, material) -> None:
    _require_declarer(actor, training_class)
    locked = CLASS_STATES.lock(training_class.pk)
    if not locked.is_editable:
        raise ValidationError(_("培训班%(status)s，不能修改附件") % {"status": locked.get_status_display()})
    row = ClassMaterial.objects.filter(pk=material.pk, training_class=locked).first()
    if row is None:
        raise ValidationError(_("附件不存在"))
    record(actor=actor, action="continuing_education.class_material_removed", target=locked,
           before={"attachment": str(row.attachment_id)})
    row.delete()


# --- results ---------------------------------------------------------------------------------------------------

def _credit_results(actor, training_class) -> int:
    """Credit every participant with hours > 0 and 合格 to the archive (source 面授培训班)."""
    credits = [
        Credit(id_number=person.id_number, name=person.name, year=training_class.year, source=HoursSource.CLASS,
               subject_type=training_class.subject_type, hours=person.hours, title=training_class.name,
               occurred_on=training_class.ends_on, organisation=training_class.organisation,
               organiser=training_class.organisation.name, participant=person)
        for person in training_class.participants.order_by("pk")
        if person.hours is not None and person.hours > 0 and person.assessment == Assessment.PASSED
    ]
    credit(actor=actor, credits=credits)
    return len(credits)


@transaction.atomic
def report_results(*, actor, training_class) -> int:
    """【上报培训成果】 of an approved 暂不上报 class: once (RESULTS_STATES), not reviewed again, credited at once.
    Returns how many people were credited."""
    _require_declarer(actor, training_class)
    locked = CLASS_STATES.lock(training_class.pk)
    if locked.results_status == ResultsStatus.REPORTED:
        raise RESULTS_STATES.refuse(locked.results_status, ResultsStatus.REPORTED)
    if locked.status != ClassStatus.APPROVED or locked.report_mode != ReportMode.LATER:
        raise ValidationError(_("只有审核通过的暂不上报培训班才能上报培训成果"))
    if locked.ends_on > timezone.localdate():
        raise ValidationError(_("培训结束（%(day)s）后才能上报培训成果") % {"day": locked.ends_on})
    people = list(locked.participants.all())
    if not people:
        raise ValidationError(_("请先添加报名人员并填写培训成果"))
    missing = [person.name for person in people if person.hours is None or not person.assessment]
    if missing:
        raise ValidationError(_("以下人员尚未填写获得学时和考核结果：%(names)s") % {"names": "、".join(missing[:10])})
    RESULTS_STATES.move(locked, ResultsStatus.REPORTED, actor=actor, locked=True)
    return _credit_results(actor, locked)


# --- review ----------------------------------------------------------------------------------------------------

def class_number(training_class) -> str:
    """JXPX-<year>-<id>: unique by construction (the id), so two approvals at once never collide."""
    return f"JXPX-{training_class.year}-{training_class.pk:06d}"


def snapshot(training_class) -> dict:
    """What the class was approved with: its courses, hours and teachers (names and titles)."""
    courses = []
    for link in training_class.class_courses.select_related("course").prefetch_related("course__teachers"):
        course = link.course
        courses.append({"name": course.name, "subject_type": course.subject_type, "hours": str(course.hours),
                        "teachers": [{"name": t.name, "title": t.title} for t in course.teachers.all()]})
    return {"courses": courses, "hours": str(training_class.hours), "site": training_class.site.name,
            "starts_on": str(training_class.starts_on), "ends_on": str(training_class.ends_on)}


def on_review_status(*, subject, status, actor, review=None):
    """The StatusMap hook, with the class locked. On approval: number, snapshot and, for 同步上报, the results
    reported and credited. An approval after a 暂不上报 class's start is allowed (the rule binds submission;
    the review page warns the reviewer) so a late decision does not punish the unit."""
    if status != ReviewStatus.APPROVED:
        return None
    fields = {"number": subject.number or class_number(subject), "approved_snapshot": snapshot(subject)}
    if subject.report_mode == ReportMode.SYNC and subject.results_status == ResultsStatus.NOT_REPORTED:
        RESULTS_STATES.move(subject, ResultsStatus.REPORTED, actor=actor, locked=True)
        _credit_results(actor, subject)
    return fields


def may_submit(actor, training_class) -> bool:
    return rules.may_declare_class(actor) and actor.organisation_id == training_class.organisation_id
