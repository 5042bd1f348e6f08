"""The client address of the request being served.

Services take the actor explicitly; the address is the one piece of request context the audit log needs
that would otherwise have to be threaded through every call, so the middleware records it here.
"""

import contextvars

from django.conf import settings

_client_ip: contextvars.ContextVar[str | None] = contextvars.ContextVar("client_ip", default=None)


def client_ip_from_request(request) -> str | None:
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR") or None


def current_client_ip() -> str | None:
    return _client_ip.get()


def set_client_ip(value: str | None):
    return _client_ip.set(value)


def reset_client_ip(token) -> None:
    _client_ip.reset(token)
