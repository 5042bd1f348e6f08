"""加入单位 (a professional, with their session: a person holds no API key) and 待审核的专技人员 (the unit's
administrator or a sub-administrator holding 人员信息): the screens' forms bind the body or the query, the writes are
organisations.staff_links' services, the rows come through selectors.units."""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response
from continuing_education.api.units_serializers import (
    BatchApproveOutcomeSerializer,
    JoinableUnitSerializer,
    JoinLinkSerializer,
    JoinStateSerializer,
    StaffLinkSerializer,
)
from continuing_education.forms.units import (
    BatchApproveForm,
    JoinForm,
    ReasonForm,
    StaffRequestFilterForm,
    UnitSearchForm,
)
from continuing_education.selectors import units as selectors
from organisations import staff_links
from organisations.models import StaffMember
from verification.unit_registration import may_register_unit

TAGS = ["专业技术人员继续教育"]
PROGRAMME = "continuing_education"
JoinInput = form_serializer(JoinForm, "ContinuingEducationJoinInput")
# The form's choices are the unit's pending requests, known per request: the schema says "ids".
BatchApproveInput = form_serializer(BatchApproveForm, "ContinuingEducationBatchApproveInput", extra={
    "ids": serializers.ListField(child=serializers.IntegerField(), help_text=_("勾选的待审核申请（id）"))})
ReasonInput = form_serializer(ReasonForm, "ContinuingEducationReasonInput")
HISTORY_SHOWN = 10  # as the page


def require_joiner(request) -> None:
    if not staff_links.may_join(request.user):
        raise PermissionDenied


def require_link_manager(request) -> None:
    user = request.user
    if user.organisation_id is None or not staff_links.may_manage_links(user, user.organisation):
        raise PermissionDenied


class Join(APIView):
    """加入单位: the person's current unit and history (GET), 申请加入 (POST)."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_join_retrieve", summary=_("加入单位（我的单位与加入记录）"),
                   tags=TAGS, responses=JoinStateSerializer)
    def get(self, request):
        require_joiner(request)
        state = {"current": staff_links.current_link(request.user),
                 "history": staff_links.links_of(request.user)[:HISTORY_SHOWN],
                 "may_register_unit": may_register_unit(request.user)}
        return Response(JoinStateSerializer(state, context={"request": request}).data)

    @extend_schema(operation_id="continuing_education_join_create", summary=_("申请加入单位"), tags=TAGS,
                   request=JoinInput, responses={201: JoinLinkSerializer})
    def post(self, request):
        require_joiner(request)
        form = bind(JoinForm, request.data, units=selectors.joinable_units())
        member = staff_links.request_join(actor=request.user, organisation=form.cleaned_data["organisation"])
        return object_response(request, JoinLinkSerializer, _own_link(request, member), status=201)


class CancelJoin(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_join_cancel", summary=_("撤回加入单位申请"), tags=TAGS,
                   request=None, responses=JoinLinkSerializer)
    def post(self, request):
        require_joiner(request)
        member = staff_links.cancel_request(actor=request.user)
        return object_response(request, JoinLinkSerializer, member)


def _own_link(request, member):
    return staff_links.links_of(request.user).get(pk=member.pk)


class JoinableUnits(APIView):
    """查找单位 (by name or 统一社会信用代码, at least two characters; at most 20 units, as the page)."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_joinable_units_list", summary=_("查找可加入的单位"), tags=TAGS,
                   parameters=query_parameters(UnitSearchForm), responses=JoinableUnitSerializer(many=True))
    def get(self, request):
        require_joiner(request)
        form = bind_query(request, UnitSearchForm)
        found = selectors.search_units(form.cleaned_data["q"]).select_related("region")
        return Response(JoinableUnitSerializer(found, many=True, context={"request": request}).data)


class StaffRequests(ListAPIView):
    """待审核的专技人员, and by 状态 the unit's linked, rejected and departed people."""

    api_programme = PROGRAMME
    serializer_class = StaffLinkSerializer

    @extend_schema(operation_id="continuing_education_staff_requests_list", summary=_("待审核的专技人员"), tags=TAGS,
                   parameters=query_parameters(StaffRequestFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_link_manager(self.request)
        form = bind_query(self.request, StaffRequestFilterForm)
        return selectors.own_unit_links(self.request.user, **form.filters())


class ApproveStaffRequests(APIView):
    """批量通过: the ticked requests still pending (an id already decided or not the unit's is the form's 400)."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_staff_requests_approve", summary=_("批量通过加入申请"),
                   tags=TAGS, request=BatchApproveInput, responses=BatchApproveOutcomeSerializer)
    def post(self, request):
        require_link_manager(request)
        form = bind(BatchApproveForm, request.data, pending=selectors.pending_ids(request.user))
        count = staff_links.approve_many(actor=request.user, organisation=request.user.organisation,
                                         pks=form.cleaned_data["ids"])
        return Response(BatchApproveOutcomeSerializer({"approved": count}).data)


def member_for_manager(request, pk) -> StaffMember:
    """As the screen: 404 outside the programme's rule, 403 unless the user manages the unit's links."""
    member = selectors.get_staff_link_for_user(request.user, pk)
    if not staff_links.may_manage_links(request.user, member.organisation):
        raise PermissionDenied
    return member


def _response(request, member):
    return object_response(request, StaffLinkSerializer, selectors.get_staff_link_for_user(request.user, member.pk))


class StaffRequestDetail(APIView):
    """One person's link as the 不通过 and 调离 pages show it."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_staff_requests_retrieve", summary=_("加入申请详情"),
                   tags=TAGS, responses=StaffLinkSerializer)
    def get(self, request, pk):
        return _response(request, member_for_manager(request, pk))


class ApproveStaffRequest(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_staff_request_approve", summary=_("通过加入申请"), tags=TAGS,
                   request=None, responses=StaffLinkSerializer)
    def post(self, request, pk):
        member = staff_links.approve(actor=request.user, member=member_for_manager(request, pk))
        return _response(request, member)


class RejectStaffRequest(APIView):
    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_staff_request_reject", summary=_("不通过加入申请"), tags=TAGS,
                   request=ReasonInput, responses=StaffLinkSerializer)
    def post(self, request, pk):
        member = member_for_manager(request, pk)
        form = bind(ReasonForm, request.data, label=_("不通过原因"), required_message=_("请填写不通过的原因"))
        member = staff_links.reject(actor=request.user, member=member, reason=form.cleaned_data["reason"])
        return _response(request, member)


class EndStaffLink(APIView):
    """调离: the person leaves the unit (their archive stays theirs)."""

    api_programme = PROGRAMME

    @extend_schema(operation_id="continuing_education_staff_link_end", summary=_("调离"), tags=TAGS,
                   request=ReasonInput, responses=StaffLinkSerializer)
    def post(self, request, pk):
        member = member_for_manager(request, pk)
        form = bind(ReasonForm, request.data, label=_("调离原因"), required_message=_("请填写调离原因"))
        member = staff_links.end_link(actor=request.user, member=member, reason=form.cleaned_data["reason"])
        return _response(request, member)
