"""PDF downloads through DRF: the view returns the screen's HttpResponse (application/pdf) itself, so the client's
Accept header must not make DRF refuse the request (406) for want of a PDF renderer; errors still come as JSON.
(A candidate for the api app, shared by every programme's PDF routes.)"""

from rest_framework.exceptions import NotAcceptable
from rest_framework.negotiation import DefaultContentNegotiation


class PdfDownloadNegotiation(DefaultContentNegotiation):
    def select_renderer(self, request, renderers, format_suffix=None):
        try:
            return super().select_renderer(request, renderers, format_suffix)
        except NotAcceptable:  # Accept: application/pdf — the PDF is the view's own response
            return renderers[0], renderers[0].media_type
