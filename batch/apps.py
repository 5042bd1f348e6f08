from django.apps import AppConfig


class BatchConfig(AppConfig):
    name = "batch"
    verbose_name = "批量导入导出"
