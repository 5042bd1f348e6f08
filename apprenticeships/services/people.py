"""Writes of a filing's 培训师资, 培训人员 and 培训课程 (manual 003 §3.2.1.1), typed or imported, and, after approval,
【标记为流失】 and the 考核结果 (学徒经评价考核合格) of a trainee.

Every write locks the Filing row first (the lock order of the programme: Filing → its TrainingClass → its
Trainees / Courses, ascending id), so a row added while the filing is being submitted waits for the submission
and then finds the filing no longer editable; two adds of one ID number to one filing queue on it, and the
database's unique constraints (ap_teacher_once, ap_trainee_once_per_filing) refuse the second with their message.
"""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.identifiers import find_user_by_id_number
from accounts.identity import open_account
from apprenticeships.models import (
    LEVEL_ORDER,
    ChangeKind,
    ChangeRecord,
    Course,
    Filing,
    FilingStatus,
    Teacher,
    Trainee,
)
from apprenticeships.rules import ATTENDANCE, may_file
from apprenticeships.services.places import release_places
from audit.services import record, snapshot
from core.constraints import known_violation
from notifications.services import notify_organisation

TEACHER_FIELDS = ("name", "id_number", "kind", "qualification", "certificate_number", "mobile")
TRAINEE_FIELDS = ("name", "id_number", "mobile", "education", "hired_on", "contract_starts_on", "contract_ends_on",
                  "monthly_wage", "school", "school_name")
COURSE_FIELDS = ("name", "hours", "delivery", "teacher")
CERTIFICATE_FIELDS = ("certificate_level", "certificate_number", "certified_on")
LOST_FIELDS = ("lost_on", "lost_reason", "holds_place")


# --- locks and checks ---------------------------------------------------------------------------------------------


def _require_writer(actor, filing: Filing) -> None:
    if not (may_file(actor) and actor.organisation_id == filing.organisation_id):
        raise PermissionDenied(_("您没有办理该备案的权限"))


def _lock_filing(filing: Filing, *, actor) -> Filing:
    _require_writer(actor, filing)
    return Filing.objects.select_for_update().get(pk=filing.pk)


def _lock_editable(filing: Filing, *, actor) -> Filing:
    """The filing's row, locked, while it is 未提交 or 退回 (the tabs are read-only otherwise)."""
    locked = _lock_filing(filing, actor=actor)
    if not locked.is_editable:
        raise ValidationError(_("备案%(status)s，培训师资、培训人员和培训课程不能修改")
                              % {"status": locked.get_status_display()}, code="not_editable")
    return locked


def _lock_row(model, pk: int, filing: Filing):
    row = model.objects.select_for_update().filter(pk=pk, filing=filing).first()
    if row is None:
        raise ValidationError(_("该记录已被删除，请刷新页面"), code="gone")
    return row


def _save(row) -> None:
    """Save in a savepoint; a registered constraint becomes its message on the form."""
    try:
        with transaction.atomic():
            row.save()
    except IntegrityError as error:
        known = known_violation(error)
        if known is None:
            raise
        raise known from None


def _assign(row, fields, data) -> None:
    for name in fields:
        if name in data:
            setattr(row, name, data[name])


def _public(values: dict) -> dict:
    """A snapshot without the ID number in full (the audit log masks it too; the change log shows no number)."""
    return {key: value for key, value in values.items() if key != "id_number"}


def _add(row, fields, data, *, actor, action: str, filing: Filing):
    """A new row of the filing from `data`, saved and recorded."""
    _assign(row, fields, data)
    _save(row)
    record(actor=actor, action=action, target=row, after={**snapshot(row, fields), "filing": filing.number})
    return row


def _change(row, fields, data, *, actor, action: str):
    """`data` onto a locked row, saved; recorded when something changed."""
    before, changed = snapshot(row, fields), not _same(row, fields, data)
    _assign(row, fields, data)
    _save(row)
    after = snapshot(row, fields)
    if changed:
        record(actor=actor, action=action, target=row, before=before, after=after)
    return row


def _import_rows(*, actor, parent, rows, fields, find, create, update) -> tuple[int, int, int]:
    """apply of an import of the filing's rows: `find(filing, data)` the existing row, else `create(filing, data)`;
    a row that would change is `update(row, data)`d; counts (created, updated, unchanged)."""
    created = updated = unchanged = 0
    with transaction.atomic():
        filing = _lock_editable(parent, actor=actor)
        for data in rows:
            row = find(filing, data)
            if row is None:
                create(filing, data)
                created += 1
            elif _same(row, fields, data):
                unchanged += 1
            else:
                update(row, data)
                updated += 1
    return created, updated, unchanged


