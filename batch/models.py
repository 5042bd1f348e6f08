from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class JobKind(models.TextChoices):
    IMPORT = "import", _("导入")
    EXPORT = "export", _("导出")


class JobStatus(models.TextChoices):
    QUEUED = "queued", _("排队中")
    RUNNING = "running", _("处理中")
    SUCCEEDED = "succeeded", _("已完成")
    # An import that ran to the end but refused some rows, or every row: not the green 已完成 of a clean run.
    PARTLY_FAILED = "partly_failed", _("部分失败")
    ROWS_FAILED = "rows_failed", _("全部失败")
    FAILED = "failed", _("失败")


FINISHED_STATUSES = frozenset({JobStatus.SUCCEEDED, JobStatus.PARTLY_FAILED, JobStatus.ROWS_FAILED, JobStatus.FAILED})
# Finished imports that saved rows: their 成功数据 can be downloaded.
SAVED_ROWS_STATUSES = frozenset({JobStatus.SUCCEEDED, JobStatus.PARTLY_FAILED})

JOB_TRANSITIONS = {
    JobStatus.QUEUED: {JobStatus.RUNNING, JobStatus.FAILED},
    JobStatus.RUNNING: {JobStatus.SUCCEEDED, JobStatus.PARTLY_FAILED, JobStatus.ROWS_FAILED, JobStatus.FAILED},
    JobStatus.SUCCEEDED: set(),
    JobStatus.PARTLY_FAILED: set(),
    JobStatus.ROWS_FAILED: set(),
    JobStatus.FAILED: set(),
}


def job_file_path(instance, filename):
    return f"batch/{instance.created_at:%Y/%m}/{instance.pk or 'new'}-{filename}"


class BatchJob(models.Model):
    kind = models.CharField(_("类型"), max_length=8, choices=JobKind.choices)
    spec = models.CharField(_("业务"), max_length=64)
    status = models.CharField(_("状态"), max_length=16, choices=JobStatus.choices, default=JobStatus.QUEUED)
    owner = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="batch_jobs")
    organisation = models.ForeignKey(
        "organisations.Organisation", on_delete=models.CASCADE, null=True, blank=True, related_name="batch_jobs"
    )
    params = models.JSONField(_("参数"), default=dict, blank=True)
    # The primary key of the record an import belongs to (e.g. one training record's trainees), for specs with
    # a parent (ImportSpec.parent); empty otherwise.
    parent_key = models.CharField(_("所属记录"), max_length=64, blank=True)
    source_file = models.FileField(_("上传文件"), upload_to=job_file_path, blank=True, max_length=255)
    source_name = models.CharField(_("文件名"), max_length=255, blank=True)
    source_sha256 = models.CharField(max_length=64, blank=True)
    result_file = models.FileField(_("结果文件"), upload_to=job_file_path, blank=True, max_length=255)
    total_rows = models.PositiveIntegerField(_("总行数"), default=0)
    processed_rows = models.PositiveIntegerField(_("已处理"), default=0)
    created_rows = models.PositiveIntegerField(_("新增"), default=0)
    updated_rows = models.PositiveIntegerField(_("更新"), default=0)
    unchanged_rows = models.PositiveIntegerField(_("未变化"), default=0)
    failed_rows = models.PositiveIntegerField(_("失败"), default=0)
    error = models.TextField(_("错误"), blank=True)
    created_at = models.DateTimeField(_("创建时间"), db_index=True)
    started_at = models.DateTimeField(_("开始时间"), null=True, blank=True)
    finished_at = models.DateTimeField(_("完成时间"), null=True, blank=True)
    # Bumped with every committed chunk: a running job whose heartbeat stops has lost its worker.
    heartbeat_at = models.DateTimeField(_("最近进展"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        indexes = [
            models.Index(fields=["owner", "kind", "created_at"]),
            # The task centre: the owner's jobs, newest first.
            models.Index(fields=["owner", "-created_at", "-id"], name="batch_job_owner_newest"),
            models.Index(fields=["status", "heartbeat_at"], name="batch_job_status_heartbeat"),
        ]
        verbose_name = _("导入导出任务")
        verbose_name_plural = _("导入导出任务")

    def __str__(self):
        return f"{self.get_kind_display()} {self.spec} #{self.pk}"

    @property
    def is_finished(self) -> bool:
        return self.status in FINISHED_STATUSES

    @property
    def progress_percent(self) -> int:
        if not self.total_rows:
            return 100 if self.is_finished else 0
        return min(100, round(100 * self.processed_rows / self.total_rows))


class RowError(models.Model):
    job = models.ForeignKey(BatchJob, on_delete=models.CASCADE, related_name="row_errors")
    row_number = models.PositiveIntegerField(_("行号"))
    values = models.JSONField(_("原始内容"))
    message = models.TextField(_("失败原因"))

    class Meta:
        ordering = ["row_number"]
