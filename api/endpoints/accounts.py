"""子账号管理 through the API: the accounts of the caller's own organisation, 新增子管理员, 修改 (department and
roles, If-Match), 重置密码, 移除权限 and 恢复权限, with the page's forms (SubAccountForm, SubAccountEditForm,
PasswordResetForm), services (organisations.services_accounts) and permission organisations.manage_accounts.
The administrator's own account and accounts holding more than the caller are 403 to manage, as on screen."""

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils.translation import gettext_lazy as _
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.generics import ListAPIView
from rest_framework.response import Response
from rest_framework.views import APIView

from api import scopes
from api.endpoints.admin_serializers import AccountSerializer
from api.endpoints.versions import lock_and_match_shown
from api.forms import bind, form_serializer
from api.responses import object_response, require_permission
from organisations import selectors
from organisations.forms_admin import PasswordResetForm, SubAccountEditForm, SubAccountForm
from organisations.rules import MANAGE_ACCOUNTS
from organisations.services_accounts import (
    can_manage_account,
    create_sub_account,
    reset_sub_account_password,
    set_sub_account_active,
    update_sub_account,
)

TAGS = ["子账号管理"]
ROLES = {"roles": serializers.ListField(child=serializers.IntegerField(), required=False, label=_("角色"),
                                        help_text=_("本单位角色的 id（只能分配不超出自己权限的角色）"))}
AccountInput = form_serializer(SubAccountForm, "SubAccountInput", extra=ROLES)
AccountEditInput = form_serializer(SubAccountEditForm, "SubAccountEditInput", extra=ROLES)
PasswordInput = form_serializer(PasswordResetForm, "SubAccountPasswordInput")


def _manageable_account(request, pk):
    account = selectors.get_account_for_user(request.user, pk)
    if not can_manage_account(request.user, account):
        raise PermissionDenied(_("该账号不能由您管理（单位管理员、本人或拥有您没有的权限的账号）"))
    return account


class Accounts(ListAPIView):
    api_programme = scopes.FOUNDATION
    serializer_class = AccountSerializer

    @extend_schema(operation_id="accounts_list", summary=_("子账号管理"), tags=TAGS)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        require_permission(self.request, MANAGE_ACCOUNTS)
        # `manageable` reads each role's organisation kind: accounts_of prefetches it, not a query per row.
        organisation = selectors.get_own_organisation(self.request.user)
        return selectors.accounts_of(organisation)

    @extend_schema(operation_id="accounts_create", summary=_("新增子管理员"), tags=TAGS, request=AccountInput,
                   responses={201: AccountSerializer})
    def post(self, request):
        require_permission(request, MANAGE_ACCOUNTS)
        organisation = selectors.get_own_organisation(request.user)
        data = bind(SubAccountForm, request.data, organisation=organisation, actor=request.user).cleaned_data
        account = create_sub_account(
            organisation=organisation, actor=request.user, username=data["username"], real_name=data["real_name"],
            mobile=data["mobile"], password=data["password1"], department=data["department"], roles=data["roles"],
        )
        return object_response(request, AccountSerializer, selectors.get_account_for_user(request.user, account.pk),
                               status=201)


class AccountDetail(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="accounts_retrieve", summary=_("子账号详情"), tags=TAGS,
                   responses=AccountSerializer)
    def get(self, request, pk):
        require_permission(request, MANAGE_ACCOUNTS)
        return object_response(request, AccountSerializer, selectors.get_account_for_user(request.user, pk))

    @extend_schema(operation_id="accounts_update", summary=_("修改子管理员（姓名、部门、角色）"), tags=TAGS,
                   request=AccountEditInput, responses=AccountSerializer,
                   description=_("须带 If-Match（读取时的 ETag）"))
    def put(self, request, pk):
        require_permission(request, MANAGE_ACCOUNTS)
        account = _manageable_account(request, pk)
        form = bind(SubAccountEditForm, request.data, account=account, actor=request.user)
        with transaction.atomic():
            lock_and_match_shown(request, account, AccountSerializer)
            update_sub_account(account=account, actor=request.user, **form.cleaned_data)
        return object_response(request, AccountSerializer, selectors.get_account_for_user(request.user, pk))


class AccountPassword(APIView):
    api_programme = scopes.FOUNDATION

    @extend_schema(operation_id="accounts_password_reset", summary=_("重置子管理员密码"), tags=TAGS,
                   request=PasswordInput, responses={204: None},
                   description=_("由管理员设定新密码并告知本人；因输错密码被冻结的账号随之解冻"))
    def post(self, request, pk):
        require_permission(request, MANAGE_ACCOUNTS)
        account = _manageable_account(request, pk)
        form = bind(PasswordResetForm, request.data, account=account)
        reset_sub_account_password(account=account, actor=request.user, new_password=form.cleaned_data["password1"])
        return Response(status=204)


class _SetActive(APIView):
    api_programme = scopes.FOUNDATION
    active = True

    def post(self, request, pk):
        require_permission(request, MANAGE_ACCOUNTS)
        set_sub_account_active(account=_manageable_account(request, pk), actor=request.user, active=self.active)
        return object_response(request, AccountSerializer, selectors.get_account_for_user(request.user, pk))


class AccountDeactivate(_SetActive):
    active = False

    @extend_schema(operation_id="accounts_deactivate", summary=_("移除管理权限"), tags=TAGS, request=None,
                   responses=AccountSerializer, description=_("移除后该账号不能再登录"))
    def post(self, request, pk):
        return super().post(request, pk)


class AccountReactivate(_SetActive):
    active = True

    @extend_schema(operation_id="accounts_reactivate", summary=_("恢复管理权限"), tags=TAGS, request=None,
                   responses=AccountSerializer)
    def post(self, request, pk):
        return super().post(request, pk)