# --- 培训师资 ------------------------------------------------------------------------------------------------------


@transaction.atomic
def create_teacher(*, actor, filing: Filing, data: dict, job=None) -> Teacher:
    filing = _lock_editable(filing, actor=actor)
    return _add(Teacher(filing=filing, import_job=job), TEACHER_FIELDS, data, actor=actor,
                action="apprenticeships.teacher_added", filing=filing)


@transaction.atomic
def update_teacher(*, actor, teacher: Teacher, data: dict) -> Teacher:
    filing = _lock_editable(teacher.filing, actor=actor)
    return _change(_lock_row(Teacher, teacher.pk, filing), TEACHER_FIELDS, data, actor=actor,
                   action="apprenticeships.teacher_updated")


@transaction.atomic
def delete_teacher(*, actor, teacher: Teacher) -> None:
    """A teacher named by a course cannot go: the course names another first (or goes itself)."""
    filing = _lock_editable(teacher.filing, actor=actor)
    teacher = _lock_row(Teacher, teacher.pk, filing)
    courses = list(teacher.courses.order_by("id").values_list("name", flat=True))
    if courses:
        raise ValidationError(_("教师 %(name)s 是课程“%(courses)s”的授课教师，不能删除；请先修改这些课程的授课教师")
                              % {"name": teacher.name, "courses": "、".join(courses)}, code="teacher_in_use")
    before = snapshot(teacher, TEACHER_FIELDS)
    record(actor=actor, action="apprenticeships.teacher_deleted", target=teacher, before=before)
    teacher.delete()


def import_teacher_rows(*, actor, organisation, rows, parent, job=None) -> tuple[int, int, int]:
    """apply of the teachers import: upserted by ID number within the filing."""
    return _import_rows(
        actor=actor, parent=parent, rows=rows, fields=TEACHER_FIELDS,
        find=lambda filing, data: filing.teachers.select_for_update().filter(id_number=data["id_number"]).first(),
        create=lambda filing, data: create_teacher(actor=actor, filing=filing, data=data, job=job),
        update=lambda teacher, data: update_teacher(actor=actor, teacher=teacher, data=data))


def _same(row, fields, data) -> bool:
    """Whether assigning `data` would leave `row` as it is (4500 and 4500.00 are the same wage)."""
    def plain(value):
        return value.pk if hasattr(value, "pk") else value

    return all(plain(getattr(row, name)) == plain(data[name]) for name in fields if name in data)


# --- 培训人员 ------------------------------------------------------------------------------------------------------


def _person(data: dict):
    """The individual account of the ID number (opened now if there is none yet); a name that is not the
    account's is refused on the name field."""
    account = find_user_by_id_number(data["id_number"])
    if account is None:
        return open_account(name=data["name"], id_number=data["id_number"])
    if account.real_name and account.real_name != data["name"]:
        raise ValidationError({"name": ValidationError(_("姓名与身份证号不一致"), code="name_mismatch")})
    return account


@transaction.atomic
def create_trainee(*, actor, filing: Filing, data: dict, job=None) -> Trainee:
    filing = _lock_editable(filing, actor=actor)
    return _add(Trainee(filing=filing, import_job=job, person=_person(data)), TRAINEE_FIELDS, data, actor=actor,
                action="apprenticeships.trainee_added", filing=filing)


@transaction.atomic
def update_trainee(*, actor, trainee: Trainee, data: dict) -> Trainee:
    filing = _lock_editable(trainee.filing, actor=actor)
    trainee = _lock_row(Trainee, trainee.pk, filing)
    if data.get("id_number", trainee.id_number) != trainee.id_number or data.get("name", trainee.name) != trainee.name:
        trainee.person = _person({"id_number": data.get("id_number", trainee.id_number),
                                  "name": data.get("name", trainee.name)})
    return _change(trainee, TRAINEE_FIELDS, data, actor=actor, action="apprenticeships.trainee_updated")


@transaction.atomic
def delete_trainee(*, actor, trainee: Trainee) -> None:
    filing = _lock_editable(trainee.filing, actor=actor)
    trainee = _lock_row(Trainee, trainee.pk, filing)
    record(actor=actor, action="apprenticeships.trainee_deleted", target=trainee,
           before=snapshot(trainee, TRAINEE_FIELDS))
    trainee.delete()


