"""补贴申领 through the API: the unit's claims and the departments' claims of their jurisdiction (the screen's
status and year filters), 新建 for a period, the claim with its lines, 重新计算, submit, withdraw, delete the
draft (If-Match), and the 申请表 + 花名册 as a PDF — views/claims.py's forms, checks and claims.services."""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.concurrency import lock_and_match
from api.downloads import PDF_RESPONSES, DownloadNegotiation, pdf_download
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from claims import services
from claims.selectors import claims_for_user, get_claim_for_user
from traineeships.api.common import EMPTY_INPUT, TAGS, XLSX_RESPONSES, payload
from traineeships.api.serializers import ClaimDetailSerializer, ClaimSerializer
from traineeships.forms.claims import ClaimCreateForm, ClaimFilterForm, PaymentForm
from traineeships.rules import MANAGE_BASE, PROGRAMME
from traineeships.selectors import get_own_base
from traineeships.services.claims import may_file, may_pay
from traineeships.views.claims import claim_xlsx_name, export_claim, may_list, print_claim
from traineeships.views.roster import xlsx_response

ClaimInput = form_serializer(ClaimCreateForm, "TraineeshipClaimInput")
PaymentInput = form_serializer(PaymentForm, "TraineeshipClaimPaymentInput")


def _own_claim(request, pk):
    """A claim the caller files (the screen's unit actions): 404 when invisible, 403 when not the filer."""
    require_permission(request, MANAGE_BASE)
    claim = get_claim_for_user(request.user, pk, PROGRAMME)
    if not may_file(request.user, claim.organisation):
        raise PermissionDenied
    return claim


def _detail(request, pk, status=200):
    return object_response(request, ClaimDetailSerializer, get_claim_for_user(request.user, pk, PROGRAMME),
                           status=status)


class ClaimList(ListAPIView):
    api_programme = "traineeships"
    serializer_class = ClaimSerializer

    @extend_schema(operation_id="traineeships_claims_list", summary=gettext_lazy("就业见习补贴申领"), tags=TAGS,
                   parameters=query_parameters(ClaimFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        if not may_list(self.request.user):
            raise PermissionDenied
        form = bind_query(self.request, ClaimFilterForm)
        return form.filter(claims_for_user(self.request.user, PROGRAMME))

    @extend_schema(operation_id="traineeships_claims_create", summary=gettext_lazy("新建补贴申领（草稿）"),
                   tags=TAGS, request=ClaimInput, responses={201: ClaimDetailSerializer})
    def post(self, request):
        require_permission(request, MANAGE_BASE)
        user = request.user
        if user.organisation_id is None or get_own_base(user) is None:
            raise ValidationError(_("本单位还没有见习基地，不能申领补贴"), code="no_base")
        form = bind(ClaimCreateForm, payload(request))
        claim = services.create_claim(programme=PROGRAMME, organisation=user.organisation, actor=user,
                                      first_month=form.cleaned_data["first_month"],
                                      last_month=form.cleaned_data["last_month"], note=form.cleaned_data["note"])
        return _detail(request, claim.pk, status=201)


class ClaimDetail(APIView):
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_claims_retrieve", summary=gettext_lazy("补贴申领详情（含明细）"),
                   tags=TAGS, responses=ClaimDetailSerializer)
    def get(self, request, pk):
        return _detail(request, pk)

    @extend_schema(operation_id="traineeships_claims_destroy", summary=gettext_lazy("删除补贴申领草稿"), tags=TAGS,
                   responses={204: None})
    def delete(self, request, pk):
        claim = _own_claim(request, pk)
        with transaction.atomic():
            lock_and_match(request, claim)
            services.delete_claim(claim=claim, actor=request.user)
        return Response(status=204)


def _action(name, summary, service):
    class ClaimAction(APIView):
        api_programme = "traineeships"

        @extend_schema(operation_id=f"traineeships_claims_{name}", summary=summary, tags=TAGS, request=EMPTY_INPUT,
                       responses=ClaimDetailSerializer)
        def post(self, request, pk):
            service(claim=_own_claim(request, pk), actor=request.user)
            return _detail(request, pk)

    ClaimAction.__name__ = ClaimAction.__qualname__ = f"Claim{name.title()}"
    return ClaimAction


RefreshClaim = _action("refresh", gettext_lazy("按最新数据重新计算申领明细"), services.refresh_claim)
SubmitClaim = _action("submit", gettext_lazy("提交补贴申领"), services.submit_claim)
WithdrawClaim = _action("withdraw", gettext_lazy("撤回补贴申领"), services.withdraw_claim)


class CorrectClaim(APIView):
    """更正申领 of an approved or paid claim: a new draft with the correction lines (never an edit)."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_claims_correct", summary=gettext_lazy("新建更正申领"), tags=TAGS,
                   request=EMPTY_INPUT, responses={201: ClaimDetailSerializer})
    def post(self, request, pk):
        correction = services.create_correction(claim=_own_claim(request, pk), actor=request.user)
        return _detail(request, correction.pk, status=201)


class PayClaim(APIView):
    """拨付登记 by the city."""

    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_claims_pay", summary=gettext_lazy("登记补贴拨付"), tags=TAGS,
                   request=PaymentInput, responses=ClaimDetailSerializer)
    def post(self, request, pk):
        claim = get_claim_for_user(request.user, pk, PROGRAMME)
        if not may_pay(request.user, claim):
            raise PermissionDenied
        form = bind(PaymentForm, payload(request))
        services.mark_paid(claim=claim, actor=request.user, **form.cleaned_data)
        return _detail(request, pk)


class ClaimPdf(APIView):
    content_negotiation_class = DownloadNegotiation
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_claims_pdf", summary=gettext_lazy("下载补贴申请表及花名册"), tags=TAGS,
                   responses=PDF_RESPONSES)
    def get(self, request, pk):
        claim = get_claim_for_user(request.user, pk, PROGRAMME)
        return pdf_download(print_claim(request.user, claim), f"就业见习补贴申领表-{claim.number}.pdf")


class ClaimXlsx(APIView):
    content_negotiation_class = DownloadNegotiation
    api_programme = "traineeships"

    @extend_schema(operation_id="traineeships_claims_xlsx", summary=gettext_lazy("下载补贴申领明细（Excel）"),
                   tags=TAGS, responses=XLSX_RESPONSES)
    def get(self, request, pk):
        claim = get_claim_for_user(request.user, pk, PROGRAMME)
        response = xlsx_response(export_claim(request.user, claim), claim_xlsx_name(claim))
        response["Cache-Control"] = "private, no-store"
        return response
