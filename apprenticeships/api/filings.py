"""学徒制培训备案 through the API: 办理结果 and 辖区学徒制备案 (lists), 【进入处理】 (detail), 申请备案 and its tabs
(备案信息, 培训机构情况, 培训信息 under If-Match, 上传材料), 提交审核, 撤回, 删除 and 打印备案表. Each write binds the
screen's form and calls the screen's service (apprenticeships.services.filing)."""

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiRequest, extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.exceptions import PermissionDenied
from rest_framework.generics import ListAPIView
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import check_if_match
from api.errors import Conflict, FormInvalid, form_errors
from api.forms import bind, bind_all, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from apprenticeships import documents
from apprenticeships.api.common import TAGS, payload, pdf_response, state_conflicts
from apprenticeships.api.serializers import FilingDetailSerializer, FilingSerializer
from apprenticeships.forms.filing import (
    CommitmentForm,
    FilingFilterForm,
    InfoForm,
    InstitutionForm,
    MaterialForm,
    TrainingClassForm,
    TypeForm,
)
from apprenticeships.forms.hr import HrFilingFilterForm
from apprenticeships.models import Filing, FilingStatus
from apprenticeships.rules import COMMITMENT_VERSION, FILE, REVIEW, is_hr_reviewer, may_file
from apprenticeships.selectors.access import get_filing_for_user
from apprenticeships.selectors.filing import get_own_filing, own_filings
from apprenticeships.selectors.hr import filter_filings, region_filings
from apprenticeships.services import filing as services

API = "apprenticeships"
CreateInput = form_serializer(TypeForm, "ApprenticeshipFilingCreateInput",
                              extra={"accept": serializers.BooleanField(
                                  help_text=str(CommitmentForm.base_fields["accept"].label))})
InfoInput = form_serializer(InfoForm, "ApprenticeshipFilingInfoInput")
InstitutionInput = form_serializer(InstitutionForm, "ApprenticeshipFilingInstitutionInput")
ClassInput = form_serializer(TrainingClassForm, "ApprenticeshipTrainingClassInput")
MaterialInput = inline_serializer("ApprenticeshipFilingMaterialInput", {
    "material": serializers.CharField(), "file": serializers.FileField()})
WithdrawInput = inline_serializer("ApprenticeshipFilingWithdrawInput", {
    "reason": serializers.CharField(required=False, max_length=255)})


def _require_filer(request) -> None:
    """办理结果 and 申请备案: the enterprise's members holding the filing permission (403 otherwise, as on screen)."""
    require_permission(request, FILE)
    if not may_file(request.user):
        raise PermissionDenied


