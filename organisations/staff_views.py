"""人员信息 (manual 004 §6.1): the organisation's roster, added one by one or in bulk."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.decorators import permission_required_403
from core.paging import COUNT_CAP, paginate
from organisations import staff_services
from organisations.rules import MANAGE_STAFF as PERMISSION
from organisations.staff_forms import StaffFilterForm, StaffMemberForm
from organisations.staff_selectors import filter_staff, get_staff_for_user, get_staff_member_for_user


def _require_organisation(request):
    from django.core.exceptions import PermissionDenied

    if request.user.organisation_id is None:
        raise PermissionDenied


@require_GET
@permission_required_403(PERMISSION)
def staff_list(request):
    _require_organisation(request)
    filter_form = StaffFilterForm(request.GET or None)
    members = filter_staff(get_staff_for_user(request.user), filter_form).order_by("name", "id")
    export_query = request.GET.copy()
    export_query.pop("page", None)
    context = {"filter_form": filter_form, "export_query": export_query.urlencode(),
               **paginate(request, members, cap=COUNT_CAP)}
    return render(request, "organisations/staff_list.html", context)


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def staff_create(request):
    _require_organisation(request)
    organisation = request.user.organisation
    form = StaffMemberForm(request.POST or None, organisation=organisation)
    if request.method == "POST" and form.is_valid():
        try:
            member = staff_services.create_staff_member(actor=request.user, organisation=organisation,
                                                        data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已添加人员：%(name)s") % {"name": member.name})
            return redirect("staff:list")
    return render(request, "organisations/staff_form.html", {"form": form, "member": None})


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def staff_edit(request, pk):
    member = get_staff_member_for_user(request.user, pk)
    form = StaffMemberForm(request.POST or None, instance=member, organisation=member.organisation)
    if request.method == "POST" and form.is_valid():
        try:
            staff_services.update_staff_member(actor=request.user, member=member, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已保存人员：%(name)s") % {"name": member.name})
            return redirect("staff:list")
    return render(request, "organisations/staff_form.html", {"form": form, "member": member})


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def staff_delete(request, pk):
    member = get_staff_member_for_user(request.user, pk)
    if request.method == "POST":
        name = member.name
        try:
            staff_services.delete_staff_member(actor=request.user, member=member)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("已删除人员：%(name)s") % {"name": name})
        return redirect("staff:list")
    return render(request, "organisations/staff_confirm_delete.html", {"member": member})
