from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BatchConfig(AppConfig):
    name = "batch"
    verbose_name = "批量导入导出"

    def ready(self):
        from audit.labels import register_action
        from core.navigation import NavEntry, add_entry

        add_entry("tasks", NavEntry(label=_("任务中心"), url_name="batch:list", icon="list-task"))
        for code, label in {
            "batch.import_started": _("开始批量导入"),
            "batch.import_finished": _("批量导入完成"),
            "batch.export_started": _("开始导出"),
            "batch.export_finished": _("导出完成"),
            "batch.success_file_built": _("生成导入成功数据文件"),
            "batch.job_interrupted": _("导入导出任务中断"),
            "batch.job_status": _("导入导出任务状态变更"),
        }.items():
            register_action(code, label)

        from batch.audit_log_export import register_audit_log_export

        register_audit_log_export()
