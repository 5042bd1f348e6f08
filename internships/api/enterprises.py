"""An enterprise's record (企业档案) and the registry (企业登记信息库) through the API, as the screens show them:
the record for the schools of its pool or that recommended it, the education departments of its region, and
itself (admission, source, recommending schools, blacklist history, positions); the enterprise's own page
(实习企业信息) with 申请进入实习企业库 and 在岗职工总数 (under If-Match); the registry with its filters for the
education departments that keep it — views/entry.py's selectors, forms and services."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match, etag_of
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import require_permission
from internships.forms.entry import RegistryFilterForm, StaffForm
from internships.models import (
    AdmissionStatus,
    BlacklistEntry,
    EnterpriseProfile,
    RegistryRecord,
    SchoolRecommendation,
)
from internships.rules import HOST, REGISTRY, is_host
from internships.selectors import enterprises as selectors
from internships.services import enterprises as services

TAGS = ["职业院校学生实习"]
StaffInput = form_serializer(StaffForm, "InternshipStaffOnDutyInput")


class RecommenderSerializer(serializers.ModelSerializer):
    school_id = serializers.IntegerField()
    school_name = serializers.CharField(source="school.name")

    class Meta:
        model = SchoolRecommendation
        fields = ("school_id", "school_name", "inspection_note", "created_at")


class BlacklistHistorySerializer(serializers.ModelSerializer):
    reason_display = serializers.CharField(source="get_reason_display")
    status_display = serializers.CharField(source="get_status_display")
    proposing_organisation_name = serializers.CharField(source="proposing_organisation.name")

    class Meta:
        model = BlacklistEntry
        fields = ("id", "reason", "reason_display", "status", "status_display", "proposing_organisation_name",
                  "created_at", "listed_at", "removed_at", "removal_reason")


class EnterpriseRecordSerializer(serializers.Serializer):
    """The screen's 入库情况, 推荐学校 and 黑名单记录 (internships.views.entry._record_context)."""

    id = serializers.IntegerField()
    name = serializers.CharField()
    credit_code = serializers.CharField()
    region = serializers.CharField(allow_null=True)
    region_name = serializers.CharField(allow_null=True)
    origin = serializers.CharField()
    origin_display = serializers.CharField()
    admission_status = serializers.CharField(help_text=", ".join(AdmissionStatus.values))
    admission_status_display = serializers.CharField()
    admission_checked_at = serializers.DateTimeField(allow_null=True)
    admission_note = serializers.CharField()
    staff_on_duty = serializers.IntegerField(allow_null=True)
    blacklisted = serializers.BooleanField()
    positions_total = serializers.IntegerField()
    positions_published = serializers.IntegerField()
    recommenders = RecommenderSerializer(many=True)
    blacklistings = BlacklistHistorySerializer(many=True)


class OwnEnterpriseSerializer(EnterpriseRecordSerializer):
    may_apply = serializers.BooleanField(help_text=str(_("可以申请进入实习企业库（自荐或学生推荐、待核查或未通过）")))


def record_data(enterprise) -> dict:
    profile = selectors.profile_of(enterprise)
    positions = selectors.position_counts(enterprise)
    status = profile.admission_status if profile else AdmissionStatus.PENDING
    return {
        "id": enterprise.pk, "name": enterprise.name, "credit_code": enterprise.credit_code,
        "region": enterprise.region_id, "region_name": enterprise.region.full_name if enterprise.region else None,
        "origin": enterprise.origin, "origin_display": enterprise.get_origin_display(),
        "admission_status": status, "admission_status_display": str(AdmissionStatus(status).label),
        "admission_checked_at": profile.admission_checked_at if profile else None,
        "admission_note": profile.admission_note if profile else "",
        "staff_on_duty": profile.staff_on_duty if profile else None,
        "blacklisted": bool(profile and profile.blacklisted),
        "positions_total": positions["total"], "positions_published": positions["published"],
        "recommenders": selectors.recommenders_of(enterprise),
        "blacklistings": selectors.blacklistings_of(enterprise),
    }


