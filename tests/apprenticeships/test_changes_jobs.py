"""The daily jobs of 备案变更: "课程未配置，明日开课" once per course to the enterprise's filing users, and classes
past their end date freeing their trainees' places (both idempotent)."""

import datetime

import pytest

from apprenticeships.models import Trainee
from core.daily import registered_jobs
from notifications.models import Notification
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db

D = datetime.date
TODAY = D(2026, 5, 1)


def _job(name):
    return registered_jobs()[name]


def test_unconfigured_courses_starting_tomorrow_are_warned_once(enterprise_a, admin_a, filer_a, claimer_a,
                                                                 enterprise_b, admin_b):
    filing = ap.complete_filing(enterprise_a, by=admin_a, starts_on=D(2026, 5, 2), ends_on=D(2027, 5, 1))
    configured = filing.courses.get(delivery="online")
    configured.starts_on = configured.ends_on = D(2026, 5, 2)
    configured.save()
    later = ap.complete_filing(enterprise_a, by=admin_a, starts_on=D(2026, 5, 10), ends_on=D(2027, 5, 9))
    draft = ap.complete_filing(enterprise_b, by=admin_b, starts_on=D(2026, 5, 2), ends_on=D(2027, 5, 1),
                               status="draft")
    job = _job("apprenticeships.unconfigured_courses")
    assert job(today=TODAY) == 1
    notices = Notification.objects.filter(title="课程未配置，明日开课：电工基础")
    assert sorted(notice.recipient.username for notice in notices) == ["admin_a", "filer_a"]
    assert filing.number in notices.first().body
    offline = filing.courses.get(delivery="offline")
    offline.refresh_from_db()
    assert offline.unconfigured_warned_on == TODAY
    assert job(today=TODAY) == 0
    assert Notification.objects.filter(title__startswith="课程未配置").count() == 2
    assert not later.courses.filter(unconfigured_warned_on__isnull=False).exists()
    assert not draft.courses.filter(unconfigured_warned_on__isnull=False).exists()


def test_a_course_dated_tomorrow_without_a_venue_is_warned(enterprise_a, admin_a):
    filing = ap.complete_filing(enterprise_a, by=admin_a, starts_on=D(2026, 4, 1), ends_on=D(2027, 3, 31))
    course = filing.courses.get(delivery="offline")
    course.starts_on = course.ends_on = D(2026, 5, 2)
    course.save()
    assert _job("apprenticeships.unconfigured_courses")(today=TODAY) == 1
    course.venue = ap.venue(enterprise_a)
    course.unconfigured_warned_on = None
    course.save()
    assert _job("apprenticeships.unconfigured_courses")(today=TODAY) == 0


def test_ended_classes_release_their_places(enterprise_a, admin_a, enterprise_b, admin_b):
    ended = ap.complete_filing(enterprise_a, by=admin_a, starts_on=D(2025, 4, 1), ends_on=D(2026, 3, 31))
    running = ap.complete_filing(enterprise_b, by=admin_b, starts_on=D(2026, 1, 1), ends_on=D(2026, 12, 31))
    assert Trainee.objects.filter(holds_place=True).count() == 4
    job = _job("apprenticeships.classes_ended")
    assert job(today=D(2026, 3, 31)) == 0  # the last day is still a training day
    assert job(today=D(2026, 4, 1)) == 2
    assert not ended.trainees.filter(holds_place=True).exists()
    assert running.trainees.filter(holds_place=True).count() == 2
    assert job(today=D(2026, 4, 1)) == 0
    # The people are free to enrol elsewhere.
    person = ended.trainees.first()
    again = ap.trainee(running, name=person.name, id_number=person.id_number)
    assert again.holds_place
