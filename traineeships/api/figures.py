"""What the API shows of the computed pages: the 补贴经费花名册 (traineeships.services.roster) and 统计分析
(traineeships.services.statistics), the same figures the screens draw, identifiers masked as on screen."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from api.fields import IdNumberField


def _money(**kwargs):
    return serializers.DecimalField(max_digits=14, decimal_places=2, **kwargs)


def _rate(**kwargs):
    return serializers.DecimalField(max_digits=6, decimal_places=4, **kwargs)


# --- 补贴经费花名册


class RosterMonthSerializer(serializers.Serializer):
    month = serializers.DateField()
    days = serializers.IntegerField(help_text=_("当月在岗天数"))
    days_in_month = serializers.IntegerField()
    on_post = serializers.BooleanField(help_text=_("单位上报当月在岗（不在岗的月份不计补贴）"))
    minimum_wage = _money(allow_null=True, help_text=_("当月最低工资标准；未设置时为空"))
    rate = _rate(allow_null=True, help_text=_("补贴比例"))
    amount = _money()
    explanation = serializers.CharField()


class RosterLineSerializer(serializers.Serializer):
    placement_id = serializers.IntegerField(source="trainee.key")
    name = serializers.CharField(source="trainee.name")
    id_number = IdNumberField(source="trainee.id_number")
    post_title = serializers.CharField(source="trainee.post_title")
    start_on = serializers.DateField(source="trainee.start_on")
    end_on = serializers.DateField(source="trainee.end_on")
    retained_on = serializers.DateField(source="trainee.retained_on", allow_null=True)
    months = RosterMonthSerializer(many=True)
    paid_months = serializers.SerializerMethodField(help_text=_("补贴月份数"))
    allowance_total = _money()
    insurance_amount = _money(help_text=_("其中保险补贴"))
    top_up_amount = _money(help_text=_("其中见习结束一次性补差"))
    total = _money()
    explanations = serializers.ListField(child=serializers.CharField(), help_text=_("计算说明"))
    claimed = serializers.ListField(child=serializers.CharField(), help_text=_("已在申领中的月份及事项（申领编号）"))

    def get_paid_months(self, line) -> int:
        return len(line.paid_months)


class RosterSerializer(serializers.Serializer):
    base_id = serializers.IntegerField(source="base.pk")
    organisation_id = serializers.IntegerField(source="base.organisation_id")
    organisation_name = serializers.CharField(source="base.organisation.name")
    first_month = serializers.DateField(source="roster.first_month")
    last_month = serializers.DateField(source="roster.last_month")
    retention_rate = _rate(source="roster.retention_rate", allow_null=True)
    retained = serializers.IntegerField(source="roster.retained")
    ended = serializers.IntegerField(source="roster.ended")
    retention_text = serializers.CharField(source="roster.retention_text")
    total = _money(source="roster.total")
    insurance_total = _money(source="roster.insurance_total")
    top_up_total = _money(source="roster.top_up_total")
    lines = RosterLineSerializer(source="roster.lines", many=True)


# --- 统计分析


class StatisticsRowSerializer(serializers.Serializer):
    code = serializers.CharField(help_text=_("下级地区代码（本级单位为本地区代码）"))
    name = serializers.CharField()
    bases = serializers.IntegerField(help_text=_("见习基地数"))
    posts = serializers.IntegerField(help_text=_("岗位数"))
    places = serializers.IntegerField(help_text=_("岗位人数"))
    applicants = serializers.IntegerField(help_text=_("报名人数"))
    on_post = serializers.IntegerField(help_text=_("在岗人数"))
    ended = serializers.IntegerField(help_text=_("结束见习人数"))
    retained = serializers.IntegerField(help_text=_("留用人数"))
    retention_rate = _rate(allow_null=True, help_text=_("留用率（无结束见习人员时为空）"))
    claimed = _money(help_text=_("已申领金额（元）"))
    paid = _money(help_text=_("已拨付金额（元）"))


class StatisticsMonthSerializer(serializers.Serializer):
    month = serializers.DateField()
    started = serializers.IntegerField(help_text=_("当月上岗人数"))
    on_post = serializers.IntegerField(help_text=_("当月在岗人数"))
    departures = serializers.IntegerField(help_text=_("当月离岗人数"))
    claimed = _money()
    paid = _money()


class StatisticsSerializer(serializers.Serializer):
    region_id = serializers.CharField(source="stats.region.code")
    region_name = serializers.CharField(source="stats.region.name")
    year = serializers.IntegerField(source="stats.year")
    years = serializers.ListField(child=serializers.IntegerField(), help_text=_("可选年份（有数据的年份及本年度）"))
    has_data = serializers.BooleanField(source="stats.has_data")
    rows = StatisticsRowSerializer(source="stats.rows", many=True)
    months = StatisticsMonthSerializer(source="stats.months", many=True)
    total = StatisticsRowSerializer(source="stats.total")
