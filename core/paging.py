from django.core.paginator import Paginator
from django.utils.functional import cached_property

DEFAULT_PAGE_SIZE = 20
COUNT_CAP = 10_000


class CappedPaginator(Paginator):
    """Counts at most `cap` rows (a LIMITed count): past that the exact number costs a scan of every match and
    nobody pages that far. `capped` says the real count is higher; the pages end at the cap."""

    def __init__(self, *args, cap: int = COUNT_CAP, **kwargs):
        super().__init__(*args, **kwargs)
        self.cap = cap

    @cached_property
    def count(self) -> int:
        return min(self.object_list[: self.cap + 1].count(), self.cap + 1)

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        if self.capped:
            return max(1, self.cap // self.per_page)
        return super().num_pages


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
