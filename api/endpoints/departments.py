"""部门管理 through the API: the departments of the caller's own organisation (an enterprise's, a school's or a
government department's, as on screen), add, edit (If-Match) and delete, with the page's DepartmentForm, its
services and its permission organisations.manage_departments. Scope organisations:read / organisations:write."""

from django.db import transaction
from django.db.models import Count
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api import scopes
from api.endpoints.admin_serializers import DepartmentSerializer
from api.endpoints.versions import lock_and_match_shown
from api.forms import bind, form_serializer
from api.responses import object_response, require_permission
from organisations import selectors, services
from organisations.forms import DepartmentForm
from organisations.rules import MANAGE_DEPARTMENTS

TAGS = ["部门管理"]
DepartmentInput = form_serializer(DepartmentForm, "DepartmentInput")


class Departments(ListAPIView):
    api_programme = scopes.FOUNDATION
    serializer_class = DepartmentSerializer

    @extend_schema(operation_id="departments_list", summary=_("部门管理"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_DEPARTMENTS)
        organisation = selectors.get_own_organisation(self.request.user)
        return selectors.departments_of(organisation).annotate(member_count=Count("members"))

    @extend_schema(operation_id="departments_create", summary=_("新增部门"), tags=TAGS, request=DepartmentInput,
                   responses={201: DepartmentSerializer})
    def post(self, request):
        require_permission(request, MANAGE_DEPARTMENTS)
        organisation = selectors.get_own_organisation(request.user)
        form = bind(DepartmentForm, request.data, organisation=organisation)
        department = services.create_department(organisation=organisation, actor=request.user, **form.cleaned_data)
        return object_response(request, DepartmentSerializer, department, status=201)


class DepartmentDetail(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="departments_retrieve", summary=_("部门详情"), tags=TAGS,
                   responses=DepartmentSerializer)
    def get(self, request, pk):
        require_permission(request, MANAGE_DEPARTMENTS)
        return object_response(request, DepartmentSerializer, selectors.get_department_for_user(request.user, pk))

    @extend_schema(operation_id="departments_update", summary=_("修改部门"), tags=TAGS, request=DepartmentInput,
                   responses=DepartmentSerializer, description=_("须带 If-Match（读取时的 ETag）"))
    def put(self, request, pk):
        require_permission(request, MANAGE_DEPARTMENTS)
        department = selectors.get_department_for_user(request.user, pk)
        form = bind(DepartmentForm, request.data, organisation=department.organisation, department=department)
        with transaction.atomic():
            locked = lock_and_match_shown(request, department, DepartmentSerializer)
            updated = services.update_department(department=locked, actor=request.user, **form.cleaned_data)
        return object_response(request, DepartmentSerializer, updated)

    @extend_schema(operation_id="departments_destroy", summary=_("删除部门"), tags=TAGS, request=None,
                   responses={204: None}, description=_("部门下还有账号或下级部门时不能删除（400）"))
    def delete(self, request, pk):
        require_permission(request, MANAGE_DEPARTMENTS)
        department = selectors.get_department_for_user(request.user, pk)
        services.delete_department(department=department, actor=request.user)
        return Response(status=204)
