from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.views.decorators.clickjacking import xframe_options_sameorigin
from django.views.decorators.http import require_GET

from attachments.purposes import KINDS
from attachments.selectors import get_attachment_for_user
from audit.services import record

_IMAGE_TYPES = {kind.mime for kind in KINDS.values() if kind.is_image}
# What a browser shows inline safely: images, and PDFs in its own viewer (pages show scans beside documents).
_INLINE_TYPES = _IMAGE_TYPES | {"application/pdf"}


def _stream(attachment, *, as_attachment: bool) -> FileResponse:
    try:
        handle = attachment.file.open("rb")
    except FileNotFoundError:
        raise Http404("附件不存在") from None
    response = FileResponse(
        handle, as_attachment=as_attachment, filename=attachment.original_name, content_type=attachment.content_type
    )
    # Personal and business documents: never kept by shared caches; never run as a page.
    response["Cache-Control"] = "private, no-store"
    response["Content-Security-Policy"] = "default-src 'none'; img-src 'self'; style-src 'unsafe-inline'; sandbox"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_GET
@login_required
def download(request, attachment_id):
    attachment = get_attachment_for_user(request.user, attachment_id)
    record(actor=request.user, action="attachments.download", target=attachment)
    return _stream(attachment, as_attachment=True)


@require_GET
@login_required
@xframe_options_sameorigin
def preview(request, attachment_id):
    """The image or PDF itself, inline, for <img> and <iframe> on pages that show the thing it belongs to."""
    attachment = get_attachment_for_user(request.user, attachment_id)
    if attachment.content_type not in _INLINE_TYPES:
        raise Http404("该附件不能预览")
    return _stream(attachment, as_attachment=False)