def _version(enterprise):
    """What the record's ETag follows: the programme's profile row once it exists, else the enterprise."""
    return EnterpriseProfile.objects.filter(organisation=enterprise).first() or enterprise


def _record_response(request, enterprise, serializer_class, data) -> Response:
    shown = serializer_class(data, context={"request": request}).data
    response = Response(shown)
    response["ETag"] = etag_of(_version(enterprise), shown)
    return response


class EnterpriseRecord(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_enterprises_retrieve", summary=_("实习企业档案"), tags=TAGS,
                   responses=EnterpriseRecordSerializer)
    def get(self, request, pk):
        enterprise = selectors.get_enterprise_for_user(request.user, pk)
        return _record_response(request, enterprise, EnterpriseRecordSerializer, record_data(enterprise))


def _own_enterprise(request):
    """The screens' guard: the programme's host permission, in an organisation that hosts interns."""
    require_permission(request, HOST)
    if not is_host(request.user):
        raise PermissionDenied
    return request.user.organisation


def _own_response(request, enterprise) -> Response:
    data = record_data(enterprise)
    data["may_apply"] = services.may_apply(enterprise, selectors.profile_of(enterprise))
    return _record_response(request, enterprise, OwnEnterpriseSerializer, data)


class OwnEnterprise(APIView):
    """实习企业信息: the enterprise's own record, and whether it may apply to the pool."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_own_enterprise_retrieve", summary=_("实习企业信息（本企业）"),
                   tags=TAGS, responses=OwnEnterpriseSerializer)
    def get(self, request):
        return _own_response(request, _own_enterprise(request))


class ApplyForAdmission(APIView):
    """申请进入实习企业库: the registry check decides at once, or the county education department reviews."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_own_enterprise_apply", summary=_("申请进入实习企业库"), tags=TAGS,
                   request=None, responses=OwnEnterpriseSerializer)
    def post(self, request):
        enterprise = _own_enterprise(request)
        services.apply_for_admission(organisation=enterprise, actor=request.user)
        return _own_response(request, enterprise)


class StaffOnDuty(APIView):
    """在岗职工总数 (If-Match: the ETag of the enterprise's own record)."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_own_enterprise_staff_update", summary=_("修改在岗职工总数"), tags=TAGS,
                   request=StaffInput, responses=OwnEnterpriseSerializer)
    def put(self, request):
        enterprise = _own_enterprise(request)
        form = bind(StaffForm, request.data)
        with transaction.atomic():
            profile = (EnterpriseProfile.objects.select_for_update(of=("self",))
                       .filter(organisation=enterprise).first())
            check_if_match(request, profile or enterprise)
            services.set_staff_on_duty(organisation=enterprise, actor=request.user,
                                       staff_on_duty=form.cleaned_data["staff_on_duty"])
        return _own_response(request, enterprise)


class RegistryRecordSerializer(serializers.ModelSerializer):
    standing_display = serializers.CharField(source="get_standing_display")

    class Meta:
        model = RegistryRecord
        fields = ("id", "credit_code", "name", "legal_representative", "standing", "standing_display",
                  "registered_on", "business_scope", "updated_at")


class RegistryList(ListAPIView):
    """企业登记信息库: the market regulator's data, imported by the education department (the import is the batch
    engine's, /api/v1/imports/)."""

    api_programme = "internships"
    serializer_class = RegistryRecordSerializer

    @extend_schema(operation_id="internships_registry_list", summary=_("企业登记信息库（教育部门）"), tags=TAGS,
                   parameters=query_parameters(RegistryFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, REGISTRY)
        records = selectors.registry_records(self.request.user)
        form = bind_query(self.request, RegistryFilterForm)
        return selectors.filter_registry(records, form.cleaned_data)
