"""Two overlapping claims submitted at the same moment, as two real requests on their own connections, on
PostgreSQL's real locks: exactly one wins; the other is told which person and month the winner holds."""

import datetime
import time

import pytest
from django.test import Client
from django.urls import reverse

from claims import services as claim_services
from claims.models import Claim, ClaimLine, ClaimStatus, LineKind
from tests.reviews.test_concurrency import run_together
from tests.traineeships.claim_helpers import messages_of, number
from tests.traineeships.helpers import approved_base
from tests.traineeships.test_placements import approved_application, approved_post, on_post_placement, wage_parameter

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def claim_month(month):
    return datetime.date(2026, month, 1)


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def slow_write(monkeypatch):
    """Hold the claim a moment after writing its lines, so that both requests reach the counting together."""
    original = claim_services._write_lines

    def write_then_wait(*args, **kwargs):
        total = original(*args, **kwargs)
        time.sleep(0.5)
        return total

    monkeypatch.setattr(claim_services, "_write_lines", write_then_wait)


def test_two_overlapping_claims_submitted_at_once(enterprise_a, admin_a, county_reviewer_a, city_reviewer, slow_write):
    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    post = approved_post(base.organisation, admin_a, county_reviewer_a, city_reviewer, places=1)
    wage_parameter(city_reviewer)
    on_post_placement(approved_application(post, real_name="王见习"), admin_a, county_reviewer_a)
    first, second = (
        claim_services.create_claim(programme="traineeships", organisation=enterprise_a, actor=admin_a,
                                    first_month=months[0], last_month=months[1])
        for months in ((claim_month(3), claim_month(5)), (claim_month(4), claim_month(6))))

    def submit(claim):
        def request():
            client = Client()
            client.force_login(admin_a)
            return client.post(reverse("traineeships:claim_submit", args=[claim.pk]))
        return request

    responses = run_together(submit(first), submit(second))
    assert [response.status_code for response in responses] == [302, 302]
    outcomes = sorted(messages_of(response)[0] for response in responses)
    statuses = {claim.number: claim.status for claim in Claim.objects.all()}
    assert sorted(statuses.values()) == [ClaimStatus.DRAFT, ClaimStatus.SUBMITTED]
    winner = next(number_ for number_, status in statuses.items() if status == ClaimStatus.SUBMITTED)
    # Whichever won, the loser's first overlapping line is April.
    assert outcomes == sorted([
        "申领已提交，等待县级人社部门审核",
        f"王见习 2026年4月的补贴已在申领 {winner} 中申领，同一人同一月份只能申领一次；请重新计算本申领"])
    assert winner in (number(1), number(2))
    counted = ClaimLine.objects.filter(counted=True, kind=LineKind.MONTH)
    assert counted.count() == 3 and set(counted.values_list("claim__number", flat=True)) == {winner}


@pytest.fixture
def slow_sides(monkeypatch):
    """Each side holds its first lock a moment before it asks for the next: the unit's withdrawal holds the
    claim before it touches the review; the county's decision holds what the engine locks first."""
    from reviews import services as review_services

    original_withdraw = review_services.withdraw

    def wait_then_withdraw(*args, **kwargs):
        time.sleep(0.6)
        return original_withdraw(*args, **kwargs)

    monkeypatch.setattr(review_services, "withdraw", wait_then_withdraw)
    original_lock = review_services._lock_review

    def lock_then_wait(review_id):
        review = original_lock(review_id)
        time.sleep(0.6)
        return review

    monkeypatch.setattr(review_services, "_lock_review", lock_then_wait)


@pytest.mark.parametrize("unit_first", [True, False], ids=["unit-first", "county-first"])
def test_unit_withdraws_a_claim_while_the_county_returns_it(enterprise_a, admin_a, county_reviewer_a, city_reviewer,
                                                            slow_sides, unit_first):
    """The lock order (claim, then review) under both interleavings: no deadlock, one of the two wins, and
    whichever did, the claim's months are free again (no line stays counted)."""
    from django.core.exceptions import ValidationError

    from reviews import services as review_services
    from reviews.selectors import latest_review_for

    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    post = approved_post(base.organisation, admin_a, county_reviewer_a, city_reviewer, places=1)
    wage_parameter(city_reviewer)
    on_post_placement(approved_application(post, real_name="王见习"), admin_a, county_reviewer_a)
    claim = claim_services.create_claim(programme="traineeships", organisation=enterprise_a, actor=admin_a,
                                        first_month=claim_month(3), last_month=claim_month(5))
    claim = claim_services.submit_claim(claim=claim, actor=admin_a)
    review = latest_review_for(claim)
    step_id = review.steps.get(level="county").pk
    assert ClaimLine.objects.filter(claim=claim, counted=True).count() == 4  # three months and the insurance

    def withdraw():
        return claim_services.withdraw_claim(claim=claim, actor=admin_a)

    def give_back():
        return review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision="return",
                                      step_id=step_id, reason="缺少考勤表")

    def later(job):
        def run():
            time.sleep(0.3)
            return job()
        return run

    results = run_together(withdraw, later(give_back)) if unit_first else run_together(give_back, later(withdraw))
    errors = [result for result in results if isinstance(result, Exception)]
    assert len(errors) == 1, results
    assert isinstance(errors[0], (ValidationError, review_services.ReviewConflict)), errors
    claim.refresh_from_db()
    assert claim.status == (ClaimStatus.DRAFT if unit_first else ClaimStatus.RETURNED)
    assert not ClaimLine.objects.filter(claim=claim, counted=True).exists()
