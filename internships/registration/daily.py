"""The programme's daily jobs (core.daily): run nightly by the worker, or now with `manage.py run_daily_jobs`."""

from core.daily import register_daily_job
from internships.services.insurance import warn_ending_policies
from internships.services.school import complete_ended


def register_daily_jobs() -> None:
    # --- insurance: the reminder before a policy ends -------------------------------------------------------
    register_daily_job("internships.policy_ending", warn_ending_policies)

    # --- school: internships past their end date ------------------------------------------------------------
    register_daily_job("internships.complete_ended", complete_ended)
