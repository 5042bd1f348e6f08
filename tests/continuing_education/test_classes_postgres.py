"""The classes area's data rules under parallel requests, on PostgreSQL's real row locks:

- 培训成果上报 once per class: two 【上报培训成果】 at once report and credit once, the other is told so
  (RESULTS_STATES under the class's row lock);
- one result per person per class: the same person added twice at once gives one row, the other request is
  told so (constraint ce_participant_once, behind the class's row lock);
- two approvals crediting the same person at once: the archive's sums are exact (services.archive locks the
  person's year row)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from continuing_education.models import (
    ArchiveEntry,
    ArchiveYear,
    ClassStatus,
    Participant,
    ReportMode,
    ResultsStatus,
    TrainingClass,
)
from continuing_education.services import classes as services
from reviews.models import StepStatus
from reviews.selectors import latest_review_for
from tests.apprenticeships import concurrency
from tests.continuing_education import factories as ce
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def national_floor(transactional_db):
    """The conftest's floor, after loading the regions a transactional test starts without."""
    concurrency.load_regions()
    return ce.hours_rule("410000")


@pytest.fixture
def slow_credit(monkeypatch):
    """Hold the locks a moment after crediting, so that the second request arrives meanwhile."""
    concurrency.wait_after(monkeypatch, services, "_credit_results", 0.5)


def _post(user, url, data=None):
    def post():
        response = concurrency.logged_in(user).post(url, data or {})
        return response.status_code, [str(m) for m in response.wsgi_request._messages._queued_messages]

    return post


def _held_class(unit, admin, **fields):
    today = timezone.localdate()
    return ce.training_class(unit, by=admin, starts_on=max(datetime.date(today.year, 1, 1),
                                                           today - datetime.timedelta(days=2)),
                             ends_on=today, year=today.year, **fields)


def test_results_reported_twice_at_once_count_once(enterprise_a, admin_a, staff_a, slow_credit):
    training_class = _held_class(enterprise_a, admin_a, status=ClassStatus.APPROVED)
    ce.participant(training_class, member=staff_a, hours=10)
    url = reverse("continuing_education:class_report_results", args=[training_class.pk])
    results = run_together(_post(admin_a, url), _post(admin_a, url))
    assert sorted(messages for _status, messages in results) == [
        ["培训成果已上报，1人的学时已记入培训档案"], ["培训成果已上报，不能再次上报；如需更正请联系培训班审核部门"]]
    training_class.refresh_from_db()
    assert training_class.results_status == ResultsStatus.REPORTED
    assert ArchiveEntry.objects.count() == 1
    assert ArchiveYear.objects.get().class_hours == Decimal("10")


def test_same_participant_added_twice_at_once(monkeypatch, enterprise_a, admin_a, staff_a):
    concurrency.wait_after(monkeypatch, services, "_participant_row", 0.5)
    training_class = _held_class(enterprise_a, admin_a, status=ClassStatus.APPROVED)
    url = reverse("continuing_education:participant_add", args=[training_class.pk])
    data = {"name": staff_a.name, "id_number": staff_a.id_number}
    results = run_together(_post(admin_a, url, data), _post(admin_a, url, data))
    assert sorted(status for status, _messages in results) == [200, 302]
    assert Participant.objects.filter(training_class=training_class).count() == 1


def test_two_approvals_credit_the_same_person_exactly(enterprise_a, admin_a, staff_a, county_reviewer_a,
                                                      slow_credit):
    classes = []
    for name, hours in (("第一期", 12), ("第二期", 8)):
        training_class = _held_class(enterprise_a, admin_a, name=name, report_mode=ReportMode.SYNC)
        ce.participant(training_class, member=staff_a, hours=hours)
        services.submit_class(actor=admin_a, training_class=training_class)
        classes.append(training_class)
    jobs = []
    for training_class in classes:
        review = latest_review_for(training_class)
        step = review.steps.get(status=StepStatus.PENDING)
        jobs.append(_post(county_reviewer_a, reverse("reviews:decide", args=[review.pk]),
                          {"step_id": step.pk, "decision": "approve"}))
    results = run_together(*jobs)
    assert [status for status, _messages in results] == [302, 302]
    year = ArchiveYear.objects.get()
    assert (year.professional_hours, year.class_hours) == (Decimal("20"), Decimal("20"))
    assert ArchiveEntry.objects.count() == 2
    assert set(TrainingClass.objects.values_list("status", flat=True)) == {ClassStatus.APPROVED}
