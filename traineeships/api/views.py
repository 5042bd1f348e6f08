"""见习基地 through the API: the unit's own application (read, save, submit, withdraw, upload its files) and the
departments' list and detail. Each write binds the screen's form and calls the screen's service."""

from django.db import transaction
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import OpenApiRequest, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import ListAPIView, RetrieveAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.downloads import PDF_RESPONSES, DownloadNegotiation, pdf_download
from api.errors import FormInvalid, form_errors
from api.forms import bind, bind_all, bind_formset, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from organisations.selectors import get_own_organisation
from traineeships.api.serializers import BaseSerializer, MajorDemandSerializer
from traineeships.forms.bases import BaseApplicationForm, FileSlotForm, MajorDemandFormSet
from traineeships.models import TraineeshipBase
from traineeships.rules import MANAGE_BASE
from traineeships.selectors import bases_for_government, filter_bases, get_base_for_user, get_own_base
from traineeships.services import bases as services
from traineeships.services.bases import FILE_SLOTS
from traineeships.views.bases import print_application
from traineeships.views.hr import BaseFilterForm

TAGS = ["就业见习"]
BaseInput = form_serializer(BaseApplicationForm, "TraineeshipBaseInput",
                            extra={"major_demands": MajorDemandSerializer(many=True, required=False)})
WithdrawInput = inline_serializer("TraineeshipWithdrawInput", {"reason": serializers.CharField(required=False)})


class BaseList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = BaseSerializer

    @extend_schema(operation_id="traineeships_bases_list", summary=_("见习基地申请（审核部门）"), tags=TAGS,
                   parameters=query_parameters(BaseFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, "traineeships.review")
        form = bind_query(self.request, BaseFilterForm)
        return filter_bases(bases_for_government(self.request.user), **form.cleaned_data).select_related(
            "organisation")


class BaseDetail(RetrieveAPIView):
    api_programme = "traineeships"
    serializer_class = BaseSerializer

    @extend_schema(operation_id="traineeships_bases_retrieve", summary=_("见习基地申请详情"), tags=TAGS)
    def get(self, request, pk):
        return object_response(request, BaseSerializer, get_base_for_user(request.user, pk))


def _own_base_locked(request):
    base = get_own_base(request.user)
    if base is None:
        return None
    locked = TraineeshipBase.objects.select_for_update().get(pk=base.pk)
    check_if_match(request, locked)
    return locked


def _base_data(request, organisation) -> dict:
    payload = request.data if isinstance(request.data, dict) else {}
    form, formset = bind_all(
        lambda: bind(BaseApplicationForm, {key: value for key, value in payload.items() if key != "major_demands"},
                     organisation=organisation),
        lambda: bind_formset(MajorDemandFormSet, payload.get("major_demands"), prefix="demands",
                             field="major_demands"),
    )
    return form.to_data(formset.rows())


class OwnBase(APIView):
    """The unit's own 见习基地申请: read it, save it as a draft (If-Match once it exists)."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_own_base_retrieve", summary=_("本单位的见习基地申请"), tags=TAGS,
                   responses=BaseSerializer)
    def get(self, request):
        require_permission(request, MANAGE_BASE)
        base = get_own_base(request.user)
        if base is None:
            raise Http404
        return object_response(request, BaseSerializer, base)

    @extend_schema(operation_id="traineeships_own_base_save", summary=_("保存见习基地申请（不提交）"), tags=TAGS,
                   request=BaseInput, responses=BaseSerializer)
    def put(self, request):
        require_permission(request, MANAGE_BASE)
        organisation = get_own_organisation(request.user)
        with transaction.atomic():
            _own_base_locked(request)
            base = services.save_base(organisation=organisation, actor=request.user,
                                      data=_base_data(request, organisation))
        return object_response(request, BaseSerializer, base)


class SubmitBase(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_own_base_submit", summary=_("保存并提交见习基地申请"), tags=TAGS,
                   request=BaseInput, responses=BaseSerializer)
    def post(self, request):
        require_permission(request, MANAGE_BASE)
        organisation = get_own_organisation(request.user)
        with transaction.atomic():
            _own_base_locked(request)
            base = services.submit_base(organisation=organisation, actor=request.user,
                                        data=_base_data(request, organisation))
        return object_response(request, BaseSerializer, base)


class WithdrawBase(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_own_base_withdraw", summary=_("撤回见习基地申请"), tags=TAGS,
                   request=WithdrawInput, responses=BaseSerializer)
    def post(self, request):
        require_permission(request, MANAGE_BASE)
        base = get_own_base(request.user)
        if base is None:
            raise Http404
        reason = request.data.get("reason", "") if isinstance(request.data, dict) else ""
        services.withdraw_base(base=base, actor=request.user, reason=str(reason)[:500])
        base.refresh_from_db()
        return object_response(request, BaseSerializer, base)


class UploadBaseFile(APIView):
    """One upload of 档案资料上传 (就业见习管理制度 rules_file, 单位证件 certificate_file), multipart field `file`."""

    api_programme = "traineeships"
    parser_classes = (MultiPartParser,)

    @extend_schema(operation_id="traineeships_own_base_upload", summary=_("上传见习基地申请附件"), tags=TAGS,
                   request=OpenApiRequest(inline_serializer("TraineeshipBaseFile", {"file": serializers.FileField()})),
                   responses=BaseSerializer)
    def post(self, request, slot):
        require_permission(request, MANAGE_BASE)
        if slot not in FILE_SLOTS:
            raise Http404
        form = FileSlotForm(request.data, request.FILES, purpose=FILE_SLOTS[slot])
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        organisation = get_own_organisation(request.user)
        base = services.attach_base_file(organisation=organisation, actor=request.user, slot=slot,
                                         uploaded_file=form.cleaned_data["file"])
        return object_response(request, BaseSerializer, base)


class BasePdf(APIView):
    content_negotiation_class = DownloadNegotiation
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_bases_pdf", summary=_("下载见习基地申请表"), tags=TAGS,
                   responses=PDF_RESPONSES)
    def get(self, request, pk):
        base = get_base_for_user(request.user, pk)
        return pdf_download(print_application(request.user, base), f"见习基地申请表-{base.organisation.name}.pdf")
