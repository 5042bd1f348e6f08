"""The tracking area's data rules under simultaneous requests, on PostgreSQL's real row locks:
- two recordings of the same course and day (two HTTP requests at once) leave one AttendanceSession
  (ap_session_once_per_day; the Filing row lock serialises them) and the other gets the message;
- a cancellation and a recording of the same class queue on the Filing row: the recording either lands before
  the cancellation or is refused, never written to a cancelled class;
- deleting a venue and recording on another day never deadlock (the venue row lock is separate)."""

import datetime
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import AttendanceSession, Filing, FilingStatus, Mark, Trainee
from apprenticeships.services import attendance as attendance_services
from tests.apprenticeships import concurrency
from tests.apprenticeships import factories as ap
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


@pytest.fixture(autouse=True)
def regions(transactional_db):
    concurrency.load_regions()


@pytest.fixture
def course(filing_a, enterprise_a):
    item = filing_a.courses.get(name="电工基础")
    item.starts_on, item.ends_on, item.venue = TODAY - 10 * DAY, TODAY + 10 * DAY, ap.venue(enterprise_a)
    item.save()
    return item


@pytest.fixture
def slow_marks(monkeypatch):
    """Hold the Filing row lock a moment after the checks, so that the two requests overlap."""
    concurrency.wait_after(monkeypatch, attendance_services, "_check_marks", 0.4)


def _poster(user, course, mark):
    def post():
        client = concurrency.logged_in(user)
        data = {"day": TODAY.isoformat(), "teacher": course.teacher_id, "teacher_present": "on", "session": ""}
        data.update({f"mark_{pk}": mark for pk in Trainee.objects.filter(filing=course.filing_id)
                     .values_list("pk", flat=True)})
        response = client.post(reverse("apprenticeships:attendance_record", args=[course.pk]), data)
        errors = list(response.context["form"].non_field_errors()) if response.status_code == 200 else []
        return response.status_code, errors
    return post


def test_two_parallel_recordings_of_one_day_leave_one_session(institution_admin, institution_recorder, filing_a,
                                                             course, slow_marks):
    results = run_together(_poster(institution_admin, course, Mark.PRESENT),
                           _poster(institution_recorder, course, Mark.ABSENT))
    assert sorted(status for status, _errors in results) == [200, 302], results
    refused = next(errors for status, errors in results if status == 200)
    assert refused == ["该课程当天的考勤已记录，请修改已有记录"]
    session = AttendanceSession.objects.get(course=course, day=TODAY)
    assert session.marks.count() == 2
    assert len(set(session.marks.values_list("mark", flat=True))) == 1  # one request's marks, not a mixture


def test_cancelling_and_recording_queue_on_the_filing(admin_a, institution_admin, filing_a, course, slow_marks):
    def cancel():
        client = Client()
        client.force_login(admin_a)
        time.sleep(0.1)
        return client.post(reverse("apprenticeships:filing_cancel", args=[filing_a.pk]),
                           {"reason": "停办"}).status_code

    results = run_together(_poster(institution_admin, course, Mark.PRESENT), cancel)
    assert results[1] == 302, results
    filing = Filing.objects.get(pk=filing_a.pk)
    assert filing.status == FilingStatus.CANCELLED
    status, errors = results[0]
    session = AttendanceSession.objects.filter(course=course).first()
    if session is not None:  # recorded before the cancellation took the row
        assert status == 302 and session.recorded_at <= filing.cancelled_at
    else:  # refused by the service (form message) or, arriving later, by the page (redirect with the message)
        assert status == 302 or errors == ["该培训班已注销，不能再记录考勤"], results
    assert not Trainee.objects.filter(filing=filing_a, holds_place=True).exists()
