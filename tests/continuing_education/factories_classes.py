"""Helpers of the classes tests (培训班申报): the form data of a declaration, deciding its review over HTTP."""

import datetime

from django.urls import reverse
from django.utils import timezone

from continuing_education.models import ReportMode, SubjectType, TrainingClass
from reviews.selectors import latest_review_for


def later_dates(days_ahead: int = 30, length: int = 2):
    """A start `days_ahead` from today and an end `length` days later, both within one year."""
    today = timezone.localdate()
    starts_on = today + datetime.timedelta(days=days_ahead)
    if starts_on.year != today.year:  # the last weeks of a year: plan next year's class in full
        starts_on = datetime.date(today.year + 1, 1, 10)
    return starts_on, starts_on + datetime.timedelta(days=length)


def past_dates():
    """A class held this year that ends today (a 同步上报 class may be submitted once ended: ends_on ≤ today)."""
    today = timezone.localdate()
    return max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=10)), today


def class_data(*, site, courses, report_mode=ReportMode.LATER, subject_type=SubjectType.PROFESSIONAL,
               start=None, end=None, **overrides):
    starts_on, ends_on = start, end
    if starts_on is None:
        starts_on, ends_on = later_dates() if report_mode == ReportMode.LATER else past_dates()
    data = {"name": "2026年电子信息新技术培训班", "year": starts_on.year, "subject_type": subject_type,
            "specialty": "电子信息", "title_series": "工程技术", "starts_on": starts_on.isoformat(),
            "ends_on": ends_on.isoformat(), "site": site.pk, "planned_headcount": 40,
            "courses": [course.pk for course in courses], "report_mode": report_mode}
    data.update(overrides)
    return data


def decide(client, user, training_class: TrainingClass, decision: str = "approve", reason: str = ""):
    from reviews.models import StepStatus

    review = latest_review_for(training_class)
    step = review.steps.filter(status=StepStatus.PENDING).first() or review.steps.order_by("position").last()
    client.force_login(user)
    return client.post(reverse("reviews:decide", args=[review.pk]),
                       {"step_id": step.pk, "decision": decision, "reason": reason})


def messages_of(response) -> list[str]:
    """The messages this request added (not those an earlier redirect left unread)."""
    return [str(message) for message in response.wsgi_request._messages._queued_messages]