def import_trainee_rows(*, actor, organisation, rows, parent, job=None) -> tuple[int, int, int]:
    """apply of the trainees import: upserted by ID number within the filing."""
    return _import_rows(
        actor=actor, parent=parent, rows=rows, fields=TRAINEE_FIELDS,
        find=lambda filing, data: filing.trainees.select_for_update().filter(id_number=data["id_number"]).first(),
        create=lambda filing, data: create_trainee(actor=actor, filing=filing, data=data, job=job),
        update=lambda trainee, data: update_trainee(actor=actor, trainee=trainee, data=data))


# --- 培训课程 ------------------------------------------------------------------------------------------------------


def _check_teacher(filing: Filing, data: dict) -> None:
    teacher = data.get("teacher")
    if teacher is not None and teacher.filing_id != filing.pk:
        raise ValidationError({"teacher": ValidationError(_("授课教师应为本备案的培训师资"), code="foreign_teacher")})


@transaction.atomic
def create_course(*, actor, filing: Filing, data: dict, job=None) -> Course:
    filing = _lock_editable(filing, actor=actor)
    _check_teacher(filing, data)
    return _add(Course(filing=filing, import_job=job), COURSE_FIELDS, data, actor=actor,
                action="apprenticeships.course_added", filing=filing)


@transaction.atomic
def update_course(*, actor, course: Course, data: dict) -> Course:
    filing = _lock_editable(course.filing, actor=actor)
    _check_teacher(filing, data)
    return _change(_lock_row(Course, course.pk, filing), COURSE_FIELDS, data, actor=actor,
                   action="apprenticeships.course_updated")


@transaction.atomic
def delete_course(*, actor, course: Course) -> None:
    filing = _lock_editable(course.filing, actor=actor)
    course = _lock_row(Course, course.pk, filing)
    record(actor=actor, action="apprenticeships.course_deleted", target=course, before=snapshot(course, COURSE_FIELDS))
    course.delete()


def import_course_rows(*, actor, organisation, rows, parent, job=None) -> tuple[int, int, int]:
    """apply of the courses import: upserted by course name within the filing."""
    return _import_rows(
        actor=actor, parent=parent, rows=rows, fields=COURSE_FIELDS,
        find=lambda filing, data: filing.courses.select_for_update().filter(name=data["name"]).order_by("id").first(),
        create=lambda filing, data: create_course(actor=actor, filing=filing, data=data, job=job),
        update=lambda course, data: update_course(actor=actor, course=course, data=data))


# --- 标记为流失 ----------------------------------------------------------------------------------------------------


def _lock_approved(filing: Filing, *, actor, message: str) -> Filing:
    locked = _lock_filing(filing, actor=actor)
    if locked.status != FilingStatus.APPROVED:
        raise ValidationError(message % {"status": locked.get_status_display()}, code="wrong_state")
    return locked


def earliest_lost_on(trainee: Trainee) -> datetime.date:
    """A trainee leaves at the earliest on their 入职日期 and on the day the filing was submitted (before that
    the enterprise simply removes them from the draft)."""
    days = [trainee.hired_on]
    submitted = trainee.filing.submitted_at or trainee.filing.approved_at
    if submitted is not None:
        days.append(timezone.localdate(submitted))
    return max(days)


