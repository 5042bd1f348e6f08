"""补贴经费花名册 and 统计分析 through the API (views/roster.py, views/statistics.py): the unit's roster of its
own base and HR's of an approved base of its jurisdiction (?base=), for a period (?first_month=, ?last_month=),
as JSON, .xlsx or PDF from the screen's writers; the HR department's statistics of a year as JSON."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from api.downloads import PDF_RESPONSES, DownloadNegotiation, pdf_download
from api.errors import FormInvalid
from api.forms import bind_query, query_parameters
from traineeships.api.common import TAGS, XLSX_RESPONSES
from traineeships.api.figures import RosterSerializer, StatisticsSerializer
from traineeships.forms.reports import BaseChoiceForm, PeriodForm
from traineeships.forms.statistics import StatisticsFilterForm
from traineeships.rules import hr_department, is_hr_reviewer
from traineeships.services.claims import mark_claimed
from traineeships.services.roster import roster_for_base
from traineeships.services.statistics import statistics_for, years_with_data
from traineeships.views.roster import export_roster, roster_base, xlsx_response


class RosterQueryForm(PeriodForm, BaseChoiceForm):
    """The roster page's ?base= (HR only; a unit always reads its own base), ?first_month= and ?last_month=."""


def _roster_parameters() -> list:
    """The form's parameters, the period required (the page fills in a default period, the API does not)."""
    parameters = query_parameters(RosterQueryForm)
    for parameter in parameters:
        parameter.required = RosterQueryForm.base_fields[parameter.name].required
    return parameters


def _roster(request):
    """(base, roster) of the request, checked as on screen: who may read which base, then the period."""
    base, bases = roster_base(request.user, BaseChoiceForm(request.query_params))
    if base is None and bases is None:
        raise ValidationError(_("本单位还没有见习基地，没有补贴经费花名册"), code="no_base")
    form = bind_query(request, RosterQueryForm)
    if base is None:
        raise FormInvalid([{"field": "base", "code": "required", "message": _("请选择见习基地")}])
    data = form.cleaned_data
    return base, roster_for_base(base, data["first_month"], data["last_month"])


class Roster(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_roster_retrieve", summary=gettext_lazy("补贴经费花名册"), tags=TAGS,
                   parameters=_roster_parameters(), responses=RosterSerializer)
    def get(self, request):
        base, result = _roster(request)
        mark_claimed(result)
        return Response(RosterSerializer({"base": base, "roster": result}, context={"request": request}).data)


def _download(fmt: str, summary, responses):
    class RosterFile(APIView):
        content_negotiation_class = DownloadNegotiation
        api_programme = "traineeships"

        @extend_schema(operation_id=f"traineeships_roster_{fmt}", summary=summary, tags=TAGS,
                       parameters=_roster_parameters(), responses=responses)
        def get(self, request):
            base, result = _roster(request)
            content, filename = export_roster(request.user, base, result, fmt)
            if fmt == "xlsx":
                response = xlsx_response(content, filename)
                response["Cache-Control"] = "private, no-store"
                return response
            return pdf_download(content, filename)

    RosterFile.__name__ = RosterFile.__qualname__ = f"Roster{fmt.title()}"
    return RosterFile


RosterXlsx = _download("xlsx", gettext_lazy("下载补贴经费花名册（Excel）"), XLSX_RESPONSES)
RosterPdf = _download("pdf", gettext_lazy("下载补贴经费花名册（PDF）"), PDF_RESPONSES)


class StatisticsYearForm(StatisticsFilterForm):
    """The page's ?year=; the page falls back to this year on a year it does not offer, the API says so."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].error_messages["invalid_choice"] = gettext_lazy("年份无效：请选择有数据的年份或本年度")


class StatisticsQuery(APIView):
    """统计分析 of the HR department's jurisdiction (its sub-regions and months) for ?year=."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_statistics_retrieve", summary=gettext_lazy("就业见习统计分析"),
                   tags=TAGS, parameters=query_parameters(StatisticsYearForm), responses=StatisticsSerializer)
    def get(self, request):
        department = hr_department(request.user)
        # As the screen: the department's reviewers, not every member of it.
        if department is None or not is_hr_reviewer(request.user):
            raise PermissionDenied
        today = timezone.localdate()
        years = years_with_data(department.region, today)
        form = bind_query(request, StatisticsYearForm, years=years, today=today)
        return Response(StatisticsSerializer({"stats": statistics_for(department.region, form.chosen_year()),
                                              "years": years}, context={"request": request}).data)
