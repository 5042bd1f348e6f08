"""The school ends an internship early (date and reason; the enterprise and the student are told; the
position's place is not given back) and the daily job completes arrived internships past their end."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from core.daily import registered_jobs
from internships.models import Internship, InternshipStatus, Position
from notifications.models import Notification
from tests.internships import factories as f

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()


@pytest.fixture
def position(host_a, admin_a):
    return f.position(host_a, admin_a, starts_on=TODAY - datetime.timedelta(days=30),
                      ends_on=TODAY + datetime.timedelta(days=90))


@pytest.fixture
def internship(student_record, position):
    return f.internship(f.application(student_record, position), status=InternshipStatus.ARRIVED)


def _end(client, user, internship, **overrides):
    client.force_login(user)
    data = {"ended_on": TODAY.isoformat(), "reason": "企业安排夜班，与协议不符"}
    data.update(overrides)
    return client.post(reverse("internships:end_early", args=[internship.pk]), data)


def test_school_ends_early_and_both_parties_are_told(client, school_admin, admin_a, student, internship, position):
    filled = Position.objects.get(pk=position.pk).filled
    response = _end(client, school_admin, internship)
    assert response.status_code == 302
    internship.refresh_from_db()
    assert internship.status == InternshipStatus.ENDED_EARLY
    assert (internship.ended_on, internship.end_reason, internship.ended_by) == (
        TODAY, "企业安排夜班，与协议不符", school_admin)
    assert Notification.objects.filter(recipient=admin_a, title="实习已提前终止").count() == 1
    assert Notification.objects.filter(recipient=student, title="您的实习已提前终止").count() == 1
    assert Position.objects.get(pk=position.pk).filled == filled  # the place is not given back


@pytest.mark.parametrize("overrides, message", [
    ({"ended_on": (TODAY + datetime.timedelta(days=1)).isoformat()}, "终止日期不能晚于今天"),
    ({"ended_on": (TODAY - datetime.timedelta(days=31)).isoformat()}, "终止日期不能早于到岗日期（%s）"),
    ({"ended_on": "yesterday"}, "日期格式应为 2026-03-01"),
])
def test_bad_dates_are_refused(client, school_admin, internship, overrides, message):
    response = _end(client, school_admin, internship, **overrides)
    assert response.status_code == 200
    expected = message % internship.arrived_on.isoformat() if "%s" in message else message
    assert response.context["form"].errors["ended_on"] == [expected]
    assert Internship.objects.get(pk=internship.pk).status == InternshipStatus.ARRIVED


def test_reason_is_required(client, school_admin, internship):
    response = _end(client, school_admin, internship, reason="  ")
    assert response.context["form"].errors["reason"] == ["请填写终止原因"]


def test_ended_internship_cannot_end_again(client, school_admin, internship):
    _end(client, school_admin, internship)
    response = _end(client, school_admin, internship)
    assert response.status_code == 302
    assert [str(m) for m in response.wsgi_request._messages][-1] == "实习当前状态为“提前终止”，不能提前终止"


@pytest.mark.parametrize("persona, status", [
    ("admin_a", 403), ("education_reviewer", 403), ("student", 403), ("school_b_admin", 404), ("admin_b", 404),
    ("county_reviewer_a", 404), ("school_member", 404),
])
def test_only_the_school_ends_early(client, request, internship, persona, status):
    assert _end(client, request.getfixturevalue(persona), internship).status_code == status
    assert Internship.objects.get(pk=internship.pk).status == InternshipStatus.ARRIVED


# --- the daily job -----------------------------------------------------------------------------------------------

def test_daily_job_completes_arrived_internships_past_their_end(school, school_admin, host_a, admin_a, internship):
    past = f.position(host_a, admin_a, starts_on=TODAY - datetime.timedelta(days=120),
                      ends_on=TODAY - datetime.timedelta(days=1))
    over = f.internship(f.application(f.student(school, name="期满"), past), status=InternshipStatus.ARRIVED)
    waiting = f.internship(f.application(f.student(school, name="未到岗"), past),
                           status=InternshipStatus.AGREEMENT_SIGNED)
    job = registered_jobs()["internships.complete_ended"]
    assert job(today=TODAY) == 1
    assert Internship.objects.get(pk=over.pk).status == InternshipStatus.COMPLETED
    assert Internship.objects.get(pk=internship.pk).status == InternshipStatus.ARRIVED  # ends in 90 days
    assert Internship.objects.get(pk=waiting.pk).status == InternshipStatus.AGREEMENT_SIGNED
    assert job(today=TODAY) == 0  # idempotent
    # On its end date itself the internship is still running.
    assert job(today=TODAY + datetime.timedelta(days=90)) == 0
    assert job(today=TODAY + datetime.timedelta(days=91)) == 1


def test_daily_job_runs_from_the_command(school, host_a, admin_a):
    past = f.position(host_a, admin_a, starts_on=TODAY - datetime.timedelta(days=120),
                      ends_on=TODAY - datetime.timedelta(days=1))
    over = f.internship(f.application(f.student(school, name="期满"), past), status=InternshipStatus.ARRIVED)
    call_command("run_daily_jobs", "--date", TODAY.isoformat())
    assert Internship.objects.get(pk=over.pk).status == InternshipStatus.COMPLETED
