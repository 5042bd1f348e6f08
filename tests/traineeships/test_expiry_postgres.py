"""The daily 期满 job run on two machines at once, on PostgreSQL's real locks: the placement expires once, with one
audit entry and one notification."""

import datetime
import time

import pytest

from audit.models import AuditEntry
from notifications.models import Notification
from tests.reviews.test_concurrency import run_together
from tests.traineeships.helpers import approved_base
from tests.traineeships.test_placements import (
    END,
    approved_application,
    approved_post,
    on_post_placement,
    wage_parameter,
)
from traineeships.models import PlacementStatus
from traineeships.services import expiry

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def slow_move(monkeypatch):
    """Hold the placement's lock a moment after the move, so that the second run arrives while the first works."""
    original = expiry.set_placement_status

    def move_then_wait(*args, **kwargs):
        result = original(*args, **kwargs)
        time.sleep(0.5)
        return result

    monkeypatch.setattr(expiry, "set_placement_status", move_then_wait)


def test_two_runs_at_once_expire_the_placement_once(enterprise_a, admin_a, county_reviewer_a, city_reviewer,
                                                    slow_move):
    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    post = approved_post(base.organisation, admin_a, county_reviewer_a, city_reviewer)
    wage_parameter(city_reviewer)
    placement = on_post_placement(approved_application(post), admin_a, county_reviewer_a)
    day = END + datetime.timedelta(days=1)
    results = run_together(lambda: expiry.expire_placements(today=day), lambda: expiry.expire_placements(today=day))
    assert sorted(results) == [0, 1]
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.EXPIRED
    assert AuditEntry.objects.filter(action="traineeships.placement_status", target_id=str(placement.pk),
                                     after__status="expired").count() == 1
    assert Notification.objects.filter(recipient=placement.person, title__contains="已期满").count() == 1
