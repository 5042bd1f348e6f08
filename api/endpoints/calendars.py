"""工作日历 and 最低工资标准 through the API: the years with their 放假 / 调休上班 dates, a date's add, edit
(If-Match) and delete, a year's 发布; the minimum wages of the caller's province, add and edit (If-Match). The
calendars pages' selectors, forms (DayForm, WageForm) and services, so the rules are theirs: provincial HR
departments holding calendars.manage / calendars.manage_wages, and platform staff. Scope organisations:*."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.pagination import CursorPagination
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.endpoints.calendar_serializers import DaySerializer, WageSerializer, YearDetailSerializer, YearSerializer
from api.errors import Conflict
from api.forms import bind, form_serializer
from api.pagination import IdCursorPagination
from api.responses import object_response
from api.scopes import FOUNDATION
from calendars import services
from calendars import wages_admin as wages
from calendars.forms import DayForm
from calendars.models import DayKind
from calendars.selectors import get_day_for_user, get_year_for_user, years_for_user
from calendars.services import published_message

TAGS = ["工作日历与最低工资标准"]
DayInput = form_serializer(DayForm, "CalendarDayInput")
# The region is chosen by its code (the page's <select> values), not a number; months are typed YYYY-MM.
MONTH = r"^[0-9]{4}-[0-9]{2}$"
WageInput = form_serializer(wages.WageForm, "MinimumWageInput", extra={
    "region": serializers.CharField(label=_("适用地区"), max_length=6, help_text=_("行政区划代码（本省）")),
    "valid_from": serializers.RegexField(MONTH, label=_("起始月份"), help_text=_("YYYY-MM")),
    "valid_to": serializers.RegexField(MONTH, label=_("截止月份"), required=False, allow_blank=True,
                                       help_text=_("YYYY-MM；留空表示长期有效")),
})


class YearPagination(CursorPagination):
    ordering = "-year"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200


def _year_detail(request, year: int):
    calendar = get_year_for_user(request.user, year)
    calendar.day_rows = list(calendar.days.all())
    calendar.holidays = sum(day.kind == DayKind.HOLIDAY for day in calendar.day_rows)
    calendar.makeup_days = len(calendar.day_rows) - calendar.holidays
    return calendar


def _editable(day) -> None:
    """The page offers no edit of a published year's dates (its URLs answer 403): here a 409 names why."""
    if day.calendar_year.is_published:
        raise Conflict(published_message(day.calendar_year.year))


def _day_precondition(request):
    # SpecialDay has no version column: the tag is the representation's, as the GET gave it.
    return lambda current: check_if_match(request, current, DaySerializer(current).data)


