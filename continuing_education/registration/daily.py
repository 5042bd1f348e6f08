"""Work that falls due with the date (core.daily)."""

from core.daily import register_daily_job  # noqa: F401  (used by the sections below)


def register_daily_jobs() -> None:
    # --- archive: reminders on 1 October and 1 December to those short of hours ----------------------------------
    from continuing_education.services.reminders import send_reminders

    register_daily_job("continuing_education.hours_reminders", send_reminders)
