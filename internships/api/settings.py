"""实习地区设置 through the API, as its screen offers it: the education department's settings manager reads the
setting that applies in its region (its own, an ancestor's, or the platform's defaults) and saves its region's
own under If-Match — views/entry.py's selector, form and service."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match, etag_of
from api.forms import bind, form_serializer
from api.responses import require_permission
from internships.forms.entry import RegionSettingForm
from internships.models import RegionSetting
from internships.rules import MANAGE_SETTINGS
from internships.selectors.settings import setting_for_region
from internships.services.settings import department_for_settings, save_region_setting

TAGS = ["职业院校学生实习"]
SettingInput = form_serializer(RegionSettingForm, "InternshipRegionSettingInput")


class RegionSettingSerializer(serializers.Serializer):
    region = serializers.CharField(help_text=str(_("本部门所在地区的行政区划代码")))
    region_name = serializers.CharField()
    position_review_required = serializers.BooleanField()
    insurance_warning_days = serializers.IntegerField()
    source = serializers.CharField(help_text=str(_("own：本地区的设置；inherited：沿用上级地区；default：平台默认")))
    source_region = serializers.CharField(allow_null=True, help_text=str(_("沿用的上级地区代码")))
    updated_at = serializers.DateTimeField(allow_null=True)


def _own_row(department, *, lock=False):
    rows = RegionSetting.objects.filter(region_id=department.region_id)
    return (rows.select_for_update() if lock else rows).first()


def _response(request, department) -> Response:
    current = setting_for_region(department.region)
    if current.pk is None:
        source, source_region = "default", None
    elif current.region_id == department.region_id:
        source, source_region = "own", None
    else:
        source, source_region = "inherited", current.region_id
    data = RegionSettingSerializer({
        "region": department.region_id, "region_name": department.region.full_name,
        "position_review_required": current.position_review_required,
        "insurance_warning_days": current.insurance_warning_days, "source": source,
        "source_region": source_region, "updated_at": current.updated_at if current.pk else None}).data
    response = Response(data)
    response["ETag"] = etag_of(_own_row(department) or department, data)
    return response


class RegionSettings(APIView):
    """GET the setting that applies; PUT saves the region's own (If-Match: the ETag of the GET)."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_settings_retrieve", summary=_("实习地区设置"), tags=TAGS,
                   responses=RegionSettingSerializer)
    def get(self, request):
        require_permission(request, MANAGE_SETTINGS)
        return _response(request, department_for_settings(request.user))

    @extend_schema(operation_id="internships_settings_update", summary=_("保存本地区实习设置"), tags=TAGS,
                   request=SettingInput, responses=RegionSettingSerializer)
    def put(self, request):
        require_permission(request, MANAGE_SETTINGS)
        department = department_for_settings(request.user)
        form = bind(RegionSettingForm, request.data)
        with transaction.atomic():
            check_if_match(request, _own_row(department, lock=True) or department)
            save_region_setting(actor=request.user, data=form.cleaned_data)
        return _response(request, department)
