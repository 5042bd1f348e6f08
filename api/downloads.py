"""Files through the API (PDFs the screens print, generated files): the view answers the file itself, so the
client's Accept header (application/pdf, application/octet-stream) must not make DRF refuse the request for want
of a renderer; errors still come as JSON."""

from django.http import HttpResponse
from django.utils.http import content_disposition_header
from drf_spectacular.types import OpenApiTypes
from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation

PDF_RESPONSES = {(200, "application/pdf"): OpenApiTypes.BINARY}


class DownloadNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:  # Accept: application/pdf — the file is the view's own response
            return renderers[0], renderers[0].media_type


def pdf_download(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = content_disposition_header(as_attachment=True, filename=filename)
    response["Cache-Control"] = "private, no-store"
    return response
