"""企业新型学徒制培训补贴 through the API: 办理结果 (list), the claim page read-only (detail), 立即办理, 单位基本信息
(If-Match), 添加人员 and 移除, 上传附件 and 删除, 提交审核 (If-Match), 取消申请, 删除 and the 申请表 / 花名册 PDFs.
Each write binds the screen's form and calls the screen's service (apprenticeships.services.claims,
claims.services)."""

from django.db import transaction
from django.http import Http404
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
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from apprenticeships import documents
from apprenticeships.api.common import TAGS, payload, pdf_response, state_conflicts
from apprenticeships.api.serializers import ClaimDetailSerializer, ClaimSerializer
from apprenticeships.forms.claims import (
    AddPeopleForm,
    AttachmentForm,
    BasicsForm,
    ClaimFilterForm,
    PaymentForm,
    StartForm,
)
from apprenticeships.models import ClaimMaterial, ClaimPerson
from apprenticeships.registration.claims import may_pay
from apprenticeships.rules import CLAIM, may_claim
from apprenticeships.selectors.claims import apprenticeship_claims_for_user, get_apprenticeship_claim_for_user
from apprenticeships.services import claims as services
from claims import services as claim_services
from claims.models import Claim, ClaimStatus

API = "apprenticeships"
StartInput = form_serializer(StartForm, "ApprenticeshipClaimStartInput")
BasicsInput = form_serializer(BasicsForm, "ApprenticeshipClaimBasicsInput")
PeopleInput = form_serializer(AddPeopleForm, "ApprenticeshipClaimPeopleInput")
PaymentInput = form_serializer(PaymentForm, "ApprenticeshipClaimPaymentInput")


def _require_claimer(request) -> None:
    """补贴申领's screens: the enterprise's members holding the claim permission (403 otherwise)."""
    require_permission(request, CLAIM)
    if not may_claim(request.user):
        raise PermissionDenied


def _own_claim(request, pk) -> Claim:
    """A claim the user sees (404 otherwise) and files for its enterprise (403 otherwise), as on screen."""
    claim = get_apprenticeship_claim_for_user(request.user, pk)
    if not services.may_file(request.user, claim.organisation):
        raise PermissionDenied
    return claim


def _locked(request, pk) -> Claim:
    claim = _own_claim(request, pk)
    locked = Claim.objects.select_for_update(of=("self",)).get(pk=claim.pk)
    check_if_match(request, locked)
    return locked


def _fresh(request, pk, status=200):
    return object_response(request, ClaimDetailSerializer, get_apprenticeship_claim_for_user(request.user, pk),
                           status=status)


class ClaimList(ListAPIView):
    api_programme = API
    serializer_class = ClaimSerializer

    @extend_schema(operation_id="apprenticeships_claims_list", summary=_("本单位的学徒制培训补贴申领（办理结果）"),
                   tags=TAGS, parameters=query_parameters(ClaimFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        _require_claimer(self.request)
        form = bind_query(self.request, ClaimFilterForm)
        return form.filter(apprenticeship_claims_for_user(self.request.user)
                           .filter(organisation_id=self.request.user.organisation_id).select_related("organisation"))


class ClaimDetail(APIView):
    """The claim page, read-only: the enterprise's claimers, the HR departments of its region once submitted."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_retrieve", summary=_("学徒制培训补贴申领详情"), tags=TAGS,
                   responses=ClaimDetailSerializer)
    def get(self, request, pk):
        return _fresh(request, pk)


class ClaimCreate(APIView):
    """立即办理: `commitment` (the 承诺书) and `stage` (预支 or 清算); a draft claim of this month."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_create", summary=_("申领学徒制培训补贴（确认承诺书并选择阶段）"),
                   tags=TAGS, request=StartInput, responses={201: ClaimDetailSerializer})
    def post(self, request):
        _require_claimer(request)
        form = bind(StartForm, payload(request))
        claim = services.start_claim(organisation=request.user.organisation, actor=request.user,
                                     stage=form.cleaned_data["stage"],
                                     commitment_accepted=form.cleaned_data["commitment"])
        return _fresh(request, claim.pk, status=201)


class ClaimBasics(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_basics_save", summary=_("保存申领的单位基本信息"),
                   tags=TAGS, request=BasicsInput, responses=ClaimDetailSerializer)
    def put(self, request, pk):
        with transaction.atomic():
            claim = _locked(request, pk)
            form = bind(BasicsForm, payload(request))
            with state_conflicts():
                services.save_basics(claim=claim, actor=request.user, **form.cleaned_data)
        return _fresh(request, pk)


class ClaimPeopleAdd(APIView):
    """新增 people: `trainees`, ids of trainees of the enterprise's approved filings (the claim's lines follow)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_people_add", summary=_("向申领添加培训人员"), tags=TAGS,
                   request=PeopleInput, responses=ClaimDetailSerializer)
    def post(self, request, pk):
        claim = _own_claim(request, pk)
        if not services.is_editable(claim):
            raise Conflict(_("补贴申领当前状态为“%(status)s”，不能添加人员") % {"status": claim.get_status_display()})
        form = bind(AddPeopleForm, payload(request), claim=claim)
        with state_conflicts():
            services.add_people(claim=claim, actor=request.user, trainees=list(form.cleaned_data["trainees"]))
        return _fresh(request, pk)


class ClaimAttachmentAdd(APIView):
    """上传附件: multipart `file` (an image or a PDF), as on the claim page."""

    api_programme = API
    parser_classes = (MultiPartParser,)

    @extend_schema(operation_id="apprenticeships_claim_attachment_add", summary=_("上传补贴申领附件"), tags=TAGS,
                   request=OpenApiRequest(inline_serializer("ApprenticeshipClaimAttachmentInput",
                                                            {"file": serializers.FileField()})),
                   responses=ClaimDetailSerializer)
    def post(self, request, pk):
        claim = _own_claim(request, pk)
        if not services.is_editable(claim):
            raise Conflict(_("补贴申领当前状态为“%(status)s”，不能上传附件") % {"status": claim.get_status_display()})
        form = AttachmentForm(request.data, request.FILES)
        if not form.is_valid():
            raise FormInvalid(form_errors(form))
        with state_conflicts():
            services.add_attachment(claim=claim, actor=request.user, uploaded_file=form.cleaned_data["file"])
        return _fresh(request, pk)


def _claim_of(model, pk) -> int:
    """The claim a person entry or an attachment belongs to (as the screen finds it); its access is then checked
    through the claim's selector."""
    claim_id = model.objects.filter(pk=pk).values_list("claim_id", flat=True).first()
    if claim_id is None:
        raise Http404
    return claim_id


class ClaimPersonRemove(APIView):
    """移除 a person (pk: the entry's id, `people[].id` of the claim)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_person_remove", summary=_("从申领中移除人员"), tags=TAGS,
                   request=None, responses=ClaimDetailSerializer)
    def post(self, request, pk):
        claim = _own_claim(request, _claim_of(ClaimPerson, pk))
        with state_conflicts():
            services.remove_person(claim=claim, actor=request.user, entry_id=pk)
        return _fresh(request, claim.pk)


class ClaimAttachmentRemove(APIView):
    """删除 an attachment (pk: `attachments[].id` of the claim)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_attachment_remove", summary=_("删除补贴申领附件"), tags=TAGS,
                   request=None, responses=ClaimDetailSerializer)
    def post(self, request, pk):
        claim = _own_claim(request, _claim_of(ClaimMaterial, pk))
        with state_conflicts():
            services.remove_attachment(claim=claim, actor=request.user, material_id=pk)
        return _fresh(request, claim.pk)