class FilingList(ListAPIView):
    """办理结果: the enterprise's own filings, with the screen's filters."""

    api_programme = API
    serializer_class = FilingSerializer

    @extend_schema(operation_id="apprenticeships_filings_list", summary=_("本单位的学徒制培训备案（办理结果）"),
                   tags=TAGS, parameters=query_parameters(FilingFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _require_filer(self.request)
        form = bind_query(self.request, FilingFilterForm)
        return form.filter(own_filings(self.request.user)).select_related("training_class")


class HrFilingList(ListAPIView):
    """辖区学徒制备案: the filings of the HR department's region (submitted at least once)."""

    api_programme = API
    serializer_class = FilingSerializer

    @extend_schema(operation_id="apprenticeships_hr_filings_list", summary=_("辖区学徒制培训备案（人社部门）"),
                   tags=TAGS, parameters=query_parameters(HrFilingFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, REVIEW)
        if not is_hr_reviewer(self.request.user):
            raise PermissionDenied
        form = bind_query(self.request, HrFilingFilterForm)
        return filter_filings(region_filings(self.request.user), **form.filters())


class FilingCreate(APIView):
    """申请备案: `accept` (the 承诺书 of the current version) and the type; the draft is created."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_create",
                   summary=_("申请学徒制培训备案（确认承诺书并选择类型）"), tags=TAGS, request=CreateInput,
                   responses={201: FilingDetailSerializer})
    def post(self, request):
        _require_filer(request)
        body = payload(request)
        _commitment, type_form = bind_all(
            lambda: bind(CommitmentForm, {"accept": body.get("accept", False)}),
            lambda: bind(TypeForm, {"apprenticeship_type": body.get("apprenticeship_type")}))
        filing = services.create_filing(
            organisation=request.user.organisation, actor=request.user,
            apprenticeship_type=type_form.cleaned_data["apprenticeship_type"],
            commitment_version=COMMITMENT_VERSION, commitment_accepted_at=timezone.now())
        return object_response(request, FilingDetailSerializer, get_filing_for_user(request.user, filing.pk),
                               status=201)


class FilingDetail(APIView):
    """【进入处理】: whoever the access rule lets see the filing (the enterprise, the named institution, HR)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_retrieve", summary=_("学徒制培训备案详情"), tags=TAGS,
                   responses=FilingDetailSerializer)
    def get(self, request, pk):
        return object_response(request, FilingDetailSerializer, get_filing_for_user(request.user, pk))


def _locked_own(request, pk) -> Filing:
    """The user's own filing (404 / 403 as on screen), locked, unchanged since the caller read it, editable."""
    filing = get_own_filing(request.user, pk)
    locked = Filing.objects.select_for_update().get(pk=filing.pk)
    check_if_match(request, locked)
    with state_conflicts():
        services.check_editable(locked)
    return locked


def _fresh(request, pk):
    return object_response(request, FilingDetailSerializer, get_filing_for_user(request.user, pk))


class FilingInfo(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_info_save", summary=_("保存备案信息（类型、联系人）"),
                   tags=TAGS, request=InfoInput, responses=FilingDetailSerializer)
    def put(self, request, pk):
        with transaction.atomic():
            filing = _locked_own(request, pk)
            form = bind(InfoForm, payload(request))
            services.save_info(filing=filing, actor=request.user, data=form.cleaned_data,
                               today=timezone.localdate())
        return _fresh(request, pk)


class FilingInstitution(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_institution_save", summary=_("保存培训机构情况"),
                   tags=TAGS, request=InstitutionInput, responses=FilingDetailSerializer)
    def put(self, request, pk):
        with transaction.atomic():
            filing = _locked_own(request, pk)
            data = bind(InstitutionForm, payload(request)).cleaned_data
            services.save_institution(filing=filing, actor=request.user, institution=data["institution"],
                                      other_institution_name=data["other_institution_name"])
        return _fresh(request, pk)


class FilingClass(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_class_save", summary=_("保存培训信息"), tags=TAGS,
                   request=ClassInput, responses=FilingDetailSerializer)
    def put(self, request, pk):
        with transaction.atomic():
            filing = _locked_own(request, pk)
            form = bind(TrainingClassForm, payload(request), filing=filing)
            services.save_class(filing=filing, actor=request.user, data=form.cleaned_data)
        return _fresh(request, pk)


class FilingMaterialUpload(APIView):
    """上传材料: multipart `material` (a code of the filing's `materials`) and `file`; replaces an earlier one."""

    api_programme = API
    parser_classes = (MultiPartParser,)

    @extend_schema(operation_id="apprenticeships_filing_material_upload", summary=_("上传备案材料"), tags=TAGS,
                   request=OpenApiRequest(MaterialInput), responses=FilingDetailSerializer)
    def post(self, request, pk):
        filing = get_own_filing(request.user, pk)
        with state_conflicts():
            services.check_editable(filing)
        form = MaterialForm(request.data, request.FILES, filing=filing)
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        with state_conflicts():
            services.store_material(filing=filing, actor=request.user, material=form.cleaned_data["material"],
                                    uploaded_file=form.cleaned_data["file"])
        return _fresh(request, pk)


class FilingSubmit(APIView):
    """提交审核 (If-Match: what was read is what is submitted); every missing item comes back, one error each."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_submit", summary=_("提交学徒制培训备案审核"), tags=TAGS,
                   request=None, responses=FilingDetailSerializer)
    def post(self, request, pk):
        with transaction.atomic():
            filing = _locked_own(request, pk)
            services.submit_filing(filing=filing, actor=request.user)
        return _fresh(request, pk)


class FilingWithdraw(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_withdraw", summary=_("撤回学徒制培训备案"), tags=TAGS,
                   request=WithdrawInput, responses=FilingDetailSerializer)
    def post(self, request, pk):
        filing = get_own_filing(request.user, pk)
        with state_conflicts():
            services.withdraw_filing(filing=filing, actor=request.user,
                                     reason=str(payload(request).get("reason", ""))[:255])
        return _fresh(request, pk)


class FilingDelete(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_delete", summary=_("删除未提交过的学徒制培训备案"),
                   tags=TAGS, request=None, responses={204: None})
    def post(self, request, pk):
        filing = get_own_filing(request.user, pk)
        with state_conflicts():
            services.delete_filing(filing=filing, actor=request.user)
        return Response(status=204)


class FilingPrint(APIView):
    """【打印备案表】 once approved (or since cancelled)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_filing_print", summary=_("下载学徒制培训备案表（PDF）"), tags=TAGS,
                   responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        filing = get_filing_for_user(request.user, pk)
        if filing.status not in (FilingStatus.APPROVED, FilingStatus.CANCELLED):
            raise Conflict(_("备案审核通过后才能打印备案表"))
        return pdf_response(documents.filing_form_pdf(filing, reader=request.user),
                            f"学徒制培训备案表-{filing.number}.pdf")
