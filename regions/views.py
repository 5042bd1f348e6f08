from django.db.models import Count
from django.http import HttpResponse, HttpResponseBadRequest
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_GET

from regions.forms import PLACEHOLDER, ChildrenQueryForm
from regions.models import Region, RegionDataset, RegionLevel

CHILDREN_MAX_AGE = 24 * 60 * 60


@require_GET
def children(request):
    """<option> list of the direct children of `parent` (a six-digit code).

    The region widget sends its own select's value under the select's name and says which name that is
    in `from`; `reset` names a further select to empty out of band (province changed → no county yet).
    A malformed query is a 400 with the reason (not cached)."""
    return children_options(request, template="regions/children_options.html", placeholder=PLACEHOLDER)


def children_options(request, *, template: str, placeholder) -> HttpResponse:
    """The children endpoint's answer with another page's template and placeholder (the public post search's
    selects say 全部): the query read by ChildrenQueryForm, a malformed one refused with the reason."""
    form = ChildrenQueryForm(request.GET)
    if not form.is_valid():
        reasons = [str(message) for messages in form.errors.values() for message in messages]
        return HttpResponseBadRequest("；".join(reasons), content_type="text/plain; charset=utf-8")
    parent = form.cleaned_data["parent"]
    regions = Region.objects.filter(parent_id=parent).only("code", "name") if parent else []
    response = render(
        request, template, {"regions": regions, "placeholder": placeholder, "reset_id": form.cleaned_data["reset"]}
    )
    patch_cache_control(response, public=True, max_age=CHILDREN_MAX_AGE)
    return response


@require_GET
def dataset(request):
    counts = dict(Region.objects.values_list("level").annotate(n=Count("code")).order_by())
    level_rows = [(label, counts.get(value, 0)) for value, label in RegionLevel.choices]
    loads = RegionDataset.objects.all()[:20]
    return render(
        request,
        "regions/dataset.html",
        {
            "current": loads[0] if loads else None,
            "loads": loads,
            "level_rows": level_rows,
            "total": sum(counts.values()),
        },
    )
