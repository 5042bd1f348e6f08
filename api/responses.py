"""Helpers every programme's API views share: one object with its ETag, and the permission check of a screen."""

from django.core.exceptions import PermissionDenied
from rest_framework.response import Response

from api.concurrency import etag_of


def object_response(request, serializer_class, instance, *, status=200) -> Response:
    data = serializer_class(instance, context={"request": request}).data
    response = Response(data, status=status)
    response["ETag"] = etag_of(instance, data)
    return response


def require_permission(request, code: str) -> None:
    """The screen's permission (organisations.permissions catalogue): 403 without it, as on screen."""
    if not request.user.has_perm(code):
        raise PermissionDenied
