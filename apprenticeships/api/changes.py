"""备案变更申请 through the API: the enterprise's approved filings (the screen's list and filters), 开班信息变更
(its quota and history, then a new change), 课程信息配置 under If-Match, and 【查看变更内容】 (every reader of the
filing) — the screen's selectors (apprenticeships.selectors.changes), forms and services
(apprenticeships.services.changes)."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, extend_schema_field
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import Conflict
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from apprenticeships.api.common import TAGS, payload, state_conflicts
from apprenticeships.api.serializers import CourseSerializer, FilingSerializer
from apprenticeships.forms.changes import ChangesFilterForm, ClassDatesForm, CourseConfigForm
from apprenticeships.models import ChangeRecord, Course, DateChange, FilingStatus, TrainingClass
from apprenticeships.rules import FILE, may_file
from apprenticeships.selectors.access import get_filing_for_user
from apprenticeships.selectors.changes import (
    change_records_of,
    changeable_filings,
    filter_changeable,
    get_own_course,
    get_own_filing,
    open_teacher_change,
)
from apprenticeships.services import changes as services

API = "apprenticeships"
DatesInput = form_serializer(ClassDatesForm, "ApprenticeshipClassDatesInput")
CourseConfigInput = form_serializer(CourseConfigForm, "ApprenticeshipCourseConfigInput")


def _require_enterprise(request):
    require_permission(request, FILE)
    if not may_file(request.user):
        raise PermissionDenied


def _approved(filing):
    """As the screen: changes are for approved filings only (409 otherwise, the screen's message)."""
    if filing.status != FilingStatus.APPROVED:
        raise Conflict(_("只有审核通过的备案可以办理变更（当前状态：%(status)s）")
                       % {"status": filing.get_status_display()})


class ChangeableFilingSerializer(FilingSerializer):
    """A row of 备案变更申请: the filing, how many date changes it used, its courses not yet configured and its
    open 师资信息变更 (if any)."""

    date_change_count = serializers.IntegerField()
    unconfigured_course_count = serializers.SerializerMethodField()
    open_teacher_change_id = serializers.SerializerMethodField()

    class Meta(FilingSerializer.Meta):
        fields = (*FilingSerializer.Meta.fields, "date_change_count", "unconfigured_course_count",
                  "open_teacher_change_id")

    def get_unconfigured_course_count(self, filing) -> int:
        return sum(1 for course in filing.courses.all() if not course.is_configured)  # prefetched

    @extend_schema_field(serializers.IntegerField(allow_null=True))
    def get_open_teacher_change_id(self, filing):
        change = open_teacher_change(filing)
        return change.pk if change is not None else None


class ChangeList(ListAPIView):
    """备案变更申请: the enterprise's approved filings, with the screen's filters (a refused filter is a 400)."""

    api_programme = API
    serializer_class = ChangeableFilingSerializer

    @extend_schema(operation_id="apprenticeships_changes_list", summary=_("备案变更申请（可变更的备案）"), tags=TAGS,
                   parameters=query_parameters(ChangesFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _require_enterprise(self.request)
        form = bind_query(self.request, ChangesFilterForm)
        filters = {name: value or None for name, value in form.cleaned_data.items()}
        return filter_changeable(changeable_filings(self.request.user), **filters).select_related(
            "organisation", "region", "institution")


class DateChangeSerializer(serializers.ModelSerializer):
    actor_name = serializers.CharField(source="actor.__str__")

    class Meta:
        model = DateChange
        fields = ("id", "sequence", "old_starts_on", "old_ends_on", "new_starts_on", "new_ends_on", "requested_on",
                  "earliest_allowed", "reason", "actor_name", "created_at")


class DatesSerializer(serializers.Serializer):
    """开班信息变更's page: the class's dates, the changes left, the earliest allowed start, the changes made."""

    starts_on = serializers.DateField()
    ends_on = serializers.DateField()
    remaining = serializers.IntegerField(allow_null=True)
    earliest = serializers.DateField(allow_null=True)
    problems = serializers.ListField(child=serializers.CharField())
    changes = DateChangeSerializer(many=True)


def _dates_page(filing) -> dict:
    training_class = TrainingClass.objects.filter(filing_id=filing.pk).first()
    if training_class is None:
        raise Conflict(_("该备案没有培训信息"))
    preview = services.date_change_preview(filing=filing)
    return {"starts_on": training_class.starts_on, "ends_on": training_class.ends_on,
            "remaining": preview["remaining"], "earliest": preview["earliest"],
            "problems": [str(problem) for problem in preview["problems"]],
            "changes": training_class.date_changes.select_related("actor").order_by("sequence")}


class ClassDates(APIView):
    """开班信息变更 (GET): what the screen shows before the dates are typed."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_class_dates_retrieve",
                   summary=_("开班信息变更（可变更次数与历次变更）"), tags=TAGS, responses=DatesSerializer)
    def get(self, request, pk):
        require_permission(request, FILE)
        filing = get_own_filing(request.user, pk)
        _approved(filing)
        return Response(DatesSerializer(_dates_page(filing)).data)


class ClassDatesChange(APIView):
    """开班信息变更 (POST): new start and end dates; each accepted change uses one of the region's quota (a new
    record, so no If-Match: the service counts the changes under the filing's lock)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_class_dates_change", summary=_("变更开班日期"), tags=TAGS,
                   request=DatesInput, responses={201: DateChangeSerializer})
    def post(self, request, pk):
        require_permission(request, FILE)
        filing = get_own_filing(request.user, pk)
        _approved(filing)
        form = bind(ClassDatesForm, payload(request))
        with state_conflicts():
            change = services.change_class_dates(filing=filing, actor=request.user, **form.cleaned_data)
        change = DateChange.objects.select_related("actor").get(pk=change.pk)  # the row just written
        return object_response(request, DateChangeSerializer, change, status=201)


class CourseConfigure(APIView):
    """课程信息配置 (【修改】 a course of an approved filing): dates, daily times, venue, under If-Match (the
    course's ETag as 培训课程 or the last write returned it)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_course_configure", summary=_("配置课程培训信息"), tags=TAGS,
                   request=CourseConfigInput, responses=CourseSerializer)
    def put(self, request, pk):
        require_permission(request, FILE)
        course = get_own_course(request.user, pk)
        _approved(course.filing)
        with transaction.atomic():
            locked = Course.objects.select_for_update(of=("self",)).select_related("teacher").get(pk=course.pk)
            check_if_match(request, locked, CourseSerializer(locked, context={"request": request}).data)
            form = bind(CourseConfigForm, payload(request), venues=services.venues_for(course.filing.organisation),
                        course=course)
            with state_conflicts():
                services.configure_course(course=course, actor=request.user, data=form.cleaned_data)
        return object_response(request, CourseSerializer, get_own_course(request.user, pk))


class ChangeRecordSerializer(serializers.ModelSerializer):
    kind_display = serializers.CharField(source="get_kind_display")
    actor_name = serializers.CharField(source="actor.__str__")
    before = serializers.DictField()
    after = serializers.DictField()

    class Meta:
        model = ChangeRecord
        fields = ("id", "kind", "kind_display", "summary", "before", "after", "actor_name", "created_at")


class ChangeRecordList(ListAPIView):
    """【查看变更内容】: every change of the filing, for whoever sees the filing (the access rule)."""

    api_programme = API
    serializer_class = ChangeRecordSerializer

    @extend_schema(operation_id="apprenticeships_change_records_list", summary=_("备案的变更内容"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return change_records_of(get_filing_for_user(self.request.user, self.kwargs["pk"]))
