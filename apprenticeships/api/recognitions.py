"""生态链企业认定 through the API: a city or province HR department holding RECOGNITION lists its region's
recognitions with the screen's filters; only the city keeps them (新增, 修改 under If-Match, 撤销) — RecognitionForm,
RevokeForm and apprenticeships.services.recognitions, as on screen."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import Conflict
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from apprenticeships.api.common import TAGS, payload, state_conflicts
from apprenticeships.forms.hr import RecognitionFilterForm, RecognitionForm, RevokeForm
from apprenticeships.models import EcosystemRecognition
from apprenticeships.rules import RECOGNITION
from apprenticeships.selectors.hr import (
    filter_recognitions,
    get_recognition_for_user,
    may_keep_recognitions,
    may_see_recognitions,
    recognition_department,
    recognitions_for_user,
)
from apprenticeships.services import recognitions as services

API = "apprenticeships"
RecognitionInput = form_serializer(RecognitionForm, "ApprenticeshipRecognitionInput")
RevokeInput = form_serializer(RevokeForm, "ApprenticeshipRecognitionRevokeInput")


class RecognitionSerializer(serializers.ModelSerializer):
    organisation_name = serializers.CharField(source="organisation.name")
    credit_code = serializers.CharField(source="organisation.credit_code", allow_null=True)
    city_code = serializers.CharField(source="city_id")
    city_name = serializers.CharField(source="city.name")
    role_display = serializers.CharField(source="get_role_display")
    created_by_name = serializers.CharField(source="created_by.real_name")
    revoked_by_name = serializers.CharField(source="revoked_by.real_name", allow_null=True, default=None)
    # What the screen's buttons say: the city keeping it may still edit or revoke it.
    editable = serializers.SerializerMethodField()

    class Meta:
        model = EcosystemRecognition
        fields = ("id", "organisation", "organisation_name", "credit_code", "city_code", "city_name", "role",
                  "role_display", "chain_name", "valid_from", "valid_to", "source", "created_by_name", "created_at",
                  "revoked_at", "revoked_by_name", "revoke_reason", "editable")

    def get_editable(self, item) -> bool:
        return item.revoked_at is None and item.city_id is not None and item.city_id == self._kept_city()

    def _kept_city(self):
        """The city the user keeps recognitions of (None when it keeps none), asked once per response."""
        if "kept_city" not in self.context:
            request = self.context.get("request")
            keeps = request is not None and may_keep_recognitions(request.user)
            self.context["kept_city"] = recognition_department(request.user).region_id if keeps else None
        return self.context["kept_city"]


def _require_reader(request) -> None:
    require_permission(request, RECOGNITION)
    if not may_see_recognitions(request.user):
        raise PermissionDenied


def _require_keeper(request) -> None:
    """Only the city HR department maintains its city's recognitions (the province reads them)."""
    require_permission(request, RECOGNITION)
    if not may_keep_recognitions(request.user):
        raise PermissionDenied


def _kept(request, pk) -> EcosystemRecognition:
    """The recognition the user sees (404 otherwise), when the user keeps recognitions (403 otherwise)."""
    _require_reader(request)
    recognition = get_recognition_for_user(request.user, pk)
    _require_keeper(request)
    return recognition


def _representation(request, item) -> dict:
    return RecognitionSerializer(item, context={"request": request}).data


class RecognitionList(ListAPIView):
    """生态链企业认定: the city's recognitions (the province: its cities')."""

    api_programme = API
    serializer_class = RecognitionSerializer

    @extend_schema(operation_id="apprenticeships_recognitions_list", summary=_("产业技能生态链企业认定"), tags=TAGS,
                   parameters=query_parameters(RecognitionFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _require_reader(self.request)
        form = bind_query(self.request, RecognitionFilterForm)
        return filter_recognitions(recognitions_for_user(self.request.user), **form.filters())


class RecognitionDetail(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_recognition_retrieve", summary=_("生态链企业认定详情"), tags=TAGS,
                   responses=RecognitionSerializer)
    def get(self, request, pk):
        _require_reader(request)
        return object_response(request, RecognitionSerializer, get_recognition_for_user(request.user, pk))

    @extend_schema(operation_id="apprenticeships_recognition_update", summary=_("修改生态链企业认定"), tags=TAGS,
                   request=RecognitionInput, responses=RecognitionSerializer)
    def put(self, request, pk):
        """修改 under If-Match (the ETag of the recognition as read); a revoked one cannot change (409)."""
        recognition = _kept(request, pk)
        city = recognition_department(request.user).region
        with transaction.atomic():
            locked = EcosystemRecognition.objects.select_for_update(of=("self",)).select_related(
                "organisation", "city", "created_by", "revoked_by").get(pk=recognition.pk)
            check_if_match(request, locked, _representation(request, locked))
            if locked.revoked_at is not None:
                raise Conflict(_("该认定已撤销，不能修改"))
            form = bind(RecognitionForm, payload(request), city=city)
            services.update_recognition(recognition=locked, actor=request.user, data=form.cleaned_data)
        return object_response(request, RecognitionSerializer, get_recognition_for_user(request.user, pk))


class RecognitionCreate(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_recognition_create", summary=_("新增生态链企业认定"), tags=TAGS,
                   request=RecognitionInput, responses={201: RecognitionSerializer})
    def post(self, request):
        _require_keeper(request)
        form = bind(RecognitionForm, payload(request), city=recognition_department(request.user).region)
        item = services.create_recognition(actor=request.user, data=form.cleaned_data)
        return object_response(request, RecognitionSerializer, get_recognition_for_user(request.user, item.pk),
                               status=201)


class RecognitionRevoke(APIView):
    """撤销 with its reason; an already revoked recognition is refused (409)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_recognition_revoke", summary=_("撤销生态链企业认定"), tags=TAGS,
                   request=RevokeInput, responses=RecognitionSerializer)
    def post(self, request, pk):
        recognition = _kept(request, pk)
        form = bind(RevokeForm, payload(request))
        with state_conflicts("revoked"):
            services.revoke_recognition(recognition=recognition, actor=request.user,
                                        reason=form.cleaned_data["reason"])
        return object_response(request, RecognitionSerializer, get_recognition_for_user(request.user, pk))
