"""地区参数 maintenance for HR departments, within their jurisdiction."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods

from core.decorators import permission_required_403
from core.paging import paginate
from traineeships.forms.parameters import ParameterFilterForm, RegionParameterForm, parameter_initial
from traineeships.rules import MANAGE_PARAMETERS as PERMISSION
from traineeships.selectors import get_parameter_for_user, parameter_regions_for_user, parameters_for_user
from traineeships.services import parameters as services


@require_GET
@permission_required_403(PERMISSION)
def parameter_list(request):
    form = ParameterFilterForm(request.GET, regions=parameter_regions_for_user(request.user).order_by("code"))
    parameters = parameters_for_user(request.user)
    if not form.is_valid():  # the message is next to the select, and the list holds nothing
        parameters = parameters.none()
    elif form.cleaned_data["region"]:
        parameters = parameters.filter(region_id=form.cleaned_data["region"])
    context = paginate(request, parameters)
    context["filter_form"] = form
    return render(request, "traineeships/parameters/list.html", context)


def _save(request, form, parameter=None):
    try:
        if parameter is None:
            services.create_parameter(actor=request.user, data=form.cleaned_data)
        else:
            services.update_parameter(parameter=parameter, actor=request.user, data=form.cleaned_data)
    except ValidationError as error:
        form.bind_errors(error)
        return False
    return True


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def parameter_create(request):
    regions = parameter_regions_for_user(request.user)
    department_region = request.user.organisation.region_id
    form = RegionParameterForm(request.POST or None, regions=regions, initial={"region": department_region})
    if request.method == "POST" and form.is_valid() and _save(request, form):
        messages.success(request, _("地区参数已保存"))
        return redirect("traineeships:parameters")
    return render(request, "traineeships/parameters/form.html", {"form": form, "parameter": None})


@require_http_methods(["GET", "POST"])
@permission_required_403(PERMISSION)
def parameter_edit(request, pk):
    parameter = get_parameter_for_user(request.user, pk)
    regions = parameter_regions_for_user(request.user)
    form = RegionParameterForm(request.POST or None, regions=regions, initial=parameter_initial(parameter))
    if request.method == "POST" and form.is_valid() and _save(request, form, parameter):
        messages.success(request, _("地区参数已保存"))
        return redirect("traineeships:parameters")
    return render(request, "traineeships/parameters/form.html", {"form": form, "parameter": parameter})
