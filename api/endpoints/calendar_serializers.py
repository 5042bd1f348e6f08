"""工作日历 and 最低工资标准 as their pages show them (calendars/templates/calendars/*.html)."""

from django.utils.translation import gettext_lazy as _
from rest_framework import serializers

from calendars.models import CalendarYear, DayKind, MinimumWage, SpecialDay, YearStatus


class DaySerializer(serializers.ModelSerializer):
    year = serializers.IntegerField(source="date.year", help_text=_("所属年度"))
    weekday = serializers.SerializerMethodField(help_text=_("星期（1=周一 … 7=周日）"))
    kind = serializers.ChoiceField(choices=DayKind.choices)
    kind_display = serializers.CharField(source="get_kind_display")

    class Meta:
        model = SpecialDay
        fields = ("id", "year", "date", "weekday", "kind", "kind_display", "name")
        read_only_fields = fields

    def get_weekday(self, day) -> int:
        return day.date.isoweekday()


class YearSerializer(serializers.ModelSerializer):
    status = serializers.ChoiceField(choices=YearStatus.choices)
    status_display = serializers.CharField(source="get_status_display")
    published_at = serializers.DateTimeField(allow_null=True)
    holidays = serializers.IntegerField(help_text=_("放假天数"))
    makeup_days = serializers.IntegerField(help_text=_("调休上班天数"))

    class Meta:
        model = CalendarYear
        fields = ("year", "status", "status_display", "source", "published_at", "holidays", "makeup_days")
        read_only_fields = fields


class YearDetailSerializer(YearSerializer):
    days = DaySerializer(many=True, source="day_rows", help_text=_("登记的放假、调休上班日期（按日期）"))

    class Meta(YearSerializer.Meta):
        fields = (*YearSerializer.Meta.fields, "days")
        read_only_fields = fields


class WageSerializer(serializers.ModelSerializer):
    region_name = serializers.CharField(source="region.full_name")
    valid_from = serializers.DateField(help_text=_("起始月份的第一天（修改时按 YYYY-MM 提交）"))
    valid_to = serializers.DateField(allow_null=True, help_text=_("截止月份的最后一天；空为长期"))
    hourly = serializers.DecimalField(max_digits=6, decimal_places=2, allow_null=True)
    set_by_name = serializers.CharField(source="set_by.real_name")

    class Meta:
        model = MinimumWage
        fields = ("id", "region_id", "region_name", "valid_from", "valid_to", "monthly", "hourly", "source",
                  "set_by_name", "created_at")
        read_only_fields = fields
