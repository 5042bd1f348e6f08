"""What the programme's API views share: the tag, the JSON body as a dict, the If-Match check on a locked row,
the PDF response and the uploads' request schema."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiRequest, inline_serializer
from rest_framework import serializers

from api.concurrency import check_if_match

TAGS = ["就业见习"]
PDF_RESPONSES = {(200, "application/pdf"): OpenApiTypes.BINARY}
FILE_REQUEST = OpenApiRequest(inline_serializer("TraineeshipScanFile", {"file": serializers.FileField()}))
EMPTY_INPUT = inline_serializer("TraineeshipEmptyInput", {})


def payload(request) -> dict:
    """The JSON object of the request (an empty one when the body is not an object: the form then says what is
    missing)."""
    return request.data if isinstance(request.data, dict) else {}


def lock_and_match(request, instance):
    """Inside the write's transaction: lock the row already fetched through a selector, then check If-Match
    against it (428 without the header, 412 when stale)."""
    locked = type(instance).objects.select_for_update(of=("self",)).get(pk=instance.pk)
    check_if_match(request, locked)
    return locked


def pdf_download(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response
