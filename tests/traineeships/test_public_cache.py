"""The public search's results are cached for visitors not signed in (traineeships/public_cache.py): the same
page as without the cache, no queries for a repeat, a post's change shown at once, and never for the signed-in.
With a shared cache (Redis, CACHE_URL) the tests run against the server named by PRAXIS_TEST_REDIS_URL and are
skipped without one."""

import os
import re
import uuid

import pytest
import redis
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.models import AnonymousUser
from django.contrib.messages.middleware import MessageMiddleware
from django.contrib.sessions.middleware import SessionMiddleware
from django.core.cache import cache
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test import Client, RequestFactory
from django.test.utils import CaptureQueriesContext, override_settings
from django.urls import reverse

from tests.traineeships.helpers import published_post
from traineeships import public_cache
from traineeships.forms.public import forget_region_sets
from traineeships.services import posts as post_services
from traineeships.views.public import post_list

LIST = reverse("traineeships:public_posts")
SEARCH = {"city": "410100", "q": "见习"}
REDIS_VARIABLE = "PRAXIS_TEST_REDIS_URL"
CSRF_TOKEN = re.compile(r'"X-CSRFToken": "[^"]+"')  # masked anew for every page


@pytest.fixture(autouse=True)
def empty_cache():
    cache.clear()
    yield
    cache.clear()


def anonymous_search():
    request = RequestFactory().get(LIST, SEARCH)
    request.user = AnonymousUser()
    return request


def queries(client, params) -> tuple[str, int]:
    forget_region_sets()  # the results cache is what these counts compare; the region options start unkept
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


@pytest.mark.django_db
def test_a_search_rendered_before_the_commit_is_not_served_after_it(client, base_a, admin_a, county_reviewer_a,
                                                                    city_reviewer, django_capture_on_commit_callbacks):
    """The version is replaced when a post is written and again at its commit: results another process rendered in
    between (from the rows as they were before the commit) are left behind, not kept for the cache's lifetime."""
    reviewers = [county_reviewer_a, city_reviewer]
    post = published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="见习会计")
    with django_capture_on_commit_callbacks() as callbacks:
        post_services.change_publication(post_ids=[post.pk], actor=city_reviewer, publish=False)
        written = cache.get(public_cache.VERSION_KEY)
        # Another process renders now, before the commit, and still sees the post published.
        key = public_cache.results_key(anonymous_search())
        version, _results = public_cache.cached_results(key)
        assert version == written
        public_cache.keep(key, version, "<p>见习会计</p>")
        assert "见习会计" in client.get(LIST, SEARCH).content.decode()
    assert len(callbacks) == 1
    callbacks[0]()  # the commit
    assert cache.get(public_cache.VERSION_KEY) != written
    assert "见习会计" not in client.get(LIST, SEARCH).content.decode()


@pytest.fixture
def shared_cache(settings):
    """Django's default cache on the Redis server named by PRAXIS_TEST_REDIS_URL (skipped without one), under a
    prefix of this test's own, removed afterwards (the server may be shared: nothing else is touched)."""
    url = os.environ.get(REDIS_VARIABLE)
    if not url:
        pytest.skip(f"no Redis server: set {REDIS_VARIABLE} (e.g. redis://127.0.0.1:6379/15)")
    prefix = f"praxis-test-{uuid.uuid4().hex[:12]}"
    settings.CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": url,
                                   "KEY_PREFIX": prefix}}
    settings.PUBLIC_POSTS_CACHE_SECONDS = 300
    server = redis.Redis.from_url(url)
    yield url, prefix
    for key in server.scan_iter(match=f"{prefix}:*"):
        server.delete(key)


def other_worker(url, prefix):
    """A second client of the same server, as another gunicorn worker holds."""
    return RedisCache(url, {"KEY_PREFIX": prefix})


@pytest.mark.django_db
def test_with_a_shared_cache_every_worker_sees_a_change_at_once(shared_cache, client, base_a, admin_a,
                                                                county_reviewer_a, city_reviewer):
    reviewers = [county_reviewer_a, city_reviewer]
    published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="见习会计")
    page = client.get(LIST, SEARCH).content.decode()
    assert "见习会计" in page and "见习出纳" not in page
    other = other_worker(*shared_cache)
    version = other.get(public_cache.VERSION_KEY)
    key = public_cache.results_key(anonymous_search())
    # The other worker finds these results, kept at the version it reads, which the publication below replaces.
    assert version == cache.get(public_cache.VERSION_KEY)
    kept_version, results = other.get(key)
    assert kept_version == version and "见习会计" in results

    cashier = published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="见习出纳")
    assert other.get(public_cache.VERSION_KEY) not in (None, version)
    assert "见习出纳" in client.get(LIST, SEARCH).content.decode()
    post_services.change_publication(post_ids=[cashier.pk], actor=city_reviewer, publish=False)
    assert "见习出纳" not in client.get(LIST, SEARCH).content.decode()
    other.close()


