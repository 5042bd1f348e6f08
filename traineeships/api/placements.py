"""录用上岗登记 and the 就业见习协议 through the API: the unit's list (the screen's filters), registration from an
approved application, the record (the unit, reviewers with jurisdiction, the trainee), edit of the terms under
If-Match, the signed scan, submit, 撤销, and the generated agreement as a PDF — views/placements.py's forms and
services."""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.downloads import PDF_RESPONSES, DownloadNegotiation, pdf_download
from api.errors import FormInvalid, form_errors
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from traineeships.api.common import EMPTY_INPUT, FILE_REQUEST, TAGS, payload
from traineeships.api.serializers import PlacementSerializer
from traineeships.forms.placements import PlacementFilterForm, RetentionForm, TermsForm, UploadForm
from traineeships.rules import MANAGE_BASE
from traineeships.selectors import (
    filter_placements,
    get_onboardable_application,
    get_placement_for_user,
    get_unit_placement,
    placements_for_unit,
)
from traineeships.services import placements as services
from traineeships.views.placements import print_agreement

TermsInput = form_serializer(TermsForm, "TraineeshipPlacementTermsInput")
RetentionInput = form_serializer(RetentionForm, "TraineeshipRetentionInput")


class PlacementList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = PlacementSerializer

    @extend_schema(operation_id="traineeships_placements_list", summary=_("上岗人员管理：本单位的上岗登记"),
                   tags=TAGS, parameters=query_parameters(PlacementFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_BASE)
        form = bind_query(self.request, PlacementFilterForm)
        return filter_placements(placements_for_unit(self.request.user), **form.filters())


class Onboard(APIView):
    """录用上岗登记 from an approved application (the path names the application)."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_placements_create", summary=_("录用上岗登记"), tags=TAGS,
                   request=TermsInput, responses={201: PlacementSerializer})
    def post(self, request, application_pk):
        require_permission(request, MANAGE_BASE)
        application = get_onboardable_application(request.user, application_pk)
        form = bind(TermsForm, payload(request), post=application.post)
        placement = services.onboard(application=application, actor=request.user, data=form.cleaned_data)
        return object_response(request, PlacementSerializer, get_unit_placement(request.user, placement.pk),
                               status=201)


class PlacementDetail(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_placements_retrieve", summary=_("上岗登记详情"), tags=TAGS,
                   responses=PlacementSerializer)
    def get(self, request, pk):
        return object_response(request, PlacementSerializer, get_placement_for_user(request.user, pk))

    @extend_schema(operation_id="traineeships_placements_update", summary=_("修改上岗登记"), tags=TAGS,
                   request=TermsInput, responses=PlacementSerializer)
    def put(self, request, pk):
        require_permission(request, MANAGE_BASE)
        placement = get_unit_placement(request.user, pk)
        with transaction.atomic():
            locked = lock_and_match(request, placement)
            services.check_editable(locked)
            form = bind(TermsForm, payload(request), post=placement.post, placement=locked)
            services.update_terms(placement=locked, actor=request.user, data=form.cleaned_data)
        return object_response(request, PlacementSerializer, get_unit_placement(request.user, pk))


class UploadAgreement(APIView):
    """The signed and stamped agreement scan, multipart field `file`; a new upload replaces the previous one."""

    api_programme = "traineeships"
    parser_classes = (MultiPartParser,)

    @extend_schema(operation_id="traineeships_placements_upload", summary=_("上传见习协议扫描件"), tags=TAGS,
                   request=FILE_REQUEST, responses=PlacementSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        placement = get_unit_placement(request.user, pk)
        form = UploadForm(request.data, request.FILES, purpose=services.AGREEMENT_PURPOSE)
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        services.attach_agreement(placement=placement, actor=request.user, uploaded_file=form.cleaned_data["file"])
        return object_response(request, PlacementSerializer, get_unit_placement(request.user, pk))


class SubmitPlacement(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_placements_submit", summary=_("提交见习协议审核"), tags=TAGS,
                   request=EMPTY_INPUT, responses=PlacementSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        services.submit_agreement(placement=get_unit_placement(request.user, pk), actor=request.user)
        return object_response(request, PlacementSerializer, get_unit_placement(request.user, pk))


class CancelPlacement(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_placements_cancel", summary=_("撤销上岗登记"), tags=TAGS,
                   request=EMPTY_INPUT, responses=PlacementSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        placement = services.cancel_placement(placement=get_unit_placement(request.user, pk), actor=request.user)
        return object_response(request, PlacementSerializer, placement)


class RetainTrainee(APIView):
    """留用登记: the unit hires the trainee (within the registration period)."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_placements_retain", summary=_("留用登记"), tags=TAGS,
                   request=RetentionInput, responses=PlacementSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        placement = get_unit_placement(request.user, pk)
        form = bind(RetentionForm, payload(request))
        services.register_retention(placement=placement, actor=request.user,
                                    retained_on=form.cleaned_data["retained_on"],
                                    contract=form.cleaned_data["contract"])
        return object_response(request, PlacementSerializer, get_unit_placement(request.user, pk))


class NotRetained(APIView):
    """未留用: the unit says it did not hire the trainee after the end (within the registration period)."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_placements_not_retained", summary=_("登记未留用"), tags=TAGS,
                   request=EMPTY_INPUT, responses=PlacementSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        services.register_not_retained(placement=get_unit_placement(request.user, pk), actor=request.user)
        return object_response(request, PlacementSerializer, get_unit_placement(request.user, pk))


class AgreementPdf(APIView):
    content_negotiation_class = DownloadNegotiation
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_placements_agreement_pdf", summary=_("下载就业见习协议"), tags=TAGS,
                   responses=PDF_RESPONSES)
    def get(self, request, pk):
        placement = get_placement_for_user(request.user, pk)
        return pdf_download(print_agreement(request.user, placement),
                            f"就业见习协议-{placement.person.real_name}.pdf")
