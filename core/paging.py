from django.core.paginator import Paginator
from django.db import connection
from django.db.models import BooleanField, F, Func, Subquery
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
        # Any cap + 1 rows will do, so the count is taken without the list's order: with it, the database must
        # walk the rows in that order (on SQLite, every published post's index entry to count 800 of them).
        rows = self.object_list.order_by() if hasattr(self.object_list, "order_by") else self.object_list
        return min(rows[: self.cap + 1].count(), self.cap + 1)

    @property
    def capped(self) -> bool:
        return self.count > self.cap

    @cached_property
    def num_pages(self) -> int:
        if self.capped:
            return max(1, self.cap // self.per_page)
        return super().num_pages


class _AnyOfKeys(Func):
    """PostgreSQL: `column = ANY(ARRAY(subquery))`, the subquery run once (an InitPlan) before the outer rows."""

    arg_joiner = " = ANY(ARRAY("
    template = "%(expressions)s))"
    output_field = BooleanField()


class _Keys(Subquery):
    """A page's keys; a page known to be empty (no matches: LIMIT 0) makes the whole filter match nothing, as
    `IN (empty)` does, rather than becoming ARRAY(NULL)."""

    empty_result_set_value = NotImplemented


def paginate(request, queryset, per_page: int = DEFAULT_PAGE_SIZE, *, cap: int | None = None,
             by_keys: bool = False) -> dict:
    """Context for includes/pagination.html: the page and the query string to keep filters across pages.

    cap: count at most this many rows (CappedPaginator; the page shows "N+"), for lists of a large table.
    by_keys: select the page's primary keys in a subquery and read only those rows with the queryset's joins
    (one query still). A list ordered by a joined table's column, or joining many wide tables, otherwise sorts
    every match with all its joined columns to keep 20 of them; sorting the keys alone costs a fraction."""
    paginator = CappedPaginator(queryset, per_page, cap=cap) if cap else Paginator(queryset, per_page)
    page_obj = paginator.get_page(request.GET.get("page"))
    if by_keys:
        # Same ORDER BY on the outer query: the page keeps its order (and its ties' order) with 20 rows to sort.
        keys = page_obj.object_list.values("pk")
        if connection.vendor == "postgresql":
            # `IN (subquery)` leaves PostgreSQL free to join every match before the semi-join (the placements:
            # 100,000 rows joined for a page of 20); `= ANY(ARRAY(subquery))` is computed once, first.
            page_obj.object_list = queryset.filter(_AnyOfKeys(F("pk"), _Keys(keys)))
        else:
            page_obj.object_list = queryset.filter(pk__in=keys)
    params = request.GET.copy()
    params.pop("page", None)
    encoded = params.urlencode()
    return {
        "page_obj": page_obj,
        "object_list": page_obj.object_list,
        "querystring_without_page": f"{encoded}&" if encoded else "",
    }

