"""实习 through the API: the student's own internships, the internship's page for everyone who sees it on screen
(its enterprise, its school, the region's education department, the student), and the printed 实习协议."""

from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.utils.http import content_disposition_header
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.errors import Conflict
from api.forms import bind_query, query_parameters
from api.responses import object_response
from internships.api.serializers import InternshipSerializer
from internships.forms.school import SupervisionFilterForm
from internships.selectors.access import student_of
from internships.selectors.school import get_internship_for_user, internships_of_student, may_supervise
from internships.selectors.school_overview import filter_internships, region_internships
from internships.views.school import print_agreement

TAGS = ["职业院校学生实习"]


class MyInternshipList(ListAPIView):
    """我的实习 (the student's, by session)."""

    api_programme = "internships"
    serializer_class = InternshipSerializer

    @extend_schema(operation_id="internships_my_internships_list", summary=_("我的实习（学生）"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        student = student_of(self.request.user)
        if student is None:
            raise PermissionDenied
        return internships_of_student(student).select_related("student", "school", "group")


class SupervisionList(ListAPIView):
    """辖区实习: every internship whose enterprise or school lies in the education department's region."""

    api_programme = "internships"
    serializer_class = InternshipSerializer

    @extend_schema(operation_id="internships_supervision_list", summary=_("辖区实习（教育部门）"), tags=TAGS,
                   parameters=query_parameters(SupervisionFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_supervise(self.request.user):
            raise PermissionDenied
        form = bind_query(self.request, SupervisionFilterForm)
        return filter_internships(region_internships(self.request.user), **form.cleaned_data).select_related(
            "group")


class InternshipDetail(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_internships_retrieve", summary=_("实习详情"), tags=TAGS,
                   responses=InternshipSerializer)
    def get(self, request, pk):
        return object_response(request, InternshipSerializer, get_internship_for_user(request.user, pk))


class AgreementPdf(APIView):
    """实习协议 printed from the terms (the screen's template and printing function); 409 before the school has
    filled the terms (the screen sends the reader back with the same message)."""

    api_programme = "internships"

    @extend_schema(operation_id="internships_agreement_pdf", summary=_("下载实习协议（PDF）"), tags=TAGS,
                   responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        internship = get_internship_for_user(request.user, pk)
        if not internship.agreement_terms:
            raise Conflict(_("学校尚未填写实习协议条款"))
        response = HttpResponse(print_agreement(request.user, internship), content_type="application/pdf")
        response["Content-Disposition"] = content_disposition_header(
            as_attachment=True, filename=f"实习协议-{internship.student.name}.pdf")
        response["Cache-Control"] = "private, no-store"
        return response