class Years(ListAPIView):
    api_programme = FOUNDATION
    serializer_class = YearSerializer
    pagination_class = YearPagination

    @extend_schema(operation_id="calendars_years_list", summary=_("工作日历年度"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return years_for_user(self.request.user)


class YearDetail(APIView):
    api_programme = FOUNDATION

    @extend_schema(operation_id="calendars_years_retrieve", summary=_("年度工作日历"), tags=TAGS,
                   responses=YearDetailSerializer)
    def get(self, request, year):
        return object_response(request, YearDetailSerializer, _year_detail(request, year))


class PublishYear(APIView):
    api_programme = FOUNDATION

    @extend_schema(operation_id="calendars_years_publish", summary=_("发布年度工作日历"), tags=TAGS, request=None,
                   responses=YearDetailSerializer,
                   description=_("发布后该年度不能再修改；已发布的年度为 409，没有登记日期的年度为 400"))
    def post(self, request, year):
        calendar = get_year_for_user(request.user, year)
        if calendar.is_published:
            raise Conflict(published_message(calendar.year))
        services.publish_year(actor=request.user, year=calendar)
        return object_response(request, YearDetailSerializer, _year_detail(request, year))


class DayCreate(APIView):
    api_programme = FOUNDATION

    @extend_schema(operation_id="calendars_days_create", summary=_("登记放假或调休上班日期"), tags=TAGS,
                   request=DayInput, responses={201: DaySerializer})
    def post(self, request):
        years_for_user(request.user)  # 403 for anyone who may not maintain the calendar, as the page
        form = bind(DayForm, request.data, actor=request.user)
        day = services.add_day(actor=request.user, **form.cleaned_data)
        return object_response(request, DaySerializer, day, status=201)


class DayDetail(APIView):
    api_programme = FOUNDATION

    @extend_schema(operation_id="calendars_days_retrieve", summary=_("工作日历日期"), tags=TAGS,
                   responses=DaySerializer)
    def get(self, request, pk):
        return object_response(request, DaySerializer, get_day_for_user(request.user, pk))

    @extend_schema(operation_id="calendars_days_update", summary=_("修改工作日历日期"), tags=TAGS,
                   request=DayInput, responses=DaySerializer, description=_("须带 If-Match（读取时的 ETag）"))
    def put(self, request, pk):
        day = get_day_for_user(request.user, pk)
        _editable(day)
        form = bind(DayForm, request.data, actor=request.user, day=day)
        # If-Match is checked by the service on the row as it is under the year's lock (the lock order).
        day = services.change_day(actor=request.user, day=day, precondition=_day_precondition(request),
                                  **form.cleaned_data)
        return object_response(request, DaySerializer, get_day_for_user(request.user, day.pk))

    @extend_schema(operation_id="calendars_days_delete", summary=_("删除工作日历日期"), tags=TAGS, request=None,
                   responses={204: None}, description=_("可带 If-Match：记录已被他人修改时不删除（412）"))
    def delete(self, request, pk):
        day = get_day_for_user(request.user, pk)
        _editable(day)
        # Optional, as the page's delete has no version to send.
        precondition = _day_precondition(request) if request.headers.get("If-Match") else None
        services.delete_day(actor=request.user, day=day, precondition=precondition)
        return Response(status=204)


class Wages(ListAPIView):
    api_programme = FOUNDATION
    serializer_class = WageSerializer
    pagination_class = IdCursorPagination

    @extend_schema(operation_id="minimum_wages_list", summary=_("最低工资标准"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return wages.wages_for_user(self.request.user)

    @extend_schema(operation_id="minimum_wages_create", summary=_("新增最低工资标准"), tags=TAGS,
                   request=WageInput, responses={201: WageSerializer})
    def post(self, request):
        form = bind(wages.WageForm, request.data, regions=wages.wage_regions_for_user(request.user))
        row = wages.create_wage(actor=request.user, data=form.cleaned_data)
        return object_response(request, WageSerializer, wages.get_wage_for_user(request.user, row.pk), status=201)


class WageDetail(APIView):
    api_programme = FOUNDATION

    @extend_schema(operation_id="minimum_wages_retrieve", summary=_("最低工资标准详情"), tags=TAGS,
                   responses=WageSerializer)
    def get(self, request, pk):
        return object_response(request, WageSerializer, wages.get_wage_for_user(request.user, pk))

    @extend_schema(operation_id="minimum_wages_update", summary=_("修改最低工资标准"), tags=TAGS,
                   request=WageInput, responses=WageSerializer, description=_("须带 If-Match（读取时的 ETag）"))
    def put(self, request, pk):
        regions = wages.wage_regions_for_user(request.user)  # 403 first for who may not keep wages at all
        row = wages.get_wage_for_user(request.user, pk)
        form = bind(wages.WageForm, request.data, regions=regions)
        # If-Match is checked by the service on the row once locked, after its regions (the lock order).
        # MinimumWage has no version column: the tag is the representation's, as the GET gave it.
        wages.update_wage(actor=request.user, row=row, data=form.cleaned_data,
                          precondition=lambda locked: check_if_match(request, locked, WageSerializer(locked).data))
        return object_response(request, WageSerializer, wages.get_wage_for_user(request.user, pk))
