"""Background entry point of the daily jobs (core.daily)."""

from django_tasks import task


@task()
def daily_jobs() -> None:
    from core.daily import run_daily_jobs, schedule_next_run

    try:
        run_daily_jobs()
    finally:
        schedule_next_run()
