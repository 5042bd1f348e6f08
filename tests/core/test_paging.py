"""CappedPaginator: an exact count up to the cap, then "cap+" and pages that end at the cap."""

import pytest
from django.db import connection
from django.template.loader import render_to_string
from django.test.utils import CaptureQueriesContext

from accounts.models import User
from core.paging import CappedPaginator
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def people():
    return [factories.individual(username=f"p{number}") for number in range(7)]


def test_below_the_cap_the_count_is_exact(people):
    paginator = CappedPaginator(User.objects.order_by("pk"), 2, cap=10)
    assert (paginator.count, paginator.capped, paginator.num_pages) == (7, False, 4)


def test_past_the_cap_it_says_so_and_the_pages_stop_there(people):
    paginator = CappedPaginator(User.objects.order_by("pk"), 2, cap=5)
    with CaptureQueriesContext(connection) as context:
        assert (paginator.count, paginator.capped, paginator.num_pages) == (6, True, 2)
    assert len(context.captured_queries) == 1 and "LIMIT 6" in context.captured_queries[0]["sql"]
    page = paginator.get_page(99)
    assert page.number == 2 and not page.has_next()
    html = render_to_string("includes/pagination.html", {"page_obj": page, "querystring_without_page": ""})
    assert "第 2 / 2 页，共 5+ 条" in html


@pytest.mark.parametrize("page", ["1", "2", "4", "99"])
def test_paging_by_keys_gives_the_same_page_in_one_query(rf, people, page):
    """paginate(by_keys=True): the same rows in the same order as the plain page, read in one query."""
    from core.paging import paginate

    users = User.objects.filter(username__startswith="p").select_related("organisation").order_by("real_name", "-pk")
    request = rf.get("/", {"page": page})
    plain = [user.pk for user in paginate(request, users, per_page=2, cap=5)["object_list"]]
    context = paginate(request, users, per_page=2, cap=5, by_keys=True)
    with CaptureQueriesContext(connection) as queries:
        by_keys = [user.pk for user in context["object_list"]]
    assert by_keys == plain and len(queries.captured_queries) == 1
    assert context["page_obj"].paginator.capped  # 7 people past a cap of 5


def test_paging_by_keys_an_empty_list(rf, people):
    """No match: an empty page (the keys' query is known empty before it runs), not an error."""
    from core.paging import paginate

    users = User.objects.filter(username__startswith="nobody").order_by("real_name", "-pk")
    context = paginate(rf.get("/", {"page": "1"}), users, per_page=2, cap=5, by_keys=True)
    assert list(context["object_list"]) == [] and context["page_obj"].paginator.count == 0
