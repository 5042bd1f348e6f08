"""考勤 recording (issue 9, counterparts): per configured course of an approved filing and per day within the
course's dates and not in the future, the teacher's presence and each trainee's mark (出勤/缺勤/请假), on screen
or imported. Never for a cancelled class, a future day or a lost trainee. AttendanceSession is unique per course
and day (database); the service takes the Filing row first (the programme's lock order), so a cancellation and
a recording queue, and a second recording of a new session for the same day is refused with a message."""

import datetime

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from apprenticeships.models import AttendanceMark, AttendanceSession, Course, Filing, FilingStatus, Mark
from apprenticeships.selectors.attendance import may_record_for
from audit.services import record
from core.constraints import known_violation


def _check_recorder(actor, filing) -> None:
    """The named institution's recorders; for an "other" institution the enterprise's filers (screen and import)."""
    if not may_record_for(actor, filing):
        raise PermissionDenied(_("您无权记录该培训班的考勤"))


def check_day(course: Course, day: datetime.date, today: datetime.date | None = None) -> None:
    """The day's rules (a ValidationError on the field "day")."""
    today = today or timezone.localdate()
    if course.starts_on is None or course.ends_on is None:
        raise ValidationError({"day": _("该课程尚未配置培训日期，不能记录考勤")})
    if day > today:
        raise ValidationError({"day": _("不能记录未来日期（%(day)s）的考勤") % {"day": day.isoformat()}})
    if not course.starts_on <= day <= course.ends_on:
        raise ValidationError({"day": _("日期应在课程培训日期 %(start)s 至 %(end)s 之内")
                               % {"start": course.starts_on.isoformat(), "end": course.ends_on.isoformat()}})


def check_filing(filing: Filing) -> None:
    if filing.status == FilingStatus.CANCELLED:
        raise ValidationError(_("该培训班已注销，不能再记录考勤"), code="cancelled")
    if filing.status != FilingStatus.APPROVED:
        raise ValidationError(_("备案审核通过后才能记录考勤"), code="wrong_state")


def lost_on_day(trainee, day: datetime.date) -> bool:
    return trainee.lost_on is not None and trainee.lost_on <= day


def _lock(course: Course) -> tuple[Filing, Course]:
    filing = Filing.objects.select_for_update(of=("self",)).get(pk=course.filing_id)
    check_filing(filing)
    course = Course.objects.select_related("teacher").get(pk=course.pk)
    return filing, course


def _check_marks(course, day, marks: dict) -> dict:
    trainees = {trainee.pk: trainee for trainee in course.filing.trainees.filter(pk__in=list(marks)).order_by("pk")}
    for trainee_id, mark in marks.items():
        trainee = trainees.get(int(trainee_id))
        if trainee is None:
            raise ValidationError(_("培训人员不属于本备案"), code="not_in_filing")
        if lost_on_day(trainee, day):
            raise ValidationError(_("培训人员 %(name)s 已于 %(lost)s 流失，不能记录考勤")
                                  % {"name": trainee.name, "lost": trainee.lost_on.isoformat()}, code="lost")
        if mark not in Mark.values:
            raise ValidationError(_("考勤结果无效"), code="invalid_mark")
    return trainees


def record_attendance(*, course: Course, actor, day: datetime.date, teacher, teacher_present: bool, marks: dict,
                      session: AttendanceSession | None = None, today: datetime.date | None = None):
    """Write one day's attendance of a course: a new session (`session` None) or the given one edited. `marks`:
    {trainee id: Mark}. Returns the session."""
    with transaction.atomic():
        filing, course = _lock(course)
        _check_recorder(actor, filing)
        check_day(course, day, today)
        if teacher is not None and teacher.filing_id != filing.pk:
            raise ValidationError({"teacher": _("授课教师不属于本备案")})
        _check_marks(course, day, marks)
        if session is None:
            if AttendanceSession.objects.filter(course=course, day=day).exists():
                raise ValidationError(_("该课程当天的考勤已记录，请修改已有记录"), code="duplicate")
            try:
                with transaction.atomic():
                    session = AttendanceSession.objects.create(course=course, day=day, teacher=teacher,
                                                               teacher_present=teacher_present, recorded_by=actor)
            except IntegrityError as error:
                raise known_violation(error) or error from None
            before = None
            action = "apprenticeships.attendance_recorded"
        else:
            session = AttendanceSession.objects.select_for_update().get(pk=session.pk, course=course)
            before = _describe(session)
            if session.day != day:
                raise ValidationError({"day": _("修改考勤时不能更改日期")})
            session.teacher, session.teacher_present, session.recorded_by = teacher, teacher_present, actor
            session.save()
            action = "apprenticeships.attendance_updated"
        _write_marks(session, marks)
        record(actor=actor, action=action, target=session, target_repr=f"{course.name} {day.isoformat()}",
               before=before, after=_describe(session))
    return session


def _write_marks(session, marks: dict) -> tuple[int, int, int]:
    existing = {mark.trainee_id: mark for mark in session.marks.all()}
    created = updated = unchanged = 0
    for trainee_id, value in sorted(marks.items()):
        mark = existing.get(int(trainee_id))
        if mark is None:
            AttendanceMark.objects.create(session=session, trainee_id=int(trainee_id), mark=value)
            created += 1
        elif mark.mark != value:
            mark.mark = value
            mark.save(update_fields=["mark"])
            updated += 1
        else:
            unchanged += 1
    return created, updated, unchanged


def _describe(session) -> dict:
    return {"day": session.day.isoformat(), "teacher": session.teacher_id, "teacher_present": session.teacher_present,
            "marks": {str(trainee): mark for trainee, mark in session.marks.values_list("trainee_id", "mark")}}


def import_attendance_rows(*, actor, organisation, rows, parent) -> tuple[int, int, int]:
    """apply of the attendance import into the course `parent`: rows (day, trainee, mark, teacher_present) are
    grouped by day; a day without a session gets one (the course's teacher); marks are upserted."""
    course = parent
    totals = [0, 0, 0]
    with transaction.atomic():
        filing, course = _lock(course)
        _check_recorder(actor, filing)
        by_day: dict[datetime.date, list[dict]] = {}
        for row in rows:
            by_day.setdefault(row["day"], []).append(row)
        for day, day_rows in sorted(by_day.items()):
            check_day(course, day)
            marks = {row["trainee"].pk: row["mark"] for row in day_rows}
            _check_marks(course, day, marks)
            session = AttendanceSession.objects.select_for_update().filter(course=course, day=day).first()
            presence = [row["teacher_present"] for row in day_rows if row.get("teacher_present") is not None]
            if session is None:
                session = AttendanceSession.objects.create(
                    course=course, day=day, teacher=course.teacher, recorded_by=actor,
                    teacher_present=presence[-1] if presence else False)
                before = None
            else:
                before = _describe(session)
                if presence and session.teacher_present != presence[-1]:
                    session.teacher_present = presence[-1]
                    session.recorded_by = actor
                    session.save()
            counts = _write_marks(session, marks)
            totals = [total + count for total, count in zip(totals, counts)]
            if counts[0] or counts[1] or before is None:
                record(actor=actor, action="apprenticeships.attendance_imported", target=session,
                       target_repr=f"{course.name} {day.isoformat()}", before=before, after=_describe(session))
    return tuple(totals)
