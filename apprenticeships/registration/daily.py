"""The programme's daily jobs (core.daily): run nightly by the worker, or now with `manage.py run_daily_jobs`."""

from apprenticeships.services import changes
from core.daily import register_daily_job  # noqa: F401  (used by the sections below)


def register_daily_jobs() -> None:
    # --- changes: "课程未配置，明日开课" reminders; classes past their end release their trainees' places ----------
    register_daily_job("apprenticeships.unconfigured_courses", changes.remind_unconfigured_courses)
    register_daily_job("apprenticeships.classes_ended", changes.release_ended_classes)
