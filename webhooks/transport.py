"""One HTTP POST of a webhook with the standard library: no proxy, no redirect followed, a timeout, a bounded
read of the answer, and the connection checked against webhooks.safety."""

import http.client
import time
import urllib.error
import urllib.request
from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext as _

from webhooks.safety import UnsafeAddress, check_url, guarded_create_connection

MAX_RESPONSE_BYTES = 64 * 1024  # read no more of an answer than this; the screen keeps its first 2,000 characters


@dataclass
class Outcome:
    status_code: int | None
    response: str
    error: str
    duration_ms: int

    @property
    def ok(self) -> bool:
        return self.status_code is not None and 200 <= self.status_code < 300


class _GuardedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = guarded_create_connection


class _GuardedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._create_connection = guarded_create_connection


class _HTTPHandler(urllib.request.HTTPHandler):
    def http_open(self, req):
        return self.do_open(_GuardedHTTPConnection, req)


class _HTTPSHandler(urllib.request.HTTPSHandler):
    def https_open(self, req):
        return self.do_open(_GuardedHTTPSConnection, req, context=self._context)


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A 3xx is the receiver's answer, not a new address to post to (it could point anywhere)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


def _opener():
    # ProxyHandler({}): no proxy from the environment, so the connection checked is the receiver's own.
    return urllib.request.build_opener(urllib.request.ProxyHandler({}), _HTTPHandler(), _HTTPSHandler(),
                                       _NoRedirect())


def _read(response) -> str:
    try:
        return response.read(MAX_RESPONSE_BYTES).decode("utf-8", errors="replace")
    except (OSError, http.client.HTTPException):
        return ""


def post(url: str, body: bytes, headers: dict[str, str]) -> Outcome:
    started = time.monotonic()

    def outcome(status_code=None, response="", error=""):
        return Outcome(status_code, response, error, int((time.monotonic() - started) * 1000))

    try:
        check_url(url)
        request = urllib.request.Request(url, data=body, headers=headers, method="POST")
        with _opener().open(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as response:
            return outcome(response.status, _read(response))
    except UnsafeAddress as error:
        return outcome(error=str(error))
    except urllib.error.HTTPError as error:
        return outcome(error.code, _read(error))
    except urllib.error.URLError as error:
        reason = error.reason
        if isinstance(reason, UnsafeAddress):
            return outcome(error=str(reason))
        if isinstance(reason, TimeoutError):
            return outcome(error=_("连接超时"))
        return outcome(error=_("连接失败：%(reason)s") % {"reason": reason})
    except TimeoutError:
        return outcome(error=_("响应超时"))
    except (OSError, http.client.HTTPException, ValueError) as error:
        return outcome(error=_("连接失败：%(reason)s") % {"reason": error})
