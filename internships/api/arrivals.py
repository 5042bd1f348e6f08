"""实习到岗 through the API: the enterprise's interns from the signature to arrival (the screen's status filter),
and the confirmation of one student's arrival, through the screen's selectors, form and service."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response
from internships.api.serializers import InternshipSerializer
from internships.forms.arrivals import ArrivalFilterForm, ArrivalForm
from internships.selectors.arrivals import arrivals_for_user, get_internship_for_arrival
from internships.selectors.school import get_internship_for_user
from internships.services import arrivals as services

TAGS = ["职业院校学生实习"]
ArrivalInput = form_serializer(ArrivalForm, "InternshipArrivalInput")


class ArrivalList(ListAPIView):
    api_programme = "internships"
    serializer_class = InternshipSerializer

    @extend_schema(operation_id="internships_arrivals_list", summary=_("实习到岗：本单位的实习学生"), tags=TAGS,
                   parameters=query_parameters(ArrivalFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not services.may_confirm_arrivals(self.request.user):
            raise PermissionDenied
        form = bind_query(self.request, ArrivalFilterForm)
        return arrivals_for_user(self.request.user, form.cleaned_data["status"]).select_related(
            "position", "enterprise")


class ConfirmArrival(APIView):
    api_programme = "internships"

    @extend_schema(operation_id="internships_arrival_confirm", summary=_("确认学生到岗（企业）"), tags=TAGS,
                   request=ArrivalInput, responses=InternshipSerializer)
    def post(self, request, pk):
        internship = get_internship_for_arrival(request.user, pk)
        form = bind(ArrivalForm, request.data)
        services.confirm_arrival(actor=request.user, internship=internship,
                                 arrived_on=form.cleaned_data["arrived_on"])
        return object_response(request, InternshipSerializer, get_internship_for_user(request.user, pk))
