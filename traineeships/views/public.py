"""见习岗位查询 for everyone, without signing in (manual 002 §十六): choose a city, then a county, filter,
open a post and go back to the same filtered page."""

from django.http import HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.safestring import mark_safe
from django.views.decorators.http import require_GET

from core.paging import CappedPaginator
from regions.views import children_options
from traineeships import public_cache, public_rows
from traineeships.forms.public import PLACEHOLDER, PublicPostFilterForm
from traineeships.selectors import filter_public_posts, get_public_post, public_posts

PAGE_SIZE = 20


@require_GET
def post_list(request):
    key = public_cache.results_key(request)
    version, results = public_cache.cached_results(key) if key else (None, None)
    if results is None:
        results = render_to_string("traineeships/public/_search.html", _search_context(request), request=request)
        if key:
            public_cache.keep(key, version, results)
    page = public_cache.page_for_visitor_without_session(request, results) if key else None
    if page is not None:
        return HttpResponse(page)
    return render(request, "traineeships/public/list.html", {"results": mark_safe(results)})


def _search_context(request) -> dict:
    form = PublicPostFilterForm(request.GET)
    filters = form.filters()
    posts = public_posts()
    if filters is None:
        posts = posts.none()
    else:
        posts = filter_public_posts(posts, **filters)
    # 2,000 results (100 pages) are counted exactly; past that the count says 2000+ (a LIMITed count stays cheap).
    paginator = CappedPaginator(posts, PAGE_SIZE, cap=2000)
    page_obj = paginator.get_page(request.GET.get("page"))
    # The page's columns only, as tuples (no model instances); counted above without them.
    page_obj.object_list = list(page_obj.object_list.values_list(*public_rows.FIELDS))
    querystring = form.querystring()
    # The page number is part of where the visitor was, so the detail page's 返回列表 keeps it too.
    here = f"{querystring}&page={page_obj.number}" if querystring else f"page={page_obj.number}"
    return {
        "form": form, "page_obj": page_obj, "rows": public_rows.rows(page_obj.object_list, here),
        "querystring_without_page": f"{querystring}&" if querystring else "", "here": here,
    }


@require_GET
def post_detail(request, pk):
    post = get_public_post(pk)
    form = PublicPostFilterForm(request.GET)
    querystring = form.querystring()
    page = request.GET.get("page", "")
    if page.isascii() and page.isdigit() and len(page) <= 6:  # "²" is a digit to str.isdigit
        querystring = f"{querystring}&page={page}" if querystring else f"page={page}"
    return render(request, "traineeships/public/detail.html", {"post": post, "back_query": querystring})


@require_GET
def region_options(request):
    """<option>s of the children of the region chosen in the select named by `from`; `reset` names a select
    further down to empty out of band (a new province → no county chosen). A malformed query is a 400 with the
    reason (not cached), as the regions' own endpoint answers it."""
    return children_options(request, template="traineeships/public/_options.html", placeholder=PLACEHOLDER)
