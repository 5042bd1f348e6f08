from django.apps import AppConfig


class AttachmentsConfig(AppConfig):
    name = "attachments"
    verbose_name = "附件"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from attachments import purposes  # noqa: F401  (registers the platform's own purposes)
        from audit.labels import register_action

        register_action("attachments.upload", _("上传附件"))
        register_action("attachments.download", _("下载附件"))
