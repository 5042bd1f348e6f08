from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "核心"

    def ready(self):
        from core.navigation import register_section

        register_section("programmes", _("业务办理"), order=10)
        register_section("reviews", _("审核与申报"), order=20)
        register_section("org", _("单位管理"), order=30)
        register_section("tasks", _("任务中心与消息"), order=40)
        register_section("admin", _("系统管理"), order=50)
