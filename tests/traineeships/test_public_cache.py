"""The public search's results are cached briefly for visitors not signed in (traineeships/public_cache.py):
the same page as without the cache, no queries for a repeat, a post's change shown at once, and never for the
signed-in."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from tests.traineeships.helpers import published_post
from traineeships.services import posts as post_services

LIST = reverse("traineeships:public_posts")
SEARCH = {"city": "410100", "q": "见习"}
CSRF_TOKEN = re.compile(r'"X-CSRFToken": "[^"]+"')  # masked anew for every page


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def queries(client, params) -> tuple[str, int]:
    with CaptureQueriesContext(connection) as context:
        response = client.get(LIST, params)
        assert response.status_code == 200
    return CSRF_TOKEN.sub("", response.content.decode()), len(context.captured_queries)


@pytest.mark.django_db
def test_a_repeated_search_is_the_same_page_without_its_queries(client, base_a, admin_a, county_reviewer_a,
                                                                 city_reviewer):
    published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer, title="见习会计")
    with override_settings(PUBLIC_POSTS_CACHE_SECONDS=0):
        uncached, uncached_queries = queries(client, SEARCH)
    first, first_queries = queries(client, SEARCH)
    again, again_queries = queries(client, dict(reversed(SEARCH.items())))  # the same search, other order
    assert first == again == uncached and "见习会计" in first
    assert first_queries == uncached_queries and again_queries < first_queries


@pytest.mark.django_db
def test_a_post_published_or_withdrawn_shows_at_once(client, base_a, admin_a, county_reviewer_a, city_reviewer):
    reviewers = [county_reviewer_a, city_reviewer]
    published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="见习会计")
    assert "见习出纳" not in client.get(LIST, SEARCH).content.decode()
    cashier = published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="见习出纳")
    assert "见习出纳" in client.get(LIST, SEARCH).content.decode()
    post_services.change_publication(post_ids=[cashier.pk], actor=city_reviewer, publish=False)
    assert "见习出纳" not in client.get(LIST, SEARCH).content.decode()


@pytest.mark.django_db
def test_signed_in_visitors_are_not_served_from_the_cache(client, base_a, admin_a, county_reviewer_a,
                                                          city_reviewer):
    published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer, title="见习会计")
    client.force_login(admin_a)
    _page, first_queries = queries(client, SEARCH)
    _page, again_queries = queries(client, SEARCH)
    assert again_queries == first_queries
