"""Reads of API keys, scoped to the caller's own organisation (a key is never visible to another one)."""

from django.http import Http404

from api.models import ApiKey


def keys_for_user(user):
    if user.organisation_id is None:
        return ApiKey.objects.none()
    return ApiKey.objects.filter(organisation_id=user.organisation_id).select_related("issued_by", "replaced_by")


def get_key_for_user(user, pk) -> ApiKey:
    """The key of the user's own organisation, or 404 (the same answer for another organisation's and none)."""
    key = keys_for_user(user).filter(pk=pk).first()
    if key is None:
        raise Http404
    return key
