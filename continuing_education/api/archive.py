"""培训档案 through the API: 查看培训历程 (one person's year and its credits) for whoever the screen shows it to,
我的培训档案 for the professional (their session), and 学时证明 (PDF; each printing issues a certificate with its
own verification code, so it is a POST, as on screen)."""

from django.core.exceptions import PermissionDenied
from django.utils import timezone
from django.utils.translation import gettext_lazy
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import etag_of
from api.downloads import DownloadNegotiation
from api.forms import bind_query, query_parameters
from continuing_education.api.serializers import ArchiveRowSerializer, ArchiveYearSerializer, PersonYearSerializer
from continuing_education.forms.archive import ArchiveFilterForm, archive_filters
from continuing_education.rules import is_professional
from continuing_education.selectors.archive import (
    archive_rows,
    assess,
    get_archive_year_for_user,
    may_open_archive,
    missing_hours,
    rule_of,
    years_of_person,
)
from continuing_education.views.archive import certificate_response, may_print_certificate

TAGS = ["专业技术人员继续教育"]
PROGRAMME = "continuing_education"


class ArchiveList(ListAPIView):
    """培训档案: the unit's (培训档案) or the department's people and their year, with the screen's filters (an
    invalid one is a 400 here, where the page shows nothing and says why beside the field)."""

    api_programme = PROGRAMME
    serializer_class = ArchiveRowSerializer

    @extend_schema(operation_id="continuing_education_archive_list", summary=gettext_lazy("培训档案"), tags=TAGS,
                   parameters=query_parameters(ArchiveFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_open_archive(self.request.user):
            raise PermissionDenied
        bind_query(self.request, ArchiveFilterForm)
        filters = archive_filters(self.request.query_params)
        return archive_rows(self.request.user, today=timezone.localdate(), **filters)


class ArchiveYearDetail(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_archive_retrieve", summary=gettext_lazy("查看培训历程"),
                   tags=TAGS, responses=ArchiveYearSerializer)
    def get(self, request, pk):
        item = get_archive_year_for_user(request.user, pk)
        rule, today = rule_of(item), timezone.localdate()
        item.entries_list = item.entries.select_related("organisation").order_by("occurred_on", "id")
        data = ArchiveYearSerializer(item, context={
            "request": request, "result": assess(item, rule, today),
            "missing": (missing_hours(item.public_hours, item.professional_hours, item.online_hours, rule)
                        if item.year == today.year else None)}).data
        response = Response(data)
        response["ETag"] = etag_of(item, data)
        return response


class Certificate(APIView):
    api_programme = PROGRAMME
    content_negotiation_class = DownloadNegotiation

    @extend_schema(operation_id="continuing_education_archive_certificate", summary=gettext_lazy("出具学时证明（PDF）"),
                   tags=TAGS, request=None, responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def post(self, request, pk):
        item = get_archive_year_for_user(request.user, pk)
        if not may_print_certificate(request.user, item):
            raise PermissionDenied
        return certificate_response(request, item)


class MyArchive(APIView):
    """我的培训档案: the person's years, newest first, the current year always among them."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_my_archive_list", summary=gettext_lazy("我的培训档案"),
                   tags=TAGS, responses=PersonYearSerializer(many=True))
    def get(self, request):
        if not is_professional(request.user):
            raise PermissionDenied
        years = years_of_person(request.user, timezone.localdate())
        return Response(PersonYearSerializer(years, many=True, context={"request": request}).data)

