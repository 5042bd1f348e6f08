"""部门管理 (manual 004 §8), 账号管理 and 角色管理 (manual 004 §4)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from core.decorators import permission_required_403
from core.paging import paginate
from organisations import selectors
from organisations.forms import DepartmentForm
from organisations.forms_admin import PasswordResetForm, RoleForm, SubAccountEditForm, SubAccountForm
from organisations.services import create_department, delete_department, update_department
from organisations.services_accounts import (
    can_manage_account,
    can_manage_role,
    create_role,
    create_sub_account,
    delete_role,
    reset_sub_account_password,
    set_sub_account_active,
    update_role,
    update_sub_account,
)
from organisations.view_helpers import add_service_errors, first_message

# --- Departments -------------------------------------------------------------------------------


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.manage_departments")
def departments(request):
    organisation = selectors.get_own_organisation(request.user)
    form = DepartmentForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            create_department(organisation=organisation, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已新增部门“%(name)s”") % {"name": form.cleaned_data["name"]})
            return redirect("organisations:departments")
    rows = [(department, department.members.count()) for department in selectors.departments_of(organisation)]
    return render(request, "organisations/departments.html", {"form": form, "rows": rows})


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.manage_departments")
def department_edit(request, pk):
    department = selectors.get_department_for_user(request.user, pk)
    form = DepartmentForm(request.POST or None, organisation=department.organisation, department=department)
    if request.method == "POST" and form.is_valid():
        try:
            update_department(department=department, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("部门信息已保存"))
            return redirect("organisations:departments")
    return render(request, "organisations/department_edit.html", {"form": form, "department": department})


@require_POST
@permission_required_403("organisations.manage_departments")
def department_delete(request, pk):
    department = selectors.get_department_for_user(request.user, pk)
    try:
        delete_department(department=department, actor=request.user)
    except ValidationError as error:
        messages.error(request, first_message(error))
    else:
        messages.success(request, _("已删除部门“%(name)s”") % {"name": department.name})
    return redirect("organisations:departments")


# --- Roles -------------------------------------------------------------------------------------


@permission_required_403("organisations.manage_roles")
def roles(request):
    organisation = selectors.get_own_organisation(request.user)
    rows = [
        {"role": role, "holders": role.users.count(), "manageable": can_manage_role(request.user, role)}
        for role in selectors.roles_of(organisation)
    ]
    return render(request, "organisations/roles.html", {"rows": rows})


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.manage_roles")
def role_create(request):
    organisation = selectors.get_own_organisation(request.user)
    form = RoleForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            create_role(organisation=organisation, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已新增角色“%(name)s”") % {"name": form.cleaned_data["name"]})
            return redirect("organisations:roles")
    return render(request, "organisations/role_form.html", {"form": form, "role": None})


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.manage_roles")
def role_edit(request, pk):
    role = selectors.get_role_for_user(request.user, pk)
    if not can_manage_role(request.user, role):
        raise PermissionDenied
    form = RoleForm(request.POST or None, organisation=role.organisation, role=role)
    if request.method == "POST" and form.is_valid():
        try:
            update_role(role=role, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("角色已保存"))
            return redirect("organisations:roles")
    return render(request, "organisations/role_form.html", {"form": form, "role": role})


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.manage_roles")
def role_delete(request, pk):
    """Asks for confirmation, naming the accounts that will lose the role."""
    role = selectors.get_role_for_user(request.user, pk)
    if not can_manage_role(request.user, role):
        raise PermissionDenied
    if request.method == "POST":
        holders = delete_role(role=role, actor=request.user)
        messages.success(request, _("已删除角色“%(name)s”，%(n)d 个账号已不再拥有该角色") % {
            "name": role.name, "n": len(holders)})
        return redirect("organisations:roles")
    holders = role.users.order_by("username")
    return render(request, "organisations/role_delete.html", {"role": role, "holders": holders})


# --- Sub-administrator accounts ----------------------------------------------------------------


@permission_required_403("organisations.manage_accounts")
def accounts(request):
    organisation = selectors.get_own_organisation(request.user)
    context = paginate(request, selectors.accounts_of(organisation))
    context["rows"] = [
        {"account": account, "manageable": can_manage_account(request.user, account)}
        for account in context["object_list"]
    ]
    return render(request, "organisations/accounts.html", context)


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.manage_accounts")
def account_create(request):
    organisation = selectors.get_own_organisation(request.user)
    form = SubAccountForm(request.POST or None, organisation=organisation, actor=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            create_sub_account(
                organisation=organisation, actor=request.user, username=data["username"],
                real_name=data["real_name"], mobile=data["mobile"], password=data["password1"],
                department=data["department"], roles=data["roles"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("已新增子管理员“%(name)s”") % {"name": data["real_name"]})
            return redirect("organisations:accounts")
    return render(request, "organisations/account_form.html", {"form": form, "account": None})


def _manageable_account(request, pk):
    account = selectors.get_account_for_user(request.user, pk)
    if not can_manage_account(request.user, account):
        raise PermissionDenied
    return account


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.manage_accounts")
def account_edit(request, pk):
    account = _manageable_account(request, pk)
    form = SubAccountEditForm(request.POST or None, account=account, actor=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            update_sub_account(account=account, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("账号已保存"))
            return redirect("organisations:accounts")
    return render(request, "organisations/account_form.html", {"form": form, "account": account})


@require_http_methods(["GET", "POST"])
@permission_required_403("organisations.manage_accounts")
def account_password(request, pk):
    account = _manageable_account(request, pk)
    form = PasswordResetForm(request.POST or None, account=account)
    if request.method == "POST" and form.is_valid():
        reset_sub_account_password(account=account, actor=request.user, new_password=form.cleaned_data["password1"])
        messages.success(request, _("已重置“%(name)s”的密码，请将新密码告知本人") % {"name": account.real_name})
        return redirect("organisations:accounts")
    return render(request, "organisations/account_password.html", {"form": form, "account": account})


@require_POST
@permission_required_403("organisations.manage_accounts")
def account_active(request, pk):
    """移除管理权限 (active=0) or restore it (active=1)."""
    account = _manageable_account(request, pk)
    active = request.POST.get("active") == "1"
    set_sub_account_active(account=account, actor=request.user, active=active)
    if active:
        messages.success(request, _("已恢复“%(name)s”的管理权限") % {"name": account.real_name})
    else:
        messages.success(request, _("已移除“%(name)s”的管理权限，该账号不能再登录") % {"name": account.real_name})
    return redirect("organisations:accounts")
