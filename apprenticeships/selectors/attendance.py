"""查看考勤 (manual 003 §3.2.1.5): attendance by teacher, by trainee (with the rate) and by course, each down to
its records; the cross-check beyond the manual (sessions with trainees present and no teacher present; trainees
under the region's attendance threshold, which is off unless HR sets one). Also the course an attendance record
or import is written for, with who may write it."""

import datetime
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.http import Http404
from django.utils import timezone

from apprenticeships.models import AttendanceMark, AttendanceSession, Course, Filing, FilingStatus, Mark
from apprenticeships.rules import may_file, may_record_attendance
from apprenticeships.selectors.access import filings_q
from apprenticeships.selectors.parameters import rules_for


def may_record_for(user, filing: Filing) -> bool:
    """The named institution's attendance recorders; for an "other" institution (not on Praxis) the enterprise's
    filers."""
    if filing.institution_id is not None:
        return may_record_attendance(user) and user.organisation_id == filing.institution_id
    return may_file(user) and user.organisation_id == filing.organisation_id


def get_course_for_recording(user, pk) -> Course:
    """The course whose attendance the user records: 404 when its filing is not visible to the user (a member of
    the named institution or of the enterprise without the permission gets 403: the filing is theirs)."""
    course = Course.objects.select_related("filing", "filing__organisation", "filing__institution",
                                           "teacher", "venue").filter(pk=pk).first()
    if course is None:
        raise Http404("课程不存在")
    filing = course.filing
    own = user.is_authenticated and user.organisation_id is not None and user.organisation_id in (
        filing.institution_id, filing.organisation_id)
    visible = Filing.objects.filter(filings_q(user), pk=filing.pk).exists() if user.is_authenticated else False
    if not (visible or own):
        raise Http404("课程不存在")
    if not may_record_for(user, filing):
        raise PermissionDenied
    return course


def course_for_import(user, key) -> Course:
    """ImportParent.get of the attendance import."""
    if not str(key).isdigit():
        raise Http404
    return get_course_for_recording(user, int(key))