class ClaimSubmit(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_submit", summary=_("提交学徒制培训补贴申领审核"), tags=TAGS,
                   request=None, responses=ClaimDetailSerializer)
    def post(self, request, pk):
        with transaction.atomic():
            claim = _locked(request, pk)
            with state_conflicts():
                services.submit(claim=claim, actor=request.user)
        return _fresh(request, pk)


class ClaimWithdraw(APIView):
    """取消申请 while 待审核 and undecided: the claim is a draft again."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_withdraw", summary=_("取消学徒制培训补贴申请"), tags=TAGS,
                   request=None, responses=ClaimDetailSerializer)
    def post(self, request, pk):
        claim = _own_claim(request, pk)
        with state_conflicts():
            claim_services.withdraw_claim(claim=claim, actor=request.user)
        return _fresh(request, pk)


class ClaimDelete(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_delete", summary=_("删除未提交过的补贴申领"), tags=TAGS,
                   request=None, responses={204: None})
    def post(self, request, pk):
        claim = _own_claim(request, pk)
        with state_conflicts():
            claim_services.delete_claim(claim=claim, actor=request.user)
        return Response(status=204)


def _printable(request, pk) -> Claim:
    claim = get_apprenticeship_claim_for_user(request.user, pk)
    if claim.status == ClaimStatus.DRAFT and claim.submitted_at is None:
        raise Conflict(_("申领提交后才能下载申请表和花名册"))
    return claim


class ClaimFormPdf(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_form_pdf", summary=_("下载补贴申请表（PDF）"), tags=TAGS,
                   responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        claim = _printable(request, pk)
        pdf = documents.claim_form_pdf(claim, reader=request.user)
        claim_services.record_output(claim=claim, actor=request.user, what="printed")
        return pdf_response(pdf, f"学徒制培训补贴申请表-{claim.number}.pdf")


class ClaimRosterPdf(APIView):
    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_roster_pdf", summary=_("下载补贴花名册（PDF）"), tags=TAGS,
                   responses={(200, "application/pdf"): OpenApiTypes.BINARY})
    def get(self, request, pk):
        claim = _printable(request, pk)
        pdf = documents.claim_roster_pdf(claim, reader=request.user)
        claim_services.record_output(claim=claim, actor=request.user, what="printed")
        return pdf_response(pdf, f"学徒制培训补贴花名册-{claim.number}.pdf")


class ClaimPay(APIView):
    """拨付登记: the city's HR reviewers over the enterprise, an approved claim (claims.services.mark_paid)."""

    api_programme = API

    @extend_schema(operation_id="apprenticeships_claim_pay", summary=_("登记学徒制培训补贴拨付"), tags=TAGS,
                   request=PaymentInput, responses=ClaimDetailSerializer)
    def post(self, request, pk):
        claim = get_apprenticeship_claim_for_user(request.user, pk)
        if not may_pay(request.user, claim):
            raise PermissionDenied
        form = bind(PaymentForm, payload(request))
        with state_conflicts():
            claim_services.mark_paid(claim=claim, actor=request.user, **form.cleaned_data)
        return _fresh(request, pk)
