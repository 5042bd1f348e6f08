"""培训场地维护 (manual 003 §3.2.1.6): search, 【新增】【修改】【删除】 the enterprise's own venues."""

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from apprenticeships.forms.tracking import VenueFilterForm, VenueForm, venue_initial
from apprenticeships.rules import FILE, is_enterprise
from apprenticeships.selectors.venues import get_venue_for_user, venues_for_user
from apprenticeships.services import venues as services
from core.decorators import permission_required_403
from core.paging import paginate


def _enterprise(request):
    if not is_enterprise(request.user):
        raise PermissionDenied


@require_GET
@permission_required_403(FILE)
def venues(request):
    _enterprise(request)
    form = VenueFilterForm(request.GET or None)
    filters = {}
    if form.is_bound:
        if not form.is_valid():
            messages.error(request, _("查询条件有误，已忽略有误的条件"))
        filters = form.cleaned_data
    context = paginate(request, venues_for_user(request.user, filters))
    context["form"] = form
    return render(request, "apprenticeships/tracking/venues/list.html", context)


def _render(request, form, venue=None):
    return render(request, "apprenticeships/tracking/venues/form.html", {
        "form": form, "venue": venue, "map_tile_url": settings.PRAXIS_MAP_TILE_URL})


@require_http_methods(["GET", "POST"])
@permission_required_403(FILE)
def venue_new(request):
    _enterprise(request)
    if request.method == "GET":
        return _render(request, VenueForm(initial={"region": request.user.organisation.region_id}))
    form = VenueForm(request.POST)
    if form.is_valid():
        try:
            venue = services.create_venue(organisation=request.user.organisation, actor=request.user,
                                          data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("培训场地“%(name)s”已新增") % {"name": venue.name})
            return redirect("apprenticeships:venues")
    return _render(request, form)


@require_http_methods(["GET", "POST"])
@permission_required_403(FILE)
def venue_edit(request, pk):
    _enterprise(request)
    venue = get_venue_for_user(request.user, pk)
    if request.method == "GET":
        return _render(request, VenueForm(initial=venue_initial(venue)), venue)
    form = VenueForm(request.POST)
    if form.is_valid():
        try:
            venue = services.update_venue(venue=venue, actor=request.user, data=form.cleaned_data)
        except ValidationError as error:
            form.bind_errors(error)
        else:
            messages.success(request, _("培训场地“%(name)s”已保存") % {"name": venue.name})
            return redirect("apprenticeships:venues")
    return _render(request, form, venue)


@require_POST
@permission_required_403(FILE)
def venue_delete(request, pk):
    _enterprise(request)
    venue = get_venue_for_user(request.user, pk)
    try:
        services.delete_venue(venue=venue, actor=request.user)
    except ValidationError as error:
        messages.error(request, "；".join(error.messages))
    else:
        messages.success(request, _("培训场地“%(name)s”已删除") % {"name": venue.name})
    return redirect("apprenticeships:venues")
