"""One error body for every failure: a stable `code`, a Chinese `message`, the `field` it concerns (or null), and
every problem in `errors` ({field, code, message}) — a form's field errors included."""

from django.core.exceptions import NON_FIELD_ERRORS
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext as _
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import exception_handler as drf_handler

from audit.state import TransitionRefused


class PreconditionFailed(exceptions.APIException):
    status_code = status.HTTP_412_PRECONDITION_FAILED
    default_detail = "记录已被他人修改，请重新读取后再提交"
    default_code = "precondition_failed"


class PreconditionRequired(exceptions.APIException):
    status_code = status.HTTP_428_PRECONDITION_REQUIRED
    default_detail = "修改请求须带 If-Match 头（取自读取该记录时的 ETag）"
    default_code = "if_match_required"


class Conflict(exceptions.APIException):
    status_code = status.HTTP_409_CONFLICT
    default_detail = "该记录的当前状态不允许此操作"
    default_code = "conflict"


class FormInvalid(exceptions.APIException):
    """A form (the screen's) refused the input: its errors, field by field."""

    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "invalid"

    def __init__(self, errors: list[dict]):
        self.errors = errors
        super().__init__(errors[0]["message"] if errors else _("提交的数据有误"))


def form_errors(form) -> list[dict]:
    problems = []
    for field, error_list in form.errors.as_data().items():
        for error in error_list:
            for message in error.messages:
                problems.append({"field": None if field == NON_FIELD_ERRORS else field,
                                 "code": error.code or "invalid", "message": message})
    return problems


def validation_errors(error: DjangoValidationError) -> list[dict]:
    if hasattr(error, "error_dict"):
        return [{"field": None if field == NON_FIELD_ERRORS else field, "code": item.code or "invalid",
                 "message": message}
                for field, items in error.error_dict.items() for item in items for message in item.messages]
    return [{"field": None, "code": item.code or "invalid", "message": message}
            for item in error.error_list for message in item.messages]


def _flatten(detail, field=None) -> list[dict]:
    if isinstance(detail, dict):
        return [problem for key, value in detail.items()
                for problem in _flatten(value, None if key == "non_field_errors" else
                                        key if field is None else f"{field}.{key}")]
    if isinstance(detail, list):
        return [problem for item in detail for problem in _flatten(item, field)]
    return [{"field": field, "code": getattr(detail, "code", None) or "invalid", "message": str(detail)}]


def body(code: str, problems: list[dict], message: str | None = None) -> dict:
    first = problems[0] if problems else {"field": None, "message": message or ""}
    return {"code": code, "message": message or first["message"], "field": first["field"], "errors": problems}


def exception_handler(exc, context):
    if isinstance(exc, FormInvalid):
        return Response(body("invalid", exc.errors), status=400)
    if isinstance(exc, TransitionRefused):
        problems = validation_errors(exc)
        return Response(body("conflict", problems), status=409)
    if isinstance(exc, DjangoValidationError):
        return Response(body("invalid", validation_errors(exc)), status=400)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound(_("未找到该记录，或您无权查看"))
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied(str(exc) or _("您无权执行此操作"))
    response = drf_handler(exc, context)
    if response is None:
        return None
    code = exc.get_codes() if isinstance(exc, exceptions.APIException) else "error"
    if not isinstance(code, str):
        code = "invalid"
    problems = _flatten(exc.detail) if isinstance(exc, exceptions.APIException) else []
    response.data = body(code, problems)
    return response
