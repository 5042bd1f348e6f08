import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


def attachment_path(instance, filename):
    # The stored name never contains the user's file name: no path tricks, no leaking names in URLs.
    return f"attachments/{instance.purpose}/{instance.created_at:%Y/%m}/{instance.id.hex}"


class Attachment(models.Model):
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    purpose = models.CharField(_("用途"), max_length=64)
    file = models.FileField(_("文件"), upload_to=attachment_path, max_length=255)
    original_name = models.CharField(_("文件名"), max_length=255)
    content_type = models.CharField(_("类型"), max_length=128)
    size = models.PositiveIntegerField(_("大小"))
    sha256 = models.CharField(max_length=64)
    owner_org = models.ForeignKey(
        "organisations.Organisation", on_delete=models.PROTECT, null=True, blank=True, related_name="attachments"
    )
    uploaded_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True)
    created_at = models.DateTimeField(_("上传时间"))

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("附件")
        verbose_name_plural = _("附件")

    def __str__(self):
        return self.original_name
