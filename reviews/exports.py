"""Exports of 待我审核 and 我的申报 through the batch engine, built from the pages' own filter functions."""

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ExportSpec, register_export
from reviews.models import ReviewStatus, StepStatus
from reviews.registry import all_kinds


def _kind_label(key: str) -> str:
    return {kind.key: kind.label for kind in all_kinds()}.get(key, key)


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M:%S") if moment else ""


def inbox_rows(user, params):
    from reviews.views import filtered_inbox

    _form, _tab, steps = filtered_inbox(user, params or {})
    return steps.order_by("review__submitted_at", "review_id")


def submission_rows(user, params):
    from reviews.views import filtered_submissions

    _form, reviews = filtered_submissions(user, params or {})
    return reviews.order_by("-submitted_at", "-id")


def _may_see_submissions(user) -> bool:
    from reviews.rules import may_see_mine

    return may_see_mine(user)


INBOX_COLUMNS = (
    Column("事项", "review.title", value=lambda step: step.review.title, width=40),
    Column("业务类型", "review.kind", value=lambda step: _kind_label(step.review.kind), width=18),
    Column("申报单位", "review.submitter_org",
           value=lambda step: str(step.review.submitter_org or step.review.submitted_by), width=28),
    Column("第几次申报", "review.round", value=lambda step: step.review.round, width=10),
    Column("申报时间", "review.submitted_at", value=lambda step: _local(step.review.submitted_at), width=20),
    Column("本级状态", "status", value=lambda step: StepStatus(step.status).label, width=12),
    Column("审核人", "decided_by", value=lambda step: str(step.decided_by or ""), width=12),
    Column("审核时间", "decided_at", value=lambda step: _local(step.decided_at), width=20),
    Column("审核意见", "reason", value=lambda step: step.reason, width=40),
    Column("事项状态", "review.status", value=lambda step: ReviewStatus(step.review.status).label, width=12),
)

SUBMISSION_COLUMNS = (
    Column("事项", "title", value=lambda review: review.title, width=40),
    Column("业务类型", "kind", value=lambda review: _kind_label(review.kind), width=18),
    Column("第几次申报", "round", value=lambda review: review.round, width=10),
    Column("申报人", "submitted_by", value=lambda review: str(review.submitted_by), width=12),
    Column("申报时间", "submitted_at", value=lambda review: _local(review.submitted_at), width=20),
    Column("审核状态", "status", value=lambda review: ReviewStatus(review.status).label, width=12),
    Column("办结时间", "finished_at", value=lambda review: _local(review.finished_at), width=20),
)


def register_review_exports() -> None:
    from reviews.rules import may_review

    register_export(ExportSpec(
        key="review-inbox", label=str(_("待我审核导出")), permission="", columns=INBOX_COLUMNS,
        queryset=inbox_rows, allowed=may_review, back_url_name="reviews:inbox",
    ))
    register_export(ExportSpec(
        key="review-submissions", label=str(_("我的申报导出")), permission="reviews.submit",
        columns=SUBMISSION_COLUMNS, queryset=submission_rows, allowed=_may_see_submissions,
        back_url_name="reviews:mine",
    ))
