"""ETag on reads and If-Match on writes, so two clients cannot overwrite each other's changes: the tag is taken
from the row's version (its `updated_at`, else the representation), compared under the row's lock."""

import hashlib

from api.errors import PreconditionFailed, PreconditionRequired


def etag_of(instance, representation=None) -> str:
    version = getattr(instance, "updated_at", None)
    basis = f"{instance._meta.label}:{instance.pk}:{version.isoformat() if version else repr(representation)}"
    return '"' + hashlib.sha256(basis.encode()).hexdigest()[:32] + '"'


def check_if_match(request, instance, representation=None) -> None:
    """Call with the row locked (select_for_update) inside the write's transaction."""
    header = request.headers.get("If-Match", "").strip()
    if not header:
        raise PreconditionRequired()
    if header == "*":
        return
    tags = {tag.strip().removeprefix("W/") for tag in header.split(",")}
    if etag_of(instance, representation) not in tags:
        raise PreconditionFailed()


def lock_and_match(request, instance):
    """Inside the write's transaction: lock the row already fetched through a selector, then check If-Match
    against it (428 without the header, 412 when stale). Returns the locked row."""
    locked = type(instance).objects.select_for_update(of=("self",)).get(pk=instance.pk)
    check_if_match(request, locked)
    return locked
