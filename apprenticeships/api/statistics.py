"""学徒制统计 through the API: the figures of the screen (apprenticeships.services.statistics.statistics_for) for the
HR reviewer's region, by sub-region, by month and in total, for the screen's year and month range."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response
from rest_framework.views import APIView

from api.forms import bind_query, query_parameters
from api.responses import require_permission
from apprenticeships.api.common import TAGS
from apprenticeships.forms.hr import StatisticsFilterForm
from apprenticeships.rules import REVIEW, hr_department, is_hr_reviewer
from apprenticeships.services.statistics import statistics_for

API = "apprenticeships"
class StatisticsRowSerializer(serializers.Serializer):
    name = serializers.CharField()
    code = serializers.CharField(help_text=_("地区代码（按月份的行为空）"))
    enrolled = serializers.IntegerField(help_text=_("备案在训人数"))
    lost = serializers.IntegerField(help_text=_("流失人数"))
    lost_rate = serializers.DecimalField(max_digits=12, decimal_places=4, allow_null=True,
                                         help_text=_("流失率（流失人数÷在训人数；无在训人数时为空）"))
    lost_rate_text = serializers.CharField(help_text=_("流失率，如屏幕所示"))
    claimed = serializers.DecimalField(max_digits=14, decimal_places=2, help_text=_("申领金额（元）"))
    approved = serializers.DecimalField(max_digits=14, decimal_places=2, help_text=_("审核通过金额（元）"))
    paid = serializers.DecimalField(max_digits=14, decimal_places=2, help_text=_("已拨付金额（元）"))


class StatisticsSerializer(serializers.Serializer):
    region_code = serializers.CharField(source="region.code")
    region_name = serializers.CharField(source="region.name")
    year = serializers.IntegerField()
    month_from = serializers.IntegerField()
    month_to = serializers.IntegerField()
    rows = StatisticsRowSerializer(many=True, help_text=_("按地区"))
    months = StatisticsRowSerializer(many=True, help_text=_("按月份"))
    total = StatisticsRowSerializer(help_text=_("合计"))


class Statistics(APIView):
    """学徒制统计: an HR reviewer of a county, city or province, for its own region."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_statistics_retrieve", summary=_("学徒制统计"), tags=TAGS,
                   parameters=query_parameters(StatisticsFilterForm), responses=StatisticsSerializer)
    def get(self, request):
        require_permission(request, REVIEW)
        department = hr_department(request.user)
        if department is None or not is_hr_reviewer(request.user):
            raise PermissionDenied
        form = bind_query(request, StatisticsFilterForm)
        result = statistics_for(department.region, **form.filters())
        return Response(StatisticsSerializer(result).data)
