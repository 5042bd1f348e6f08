from django import forms
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext_lazy as _

from attachments.purposes import get_purpose
from attachments.validation import check_upload, describe_allowed, format_size


class AttachmentField(forms.FileField):
    """A file field that applies a purpose's content and size rules in clean(), so a bad file makes the
    form invalid with the message next to the field and nothing is stored. Returns the UploadedFile:
    the form's service then calls attachments.services.store_upload with it."""

    def __init__(self, *, purpose: str, **kwargs):
        self.purpose = get_purpose(purpose)
        kwargs.setdefault("label", self.purpose.label)
        kwargs.setdefault(
            "help_text",
            _("%(allowed)s，不超过 %(limit)s")
            % {"allowed": describe_allowed(self.purpose), "limit": format_size(self.purpose.max_bytes)},
        )
        kwargs.setdefault("widget", forms.ClearableFileInput(attrs={"class": "form-control"}))
        params = {"label": self.purpose.label}
        kwargs["error_messages"] = {
            "required": _("请上传%(label)s") % params,
            "empty": _("文件为空：请选择要上传的%(label)s") % params,
            **kwargs.get("error_messages", {}),
        }
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs["accept"] = self.purpose.accept
        return attrs

    def clean(self, data, initial=None):
        value = super().clean(data, initial)
        if isinstance(value, UploadedFile):
            check_upload(self.purpose, value)
        return value
