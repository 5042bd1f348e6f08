"""角色管理 through the API: the roles of the caller's own organisation, the permissions a role may hold (the
page's grouped checkboxes), add, edit (If-Match) and delete, with the page's RoleForm, its services and its
permission organisations.manage_roles. Nobody hands out more than they hold (organisations.services_accounts):
a role with permissions beyond the caller's is 403 to edit or delete, as on screen."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema, inline_serializer
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api import scopes
from api.endpoints.admin_serializers import PermissionSerializer, RoleSerializer
from api.endpoints.versions import lock_and_match_shown
from api.forms import bind, form_serializer
from api.responses import object_response, require_permission
from organisations import selectors
from organisations.forms_admin import RoleForm
from organisations.permissions import grouped_catalogue
from organisations.rules import MANAGE_ROLES
from organisations.services_accounts import (
    can_manage_role,
    create_role,
    delete_role,
    grantable_permissions,
    update_role,
)

TAGS = ["角色管理"]
# The form's choices depend on the organisation's kind: the codes are those of GET roles/permissions/.
RoleInput = form_serializer(RoleForm, "RoleInput", extra={
    "permissions": serializers.ListField(child=serializers.CharField(), required=False, label=_("权限"),
                                         help_text=_("权限代码，见“可分配的权限”"))})


def _manageable_role(request, pk):
    role = selectors.get_role_for_user(request.user, pk)
    if not can_manage_role(request.user, role):
        raise PermissionDenied(_("该角色包含您没有的权限，您不能管理"))
    return role


class Roles(ListAPIView):
    api_programme = scopes.FOUNDATION
    serializer_class = RoleSerializer

    @extend_schema(operation_id="roles_list", summary=_("角色管理"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_ROLES)
        organisation = selectors.get_own_organisation(self.request.user)
        return selectors.roles_of(organisation).annotate(holder_count=Count("users"))

    @extend_schema(operation_id="roles_create", summary=_("新增角色"), tags=TAGS, request=RoleInput,
                   responses={201: RoleSerializer})
    def post(self, request):
        require_permission(request, MANAGE_ROLES)
        organisation = selectors.get_own_organisation(request.user)
        form = bind(RoleForm, request.data, organisation=organisation)
        role = create_role(organisation=organisation, actor=request.user, **form.cleaned_data)
        return object_response(request, RoleSerializer, role, status=201)


class Permissions(APIView):
    """The catalogue the role form offers for the organisation's kind, grouped as on the page."""

    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="roles_permissions", summary=_("可分配的权限"), tags=TAGS,
                   responses=PermissionSerializer(many=True))
    def get(self, request):
        require_permission(request, MANAGE_ROLES)
        organisation = selectors.get_own_organisation(request.user)
        grantable = grantable_permissions(request.user, organisation)
        rows = [{"code": spec.code, "label": str(spec.label), "group": group, "grantable": spec.code in grantable}
                for group, specs in grouped_catalogue(organisation.kind) for spec in specs]
        return Response(PermissionSerializer(rows, many=True).data)


class RoleDetail(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="roles_retrieve", summary=_("角色详情"), tags=TAGS, responses=RoleSerializer)
    def get(self, request, pk):
        require_permission(request, MANAGE_ROLES)
        return object_response(request, RoleSerializer, selectors.get_role_for_user(request.user, pk))

    @extend_schema(operation_id="roles_update", summary=_("修改角色"), tags=TAGS, request=RoleInput,
                   responses=RoleSerializer, description=_("须带 If-Match（读取时的 ETag）"))
    def put(self, request, pk):
        require_permission(request, MANAGE_ROLES)
        role = _manageable_role(request, pk)
        form = bind(RoleForm, request.data, organisation=role.organisation, role=role)
        with transaction.atomic():
            lock_and_match_shown(request, role, RoleSerializer)
            updated = update_role(role=role, actor=request.user, **form.cleaned_data)
        return object_response(request, RoleSerializer, updated)

    @extend_schema(operation_id="roles_destroy", summary=_("删除角色"), tags=TAGS, request=None,
                   responses={200: inline_serializer("RoleDeleted", {
                       "holders": serializers.ListField(child=serializers.CharField(),
                                                        help_text=_("因此不再拥有该角色的账号（登录名）"))})},
                   description=_("拥有该角色的账号随之失去该角色"))
    def delete(self, request, pk):
        require_permission(request, MANAGE_ROLES)
        holders = delete_role(role=_manageable_role(request, pk), actor=request.user)
        return Response({"holders": holders})
