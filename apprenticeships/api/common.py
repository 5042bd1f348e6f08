"""What the programme's API views share: the tag, the JSON body, a service's refusal for the record's state as
409, and a PDF download."""

from contextlib import contextmanager

from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.utils.http import content_disposition_header

from api.errors import Conflict

TAGS = ["企业新型学徒制"]
# The codes the services give a refusal that depends on the record's state, not on the input (409, not 400).
STATE_CODES = frozenset({"state", "wrong_state", "not_editable", "reviewed", "gone", "teacher_in_use", "already_lost",
                         "lost", "cancelled", "duplicate"})


def payload(request) -> dict:
    return request.data if isinstance(request.data, dict) else {}


@contextmanager
def state_conflicts(*also):
    """A service's ValidationError whose code says "not in this state" (STATE_CODES, and the codes in `also` that
    mean it for this record) becomes 409 Conflict with its message."""
    codes = STATE_CODES.union(also)
    try:
        yield
    except ValidationError as error:
        if not hasattr(error, "error_dict") and any(item.code in codes for item in error.error_list):
            raise Conflict("；".join(error.messages)) from None
        raise


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=False, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response
