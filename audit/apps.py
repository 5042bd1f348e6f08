from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = "审计"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from audit.labels import register_action
        from core.navigation import NavEntry, add_entry

        register_action("audit.purge", _("清理过期操作日志"))
        add_entry(
            "admin",
            NavEntry(
                label=_("操作日志"), url_name="audit:list", icon="journal-text", permission="organisations.view_logs"
            ),
        )
