"""The nightly run of the daily jobs (core.daily) on the background worker.

Kept apart from core.daily because declaring a task resolves the task backend: core.daily is imported while
the apps load, before the test settings choose their backend.
"""

import datetime

from django.utils import timezone
from django_tasks import task

from core.daily import RUN_AT, run_daily_jobs


def next_run_after(now: datetime.datetime | None = None) -> datetime.datetime:
    now = timezone.localtime(now)
    candidate = timezone.make_aware(datetime.datetime.combine(now.date(), RUN_AT))
    return candidate if candidate > now else candidate + datetime.timedelta(days=1)


def schedule_next_run() -> bool:
    """Enqueue the next nightly run unless one is already waiting; True when one was enqueued."""
    from django_tasks_db.models import DBTaskResult

    if not daily_jobs.get_backend().supports_defer:
        return False  # an immediate backend (tests) would run the chain for ever; cron or the command instead
    path = f"{daily_jobs.func.__module__}.{daily_jobs.func.__qualname__}"
    if DBTaskResult.objects.filter(task_path=path, status="READY").exists():
        return False
    daily_jobs.using(run_after=next_run_after()).enqueue()
    return True


@task()
def daily_jobs() -> None:
    """The nightly run on the background worker; it enqueues the next one whatever happened."""
    try:
        run_daily_jobs()
    finally:
        schedule_next_run()
