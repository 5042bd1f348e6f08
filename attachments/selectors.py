from django.http import Http404

from attachments.models import Attachment
from attachments.purposes import default_can_view, get_purpose


def can_view(user, attachment) -> bool:
    try:
        rule = get_purpose(attachment.purpose).can_view
    except LookupError:
        # A purpose no longer registered still has files: the organisation's records rule applies.
        rule = default_can_view
    return bool(user.is_authenticated and user.is_active and rule(user, attachment))


def get_attachment_for_user(user, attachment_id) -> Attachment:
    """The attachment, or 404 both when it does not exist and when the user may not see it, so that
    its existence is not revealed."""
    attachment = (
        Attachment.objects.select_related("owner_org__region").filter(pk=attachment_id).first()
    )
    if attachment is None or not can_view(user, attachment):
        raise Http404("附件不存在")
    return attachment
