"""工作桌面 and 统计分析 as JSON: the pages' selectors (selectors.desk, selectors.desk_statistics), the same role
choice and the same year form (a malformed year is a 400 here, where the page falls back to this year)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from accounts.rules import is_platform_staff
from api.errors import FormInvalid, form_errors
from api.forms import query_parameters
from continuing_education.api.desk_serializers import DeskSerializer, StatisticsSerializer
from continuing_education.forms.desk import YearForm
from continuing_education.models import DeclarationStatus
from continuing_education.rules import is_professional, is_reviewer
from continuing_education.selectors.desk import department_desk, may_open_unit_desk, person_desk, unit_desk
from continuing_education.selectors.desk_statistics import may_see_statistics, statistics_for

TAGS = ["专业技术人员继续教育"]
PROGRAMME = "continuing_education"
UNIT_COUNTS = ("staff_requests", "inbox", "upstream", "declarants", "classes_follow_up")
YEAR_COLUMNS = ("classes", "courses", "participants", "declarants", "completed")


def _year(request) -> int:
    """The year form binds only its own parameter (without ?year= it is unbound: this year)."""
    form = YearForm(request.query_params)
    if form.is_bound and not form.is_valid():
        raise FormInvalid(form_errors(form))
    return form.chosen_year


def _unit(desk) -> dict:
    return {"organisation_id": desk.organisation.pk, "organisation_name": desk.organisation.name,
            "year": desk.year, "counts": {name: desk.counts.get(name) for name in UNIT_COUNTS},
            "columns": [{"key": key, "label": str(label)} for key, label in desk.columns],
            "years": [{"year": row["year"], **{name: row.get(name) for name in YEAR_COLUMNS}} for row in desk.years]}


def _person(desk) -> dict:
    archive = desk.archive
    return {"link": desk.link, "year": desk.year,
            "declarations": {status: desk.declarations.get(status, 0) for status in DeclarationStatus.values},
            "archive": None if archive is None else {"public_hours": archive.public_hours,
                                                     "professional_hours": archive.professional_hours,
                                                     "total_hours": archive.total_hours},
            "rule": desk.rule, "missing": desk.missing}


class Desk(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_desk_retrieve", summary=_("工作桌面"), tags=TAGS,
                   parameters=query_parameters(YearForm), responses=DeskSerializer)
    def get(self, request):
        user, year = request.user, _year(request)
        answer = {"kind": None, "unit": None, "person": None, "department": None}
        if may_open_unit_desk(user):
            answer.update(kind="unit", unit=_unit(unit_desk(user, year=year)))
        elif is_professional(user):
            answer.update(kind="person", person=_person(person_desk(user)))
        elif is_reviewer(user) or is_platform_staff(user):
            answer.update(kind="department", department=department_desk(user))
        else:
            raise PermissionDenied
        return Response(DeskSerializer(answer, context={"request": request}).data)


class Statistics(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_statistics_retrieve", summary=_("统计分析"), tags=TAGS,
                   parameters=query_parameters(YearForm), responses=StatisticsSerializer)
    def get(self, request):
        if not may_see_statistics(request.user):
            raise PermissionDenied
        stats = statistics_for(request.user, year=_year(request))
        return Response(StatisticsSerializer(stats, context={"request": request}).data)
