"""Daily jobs: work that falls due with the date rather than with a request (a traineeship reaches its end,
an approval lapses). Apps register a job; the background worker runs every job once a day.

A job is a function `job(*, today) -> int` (how many records it changed). It must be idempotent: it acts on
the state as of `today`, so running it twice, or on two machines at once, changes nothing the second time.
DailyRun keeps one row per job and day, for the operator to see that the jobs ran; it is written after
the job succeeded, so a job that failed runs again on the next call.

The schedule is a chain of tasks on the project's queue: each run enqueues the next for the following
night. `manage.py run_daily_jobs --schedule` (called by scripts/start) starts the chain when none is
pending; `manage.py run_daily_jobs` runs today's due jobs at once (also usable from cron).
"""

import datetime
import logging
from collections.abc import Callable

from django.db import IntegrityError, transaction
from django.utils import timezone

logger = logging.getLogger("praxis.daily")

_jobs: dict[str, Callable[..., int]] = {}

RUN_AT = datetime.time(0, 30)  # local time: after midnight, so "today" is the new day


def register_daily_job(name: str, job: Callable[..., int]) -> None:
    _jobs[name] = job


def registered_jobs() -> dict[str, Callable[..., int]]:
    return dict(_jobs)


def run_daily_jobs(*, today: datetime.date | None = None, force: bool = False) -> dict[str, int | None]:
    """Run every registered job not yet run for `today`; {job name: records changed, or None if skipped}."""
    from core.models import DailyRun

    today = today or timezone.localdate()
    done = set(DailyRun.objects.filter(day=today).values_list("job", flat=True))
    results: dict[str, int | None] = {}
    for name, job in sorted(_jobs.items()):
        if name in done and not force:
            results[name] = None
            continue
        try:
            changed = job(today=today)
        except Exception:
            # One broken job must not stop the others; it runs again next time (no DailyRun row).
            logger.exception("daily job %s failed for %s", name, today)
            results[name] = None
            continue
        results[name] = changed
        try:
            with transaction.atomic():
                DailyRun.objects.update_or_create(job=name, day=today, defaults={"changed": changed})
        except IntegrityError:
            pass  # another machine recorded the same run at the same moment
        logger.info("daily job %s for %s changed %s", name, today, changed)
    return results
