"""Background entry points; the work itself is in batch.engine."""

import logging

from django.utils.translation import gettext as _
from django_tasks import task

from batch.models import BatchJob

logger = logging.getLogger("praxis.batch")


def _run_guarded(job_id: int, work, failure_message: str) -> None:
    from batch.jobs import JobAbandoned, fail_stale_jobs, mark_failed

    # A worker that starts is the moment to notice jobs whose previous worker died.
    fail_stale_jobs()
    try:
        work(job_id)
    except JobAbandoned:
        logger.warning("batch job %s was declared stale while running; stopped", job_id)
    except Exception:
        # The worker must survive a broken job; the user sees a Chinese reason, the log keeps the trace.
        logger.exception("batch job %s crashed", job_id)
        job = BatchJob.objects.filter(pk=job_id).first()
        if job is not None:
            mark_failed(job, failure_message % {"id": job_id})


@task()
def run_import(job_id: int) -> None:
    from batch.engine import run_import_job

    _run_guarded(job_id, run_import_job, _(
        "导入过程中发生系统错误（任务编号 %(id)s）。已保存的行不受影响，请稍后重新导入同一文件，已导入的行不会重复。"
    ))


@task()
def run_export(job_id: int) -> None:
    from batch.engine import run_export_job

    _run_guarded(job_id, run_export_job, _("导出过程中发生系统错误（任务编号 %(id)s），请稍后重新导出。"))
