"""What the programme's API views share: the tag, the JSON body as a dict, the uploads' request schema and the
spreadsheets' response schema."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiRequest, inline_serializer
from rest_framework import serializers

TAGS = ["就业见习"]
FILE_REQUEST = OpenApiRequest(inline_serializer("TraineeshipScanFile", {"file": serializers.FileField()}))
EMPTY_INPUT = inline_serializer("TraineeshipEmptyInput", {})
XLSX_RESPONSES = {(200, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"): OpenApiTypes.BINARY}


def payload(request) -> dict:
    """The JSON object of the request (an empty one when the body is not an object: the form then says what is
    missing)."""
    return request.data if isinstance(request.data, dict) else {}
