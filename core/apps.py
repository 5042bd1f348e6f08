from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "核心"

    def ready(self):
        from core.navigation import FOUNDATION_ORDER, register_section

        # Programmes register their own sections (core.navigation.register_programme), sorted before these.
        register_section("reviews", _("审核与申报"), order=FOUNDATION_ORDER, icon="clipboard-check")
        register_section("individual", _("个人服务"), order=FOUNDATION_ORDER + 5, icon="person")
        register_section("org", _("单位管理"), order=FOUNDATION_ORDER + 10, icon="building")
        register_section("tasks", _("任务中心与消息"), order=FOUNDATION_ORDER + 20, icon="list-task")
        register_section("admin", _("系统管理"), order=FOUNDATION_ORDER + 30, icon="gear")
