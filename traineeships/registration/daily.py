"""The programme's daily jobs (core.daily): run nightly by the worker, or now with `manage.py run_daily_jobs`."""

from core.daily import register_daily_job
from traineeships.services.applications import lapse_overdue_approvals
from traineeships.services.expiry import expire_placements, lapse_retention


def register_daily_jobs() -> None:
    # Run in name order: a traineeship expires before its registration period can be checked.
    register_daily_job("traineeships.placements_expire", expire_placements)
    register_daily_job("traineeships.retention_lapse", lapse_retention)
    register_daily_job("traineeships.lapse_approvals", lapse_overdue_approvals)  # 逾期未上岗的报名失效
