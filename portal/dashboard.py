"""What the work desk (工作桌面) shows each user: their own tasks, counted in a few queries."""

from notifications.selectors import recent_for
from reviews.selectors import inbox_for, submissions_for


def dashboard_context(user) -> dict:
    context = {"recent_notifications": recent_for(user, limit=5)}
    from reviews.rules import may_review, may_see_mine

    if may_review(user):
        context["pending_review_count"] = inbox_for(user).count()
    if user.organisation_id:
        context["organisation"] = user.organisation
    # The same rule as the menu's 我的申报, so the card's link always opens (platform staff have every
    # permission but no submissions page).
    if may_see_mine(user):
        context["pending_submission_count"] = submissions_for(user).filter(status="pending").count()
    return context
