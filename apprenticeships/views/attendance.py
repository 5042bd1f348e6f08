"""查看考勤 (by teacher, by trainee with the rate, by course; down to the records) and recording a course's
attendance (the named institution, or the enterprise for an "other" institution)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from apprenticeships.forms.tracking import AttendanceForm, DayForm, RecordFilterForm
from apprenticeships.models import AttendanceSession, FilingStatus, Mark
from apprenticeships.selectors.access import get_filing_for_user
from apprenticeships.selectors.attendance import (
    get_course_for_recording,
    marks_of,
    may_record_for,
    records,
    summary,
)
from apprenticeships.selectors.tracking import ClassState, class_state, may_track
from apprenticeships.services.attendance import lost_on_day, record_attendance
from core.forms import TabForm
from core.paging import paginate

IMPORT_KEY = "apprenticeship_attendance"
SUMMARY_TABS = ("teachers", "trainees", "courses")


def _tracked_filing(request, pk):
    filing = get_filing_for_user(request.user, pk)
    if not may_track(request.user):
        raise PermissionDenied
    return filing


@require_GET
@login_required
def attendance(request, pk):
    filing = _tracked_filing(request, pk)
    form = TabForm(request.GET, tabs=SUMMARY_TABS, default="trainees", message=_("没有该考勤页签，请从页签中选择"))
    data = summary(filing)
    state = class_state(filing)
    return render(request, "apprenticeships/tracking/attendance/summary.html", {
        "filing": filing, "summary": data, "state_label": ClassState.LABELS[state],
        "can_record": may_record_for(request.user, filing) and filing.status == FilingStatus.APPROVED,
        "form": form, "tab": form.chosen})


@require_GET
@login_required
def attendance_records(request, pk):
    filing = _tracked_filing(request, pk)
    form = RecordFilterForm(request.GET or None, filing=filing)
    filters = {}
    if form.is_bound:
        if not form.is_valid():
            messages.error(request, _("查询条件有误，已忽略有误的条件"))
        filters = {key: value for key, value in form.cleaned_data.items() if value is not None}
    context = paginate(request, records(filing, **filters))
    trainee = filters.get("trainee")
    if trainee is not None:
        own = marks_of(trainee, [session.pk for session in context["object_list"]])
        for session in context["object_list"]:
            session.trainee_mark = own.get(session.pk, "")
    context.update(filing=filing, form=form, trainee=trainee,
                   mark_labels=dict(Mark.choices))
    return render(request, "apprenticeships/tracking/attendance/records.html", context)


def _trainees_for(course, day):
    trainees = list(course.filing.trainees.order_by("id"))
    if day is None:
        return [t for t in trainees if not t.is_lost], [t for t in trainees if t.is_lost]
    return ([t for t in trainees if not lost_on_day(t, day)], [t for t in trainees if lost_on_day(t, day)])


@require_http_methods(["GET", "POST"])
@login_required
def attendance_record(request, pk):
    course = get_course_for_recording(request.user, pk)
    filing = course.filing
    back = reverse("apprenticeships:attendance", args=[filing.pk]) + "?tab=courses"
    if filing.status == FilingStatus.CANCELLED:
        messages.error(request, _("该培训班已注销，不能再记录考勤"))
        return redirect(back)
    if filing.status != FilingStatus.APPROVED:
        messages.error(request, _("备案审核通过后才能记录考勤"))
        return redirect(back)
    if course.starts_on is None or course.ends_on is None:
        messages.error(request, _("该课程尚未配置培训日期，不能记录考勤"))
        return redirect(back)
    today = timezone.localdate()
    if request.method == "POST":
        day_form = DayForm({"day": request.POST.get("day", "")})
    else:
        day_form = DayForm(request.GET or None)
    day = day_form.cleaned_data.get("day") if day_form.is_bound and day_form.is_valid() else None
    if day_form.is_bound and day_form.errors and request.method == "GET":
        messages.error(request, "；".join(day_form.errors["day"]))
    if day is None and request.method == "GET":
        day = min(today, course.ends_on)
    session = AttendanceSession.objects.filter(course=course, day=day).first() if day else None
    trainees, lost = _trainees_for(course, day)
    if request.method == "GET":
        initial = {"day": day, "teacher": course.teacher_id, "teacher_present": True}
        if session is not None:
            initial.update(teacher=session.teacher_id, teacher_present=session.teacher_present, session=session.pk)
            initial.update({f"mark_{trainee}": mark for trainee, mark in session.marks.values_list("trainee_id",
                                                                                                 "mark")})
        form = AttendanceForm(initial=initial, course=course, trainees=trainees, lost=lost)
    else:
        form = AttendanceForm(request.POST, course=course, trainees=trainees, lost=lost)
        if form.is_valid():
            session_id = form.cleaned_data.get("session")
            editing = AttendanceSession.objects.filter(course=course, pk=session_id).first() if session_id else None
            try:
                record_attendance(course=course, actor=request.user, day=form.cleaned_data["day"],
                                  teacher=form.cleaned_data["teacher"],
                                  teacher_present=form.cleaned_data["teacher_present"], marks=form.marks(),
                                  session=editing)
            except ValidationError as error:
                form.bind_errors(error)
            else:
                messages.success(request, _("%(day)s 的考勤已保存") % {"day": form.cleaned_data["day"].isoformat()})
                return redirect(reverse("apprenticeships:attendance_record", args=[course.pk])
                                + f"?day={form.cleaned_data['day'].isoformat()}")
    sessions = course.sessions.select_related("teacher").order_by("-day")[:60]
    return render(request, "apprenticeships/tracking/attendance/record.html", {
        "course": course, "filing": filing, "form": form, "session": session, "sessions": sessions,
        "lost": lost, "day": day, "today": today, "import_key": IMPORT_KEY}, status=200)
