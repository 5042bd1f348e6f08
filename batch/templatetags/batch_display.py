"""How a job's result reads in the task centre: an import whose rows all failed is not a green 已完成."""

from django import template

from batch.models import JobStatus

register = template.Library()


@register.simple_tag
def job_outcome(job) -> dict:
    """{"label", "css", "key"} for the job's badge and progress bar, from the outcome the engine stored."""
    if job.status == JobStatus.ROWS_FAILED:
        return {"key": "all_failed", "label": job.get_status_display(), "css": "danger"}
    if job.status == JobStatus.PARTLY_FAILED:
        return {"key": "partial", "label": job.get_status_display(), "css": "warning"}
    css = {JobStatus.SUCCEEDED: "success", JobStatus.FAILED: "danger", JobStatus.RUNNING: "primary"}
    return {"key": job.status, "label": job.get_status_display(), "css": css.get(job.status, "secondary")}


@register.simple_tag(takes_context=True)
def may_import(context, spec_key: str) -> bool:
    """Whether the import page of `spec_key` would open for the user: the same two questions it asks."""
    from batch.registry import import_specs

    user = context["request"].user
    spec = next((spec for spec in import_specs() if spec.key == spec_key), None)
    return bool(spec and spec.may_import(user))
