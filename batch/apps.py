from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BatchConfig(AppConfig):
    name = "batch"
    verbose_name = "批量导入导出"

    def ready(self):
        from core.navigation import NavEntry, add_entry

        add_entry("tasks", NavEntry(label=_("任务中心"), url_name="batch:list", icon="list-task"))
