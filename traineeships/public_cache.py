"""A cache of the public post search's rendered results (form, list, pager) for visitors who are not
signed in (issue 12: under load, rendering was most of the page's cost and the same searches recur).

Only that fragment is kept in the cache, never a page: the page around it carries the visitor's own CSRF token
and messages (for visitors with no session, its text is written once per process with a place for each visitor's
token: page_for_visitor_without_session). Keys hold the language and the query string; the results are kept
with the version they were rendered at, which every save or delete of a Post replaces (status changes go through
save()), and are served only while it is still the current one, so a post published or withdrawn in this process
shows at once.
Where the version lives decides who sees a change at once: with the embedded default (no CACHE_URL) Django's
default cache is each process's own memory, so another gunicorn worker, or the background worker, may show the old
results until settings.PUBLIC_POSTS_CACHE_SECONDS have passed (10 s by default there); with CACHE_URL naming a
Redis server every process reads the one version, so a change shows at once everywhere and the lifetime can be
long (300 s by default). 0 turns the cache off.

The version is replaced when the row is written and again when its transaction commits: a search rendered by
another process between the two read the rows as they were before the commit, and the second replacement
leaves what it kept behind (a long lifetime would otherwise keep it); a rolled-back write costs only a miss.
"""

import hashlib
import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.signals import setting_changed
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.template.loader import render_to_string
from django.utils.http import urlencode
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

VERSION_KEY = "traineeships:public_posts:version"
logger = logging.getLogger(__name__)


class _CacheDown:
    """Keeps a failing cache (a shared Redis server down or unreachable) from failing the search or a post's
    save: the search renders its results afresh and a save goes on. A version that could not be replaced while
    the server was away may serve results kept before the outage for up to the results' lifetime afterwards."""

    def __enter__(self):
        return self

    def __exit__(self, kind, error, _traceback):
        if error is not None and isinstance(error, Exception):
            logger.warning("public post search cache unavailable: %s", error)
            return True
        return False


def cache_seconds() -> int:
    return settings.PUBLIC_POSTS_CACHE_SECONDS


def _current_version(found: dict) -> str:
    version = found.get(VERSION_KEY)
    if version is None:
        # A lost version (evicted, restarted) must not bring back results kept under an older one: start anew.
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def results_key(request) -> str | None:
    """The cache key of this request's results, or None when they are not to be cached."""
    if cache_seconds() <= 0 or request.user.is_authenticated:
        return None
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    digest = hashlib.sha256(f"{get_language()}?{query}".encode()).hexdigest()
    return f"traineeships:public_posts:{digest}"


def cached_results(key: str) -> tuple[str, str | None]:
    """The current version and the results kept under `key` if they were rendered at that version. The results
    are kept with their version rather than under a key holding it, so that one read (one round trip to a shared
    cache) fetches both."""
    with _CacheDown():
        found = cache.get_many([VERSION_KEY, key])
        version = _current_version(found)
        kept = found.get(key)
        return version, kept[1] if kept and kept[0] == version else None
    return None, None


def keep(key: str, version: str | None, results: str) -> None:
    """Keep results rendered at `version` (read before rendering: a change meanwhile leaves them behind)."""
    if version is None:  # the cache was down when the search began
        return
    with _CacheDown():
        cache.set(key, (version, results), cache_seconds())


# Where the page's shell takes the results. Tags: every text a visitor or a post brings into the page is escaped,
# so nothing else in it can look like these.
_TOKEN_MARK = mark_safe("<praxis-csrf-token>")
_RESULTS_MARK = mark_safe("<praxis-search-results>")
_shells: dict[str, tuple[str, str] | None] = {}


def page_for_visitor_without_session(request, results: str) -> str | None:
    """The whole page around `results` for a visitor with no session, or None for any other visitor.

    With no session cookie nobody is signed in and no message waits (messages live in the session), and the page
    carries no CSRF token for a visitor not signed in (list.html: nothing there is posted), so list.html and
    base.html write the same text for every such visitor: it is rendered once per process and language. Should
    the page ever write a token again, the shell would hold one visitor's token: then it is not shared and every
    page is rendered the ordinary way."""
    if settings.SESSION_COOKIE_NAME in request.COOKIES or request.user.is_authenticated:
        return None
    language = get_language()
    if language not in _shells:
        shell = render_to_string("traineeships/public/list.html",
                                 {"results": _RESULTS_MARK, "csrf_token": _TOKEN_MARK}, request=request)
        parts = shell.split(_RESULTS_MARK)
        # A template that writes the results other than once, or a token, is rendered the ordinary way.
        _shells[language] = (parts[0], parts[1]) if len(parts) == 2 and _TOKEN_MARK not in shell else None
    if _shells[language] is None:
        return None
    before, after = _shells[language]
    return before + results + after


def _forget_shells(**_kwargs) -> None:
    # Tests change the site's name and the static storage: the shell is theirs to render anew.
    _shells.clear()


setting_changed.connect(_forget_shells, dispatch_uid="traineeships.public_posts.shells")


def _new_version() -> None:
    with _CacheDown():
        cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def posts_changed(*, using="default", **_kwargs) -> None:
    _new_version()
    transaction.on_commit(_new_version, using=using)


def connect() -> None:
    from traineeships.models import Post

    post_save.connect(posts_changed, sender=Post, dispatch_uid="traineeships.public_posts.saved")
    post_delete.connect(posts_changed, sender=Post, dispatch_uid="traineeships.public_posts.deleted")