@pytest.mark.django_db
def test_with_a_shared_cache_a_repeat_is_answered_without_queries(shared_cache, client, base_a, admin_a,
                                                                  county_reviewer_a, city_reviewer):
    published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer, title="见习会计")
    with override_settings(PUBLIC_POSTS_CACHE_SECONDS=0):
        uncached, uncached_queries = queries(client, SEARCH)
    first, first_queries = queries(client, SEARCH)
    again, again_queries = queries(client, SEARCH)
    assert first == again == uncached and "见习会计" in first
    assert first_queries == uncached_queries and again_queries < first_queries


@pytest.mark.django_db
def test_visitors_without_a_session_get_the_same_page_and_no_cookie(base_a, admin_a, county_reviewer_a,
                                                                    city_reviewer):
    """The page around the results is written once per process for visitors with no session. Nothing on it is
    posted by a visitor not signed in, so it carries no CSRF token and sets no cookie: the same response, byte
    for byte, for every such visitor and as the ordinary rendering gives."""
    published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer, title="见习会计")
    with override_settings(PUBLIC_POSTS_CACHE_SECONDS=0):
        rendered = Client().get(LIST, SEARCH)
    first, second = Client().get(LIST, SEARCH), Client().get(LIST, SEARCH)
    assert first.content == second.content == rendered.content
    assert "见习会计" in first.content.decode() and "X-CSRFToken" not in first.content.decode()
    for response in (first, second):
        assert dict(response.headers) == dict(rendered.headers)
        assert "Set-Cookie" not in response.headers and not response.cookies
    detail = Client().get(reverse("traineeships:public_post", args=[tr_post_pk()]))
    assert detail.status_code == 200 and "X-CSRFToken" not in detail.content.decode() and not detail.cookies
    # From there a visitor signs in as ever: the sign-in page gives its own token and cookie.
    visitor = Client(enforce_csrf_checks=True)
    visitor.get(LIST, SEARCH)
    login_page = visitor.get(reverse("accounts:login"))
    assert settings.CSRF_COOKIE_NAME in login_page.cookies
    assert 'name="csrfmiddlewaretoken"' in login_page.content.decode()


def tr_post_pk() -> int:
    from traineeships.models import Post

    return Post.objects.get(title="见习会计").pk


@pytest.mark.django_db
def test_a_signed_in_user_keeps_the_token_on_the_public_pages(client, admin_a, base_a, county_reviewer_a,
                                                              city_reviewer):
    published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer, title="见习会计")
    client.force_login(admin_a)
    for url in (LIST, reverse("traineeships:public_post", args=[tr_post_pk()])):
        page = client.get(url, SEARCH)
        assert CSRF_TOKEN.search(page.content.decode()) and settings.CSRF_COOKIE_NAME in page.cookies, url


@pytest.mark.django_db
def test_a_visitor_with_a_session_sees_their_messages(base_a, admin_a, county_reviewer_a, city_reviewer):
    published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer, title="见习会计")
    assert "见习会计" in Client().get(LIST, SEARCH).content.decode()  # the page and results are kept
    request = RequestFactory().get(LIST, SEARCH)
    SessionMiddleware(lambda _request: None).process_request(request)
    request.session.save()
    request.COOKIES[settings.SESSION_COOKIE_NAME] = request.session.session_key
    request.user = AnonymousUser()
    MessageMiddleware(lambda _request: None).process_request(request)
    messages.info(request, "密码已重置，请登录")
    page = post_list(request).content.decode()
    assert "密码已重置，请登录" in page and "见习会计" in page


@pytest.mark.django_db
def test_a_cache_server_that_does_not_answer_fails_neither_the_search_nor_a_save(caplog, client, base_a, admin_a,
                                                                                 county_reviewer_a, city_reviewer):
    reviewers = [county_reviewer_a, city_reviewer]
    # Nothing listens on port 9 of the loopback (discard): every call to the cache is refused.
    with override_settings(CACHES={"default": dead_redis()}, PUBLIC_POSTS_CACHE_SECONDS=300):
        published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="见习会计")
        for _ in range(2):
            page = client.get(LIST, SEARCH)
            assert page.status_code == 200 and "见习会计" in page.content.decode()
        cashier = published_post(base_a.organisation, admin_a, reviewers, city_reviewer, title="见习出纳")
        post_services.change_publication(post_ids=[cashier.pk], actor=city_reviewer, publish=False)
        page = client.get(LIST, SEARCH).content.decode()
    assert "见习会计" in page and "见习出纳" not in page
    assert "public post search cache unavailable: Error 111 connecting to 127.0.0.1:9" in caplog.text


def dead_redis() -> dict:
    """The CACHES entry CACHE_URL gives (praxis.env.env_cache, its timeouts included) for a server that is down."""
    from praxis.env import env_cache

    os.environ["PRAXIS_TEST_CACHE_URL"] = "redis://127.0.0.1:9/0"
    try:
        return env_cache("PRAXIS_TEST_CACHE_URL")
    finally:
        del os.environ["PRAXIS_TEST_CACHE_URL"]
