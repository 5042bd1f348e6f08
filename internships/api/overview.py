"""学生实习总览 and the statistics through the API, as the screens show them: the school's roll with each student's
stage (the screen's filters), the school's 实习统计, and the education department's 辖区实习统计 — the same
selectors (internships.selectors.school_overview) and the same guards as views/school_overview.py."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.fields import IdNumberField
from api.forms import bind_query, query_parameters
from internships.forms.school import OverviewFilterForm
from internships.models import InternshipStatus
from internships.selectors.school import may_act_for_school, may_supervise
from internships.selectors.school_overview import (
    class_names,
    filter_roll,
    overview_row,
    region_statistics,
    roll_with_stage,
    school_roll,
    school_statistics,
)

TAGS = ["职业院校学生实习"]


def _require(check, user) -> None:
    if not check(user):
        raise PermissionDenied


class OverviewRowSerializer(serializers.Serializer):
    """A row of 学生实习总览 (internships.selectors.school_overview.overview_row): the student, their stage, their
    open choices, the current internship's enterprise and whether its agreement, insurance, arrival and final
    evaluations are done."""

    student_id = serializers.IntegerField(source="student.pk")
    name = serializers.CharField(source="student.name")
    class_name = serializers.CharField(source="student.class_name")
    id_number = IdNumberField(source="student.id_number")
    stage = serializers.CharField(help_text=str(_("none、applied 或实习状态")))
    stage_label = serializers.CharField()
    open_choices = serializers.IntegerField()
    internship_id = serializers.IntegerField(source="internship.pk", allow_null=True)
    enterprise_name = serializers.CharField(source="internship.enterprise.name", allow_null=True)
    agreement = serializers.BooleanField()
    insured = serializers.BooleanField()
    arrived_on = serializers.DateField(source="internship.arrived_on", allow_null=True)
    evaluated = serializers.BooleanField()
    student_evaluated = serializers.BooleanField()

    def to_representation(self, instance):
        return super().to_representation(overview_row(instance))


class CountSerializer(serializers.Serializer):
    status = serializers.CharField()
    label = serializers.CharField()
    count = serializers.IntegerField()


class EnterpriseFiguresSerializer(serializers.Serializer):
    enterprise_name = serializers.CharField()
    total = serializers.IntegerField()
    active = serializers.IntegerField()
    completed = serializers.IntegerField()
    ended_early = serializers.IntegerField()


class MajorFiguresSerializer(serializers.Serializer):
    major = serializers.CharField()
    roll = serializers.IntegerField(help_text=str(_("学生数")))
    placed = serializers.IntegerField(help_text=str(_("已签约")))
    arrived = serializers.IntegerField(help_text=str(_("已到岗")))


class FiguresSerializer(serializers.Serializer):
    """The figures of 实习统计 (internships.selectors.school_overview.statistics)."""

    by_status = CountSerializer(many=True)
    total = serializers.IntegerField()
    by_enterprise = EnterpriseFiguresSerializer(many=True)
    by_major = MajorFiguresSerializer(many=True)
    complaints = CountSerializer(many=True)
    complaints_total = serializers.IntegerField()


class SchoolFiguresSerializer(serializers.Serializer):
    name = serializers.CharField()
    by_status = CountSerializer(many=True)
    total = serializers.IntegerField()
    complaints = serializers.IntegerField()


class RegionFiguresSerializer(FiguresSerializer):
    per_school = SchoolFiguresSerializer(many=True)


def _counts(rows) -> list[dict]:
    return [{"status": value, "label": str(label), "count": count} for value, label, count in rows]


def figures_data(figures: dict) -> dict:
    """The screen's figures, their tuples and query keys named for JSON."""
    data = {
        "by_status": _counts(figures["by_status"]), "total": figures["total"],
        "by_enterprise": [{"enterprise_name": row["enterprise__name"], **{key: row[key] for key in (
            "total", "active", "completed", "ended_early")}} for row in figures["by_enterprise"]],
        "by_major": [{key: row[key] for key in ("major", "roll", "placed", "arrived")} for row in figures["by_major"]],
        "complaints": _counts(figures["complaints"]), "complaints_total": figures["complaints_total"],
    }
    if "per_school" in figures:
        data["per_school"] = [
            {"name": row["name"], "total": row["total"], "complaints": row["complaints"],
             "by_status": _counts((value, label, count) for (value, label), count in zip(
                 InternshipStatus.choices, row["statuses"], strict=True))}
            for row in figures["per_school"]]
    return data


class SchoolOverview(ListAPIView):
    """学生实习总览: every student of the school's roll with their stage."""

    api_programme = "internships"
    serializer_class = OverviewRowSerializer

    @extend_schema(operation_id="internships_school_overview_list", summary=_("学生实习总览（学校）"), tags=TAGS,
                   parameters=query_parameters(OverviewFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        user = self.request.user
        _require(may_act_for_school, user)
        form = bind_query(self.request, OverviewFilterForm, class_names=class_names(user))
        return filter_roll(roll_with_stage(school_roll(user)), **form.filters())


class SchoolStatistics(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_school_statistics_retrieve", summary=_("实习统计（学校）"), tags=TAGS,
                   responses=FiguresSerializer)
    def get(self, request):
        _require(may_act_for_school, request.user)
        return Response(FiguresSerializer(figures_data(school_statistics(request.user))).data)


class SupervisionStatistics(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_supervision_statistics_retrieve", summary=_("辖区实习统计（教育部门）"),
                   tags=TAGS, responses=RegionFiguresSerializer)
    def get(self, request):
        _require(may_supervise, request.user)
        return Response(RegionFiguresSerializer(figures_data(region_statistics(request.user))).data)
