import hashlib
import os
import uuid

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from attachments.models import Attachment
from attachments.purposes import get_purpose
from attachments.validation import check_upload
from audit.services import record


def _sha256(uploaded_file) -> str:
    digest = hashlib.sha256()
    uploaded_file.seek(0)
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    return digest.hexdigest()


# Other spellings users give files of the same type.
EXTENSION_SYNONYMS = {"jpg": {"jpg", "jpeg", "jpe", "jfif"}}


def clean_original_name(name: str, extension: str) -> str:
    """The user's file name without any directory part, ending in the extension of what the content
    really is, so a downloaded copy opens in the right program whatever the uploader called it."""
    base = os.path.basename((name or "").replace("\\", "/")).replace("\x00", "").strip()
    stem, ext = os.path.splitext(base)
    if ext and ext[1:].lower() in EXTENSION_SYNONYMS.get(extension, {extension}):
        return stem[: 255 - len(ext)] + ext
    stem = (stem or _("附件"))[: 255 - len(extension) - 1]
    return f"{stem}.{extension}"


def store_upload(*, purpose: str, uploaded_file, actor, owner_org) -> Attachment:
    """Check the upload against the purpose's rules, store it and record it. Raises ValidationError."""
    rules = get_purpose(purpose)
    checked = check_upload(rules, uploaded_file)
    attachment = Attachment(
        id=uuid.uuid4(),
        purpose=rules.key,
        original_name=clean_original_name(uploaded_file.name, checked.kind.extension),
        content_type=checked.kind.mime,
        size=checked.size,
        sha256=_sha256(uploaded_file),
        owner_org=owner_org,
        uploaded_by=actor if actor is not None and actor.pk else None,
        created_at=timezone.now(),
    )
    saved_name = None
    try:
        with transaction.atomic():
            attachment.file.save(attachment.id.hex, uploaded_file, save=False)
            saved_name = attachment.file.name
            attachment.save(force_insert=True)
            record(
                actor=actor,
                action="attachments.upload",
                target=attachment,
                target_repr=f"{rules.label}：{attachment.original_name}",
                after={
                    "purpose": rules.key,
                    "original_name": attachment.original_name,
                    "content_type": attachment.content_type,
                    "size": attachment.size,
                    "sha256": attachment.sha256,
                    "owner_org": owner_org.pk if owner_org is not None else None,
                },
            )
    except Exception:
        # The row is gone with the transaction; don't leave its file behind in storage.
        if saved_name:
            attachment.file.storage.delete(saved_name)
        raise
    return attachment
