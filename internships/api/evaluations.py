"""实习评价 through the API: the internships whose evaluations the reader sees (the enterprise its interns, the
school its students, the education department its region, the student their own), one internship's
evaluations, and writing one (the enterprise of its intern, the student of the enterprise)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.forms import bind, form_serializer
from internships.api.serializers import EvaluationsSerializer, InternshipSerializer
from internships.forms.arrivals import EvaluationForm
from internships.selectors.evaluations import evaluated_internships, get_internship_for_evaluation
from internships.services import evaluations as services
from internships.views.arrivals import may_see_evaluations

TAGS = ["职业院校学生实习"]
EvaluationInput = form_serializer(EvaluationForm, "InternshipEvaluationInput")


def _page(request, internship):
    side = services.side_of(request.user, internship)
    data = {"internship": internship, "side": side, "open_stages": services.open_stages(internship, side),
            "evaluations": internship.evaluations.select_related("created_by").order_by("created_at", "id")}
    return EvaluationsSerializer(data, context={"request": request}).data


class EvaluatedInternshipList(ListAPIView):
    api_programme = "internships"
    serializer_class = InternshipSerializer

    @extend_schema(operation_id="internships_evaluations_list", summary=_("实习评价：可查看评价的实习"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_see_evaluations(self.request.user):
            raise PermissionDenied
        return evaluated_internships(self.request.user).select_related("position", "group")


class InternshipEvaluations(APIView):
    """GET: the internship's evaluations; POST: the reader's evaluation (过程性评价 or 实习总结评价)."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_evaluations_retrieve", summary=_("实习的评价"), tags=TAGS,
                   responses=EvaluationsSerializer)
    def get(self, request, pk):
        return Response(_page(request, get_internship_for_evaluation(request.user, pk)))

    @extend_schema(operation_id="internships_evaluations_create", summary=_("提交实习评价"), tags=TAGS,
                   request=EvaluationInput, responses={201: EvaluationsSerializer})
    def post(self, request, pk):
        internship = get_internship_for_evaluation(request.user, pk)
        if services.side_of(request.user, internship) is None:
            raise PermissionDenied
        form = bind(EvaluationForm, request.data)
        services.evaluate(actor=request.user, internship=internship, **form.cleaned_data)
        return Response(_page(request, get_internship_for_evaluation(request.user, pk)), status=201)
