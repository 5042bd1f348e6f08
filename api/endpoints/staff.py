"""人员信息 through the API: the roster with the page's filters, one person, add, edit (If-Match) and delete,
with the screen's form (StaffMemberForm) and services (organisations.staff_services) and its permission
organisations.manage_staff. Scope organisations:read / organisations:write."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api import scopes
from api.concurrency import check_if_match
from api.endpoints.staff_serializers import StaffSerializer
from api.forms import bind, bind_query, form_serializer, query_parameters
from api.responses import object_response, require_permission
from organisations import staff_services
from organisations.models import StaffMember
from organisations.rules import MANAGE_STAFF
from organisations.staff_forms import StaffFilterForm, StaffMemberForm
from organisations.staff_selectors import filter_staff, get_staff_for_user, get_staff_member_for_user

TAGS = ["人员信息"]
StaffInput = form_serializer(StaffMemberForm, "StaffMemberInput")


def _require(request):
    """The roster pages' rule: the permission, and an organisation of one's own."""
    require_permission(request, MANAGE_STAFF)
    if request.user.organisation_id is None:
        raise PermissionDenied


class StaffList(ListAPIView):
    api_programme = scopes.FOUNDATION
    serializer_class = StaffSerializer

    @extend_schema(operation_id="staff_list", summary=_("人员信息"), tags=TAGS,
                   parameters=query_parameters(StaffFilterForm))
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    @extend_schema(operation_id="staff_create", summary=_("新增人员"), tags=TAGS, request=StaffInput,
                   responses={201: StaffSerializer})
    def post(self, request):
        _require(request)
        organisation = request.user.organisation
        form = bind(StaffMemberForm, request.data, organisation=organisation)
        member = staff_services.create_staff_member(actor=request.user, organisation=organisation,
                                                    data=form.cleaned_data)
        return object_response(request, StaffSerializer, member, status=201)

    def get_queryset(self):
        _require(self.request)
        form = bind_query(self.request, StaffFilterForm)
        return filter_staff(get_staff_for_user(self.request.user), form)


class StaffDetail(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="staff_retrieve", summary=_("人员详情"), tags=TAGS, responses=StaffSerializer)
    def get(self, request, pk):
        _require(request)
        return object_response(request, StaffSerializer, get_staff_member_for_user(request.user, pk))

    @extend_schema(operation_id="staff_update", summary=_("修改人员"), tags=TAGS, request=StaffInput,
                   responses=StaffSerializer, description=_("须带 If-Match（读取时的 ETag）"))
    def put(self, request, pk):
        _require(request)
        member = get_staff_member_for_user(request.user, pk)
        with transaction.atomic():
            locked = StaffMember.objects.select_for_update().get(pk=member.pk)
            check_if_match(request, locked)
            form = bind(StaffMemberForm, request.data, instance=locked, organisation=locked.organisation)
            member = staff_services.update_staff_member(actor=request.user, member=locked, data=form.cleaned_data)
        return object_response(request, StaffSerializer, member)

    @extend_schema(operation_id="staff_delete", summary=_("删除人员"), tags=TAGS, request=None,
                   responses={204: None}, description=_("可带 If-Match：记录已被他人修改时不删除（412）"))
    def delete(self, request, pk):
        _require(request)
        member = get_staff_member_for_user(request.user, pk)
        with transaction.atomic():
            if request.headers.get("If-Match"):  # optional, as the page's delete has no version to send
                check_if_match(request, StaffMember.objects.select_for_update().get(pk=member.pk))
            staff_services.delete_staff_member(actor=request.user, member=member)
        return Response(status=204)
