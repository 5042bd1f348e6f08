"""A short cache of the public post search's rendered results (form, list, pager) for visitors who are not
signed in (issue 12: under load, rendering was most of the page's cost and the same searches recur).

Only that fragment is cached, never the page: the page around it carries the visitor's own CSRF token and
messages. Keys hold the language and the query string, and a version that every save or delete of a Post
replaces (status changes go through save()), so a post published or withdrawn in this process shows at once.
Django's default cache (settings.CACHES; not configured, so local memory) is per process: another worker, or the
background worker, may show the old results until settings.PUBLIC_POSTS_CACHE_SECONDS have passed (environment
variable of the same name, 10 s by default; 0 turns the cache off). A shared cache configured in CACHES makes
the version shared too.
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.utils.http import urlencode
from django.utils.translation import get_language

VERSION_KEY = "traineeships:public_posts:version"


def cache_seconds() -> int:
    return settings.PUBLIC_POSTS_CACHE_SECONDS


def _version() -> str:
    version = cache.get(VERSION_KEY)
    if version is None:
        # A lost version (evicted, restarted) must not bring back results cached under an older one: start anew.
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def fragment_key(request) -> str | None:
    """The cache key of this request's results, or None when they are not to be cached."""
    if cache_seconds() <= 0 or request.user.is_authenticated:
        return None
    query = urlencode(sorted(request.GET.lists()), doseq=True)
    digest = hashlib.sha256(f"{get_language()}?{query}".encode()).hexdigest()
    return f"traineeships:public_posts:{_version()}:{digest}"


def posts_changed(**_kwargs) -> None:
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)


def connect() -> None:
    from traineeships.models import Post

    post_save.connect(posts_changed, sender=Post, dispatch_uid="traineeships.public_posts.saved")
    post_delete.connect(posts_changed, sender=Post, dispatch_uid="traineeships.public_posts.deleted")
