"""An enterprise's record (企业档案) and the registry (企业登记信息库) through the API, as the screens show them:
the record for the schools of its pool or that recommended it, the education departments of its region, and
itself (admission, source, recommending schools, blacklist history, positions); the registry with its filters
for the education departments that keep it — views/entry.py's selectors and filter form."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import etag_of
from api.forms import bind_query, query_parameters
from api.responses import require_permission
from internships.forms.entry import RegistryFilterForm
from internships.models import AdmissionStatus, BlacklistEntry, RegistryRecord, SchoolRecommendation
from internships.rules import REGISTRY
from internships.selectors import enterprises as selectors

TAGS = ["职业院校学生实习"]


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


class EnterpriseRecord(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_enterprises_retrieve", summary=_("实习企业档案"), tags=TAGS,
                   responses=EnterpriseRecordSerializer)
    def get(self, request, pk):
        enterprise = selectors.get_enterprise_for_user(request.user, pk)
        data = EnterpriseRecordSerializer(record_data(enterprise), context={"request": request}).data
        response = Response(data)
        response["ETag"] = etag_of(enterprise, data)
        return response


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
