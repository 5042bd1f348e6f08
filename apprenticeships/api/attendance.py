"""考勤 through the API: 查看考勤 (the summary by teacher, trainee and course, with the cross-check) and its 考勤记录
for whoever tracks the class (`may_track` and the filing's access rule), and the recording of a course's day for
its recorders (the named institution's, or the enterprise's filers for an "other" institution): a new day (POST)
or a recorded day edited under If-Match (PUT) — AttendanceForm and apprenticeships.services.attendance.
record_attendance, as on screen. The attendance import is the foundation's generic import (key
"apprenticeship_attendance", the course as its parent)."""

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import Conflict, FormInvalid
from api.forms import bind, bind_query, query_parameters
from api.responses import object_response
from apprenticeships.api.attendance_serializers import (
    AttendanceDayInput,
    AttendanceEditInput,
    AttendanceRecordSerializer,
    AttendanceSessionSerializer,
    AttendanceSummarySerializer,
)
from apprenticeships.api.common import TAGS, payload, state_conflicts
from apprenticeships.forms.tracking import AttendanceForm, DayForm, RecordFilterForm
from apprenticeships.models import AttendanceMark, AttendanceSession, FilingStatus
from apprenticeships.selectors.access import get_filing_for_user
from apprenticeships.selectors.attendance import get_course_for_recording, may_record_for, records, summary
from apprenticeships.selectors.tracking import ClassState, class_state, may_track
from apprenticeships.services.attendance import lost_on_day, record_attendance

API = "apprenticeships"


def _tracked_filing(request, pk):
    """The screen's order: the filing through its access rule (404), then the tracking permission (403)."""
    filing = get_filing_for_user(request.user, pk)
    if not may_track(request.user):
        raise PermissionDenied
    return filing


def _recordable(course) -> None:
    """The recording page's refusals before its form (409: the class's state, not the input)."""
    if course.filing.status == FilingStatus.CANCELLED:
        raise Conflict(_("该培训班已注销，不能再记录考勤"))
    if course.filing.status != FilingStatus.APPROVED:
        raise Conflict(_("备案审核通过后才能记录考勤"))
    if course.starts_on is None or course.ends_on is None:
        raise Conflict(_("该课程尚未配置培训日期，不能记录考勤"))


def _session_for_recording(request, pk) -> AttendanceSession:
    """A recorded day, through its course's recording rule (404 when the course's filing is not the user's to see,
    403 when it is but the user does not record it)."""
    course_id = AttendanceSession.objects.filter(pk=pk).values_list("course_id", flat=True).first()
    if course_id is None:
        raise Http404("考勤记录不存在")
    course = get_course_for_recording(request.user, course_id)
    session = AttendanceSession.objects.select_related("course", "teacher", "recorded_by").get(pk=pk)
    session.course = course
    return session


def _bound_form(body: dict, course, day_text):
    """AttendanceForm over the JSON body: `marks` {trainee id: mark} become the form's mark_<id> fields; the
    trainees to mark are those not lost on the day, as on screen."""
    marks = body.get("marks", {})
    if not isinstance(marks, dict):
        raise FormInvalid([{"field": "marks", "code": "invalid",
                            "message": str(_("考勤结果应为 {培训人员id: 考勤} 对象"))}])
    day_form = DayForm({"day": "" if day_text is None else str(day_text)})
    day = day_form.cleaned_data.get("day") if day_form.is_valid() else None
    trainees = list(course.filing.trainees.order_by("id"))
    lost = [trainee for trainee in trainees if (lost_on_day(trainee, day) if day else trainee.is_lost)]
    flat = {"day": day_text, "teacher": body.get("teacher"), "teacher_present": body.get("teacher_present"),
            **{f"mark_{key}": value for key, value in marks.items()}}
    return bind(AttendanceForm, flat, course=course, trainees=[t for t in trainees if t not in lost], lost=lost)


def _session_response(request, pk, status=200):
    return object_response(request, AttendanceSessionSerializer, _session_for_recording(request, pk), status=status)


class AttendanceSummary(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_attendance_summary", summary=_("查看考勤"), tags=TAGS,
                   responses=AttendanceSummarySerializer)
    def get(self, request, pk):
        filing = _tracked_filing(request, pk)
        data = summary(filing)
        state = class_state(filing)
        data.class_state, data.class_state_display = state, str(ClassState.LABELS[state])
        data.can_record = may_record_for(request.user, filing) and filing.status == FilingStatus.APPROVED
        return Response(AttendanceSummarySerializer(data).data)


class AttendanceRecordList(ListAPIView):
    """考勤记录 of the filing, by teacher, trainee or course; filtered by a trainee, each row has their mark."""

    api_programme = API
    serializer_class = AttendanceRecordSerializer

    @extend_schema(operation_id="apprenticeships_attendance_records_list", summary=_("考勤记录"), tags=TAGS,
                   parameters=query_parameters(RecordFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        filing = _tracked_filing(self.request, self.kwargs["pk"])
        form = bind_query(self.request, RecordFilterForm, filing=filing)
        filters = {key: value for key, value in form.cleaned_data.items() if value is not None}
        sessions = records(filing, **filters)
        trainee = filters.get("trainee")
        if trainee is not None:
            sessions = sessions.annotate(trainee_mark=Subquery(AttendanceMark.objects.filter(
                session=OuterRef("pk"), trainee=trainee).values("mark")[:1]))
        return sessions


class AttendanceRecord(APIView):
    """记录考勤 of a new day of the course (a day already recorded is edited with PUT on its record: 409)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_attendance_record", summary=_("记录课程考勤"), tags=TAGS,
                   request=AttendanceDayInput, responses={201: AttendanceSessionSerializer})
    def post(self, request, pk):
        course = get_course_for_recording(request.user, pk)
        _recordable(course)
        body = payload(request)
        form = _bound_form(body, course, body.get("day"))
        with state_conflicts():
            session = record_attendance(course=course, actor=request.user, day=form.cleaned_data["day"],
                                        teacher=form.cleaned_data["teacher"],
                                        teacher_present=form.cleaned_data["teacher_present"], marks=form.marks())
        return _session_response(request, session.pk, status=201)


class AttendanceSessionDetail(APIView):
    """A recorded day for its recorders: read (with its ETag) and 修改 under If-Match; the day stays."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_attendance_session_retrieve", summary=_("课程某日考勤"),
                   tags=TAGS, responses=AttendanceSessionSerializer)
    def get(self, request, pk):
        return _session_response(request, pk)

    @extend_schema(operation_id="apprenticeships_attendance_session_update", summary=_("修改课程某日考勤"),
                   tags=TAGS, request=AttendanceEditInput, responses=AttendanceSessionSerializer)
    def put(self, request, pk):
        session = _session_for_recording(request, pk)
        _recordable(session.course)
        with transaction.atomic():
            locked = AttendanceSession.objects.select_for_update().get(pk=session.pk)
            check_if_match(request, locked, AttendanceSessionSerializer(locked, context={"request": request}).data)
            form = _bound_form(payload(request), session.course, session.day.isoformat())
            with state_conflicts():
                record_attendance(course=session.course, actor=request.user, day=session.day,
                                  teacher=form.cleaned_data["teacher"],
                                  teacher_present=form.cleaned_data["teacher_present"], marks=form.marks(),
                                  session=locked)
        return _session_response(request, pk)
