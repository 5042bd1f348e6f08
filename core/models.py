from django.db import models
from django.utils.translation import gettext_lazy as _


class DailyRun(models.Model):
    """That a daily job (core.daily) ran for a day, and how many records it changed."""

    job = models.CharField(_("任务"), max_length=64)
    day = models.DateField(_("日期"))
    changed = models.PositiveIntegerField(_("处理条数"), default=0)
    finished_at = models.DateTimeField(_("完成时间"), auto_now=True)

    class Meta:
        ordering = ["-day", "job"]
        verbose_name = _("每日任务运行记录")
        verbose_name_plural = _("每日任务运行记录")
        constraints = [models.UniqueConstraint(fields=["job", "day"], name="core_daily_run_unique")]

    def __str__(self):
        return f"{self.job} {self.day}"
