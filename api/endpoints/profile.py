"""单位信息与认证 through the API: editing the caller's own organisation (保存, PUT organisation/), its real-name
verification (认证状态 and history, 保存并提交认证, 撤回认证申请) — the profile page's ProfileForm, its services
(verification.services) and its permission organisations.manage_profile; submitting and withdrawing also need
reviews.submit, as on screen. The 营业执照 is a file, so these bodies may be multipart/form-data (field
`business_licence`) as well as JSON. Scope organisations:read / organisations:write."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.response import Response
from rest_framework.views import APIView

from api import scopes
from api.concurrency import lock_and_match
from api.endpoints.review_serializers import EventSerializer, ReviewSummarySerializer
from api.errors import Conflict, FormInvalid, form_errors
from api.forms import as_query_dict, bind, form_serializer
from api.responses import require_permission
from organisations import selectors
from organisations.models import VerificationStatus
from organisations.rules import MANAGE_PROFILE
from reviews.forms import ReasonForm
from reviews.models import ReviewStatus
from reviews.selectors import history_for_subject, latest_review_for
from verification.forms import ProfileForm
from verification.services import missing_for_verification, profile_is_editable, save_profile, withdraw_verification

TAGS = ["单位信息"]
INPUT_TYPES = ["multipart/form-data", "application/json"]
ProfileInput = form_serializer(ProfileForm, "OrganisationProfileInput", extra={
    "region": serializers.CharField(required=False, allow_blank=True, label=gettext_lazy("注册地区"),
                                    help_text=gettext_lazy("行政区划代码，如 410105")),
    "business_licence": serializers.FileField(required=False, help_text=gettext_lazy(
        "营业执照（multipart 上传；不传则保留已上传的）")),
})
PUT_DESCRIPTION = gettext_lazy("须带 If-Match（读取时的 ETag）。请提交全部字段：省略的选填项将被清空。"
                               "实名认证审核中不能修改（409）；已通过认证的单位不能修改名称和统一社会信用代码。")


def bind_profile(request, organisation) -> ProfileForm:
    """The page's ProfileForm over a multipart body (with the licence) or a JSON one (without)."""
    if request.content_type.startswith("multipart/"):
        data, files = request.data, request.FILES
    else:
        data, files = as_query_dict(request.data), None
    form = ProfileForm(data, files, organisation=organisation)
    if not form.is_valid():
        raise FormInvalid(form_errors(form))
    return form


def save(request, *, submit: bool):
    """保存 / 保存并提交认证 as the page does them; returns the review when submitted."""
    require_permission(request, MANAGE_PROFILE)
    organisation = selectors.get_own_organisation(request.user)
    if not profile_is_editable(organisation):
        raise Conflict(_("实名认证审核中，不能修改单位信息；如需修改请先撤回认证申请"))
    form = bind_profile(request, organisation)
    try:
        with transaction.atomic():
            locked = lock_and_match(request, organisation)
            review = save_profile(organisation=locked, actor=request.user, changes=form.changes(),
                                  licence_file=form.cleaned_data.get("business_licence"), submit=submit)
    except PermissionDenied:
        raise PermissionDenied(_("您没有提交申报的权限，请联系单位管理员提交实名认证")) from None
    return locked, review


class LicenceSerializer(serializers.Serializer):
    id = serializers.UUIDField()
    name = serializers.CharField(source="original_name")


class MissingSerializer(serializers.Serializer):
    field = serializers.CharField()
    message = serializers.CharField()