def rate(present: int, total: int) -> Decimal | None:
    if not total:
        return None
    return (Decimal(present) / Decimal(total)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


def percent(value: Decimal | None) -> str:
    if value is None:
        return "—"
    return f"{(value * 100).quantize(Decimal('0.1'))}%"


def attendance_threshold(filing: Filing, today: datetime.date | None = None) -> Decimal | None:
    """The region's 出勤率提示线 in force today (None: not set, or no rules for the period: no check)."""
    try:
        return rules_for(filing.region, today or timezone.localdate()).attendance_threshold
    except ValidationError:
        return None


@dataclass
class AttendanceSummary:
    teachers: list = field(default_factory=list)
    trainees: list = field(default_factory=list)
    courses: list = field(default_factory=list)
    sessions_without_teacher: list = field(default_factory=list)
    threshold: Decimal | None = None
    below_threshold: list = field(default_factory=list)


def sessions_of(filing: Filing):
    return AttendanceSession.objects.filter(course__filing=filing)


def summary(filing: Filing, today: datetime.date | None = None) -> AttendanceSummary:
    result = AttendanceSummary(threshold=attendance_threshold(filing, today))
    sessions = sessions_of(filing)
    by_teacher = {row["teacher"]: row for row in sessions.values("teacher").annotate(
        sessions=Count("id"), present=Count("id", filter=Q(teacher_present=True)))}
    for teacher in filing.teachers.order_by("id"):
        row = by_teacher.get(teacher.pk, {"sessions": 0, "present": 0})
        result.teachers.append({"teacher": teacher, "sessions": row["sessions"], "present": row["present"],
                                "absent": row["sessions"] - row["present"]})
    marks = AttendanceMark.objects.filter(session__course__filing=filing)
    by_trainee = {row["trainee"]: row for row in marks.values("trainee").annotate(
        total=Count("id"), present=Count("id", filter=Q(mark=Mark.PRESENT)),
        absent=Count("id", filter=Q(mark=Mark.ABSENT)), leave=Count("id", filter=Q(mark=Mark.LEAVE)))}
    for trainee in filing.trainees.order_by("id"):
        row = by_trainee.get(trainee.pk, {"total": 0, "present": 0, "absent": 0, "leave": 0})
        value = rate(row["present"], row["total"])
        below = result.threshold is not None and value is not None and value < result.threshold
        item = {"trainee": trainee, **{key: row[key] for key in ("total", "present", "absent", "leave")},
                "rate": value, "rate_text": percent(value), "below": below}
        result.trainees.append(item)
        if below:
            result.below_threshold.append(item)
    by_course = {row["course"]: row for row in sessions.values("course").annotate(
        sessions=Count("id", distinct=True), teacher_present=Count("id", filter=Q(teacher_present=True),
                                                                   distinct=True))}
    course_marks = {row["session__course"]: row for row in marks.values("session__course").annotate(
        total=Count("id"), present=Count("id", filter=Q(mark=Mark.PRESENT)))}
    for course in filing.courses.select_related("teacher").order_by("starts_on", "id"):
        row = by_course.get(course.pk, {"sessions": 0, "teacher_present": 0})
        marked = course_marks.get(course.pk, {"total": 0, "present": 0})
        value = rate(marked["present"], marked["total"])
        result.courses.append({"course": course, "sessions": row["sessions"],
                               "teacher_present": row["teacher_present"], "marks": marked["total"],
                               "present": marked["present"], "rate": value, "rate_text": percent(value)})
    result.sessions_without_teacher = list(
        sessions.filter(teacher_present=False, marks__mark=Mark.PRESENT).distinct()
        .select_related("course", "teacher").order_by("day", "course_id"))
    return result


def flags_for(filings, today: datetime.date | None = None) -> dict:
    """The cross-check of each listed filing for 培训情况跟踪: {filing id: {"no_teacher": sessions with trainees
    present but no teacher present, "below": trainees under the region's threshold (None: no threshold)}}."""
    ids = [filing.pk for filing in filings]
    no_teacher = dict(AttendanceSession.objects.filter(
        course__filing_id__in=ids, teacher_present=False, marks__mark=Mark.PRESENT).values("course__filing_id")
        .annotate(count=Count("id", distinct=True)).values_list("course__filing_id", "count"))
    # The threshold is the region's: looked up once per region on the page, then one query for the marks of every
    # filing that has one (a list of one enterprise's classes is one region).
    thresholds, by_region = {}, {}
    for filing in filings:
        if filing.region_id not in by_region:
            by_region[filing.region_id] = attendance_threshold(filing, today)
        thresholds[filing.pk] = by_region[filing.region_id]
    checked = [pk for pk, threshold in thresholds.items() if threshold is not None]
    below = {pk: 0 for pk in checked}
    if checked:
        rows = AttendanceMark.objects.filter(session__course__filing_id__in=checked).values(
            "session__course__filing_id", "trainee").annotate(
            total=Count("id"), present=Count("id", filter=Q(mark=Mark.PRESENT)))
        for row in rows:
            filing_id = row["session__course__filing_id"]
            if rate(row["present"], row["total"]) < thresholds[filing_id]:
                below[filing_id] += 1
    flags = {}
    for filing in filings:
        flags[filing.pk] = {"no_teacher": no_teacher.get(filing.pk, 0), "below": below.get(filing.pk)}
    return flags


def records(filing: Filing, *, teacher=None, trainee=None, course=None):
    """The sessions (考勤记录) of the filing, filtered; each with its counts of present/absent/leave marks."""
    sessions = sessions_of(filing).select_related("course", "teacher", "recorded_by")
    if teacher is not None:
        sessions = sessions.filter(teacher=teacher)
    if course is not None:
        sessions = sessions.filter(course=course)
    if trainee is not None:
        sessions = sessions.filter(pk__in=AttendanceMark.objects.filter(trainee=trainee).values("session_id"))
    return sessions.annotate(
        present=Count("marks", filter=Q(marks__mark=Mark.PRESENT), distinct=True),
        absent=Count("marks", filter=Q(marks__mark=Mark.ABSENT), distinct=True),
        leave=Count("marks", filter=Q(marks__mark=Mark.LEAVE), distinct=True),
    ).order_by("-day", "course_id")


def marks_of(trainee, session_ids) -> dict:
    return dict(AttendanceMark.objects.filter(trainee=trainee, session_id__in=session_ids)
                .values_list("session_id", "mark"))


def recordable(filing: Filing) -> bool:
    return filing.status == FilingStatus.APPROVED
