import re

from django.db.models import Count
from django.shortcuts import render
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from regions.forms import PLACEHOLDER
from regions.models import Region, RegionDataset, RegionLevel

CODE_RE = re.compile(r"^\d{6}$")
# Only names and ids the region widget itself produces (letters, digits, _ and -).
PARAM_RE = re.compile(r"^[A-Za-z0-9_-]{1,100}$")
CHILDREN_MAX_AGE = 24 * 60 * 60


@require_GET
@cache_control(public=True, max_age=CHILDREN_MAX_AGE)
def children(request):
    """<option> list of the direct children of `parent` (a six-digit code).

    The region widget sends its own select's value under the select's name and says which name that is
    in `from`; `reset` names a further select to empty out of band (province changed → no county yet)."""
    parent = request.GET.get("parent", "")
    source = request.GET.get("from", "")
    if not parent and PARAM_RE.match(source):
        parent = request.GET.get(source, "")
    parent = parent.strip()
    regions = Region.objects.filter(parent_id=parent).only("code", "name") if CODE_RE.match(parent) else []
    reset_id = request.GET.get("reset", "")
    return render(
        request,
        "regions/children_options.html",
        {"regions": regions, "placeholder": PLACEHOLDER, "reset_id": reset_id if PARAM_RE.match(reset_id) else ""},
    )


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
