"""Every call of the API in the audit log: who, with which key, what, and the answer's status."""

from audit.services import record

API_PREFIX = "/api/v1/"


class ApiCallAuditMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.path.startswith(API_PREFIX):
            self._record(request, response)
        return response

    @staticmethod
    def _record(request, response) -> None:
        key = getattr(request, "api_key", None)
        user = getattr(request, "user", None)
        actor = user if user is not None and user.is_authenticated else None
        record(actor=actor, action="api.call", target=key, target_repr=f"{request.method} {request.path}",
               after={"method": request.method, "path": request.path[:200], "status": response.status_code,
                      "key": key.prefix if key is not None else None,
                      "via": "key" if key is not None else "session" if actor else "anonymous"})
