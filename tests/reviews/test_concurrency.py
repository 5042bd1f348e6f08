"""Two people acting at the same moment, on PostgreSQL's real row locks (skipped on SQLite).

Each thread has its own test client and its own database connection; a barrier releases them together,
and the engine's lock is held a little longer than usual so the second really arrives while the first
is deciding."""

import threading
import time

import pytest
from django.db import IntegrityError, connections, transaction
from django.test import Client

from accounts.models import User
from organisations.models import Organisation
from reviews import services
from reviews.models import Review, ReviewEvent
from reviews.services import ReviewConflict
from tests import factories

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

FASTER = "该环节已由他人处理，请刷新页面查看最新结果"


@pytest.fixture(autouse=True)
def regions(transactional_db):
    """Transactional tests empty every table afterwards, the migrated region list included: load it again
    (cheaper than serialized_rollback, which would re-create the whole database row by row)."""
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


def run_together(*jobs):
    """Run the jobs in parallel threads, released at once; return each result or the exception it raised."""
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=10)
            results[index] = job()
        except Exception as error:  # handed back to the test, which asserts on it
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results


@pytest.fixture
def slow_lock(monkeypatch):
    """Hold the review's row lock for a moment before going on, so that the two requests overlap."""
    original = services._lock_review

    def lock_then_wait(review_id):
        review = original(review_id)
        time.sleep(0.5)
        return review

    monkeypatch.setattr(services, "_lock_review", lock_then_wait)


@pytest.fixture
def two_county_reviewers(county_reviewer_a, county_hr_a):
    colleague = factories.UserFactory(organisation=county_hr_a, username="county_a2", real_name="金水审核员二")
    colleague.roles.add(county_hr_a.roles.create(name="审核员", permissions=["tests.decide"]))
    assert colleague.has_perm("tests.decide") and not colleague.is_org_admin
    return county_reviewer_a, colleague


def test_two_reviewers_of_one_office_approve_the_same_step(org_kind, enterprise_a, admin_a, city_hr,
                                                          two_county_reviewers, slow_lock):
    review = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    step = review.steps.get(level="county")
    clients = []
    for user in two_county_reviewers:
        client = Client()
        client.force_login(user)
        clients.append(client)

    def approve(client):
        return lambda: client.post(f"/reviews/{review.pk}/decide/", {"step_id": step.pk, "decision": "approve"},
                                   follow=True)

    started = time.monotonic()
    responses = run_together(approve(clients[0]), approve(clients[1]))
    elapsed = time.monotonic() - started
    assert elapsed >= 1.0  # the second waited for the first's lock: they did overlap

    pages = [response.content.decode() for response in responses]
    assert [response.status_code for response in responses] == [200, 200]
    assert sorted("已提交审核结论：通过" in page for page in pages) == [False, True]
    assert sorted(FASTER in page for page in pages) == [False, True]
    assert ReviewEvent.objects.filter(review=review, action="approved").count() == 1
    step.refresh_from_db()
    assert step.status == "approved"
    assert review.steps.get(level="city").status == "pending"


def test_two_concurrent_final_decisions_leave_one_outcome(org_kind, enterprise_a, admin_a, city_hr,
                                                          two_county_reviewers, slow_lock):
    """One approves, the other rejects, at the same moment: exactly one wins, the other is told."""
    review = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    step_id = review.steps.get(level="county").pk
    first, second = (user.pk for user in two_county_reviewers)

    def decide(user_id, decision):
        def job():
            actor = User.objects.get(pk=user_id)
            return services.decide(review_id=review.pk, actor=actor, decision=decision, reason="不符合条件",
                                   step_id=step_id)

        return job

    results = run_together(decide(first, "approve"), decide(second, "reject"))
    winners = [result for result in results if isinstance(result, Review)]
    losers = [result for result in results if isinstance(result, Exception)]
    assert len(winners) == 1 and len(losers) == 1
    assert type(losers[0]) is ReviewConflict and losers[0].messages == [FASTER]
    decided = ReviewEvent.objects.filter(review=review, action__in=["approved", "rejected"])
    assert decided.count() == 1


def test_two_concurrent_submits_make_one_pending_review(org_kind, enterprise_a, admin_a, county_hr_a, city_hr):
    def submit():
        actor = User.objects.get(pk=admin_a.pk)
        subject = Organisation.objects.get(pk=enterprise_a.pk)
        return services.submit(kind_key=org_kind.key, subject=subject, actor=actor)

    results = run_together(submit, submit)
    reviews = [result for result in results if isinstance(result, Review)]
    errors = [result for result in results if isinstance(result, Exception)]
    assert len(reviews) == 1 and len(errors) == 1
    assert type(errors[0]) is ReviewConflict and errors[0].messages == ["该事项已在审核中，请勿重复提交"]
    assert Review.objects.filter(subject_id=enterprise_a.pk, status="pending").count() == 1
    assert ReviewEvent.objects.filter(action="submitted").count() == 1


def test_the_database_itself_refuses_a_second_pending_review(org_kind, enterprise_a, admin_a, county_hr_a, city_hr):
    review = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    with pytest.raises(IntegrityError), transaction.atomic():
        Review.objects.create(
            kind=review.kind, subject_type=review.subject_type, subject_id=review.subject_id, title="重复",
            submitter_org=enterprise_a, submitted_by=admin_a, region=review.region, submitted_at=review.submitted_at,
        )
    assert Review.objects.filter(status="pending").count() == 1
