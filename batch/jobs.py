"""The one writer of an import/export job's status, and the sweep that fails jobs whose worker died.

Separate from batch.services so that the background tasks (batch.tasks) can use it while batch.services
enqueues those tasks: services -> tasks -> engine -> jobs, without a cycle."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from batch.models import JOB_TRANSITIONS, BatchJob, JobKind, JobStatus


class InvalidJobTransition(Exception):
    pass


class JobAbandoned(Exception):
    """The job stopped being `running` while its worker was still at it (declared stale): stop quietly."""


STALE_MINUTES_DEFAULT = 30


def set_status(job: BatchJob, status: str, **fields) -> BatchJob:
    """Move `job` to `status` if JOB_TRANSITIONS allows it; the only place a job's status is written.

    The update is conditional on the status the caller read, so two workers cannot both start one job.
    """
    if status not in JOB_TRANSITIONS[JobStatus(job.status)]:
        raise InvalidJobTransition(f"{job.status} -> {status}")
    now = timezone.now()
    if status == JobStatus.RUNNING:
        fields.setdefault("started_at", now)
    if status in (JobStatus.SUCCEEDED, JobStatus.FAILED):
        fields.setdefault("finished_at", now)
    updated = BatchJob.objects.filter(pk=job.pk, status=job.status).update(status=status, **fields)
    if not updated:
        raise InvalidJobTransition(f"job {job.pk} is no longer {job.status}")
    job.status = status
    for name, value in fields.items():
        setattr(job, name, value)
    return job


def mark_failed(job: BatchJob, message: str) -> None:
    job.refresh_from_db(fields=["status"])
    if JobStatus.FAILED in JOB_TRANSITIONS[JobStatus(job.status)]:
        set_status(job, JobStatus.FAILED, error=message)


def stale_minutes() -> int:
    return getattr(settings, "BATCH_STALE_MINUTES", STALE_MINUTES_DEFAULT)


def fail_stale_jobs() -> int:
    """Mark running jobs whose heartbeat stopped more than BATCH_STALE_MINUTES ago as failed; returns how many.

    A worker that is killed (deploy, out of memory, machine restart) never reports back, and its job would
    otherwise show 处理中 for ever. Whole chunks it committed are kept; a re-import skips them as unchanged.
    Called when the task centre is opened and when a worker starts a job.
    """
    cutoff = timezone.now() - datetime.timedelta(minutes=stale_minutes())
    stale = BatchJob.objects.filter(status=JobStatus.RUNNING, heartbeat_at__lt=cutoff) | BatchJob.objects.filter(
        status=JobStatus.RUNNING, heartbeat_at__isnull=True, started_at__lt=cutoff,
    )
    failed = 0
    for job in stale.select_related("owner"):
        if job.kind == JobKind.IMPORT:
            message = _("任务中断（处理进程已停止），请重新导入。已保存的行不受影响，重新导入同一文件不会重复。")
        else:
            message = _("任务中断（处理进程已停止），请重新导出。")
        with transaction.atomic():
            try:
                set_status(job, JobStatus.FAILED, error=message)
            except InvalidJobTransition:
                continue  # it finished (or was failed) between the query and now
            record(actor=None, action="batch.job_interrupted", target=job,
                   after={"heartbeat_at": job.heartbeat_at or job.started_at, "minutes": stale_minutes()})
        failed += 1
    return failed
