"""学时申报管理 (unit users holding 学时申报管理): the unit's approved declarations with filters and export, 我申报的
(what the unit declared on its people's behalf, going to the department only) and 代为申报; 网络培训成果 (holders of
培训管理, who keep the unit's 网授平台): the list and the import 网络班培训成果导入."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from continuing_education.forms.hours import DeclarationForm, ManageFilterForm, OnlineFilterForm, staff_roster
from continuing_education.rules import may_manage_hours, may_manage_training
from continuing_education.selectors.hours import approved_declarations, on_behalf_declarations, online_results
from continuing_education.services import hours as services
from core.paging import paginate


@login_required
@require_GET
def hours_manage(request):
    if not may_manage_hours(request.user):
        raise PermissionDenied
    form = ManageFilterForm(request.GET or None)
    tab = form.chosen_tab()
    if tab == "mine":
        rows = on_behalf_declarations(request.user)
    elif tab == "approved":
        rows = approved_declarations(request.user, **form.filters())
    else:
        rows = []
    context = paginate(request, rows)
    context.update(form=form, tab=tab, export_query=request.GET.urlencode())
    return render(request, "continuing_education/hours/manage.html", context)


@login_required
@require_http_methods(["GET", "POST"])
def hours_new_for(request):
    if not may_manage_hours(request.user):
        raise PermissionDenied
    roster = staff_roster(request.user.organisation)
    form = DeclarationForm(request.POST or None, request.FILES or None, staff_choices=roster)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        staff, proof = data.pop("staff"), data.pop("proof")
        try:
            declaration = services.create_declaration(actor=request.user, data=data, proof=proof, staff=staff)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("已代%(name)s保存学时申报，请核对后提交审核") % {"name": staff.name})
            return redirect("continuing_education:declaration_detail", declaration.pk)
    return render(request, "continuing_education/hours/declaration_form.html",
                  {"form": form, "heading": _("代专技人员申报学时"), "on_behalf": True})


@login_required
@require_GET
def online_result_list(request):
    if not may_manage_training(request.user):
        raise PermissionDenied
    form = OnlineFilterForm(request.GET or None)
    context = paginate(request, online_results(request.user, **form.filters()))
    context.update(form=form)
    return render(request, "continuing_education/hours/online_results.html", context)
