"""What the work desk (工作桌面) shows each user: their own tasks, counted in a few queries."""

from notifications.selectors import recent_for
from reviews.selectors import inbox_for, submissions_for


def dashboard_context(user) -> dict:
    context = {"recent_notifications": recent_for(user, limit=5)}
    from reviews.rules import may_review

    if may_review(user):
        context["pending_review_count"] = inbox_for(user).count()
    if user.organisation_id:
        context["organisation"] = user.organisation
    if user.has_perm("reviews.submit") or (user.organisation_id is None and not user.is_staff):
        context["pending_submission_count"] = submissions_for(user).filter(status="pending").count()
    return context
