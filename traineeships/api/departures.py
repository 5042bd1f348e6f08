"""离岗 through the API: 离岗登记 by the unit, the record (the unit, reviewers with jurisdiction, the trainee),
edit under If-Match, the stamped certificate scan, submit, 撤销, the answer to the trainee's request, and the
generated 解除见习协议证明 as a PDF — views/departures.py's forms and services."""

from django import forms
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.parsers import MultiPartParser
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.downloads import PDF_RESPONSES, DownloadNegotiation, pdf_download
from api.errors import FormInvalid, form_errors
from api.forms import bind, form_serializer
from api.responses import object_response, require_permission
from traineeships.api.common import EMPTY_INPUT, FILE_REQUEST, TAGS, payload
from traineeships.api.serializers import DepartureSerializer
from traineeships.forms.placements import AnswerForm, DepartureForm, UploadForm
from traineeships.rules import MANAGE_BASE
from traineeships.selectors import get_departure_for_user, get_unit_departure, get_unit_placement
from traineeships.services import departures as services
from traineeships.views.departures import print_certificate


class AnswerDecisionForm(AnswerForm):
    """The screen's two buttons (同意 / 不同意) as one field, `answer`."""

    answer = forms.ChoiceField(label=_("处理结果"), choices=[("agree", _("同意离岗")), ("refuse", _("不同意"))],
                                 error_messages={"required": _("请选择同意或不同意")})


DepartureInput = form_serializer(DepartureForm, "TraineeshipDepartureInput")
AnswerInput = form_serializer(AnswerDecisionForm, "TraineeshipDepartureAnswerInput")


class RegisterDeparture(APIView):
    """离岗登记 of one of the unit's trainees on post (the path names the placement)."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_departures_create", summary=_("离岗登记"), tags=TAGS,
                   request=DepartureInput, responses={201: DepartureSerializer})
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        placement = get_unit_placement(request.user, pk)
        form = bind(DepartureForm, payload(request))
        departure = services.register_departure(placement=placement, actor=request.user, data=form.cleaned_data)
        return object_response(request, DepartureSerializer, get_unit_departure(request.user, departure.pk),
                               status=201)


class DepartureDetail(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_departures_retrieve", summary=_("离岗登记详情"), tags=TAGS,
                   responses=DepartureSerializer)
    def get(self, request, pk):
        return object_response(request, DepartureSerializer, get_departure_for_user(request.user, pk))

    @extend_schema(operation_id="traineeships_departures_update", summary=_("修改离岗登记"), tags=TAGS,
                   request=DepartureInput, responses=DepartureSerializer)
    def put(self, request, pk):
        require_permission(request, MANAGE_BASE)
        departure = get_unit_departure(request.user, pk)
        form = bind(DepartureForm, payload(request))
        with transaction.atomic():
            locked = lock_and_match(request, departure)
            services.check_editable(locked)
            services.update_departure(departure=departure, actor=request.user, data=form.cleaned_data)
        return object_response(request, DepartureSerializer, get_unit_departure(request.user, pk))


class UploadCertificate(APIView):
    """The stamped 解除见习协议证明 scan, multipart field `file`."""

    api_programme = "traineeships"
    parser_classes = (MultiPartParser,)

    @extend_schema(operation_id="traineeships_departures_upload", summary=_("上传解除见习协议证明扫描件"), tags=TAGS,
                   request=FILE_REQUEST, responses=DepartureSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        departure = get_unit_departure(request.user, pk)
        form = UploadForm(request.data, request.FILES, purpose=services.TERMINATION_PURPOSE)
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        services.attach_certificate(departure=departure, actor=request.user, uploaded_file=form.cleaned_data["file"])
        return object_response(request, DepartureSerializer, get_unit_departure(request.user, pk))


class SubmitDeparture(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_departures_submit", summary=_("提交离岗审核"), tags=TAGS,
                   request=EMPTY_INPUT, responses=DepartureSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        services.submit_departure(departure=get_unit_departure(request.user, pk), actor=request.user)
        return object_response(request, DepartureSerializer, get_unit_departure(request.user, pk))


class CancelDeparture(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_departures_cancel", summary=_("撤销离岗登记"), tags=TAGS,
                   request=EMPTY_INPUT, responses=DepartureSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        services.cancel_departure(departure=get_unit_departure(request.user, pk), actor=request.user)
        return object_response(request, DepartureSerializer, get_unit_departure(request.user, pk))


class AnswerDeparture(APIView):
    """The unit's answer to the trainee's 离岗申请: agree (then it is registered) or refuse with a reason."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_departures_answer", summary=_("答复本人离岗申请"), tags=TAGS,
                   request=AnswerInput, responses=DepartureSerializer)
    def post(self, request, pk):
        require_permission(request, MANAGE_BASE)
        departure = get_unit_departure(request.user, pk)
        form = bind(AnswerDecisionForm, payload(request))
        services.answer_request(departure=departure, actor=request.user,
                                agree=form.cleaned_data["answer"] == "agree", reply=form.cleaned_data["reply"])
        return object_response(request, DepartureSerializer, get_unit_departure(request.user, pk))


class CertificatePdf(APIView):
    content_negotiation_class = DownloadNegotiation
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_departures_certificate_pdf", summary=_("下载解除见习协议证明"),
                   tags=TAGS, responses=PDF_RESPONSES)
    def get(self, request, pk):
        departure = get_departure_for_user(request.user, pk)
        return pdf_download(print_certificate(request.user, departure),
                            f"解除见习协议证明-{departure.placement.person.real_name}.pdf")
