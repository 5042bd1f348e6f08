"""地区参数 (见习补贴参数) through the API, for HR departments within their jurisdiction: the list (the screen's
?region=), 新增, one setting and its edit under If-Match — views/parameters.py's selectors, form and services."""

from django import forms
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from traineeships.api.common import TAGS, payload
from traineeships.forms.parameters import RegionParameterForm
from traineeships.models import RegionParameter
from traineeships.rules import MANAGE_PARAMETERS
from traineeships.selectors import get_parameter_for_user, parameter_regions_for_user, parameters_for_user
from traineeships.services import parameters as services

# The region is chosen by its code (the screen's <select> values), not a number.
REGION_CODE = serializers.CharField(label=gettext_lazy("适用地区"), help_text=gettext_lazy("行政区划代码"))
ParameterInput = form_serializer(RegionParameterForm, "TraineeshipParameterInput", extra={"region": REGION_CODE})


class ParameterFilterForm(forms.Form):
    """The screen's ?region= (a region code of the department's jurisdiction)."""

    region = forms.CharField(label=gettext_lazy("适用地区"), required=False, max_length=12)


class ParameterSerializer(serializers.ModelSerializer):
    region_name = serializers.CharField(source="region.full_name")
    set_by_name = serializers.CharField(source="set_by.real_name")

    class Meta:
        model = RegionParameter
        fields = ("id", "region_id", "region_name", "valid_from", "valid_to", "subsidy_rate", "raised_subsidy_rate",
                  "retention_threshold", "insurance_subsidy_cap", "graduate_window_years", "pre_graduation_months",
                  "approval_lapse_days", "retention_registration_days", "backdating_warning_days",
                  "retention_window_months", "note", "set_by_name", "created_at", "updated_at")


def _form(request):
    return bind(RegionParameterForm, payload(request), regions=parameter_regions_for_user(request.user))


class ParameterList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = ParameterSerializer

    @extend_schema(operation_id="traineeships_parameters_list", summary=gettext_lazy("地区参数（辖区内）"),
                   tags=TAGS, parameters=query_parameters(ParameterFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_PARAMETERS)
        form = bind_query(self.request, ParameterFilterForm)
        parameters = parameters_for_user(self.request.user)
        if form.cleaned_data["region"].strip():
            parameters = parameters.filter(region_id=form.cleaned_data["region"].strip())
        return parameters

    @extend_schema(operation_id="traineeships_parameters_create", summary=gettext_lazy("新增地区参数"), tags=TAGS,
                   request=ParameterInput, responses={201: ParameterSerializer})
    def post(self, request):
        require_permission(request, MANAGE_PARAMETERS)
        parameter = services.create_parameter(actor=request.user, data=_form(request).cleaned_data)
        return object_response(request, ParameterSerializer, get_parameter_for_user(request.user, parameter.pk),
                               status=201)


class ParameterDetail(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_parameters_retrieve", summary=gettext_lazy("地区参数详情"),
                   tags=TAGS, responses=ParameterSerializer)
    def get(self, request, pk):
        require_permission(request, MANAGE_PARAMETERS)
        return object_response(request, ParameterSerializer, get_parameter_for_user(request.user, pk))

    @extend_schema(operation_id="traineeships_parameters_update", summary=gettext_lazy("修改地区参数"), tags=TAGS,
                   request=ParameterInput, responses=ParameterSerializer)
    def put(self, request, pk):
        require_permission(request, MANAGE_PARAMETERS)
        parameter = get_parameter_for_user(request.user, pk)
        form = _form(request)
        # If-Match is checked by the service once the row is locked (after its regions: the lock order).
        services.update_parameter(parameter=parameter, actor=request.user, data=form.cleaned_data,
                                  precondition=lambda locked: check_if_match(request, locked))
        return object_response(request, ParameterSerializer, get_parameter_for_user(request.user, pk))
