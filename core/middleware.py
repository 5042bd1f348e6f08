from core.request_context import client_ip_from_request, reset_client_ip, set_client_ip


class RequestContextMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.client_ip = client_ip_from_request(request)
        token = set_client_ip(request.client_ip)
        try:
            return self.get_response(request)
        finally:
            reset_client_ip(token)


class ContentSecurityPolicyMiddleware:
    """Content-Security-Policy on every HTML page (settings.CONTENT_SECURITY_POLICY).

    Our own few lines rather than django-csp: the policy is one fixed string (no nonces: nothing inline), and
    frame-ancestors must follow Django's X-Frame-Options, which browsers ignore once CSP names frame-ancestors:
    pages marked @xframe_options_sameorigin (the review frames) may be framed by our own pages, all others by
    none. Place it before XFrameOptionsMiddleware so that header is set when this one reads it."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.policy = settings.CONTENT_SECURITY_POLICY

    def __call__(self, request):
        response = self.get_response(request)
        if not self.policy or "Content-Security-Policy" in response:
            return response
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        framing = response.get("X-Frame-Options", "DENY").upper()
        ancestors = "'self'" if framing == "SAMEORIGIN" else "'none'"
        response["Content-Security-Policy"] = f"{self.policy}; frame-ancestors {ancestors}"
        return response
