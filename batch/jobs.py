"""The one writer of an import/export job's status, and the sweep that fails jobs whose worker died.

Separate from batch.services so that the background tasks (batch.tasks) can use it while batch.services
enqueues those tasks: services -> tasks -> engine -> jobs, without a cycle."""

import datetime

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from audit.state import StateMachine, TransitionRefused
from batch.models import FINISHED_STATUSES, JOB_TRANSITIONS, BatchJob, JobKind, JobStatus


class InvalidJobTransition(TransitionRefused):
    pass


class JobAbandoned(Exception):
    """The job stopped being `running` while its worker was still at it (declared stale): stop quietly."""


STALE_MINUTES_DEFAULT = 30


def _job_stamps(job: BatchJob, current, new, actor) -> dict:
    now = timezone.now()
    if new == JobStatus.RUNNING:
        return {"started_at": now}
    if new in FINISHED_STATUSES:
        return {"finished_at": now}
    return {}


JOB_STATES = StateMachine(model=BatchJob, transitions=JOB_TRANSITIONS, action="batch.job_status",
                          noun=_("任务"), stamps=_job_stamps, refused=InvalidJobTransition)


def set_status(job: BatchJob, status: str, **fields) -> BatchJob:
    """Move `job` to `status` if JOB_TRANSITIONS allows it; the only place a job's status is written.

    The move is refused unless the row still has the status the caller read, so two workers cannot both
    start one job.
    """
    JOB_STATES.move(job, JobStatus(status), actor=None, expected=job.status, **fields)
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
