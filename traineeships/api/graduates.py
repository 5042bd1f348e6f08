"""高校毕业生信息库 (毕业生名册) through the API, for the departments that keep it: the list (the screen's
filters), 新增, one record and its edit under If-Match — views/individuals.py's selectors, form and services.
ID numbers are masked unless the caller may see personal data, as on screen."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.fields import IdNumberField
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response
from traineeships.api.common import TAGS, payload
from traineeships.forms.individuals import REGISTER_EDUCATION, GraduateFilterForm, GraduateRecordForm
from traineeships.models import GraduateRecord
from traineeships.selectors import filter_graduates, get_graduate_for_user, graduates_for_user, may_maintain_register
from traineeships.services import register as services

# The register's 学历 are a subset of Education: a plain string here, so its enum does not collide with the
# programme's Education enum (the form refuses any other value).
GraduateInput = form_serializer(GraduateRecordForm, "TraineeshipGraduateInput", extra={
    "education": serializers.CharField(label=gettext_lazy("学历"),
                                       help_text=", ".join(value for value, _label in REGISTER_EDUCATION))})


class GraduateSerializer(serializers.ModelSerializer):
    id_number = IdNumberField()
    education_display = serializers.CharField(source="get_education_display")
    imported_by_org_name = serializers.CharField(source="imported_by_org.name", allow_null=True, default=None)

    class Meta:
        model = GraduateRecord
        fields = ("id", "name", "id_number", "school", "major", "education", "education_display", "graduation_year",
                  "imported_by_org_name", "created_at", "updated_at")


def require_keeper(user) -> None:
    """The screen's `_register_keeper`."""
    if not may_maintain_register(user):
        raise PermissionDenied


class GraduateList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = GraduateSerializer

    @extend_schema(operation_id="traineeships_graduates_list", summary=gettext_lazy("高校毕业生信息库"), tags=TAGS,
                   parameters=query_parameters(GraduateFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_keeper(self.request.user)
        form = bind_query(self.request, GraduateFilterForm)
        return filter_graduates(graduates_for_user(self.request.user), **form.filters())

    @extend_schema(operation_id="traineeships_graduates_create", summary=gettext_lazy("新增毕业生信息"), tags=TAGS,
                   request=GraduateInput, responses={201: GraduateSerializer})
    def post(self, request):
        require_keeper(request.user)
        form = bind(GraduateRecordForm, payload(request))
        graduate = services.create_graduate(actor=request.user, data=form.cleaned_data)
        return object_response(request, GraduateSerializer, get_graduate_for_user(request.user, graduate.pk),
                               status=201)


class GraduateDetail(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_graduates_retrieve", summary=gettext_lazy("毕业生信息详情"),
                   tags=TAGS, responses=GraduateSerializer)
    def get(self, request, pk):
        require_keeper(request.user)
        return object_response(request, GraduateSerializer, get_graduate_for_user(request.user, pk))

    @extend_schema(operation_id="traineeships_graduates_update", summary=gettext_lazy("修改毕业生信息"), tags=TAGS,
                   request=GraduateInput, responses=GraduateSerializer)
    def put(self, request, pk):
        require_keeper(request.user)
        graduate = get_graduate_for_user(request.user, pk)
        form = bind(GraduateRecordForm, payload(request), instance=graduate)
        with transaction.atomic():
            services.update_graduate(actor=request.user, graduate=lock_and_match(request, graduate),
                                     data=form.cleaned_data)
        return object_response(request, GraduateSerializer, get_graduate_for_user(request.user, pk))
