"""If-Match for rows without an `updated_at` (departments, roles, accounts): their ETag is taken from the
representation the caller was shown, so the write compares the locked row's representation with it."""

from api.concurrency import check_if_match


def lock_and_match_shown(request, instance, serializer_class):
    """Inside the write's transaction: lock the row fetched through a selector, then check If-Match against the
    representation `serializer_class` gives of it (428 without the header, 412 when stale). Returns the row."""
    locked = type(instance).objects.select_for_update(of=("self",)).get(pk=instance.pk)
    check_if_match(request, locked, serializer_class(locked, context={"request": request}).data)
    return locked
