"""How a job's result reads in the task centre: an import whose rows all failed is not a green 已完成."""

from django import template
from django.utils.translation import gettext as _

from batch.models import JobKind, JobStatus

register = template.Library()


@register.simple_tag
def job_outcome(job) -> dict:
    """{"label", "css", "key"} for the job's badge and progress bar, from its status and row counts.
    (The import engine may later store this outcome on the job; only this function would change.)"""
    if job.status == JobStatus.SUCCEEDED and job.kind == JobKind.IMPORT and job.failed_rows:
        succeeded = job.created_rows + job.updated_rows + job.unchanged_rows
        if succeeded == 0:
            return {"key": "all_failed", "label": _("全部失败"), "css": "danger"}
        return {"key": "partial", "label": _("部分成功"), "css": "warning"}
    css = {JobStatus.SUCCEEDED: "success", JobStatus.FAILED: "danger", JobStatus.RUNNING: "primary"}
    return {"key": job.status, "label": job.get_status_display(), "css": css.get(job.status, "secondary")}


@register.simple_tag(takes_context=True)
def may_import(context, spec_key: str) -> bool:
    """Whether the import page of `spec_key` would open for the user: the same two questions it asks."""
    from batch.registry import import_specs

    user = context["request"].user
    spec = next((spec for spec in import_specs() if spec.key == spec_key), None)
    return bool(spec and user.has_perm(spec.permission) and (user.organisation_id or not spec.needs_organisation))
