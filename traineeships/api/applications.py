"""报名审核 through the API: the applications the unit receives (the screen's post and status filters), one
application, 审核 (approve, or reject with the reason) and 释放报名 — views/applications.py's forms and services."""

from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from traineeships.api.common import TAGS, payload
from traineeships.api.serializers import ApplicationSerializer
from traineeships.forms.applications import ApplicationFilterForm, DecisionForm, ReleaseForm
from traineeships.selectors import applications_for_unit, get_unit_application, posts_for_unit
from traineeships.services import applications as services

DecisionInput = form_serializer(DecisionForm, "TraineeshipApplicationDecisionInput")
ReleaseInput = form_serializer(ReleaseForm, "TraineeshipApplicationReleaseInput")


class ApplicationList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = ApplicationSerializer

    @extend_schema(operation_id="traineeships_applications_list", summary=_("报名审核：本单位岗位收到的报名"),
                   tags=TAGS, parameters=query_parameters(ApplicationFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, services.UNIT_PERMISSION)
        user = self.request.user
        form = bind_query(self.request, ApplicationFilterForm, posts=posts_for_unit(user))
        applications = applications_for_unit(user)
        if form.cleaned_data["post"]:
            applications = applications.filter(post_id=form.cleaned_data["post"])
        if form.cleaned_data["status"]:
            applications = applications.filter(status=form.cleaned_data["status"])
        return applications


class ApplicationDetail(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_applications_retrieve", summary=_("报名详情"), tags=TAGS,
                   responses=ApplicationSerializer)
    def get(self, request, pk):
        require_permission(request, services.UNIT_PERMISSION)
        return object_response(request, ApplicationSerializer, get_unit_application(request.user, pk))


class DecideApplication(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_applications_decide", summary=_("审核报名（通过或不通过）"), tags=TAGS,
                   request=DecisionInput, responses=ApplicationSerializer)
    def post(self, request, pk):
        require_permission(request, services.UNIT_PERMISSION)
        application = get_unit_application(request.user, pk)
        form = bind(DecisionForm, payload(request))
        services.decide(actor=request.user, application=application,
                        approve=form.cleaned_data["decision"] == "approve", reason=form.cleaned_data["reason"])
        return object_response(request, ApplicationSerializer, get_unit_application(request.user, pk))


class ReleaseApplication(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_applications_release", summary=_("释放报名"), tags=TAGS,
                   request=ReleaseInput, responses=ApplicationSerializer)
    def post(self, request, pk):
        require_permission(request, services.UNIT_PERMISSION)
        application = get_unit_application(request.user, pk)
        form = bind(ReleaseForm, payload(request))
        services.release(actor=request.user, application=application, reason=form.cleaned_data["reason"])
        return object_response(request, ApplicationSerializer, get_unit_application(request.user, pk))