@transaction.atomic
def mark_lost(*, actor, trainee: Trainee, lost_on: datetime.date, reason: str,
              today: datetime.date | None = None) -> Trainee:
    """【标记为流失】 (after approval): the trainee frees their place (free to enrol elsewhere) and gets no more
    attendance or subsidy; recorded as a 变更 (kind 标记流失) with before/after."""
    today = today or timezone.localdate()
    filing = _lock_approved(trainee.filing, actor=actor,
                            message=_("备案%(status)s，只有审核通过的备案才能标记流失人员"))
    trainee = _lock_row(Trainee, trainee.pk, filing)
    trainee.filing = filing
    if trainee.is_lost:
        raise ValidationError(_("%(name)s 已于 %(day)s 标记为流失") % {"name": trainee.name, "day": trainee.lost_on},
                              code="already_lost")
    problems = {}
    if lost_on > today:
        problems["lost_on"] = _("流失日期不能晚于今天")
    elif lost_on < earliest_lost_on(trainee):
        problems["lost_on"] = _("流失日期不能早于 %(day)s（入职日期及备案提交日期）") % {
            "day": earliest_lost_on(trainee).isoformat()}
    else:
        training_class = getattr(filing, "training_class", None)
        if training_class is not None and lost_on > training_class.ends_on:
            problems["lost_on"] = _("流失日期不能晚于培训结束日期 %(day)s") % {
                "day": training_class.ends_on.isoformat()}
    if not (reason or "").strip():
        problems["lost_reason"] = _("请填写流失原因")
    if problems:
        raise ValidationError({field: ValidationError(message, code="invalid") for field, message in problems.items()})
    before = snapshot(trainee, LOST_FIELDS)
    release_places(filing, [trainee])
    trainee.holds_place = False
    trainee.lost_on, trainee.lost_reason = lost_on, reason.strip()
    trainee.lost_by, trainee.lost_at = actor, timezone.now()
    trainee.save(update_fields=["lost_on", "lost_reason", "lost_by", "lost_at", "updated_at"])
    after = snapshot(trainee, LOST_FIELDS)
    ChangeRecord.objects.create(
        filing=filing, kind=ChangeKind.TRAINEE_LOST, actor=actor,
        summary=(_("培训人员 %(name)s 标记为流失（%(day)s）：%(reason)s")
                 % {"name": trainee.name, "day": lost_on.isoformat(), "reason": trainee.lost_reason})[:255],
        before={"trainee": trainee.name, **before}, after={"trainee": trainee.name, **after})
    record(actor=actor, action="apprenticeships.trainee_lost", target=trainee, before=before, after=after)
    if filing.institution_id:
        # The institution records attendance: a lost trainee has none from now on.
        notify_organisation(
            organisation=filing.institution, permission=ATTENDANCE,
            title=_("学徒制培训人员流失：%(name)s（%(number)s）") % {"name": trainee.name, "number": filing.number},
            body=_("%(enterprise)s 已将 %(name)s 标记为流失（%(day)s），此后不再记录其考勤。")
            % {"enterprise": filing.organisation.name, "name": trainee.name, "day": lost_on.isoformat()},
            url=reverse("apprenticeships:filing_trainees", args=[filing.pk]))
    return trainee


# --- 考核结果 ------------------------------------------------------------------------------------------------------


@transaction.atomic
def record_certificate(*, actor, trainee: Trainee, data: dict) -> Trainee:
    """学徒经评价考核合格: the certificate obtained (level, number, date), recorded or corrected after approval."""
    filing = _lock_approved(trainee.filing, actor=actor,
                            message=_("备案%(status)s，只有审核通过的备案才能登记考核结果"))
    trainee = _lock_row(Trainee, trainee.pk, filing)
    if trainee.is_lost:
        raise ValidationError(_("%(name)s 已流失，不能登记考核结果") % {"name": trainee.name}, code="lost")
    training_class = getattr(filing, "training_class", None)
    if training_class is not None and data["certified_on"] < training_class.starts_on:
        raise ValidationError({"certified_on": ValidationError(
            _("发证日期不能早于培训开始日期 %(day)s") % {"day": training_class.starts_on.isoformat()},
            code="before_class")})
    before = snapshot(trainee, CERTIFICATE_FIELDS)
    _assign(trainee, CERTIFICATE_FIELDS, data)
    after = snapshot(trainee, CERTIFICATE_FIELDS)
    if after == before:
        return trainee
    trainee.save(update_fields=[*CERTIFICATE_FIELDS, "updated_at"])
    record(actor=actor, action="apprenticeships.trainee_certified", target=trainee, before=before, after=after)
    return trainee


def below_target(trainee: Trainee) -> bool:
    """Whether the certificate recorded is below the class's target level (the balance claim then refuses it)."""
    training_class = getattr(trainee.filing, "training_class", None)
    if training_class is None or not trainee.certificate_level:
        return False
    return LEVEL_ORDER.index(trainee.certificate_level) < LEVEL_ORDER.index(training_class.target_level)


def import_certificate_rows(*, actor, organisation, rows, parent) -> tuple[int, int, int]:
    """apply of the 考核结果 import: each row's certificate onto the filing's trainee of that ID number."""
    updated = unchanged = 0
    with transaction.atomic():
        filing = _lock_approved(parent, actor=actor, message=_("备案%(status)s，只有审核通过的备案才能登记考核结果"))
        for data in rows:
            trainee = data["trainee"]
            before = snapshot(trainee, CERTIFICATE_FIELDS)
            trainee.filing = filing
            after = snapshot(record_certificate(actor=actor, trainee=trainee, data=data), CERTIFICATE_FIELDS)
            if after == before:
                unchanged += 1
            else:
                updated += 1
    return 0, updated, unchanged
