from django.core.paginator import Paginator

DEFAULT_PAGE_SIZE = 20


def paginate(request, queryset, per_page: int = DEFAULT_PAGE_SIZE) -> dict:
    """Context for includes/pagination.html: the page and the query string to keep filters across pages."""
    paginator = Paginator(queryset, per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return {
        "page_obj": page_obj,
        "object_list": page_obj.object_list,
        "querystring_without_page": f"{encoded}&" if encoded else "",
    }
