from django.apps import AppConfig


class NotificationsConfig(AppConfig):
    name = "notifications"
    verbose_name = "消息"

    def ready(self):
        from django.utils.translation import gettext_lazy as _

        from core.navigation import NavEntry, add_entry

        add_entry("tasks", NavEntry(label=_("站内消息"), url_name="notifications:list", icon="bell"))
