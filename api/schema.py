"""The OpenAPI document's shared parts: the key's security scheme and the error body every operation may
answer with (so a client, and the fuzzer, know every status an operation gives)."""

from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.openapi import AutoSchema

ERROR_SCHEMA = {
    "type": "object",
    "required": ["code", "message", "field", "errors"],
    "properties": {
        "code": {"type": "string", "description": "稳定的错误代码，如 invalid、not_found、scope_missing"},
        "message": {"type": "string", "description": "中文说明"},
        "field": {"type": "string", "nullable": True, "description": "出错的字段（首个错误）"},
        "errors": {"type": "array", "items": {
            "type": "object", "required": ["field", "code", "message"],
            "properties": {"field": {"type": "string", "nullable": True}, "code": {"type": "string"},
                           "message": {"type": "string"}},
        }},
    },
}
ERROR_STATUSES = {
    "400": "请求数据有误（逐字段说明）",
    "401": "未登录，或接口密钥无效、过期、已停用",
    "403": "无权执行，或密钥缺少所需的权限范围",
    "404": "记录不存在或无权查看",
    "405": "不支持该请求方法",
    "406": "不支持所请求的响应格式",
    "409": "记录的当前状态不允许此操作",
    "412": "记录已被他人修改（If-Match 与当前 ETag 不符）",
    "415": "不支持的请求体格式",
    "428": "修改须带 If-Match 头",
    "429": "调用过于频繁",
}


class ApiKeyScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.ApiKeyAuthentication"
    name = "apiKey"

    def get_security_definition(self, auto_schema):
        return {"type": "http", "scheme": "bearer", "bearerFormat": "px_<编号>_<密钥>",
                "description": "单位管理员在“开放接口密钥”签发的密钥"}


class BrowserSessionScheme(OpenApiAuthenticationExtension):
    target_class = "api.authentication.BrowserSessionAuthentication"
    name = "session"

    def get_security_definition(self, auto_schema):
        return {"type": "apiKey", "in": "cookie", "name": "sessionid"}


# Formats a stored blank string ("") does not satisfy: an optional URL or e-mail on a model is saved as "".
_BLANK_FAILS_FORMAT = {"uri", "email", "ipv4", "ipv6", "hostname", "uuid"}


def allow_blank_in_formatted_output(schemas: dict) -> None:
    """A read-only string with a format (a model's URLField or EmailField in a response) may be "" when the model
    field is blank=True; drf-spectacular adds the blank alternative only for writable fields that declare
    allow_blank, so a response holding "" would violate its own schema (found by the fuzzer). Give every such
    read-only property the same `oneOf [formatted, ""]` drf-spectacular gives the writable ones."""
    for component in schemas.values():
        for name, prop in (component.get("properties") or {}).items():
            if prop.get("readOnly") and prop.get("type") == "string" and prop.get("format") in _BLANK_FAILS_FORMAT:
                outer = {key: prop[key] for key in ("readOnly", "nullable", "description", "title") if key in prop}
                inner = {key: value for key, value in prop.items() if key not in outer}
                component["properties"][name] = {**outer, "oneOf": [inner, {"type": "string", "maxLength": 0}]}


def add_error_responses(result, generator, request, public):
    """Postprocessing hook: the Error component, and every error status on every operation (and the blank
    alternative of formatted read-only strings, allow_blank_in_formatted_output)."""
    allow_blank_in_formatted_output(result.setdefault("components", {}).setdefault("schemas", {}))
    result.setdefault("components", {}).setdefault("schemas", {})["Error"] = ERROR_SCHEMA
    reference = {"$ref": "#/components/schemas/Error"}
    for path_item in result.get("paths", {}).values():
        for operation in path_item.values():
            if not isinstance(operation, dict) or "responses" not in operation:
                continue
            for code, description in ERROR_STATUSES.items():
                operation["responses"].setdefault(code, {
                    "description": description, "content": {"application/json": {"schema": reference}},
                })
    return result


class ProgrammeAutoSchema(AutoSchema):
    """Components named after their programme: two programmes' `ClaimSerializer`s become `TraineeshipClaim` and
    `ApprenticeshipClaim` instead of colliding under one name (a silently wrong schema)."""

    def get_serializer_name(self, serializer, direction):
        name = super().get_serializer_name(serializer, direction)
        app = type(serializer).__module__.split(".", 1)[0]
        prefix = "".join(part.capitalize() for part in app.split("_")).removesuffix("s")
        if app in registry_keys() and not name.startswith(prefix):
            return prefix + name
        return name


def registry_keys() -> set[str]:
    from api.registry import programme_apis

    return {programme.key for programme in programme_apis()}
