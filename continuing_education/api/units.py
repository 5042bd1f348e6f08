"""用人单位 (departments and platform staff): the units filed with the department or in its scope, with the screen's
filters, and one unit's page (its profile and the roster's counts)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import etag_of
from api.forms import bind_query, query_parameters
from continuing_education.api.units_serializers import UnitDetailSerializer, UnitSerializer
from continuing_education.forms.units import UnitFilterForm
from continuing_education.selectors import units as selectors

TAGS = ["专业技术人员继续教育"]
PROGRAMME = "continuing_education"


def require_department(request) -> None:
    if not selectors.may_see_units(request.user):
        raise PermissionDenied


class Units(ListAPIView):
    api_programme = PROGRAMME
    serializer_class = UnitSerializer

    @extend_schema(operation_id="continuing_education_units_list", summary=_("用人单位"), tags=TAGS,
                   parameters=query_parameters(UnitFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_department(self.request)
        visible = selectors.units_for_user(self.request.user)
        form = bind_query(self.request, UnitFilterForm, departments=selectors.hr_departments_in(visible))
        return selectors.filter_units(visible, form.filters())


class UnitDetail(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_units_retrieve", summary=_("用人单位详情"), tags=TAGS,
                   responses=UnitDetailSerializer)
    def get(self, request, pk):
        unit = selectors.get_unit_for_user(request.user, pk)  # 404 outside the rule, then 403, as the page
        require_department(request)
        data = UnitDetailSerializer(unit, context={"request": request, "counts": selectors.staff_counts(unit)}).data
        response = Response(data)
        response["ETag"] = etag_of(unit, data)
        return response
