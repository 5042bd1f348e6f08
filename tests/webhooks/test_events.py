"""The foundation's events go into the outbox with the change that causes them."""

import pytest
from django.utils import timezone

from claims import services as claim_services
from claims.models import ClaimStatus
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from tests import factories
from tests.claims.test_services import MARCH, count, lines, month, new_claim, person, programme  # noqa: F401
from tests.traineeships.helpers import approve, submitted_base
from webhooks import services
from webhooks.events import event_choices
from webhooks.models import Delivery

pytestmark = pytest.mark.django_db


def test_the_foundation_registers_its_events():
    keys = [key for key, _ in event_choices()]
    assert keys[:3] == ["review.submitted", "review.decided", "claim.paid"]


def test_a_review_submitted_and_approved(enterprise_a, admin_a, county_hr_a, county_reviewer_a, city_reviewer,
                                         subscribe):
    mine, _ = subscribe("http://127.0.0.1:9/hook", events=["review.submitted", "review.decided"])
    county, _ = services.create_subscription(actor=county_reviewer_a, organisation=county_hr_a, data={
        "name": "区人社", "url": "http://127.0.0.1:9/county", "events": ["review.submitted"], "is_active": True})
    base = submitted_base(enterprise_a, admin_a)
    review = latest_review_for(base)
    submitted = Delivery.objects.filter(event="review.submitted").order_by("subscription_id")
    assert [d.subscription_id for d in submitted] == sorted([mine.pk, county.pk])
    assert submitted[0].payload["review_id"] == review.pk
    assert submitted[0].payload["submitter"] == {"id": enterprise_a.pk, "name": "甲企业有限公司"}
    assert submitted[0].event_id == submitted[1].event_id

    approve(base, county_reviewer_a, city_reviewer)
    (decided,) = Delivery.objects.filter(event="review.decided")
    assert decided.subscription == mine
    review.refresh_from_db()
    assert decided.payload == {"review_id": review.pk, "kind": review.kind, "title": review.title,
                               "status": ReviewStatus.APPROVED, "round": 1,
                               "decided_at": decided.payload["decided_at"], "reason": ""}
    # The moment the review was finished, as DjangoJSONEncoder writes it (milliseconds).
    assert decided.payload["decided_at"][:23] == review.finished_at.isoformat()[:23]


def test_a_claim_paid(programme, lines, person, admin_a, subscribe):  # noqa: F811
    subscription, _ = subscribe("http://127.0.0.1:9/hook", events=["claim.paid"])
    lines.append(month(person, MARCH))
    claim = new_claim(admin_a)
    count(claim)
    claim_services.CLAIM_STATES.move(claim, ClaimStatus.APPROVED, actor=admin_a, approved_at=timezone.now())
    payer = factories.UserFactory(username="payer", is_staff=True, kind="platform", organisation=None)
    claim_services.mark_paid(claim=claim, actor=payer, paid_on=timezone.localdate(), voucher_number="PZ1")
    (paid,) = Delivery.objects.filter(event="claim.paid")
    assert paid.subscription == subscription
    assert paid.payload == {"claim_id": claim.pk, "number": claim.number, "programme": "testing_claims",
                            "total": "1260.00", "first_month": "2026-03-01", "last_month": "2026-05-01",
                            "paid_on": timezone.localdate().isoformat(), "voucher_number": "PZ1"}