class VerificationSerializer(serializers.Serializer):
    """What the profile page shows about the verification, from the same context it builds."""

    verification_status = serializers.ChoiceField(choices=VerificationStatus.choices)
    verification_status_display = serializers.CharField(source="get_verification_status_display")
    verified_at = serializers.DateTimeField(allow_null=True)
    business_licence = LicenceSerializer(allow_null=True)
    editable = serializers.BooleanField(source="api_editable", help_text="现在能否修改单位信息（审核中不能）")
    can_submit = serializers.BooleanField(source="api_can_submit", help_text="能否提交实名认证")
    can_withdraw = serializers.BooleanField(source="api_can_withdraw",
                                            help_text="能否撤回认证申请（审核中且尚无审核结论）")
    missing = MissingSerializer(many=True, source="api_missing", help_text="提交认证前还须填写的项")
    latest_review = ReviewSummarySerializer(allow_null=True, source="api_latest_review")
    history = EventSerializer(many=True, source="api_history", help_text="各轮认证申请的全部审核记录")


def verification_state(request, status=200) -> Response:
    organisation = selectors.get_own_organisation(request.user)
    review = latest_review_for(organisation)
    organisation.api_editable = profile_is_editable(organisation)
    organisation.api_can_submit = (not organisation.is_government
                                   and organisation.verification_status != VerificationStatus.VERIFIED)
    organisation.api_can_withdraw = bool(review is not None and review.status == ReviewStatus.PENDING
                                         and not review.steps.exclude(decided_at__isnull=True).exists())
    organisation.api_missing = [{"field": field, "message": message}
                                for field, message in missing_for_verification(organisation).items()]
    organisation.api_latest_review = review
    organisation.api_history = history_for_subject(organisation)
    return Response(VerificationSerializer(organisation, context={"request": request}).data, status=status)


class Verification(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="organisation_verification_retrieve", summary=gettext_lazy("本单位实名认证"),
                   tags=TAGS, responses=VerificationSerializer)
    def get(self, request):
        require_permission(request, MANAGE_PROFILE)
        return verification_state(request)

    @extend_schema(operation_id="organisation_verification_submit", summary=gettext_lazy("保存并提交实名认证"),
                   tags=TAGS, request={kind: ProfileInput for kind in INPUT_TYPES},
                   responses={201: VerificationSerializer},
                   description=gettext_lazy("单位信息同“修改本单位信息”一并保存，须带 If-Match。提交认证时注册地区、"
                                            "详细地址、联系人、联系电话、单位简介和营业执照为必填项；"
                                            "另需“提交申报”权限。"))
    def post(self, request):
        save(request, submit=True)
        return verification_state(request, status=201)


class WithdrawVerification(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="organisation_verification_withdraw", summary=gettext_lazy("撤回实名认证申请"),
                   tags=TAGS, request=form_serializer(ReasonForm, "VerificationWithdrawInput"),
                   responses=VerificationSerializer,
                   description=gettext_lazy("没有审核中的认证申请、或审核部门已作出审核时返回409。"))
    def post(self, request):
        require_permission(request, MANAGE_PROFILE)
        organisation = selectors.get_own_organisation(request.user)
        reason = bind(ReasonForm, request.data).cleaned_data["reason"].strip()[:255]
        try:
            withdraw_verification(organisation=organisation, actor=request.user, reason=reason)
        except PermissionDenied:
            raise PermissionDenied(_("您没有撤回实名认证申请的权限")) from None
        return verification_state(request)


class HistorySerializer(serializers.Serializer):
    latest_review = ReviewSummarySerializer(allow_null=True, source="api_latest_review")
    history = EventSerializer(many=True, source="api_history", help_text="各轮认证申请的全部审核记录")


class OrganisationVerification(APIView):
    """An organisation's record page below its summary: the latest verification review and the history, for
    whoever sees the record (organisations.selectors.get_organisation_for_user)."""

    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="organisations_verification_retrieve", summary=gettext_lazy("单位实名认证记录"),
                   tags=TAGS, responses=HistorySerializer)
    def get(self, request, pk):
        organisation = selectors.get_organisation_for_user(request.user, pk)
        organisation.api_latest_review = latest_review_for(organisation)
        organisation.api_history = history_for_subject(organisation)
        return Response(HistorySerializer(organisation, context={"request": request}).data)
