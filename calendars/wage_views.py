"""最低工资标准 list, add and edit (calendars.wages_admin)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from calendars import wages_admin as admin
from core.paging import paginate


@require_GET
@login_required
def wage_list(request):
    rows = admin.wages_for_user(request.user).order_by("region_id", "-valid_from")
    return render(request, "calendars/wage_list.html", paginate(request, rows))


def _page(request, row=None):
    regions = admin.wage_regions_for_user(request.user)
    initial = admin.wage_initial(row) if row is not None else (
        {"region": request.user.organisation.region_id} if request.user.organisation_id else None)
    form = admin.WageForm(request.POST or None, regions=regions, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            if row is None:
                admin.create_wage(actor=request.user, data=form.cleaned_data)
            else:
                admin.update_wage(actor=request.user, row=row, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("最低工资标准已保存"))
            return redirect("calendars:wages")
    return render(request, "calendars/wage_form.html", {"form": form, "row": row})


@require_http_methods(["GET", "POST"])
@login_required
def wage_create(request):
    return _page(request)


@require_http_methods(["GET", "POST"])
@login_required
def wage_edit(request, pk):
    admin.wage_regions_for_user(request.user)  # 403 first for who may not keep wages at all
    return _page(request, admin.get_wage_for_user(request.user, pk))
