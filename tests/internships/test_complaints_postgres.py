"""Two appeals over the same complaint at the same moment: exactly one is filed (the complaints are locked in
ascending id order after the new appeal, and the pending-appeal check runs under those locks), on PostgreSQL's
real row locks."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import Appeal, AppealStatus, InternshipStatus
from internships.services import appeals
from internships.services import complaints as services
from reviews.models import Review
from tests import factories
from tests.internships import factories as f
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def slow_check(monkeypatch):
    """Wait a moment after looking for pending appeals, so that the second request arrives while the first works."""
    original = appeals.pending_appeals

    def check_then_wait(complaint):
        found = original(complaint)
        found.exists()
        time.sleep(0.5)
        return found

    monkeypatch.setattr(appeals, "pending_appeals", check_then_wait)


@pytest.fixture
def complaints(host_a, admin_a, school, school_admin, student, student_record):
    internship = f.internship(f.application(student_record, f.position(host_a, admin_a)),
                              status=InternshipStatus.ARRIVED)
    made = []
    for substantiated in (True, False):
        complaint = services.file_complaint(internship=internship, actor=student, categories=["place"],
                                            details="工作地点不符。")
        made.append(services.conclude_complaint(complaint=complaint, actor=school_admin,
                                                substantiated=substantiated, conclusion="经调查核实。"))
    return made


def _appeal_request(user, ids, text):
    """A signed-in client that has opened the appeal form once (so both requests start warm), and its POST."""
    client = Client()
    client.force_login(user)
    assert client.get(reverse("internships:appeal_create"), {"complaints": ids}).status_code == 200

    def request():
        return client.post(reverse("internships:appeal_create"), {"complaints": ids, "text": text}).status_code
    return request


def test_two_parallel_appeals_over_one_complaint_file_one(complaints, admin_a, host_a, slow_check):
    colleague = factories.UserFactory(organisation=host_a, username="host_a2", real_name="甲实习专员")
    colleague.roles.add(host_a.roles.create(name="实习专员", permissions=["internships.host", "reviews.submit"]))
    first, second = complaints
    # Both appeal both complaints, ticked in opposite orders.
    results = run_together(_appeal_request(admin_a, [second.pk, first.pk], "两条都不符"),
                           _appeal_request(colleague, [first.pk, second.pk], "处理结果与实际不符"))
    # The winner is sent to its appeal; the loser sees the message on the form (200), or on the list (302) when
    # its selection was read after the winner committed.
    assert sorted(results) in ([200, 302], [302, 302])
    assert Appeal.objects.count() == 1
    appeal = Appeal.objects.get()
    assert appeal.status == AppealStatus.PENDING
    assert Review.objects.filter(kind=appeals.APPEAL_KIND).count() == 1
    assert second.appeals.filter(status=AppealStatus.PENDING).count() == 1
    assert first.appeals.filter(status=AppealStatus.PENDING).count() == 1


def test_two_parallel_appeals_through_the_service(complaints, admin_a, host_a, slow_check):
    first, second = complaints

    def appeal(text):
        return lambda: appeals.file_appeal(enterprise=host_a, complaints=[first, second], text=text, actor=admin_a)

    results = run_together(appeal("甲"), appeal("乙"))
    filed = [result for result in results if isinstance(result, Appeal)]
    refused = [result for result in results if not isinstance(result, Appeal)]
    assert len(filed) == 1 and len(refused) == 1
    assert refused[0].message_dict == {"complaints": ["投诉“张同学”已有待处理的申诉，不能重复申诉"]}
    assert Appeal.objects.count() == 1
