"""实习评价 through the API: the internships whose evaluations the reader sees (the enterprise its interns, the
school its students, the education department its region, the student their own), one internship's
evaluations, writing one (the enterprise of its intern, the student of the enterprise), and the students'
evaluations of the enterprise as one list (the screen's 学生对本企业的评价)."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.forms import bind, form_serializer
from internships.api.serializers import EvaluationsSerializer, InternshipSerializer
from internships.forms.arrivals import EvaluationForm
from internships.models import Evaluation
from internships.selectors.evaluations import (
    evaluated_internships,
    evaluations_of_enterprise,
    get_internship_for_evaluation,
)
from internships.services import arrivals as arrival_services
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


class EnterpriseEvaluationSerializer(serializers.ModelSerializer):
    """A row of 学生对本企业的评价: the student, their school, the evaluation (no personal identifier: the screen
    shows none)."""

    student_id = serializers.IntegerField(source="internship.student_id")
    student_name = serializers.CharField(source="internship.student.name")
    school_id = serializers.IntegerField(source="internship.school_id")
    school_name = serializers.CharField(source="internship.school.name")
    stage_display = serializers.CharField(source="get_stage_display")
    grade_display = serializers.CharField(source="get_grade_display")

    class Meta:
        model = Evaluation
        fields = ("id", "internship_id", "student_id", "student_name", "school_id", "school_name", "stage",
                  "stage_display", "grade", "grade_display", "comment", "created_at")


class EnterpriseEvaluationList(ListAPIView):
    """查看学生评价: the students' evaluations of the caller's enterprise, the section the evaluations screen shows
    its enterprise (the screen's first 200 rows, here paged)."""

    api_programme = "internships"
    serializer_class = EnterpriseEvaluationSerializer

    @extend_schema(operation_id="internships_enterprise_evaluations_list",
                   summary=_("查看学生评价：学生对本企业的评价"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        # The screen shows the section to the enterprise only (the one that confirms arrivals).
        if not arrival_services.may_confirm_arrivals(self.request.user):
            raise PermissionDenied
        return evaluations_of_enterprise(self.request.user)
