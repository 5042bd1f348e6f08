"""The enterprise's 10 % under parallel publications, on PostgreSQL's real row locks: publication locks the
EnterpriseProfile row before it sums the places, so two positions that together exceed the ratio are never both
published."""

import time

import pytest
from django.test import Client
from django.urls import reverse

from internships.models import EnterpriseProfile, PositionStatus
from internships.services import positions as services
from tests.internships import factories as f
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def slow_checks(monkeypatch):
    """Wait a moment after the checks, so that the second publication arrives while the first works."""
    original = services.check_position

    def check_then_wait(*args, **kwargs):
        checks = original(*args, **kwargs)
        time.sleep(0.5)
        return checks

    monkeypatch.setattr(services, "check_position", check_then_wait)


def _publisher(user, position):
    def publish():
        client = Client()
        client.force_login(user)
        return client.post(reverse("internships:position_publish", args=[position.pk])).status_code

    return publish


def test_two_parallel_publications_over_the_ratio_publish_one(host_a, admin_a, slow_checks):
    EnterpriseProfile.objects.filter(organisation=host_a).update(staff_on_duty=100)  # 10 interns at most
    first = f.position(host_a, admin_a, status=PositionStatus.DRAFT, places=6, title="甲")
    second = f.position(host_a, admin_a, status=PositionStatus.DRAFT, places=6, title="乙")
    results = run_together(_publisher(admin_a, first), _publisher(admin_a, second))
    assert sorted(results) == [200, 302]  # the refused one shows its checklist again, the other redirects
    for position in (first, second):
        position.refresh_from_db()
    assert sorted([first.status, second.status]) == [PositionStatus.DRAFT, PositionStatus.PUBLISHED]


def test_two_parallel_publications_within_the_ratio_publish_both(host_a, admin_a, slow_checks):
    EnterpriseProfile.objects.filter(organisation=host_a).update(staff_on_duty=100)
    first = f.position(host_a, admin_a, status=PositionStatus.DRAFT, places=5, title="甲")
    second = f.position(host_a, admin_a, status=PositionStatus.DRAFT, places=5, title="乙")
    assert run_together(_publisher(admin_a, first), _publisher(admin_a, second)) == [302, 302]
    for position in (first, second):
        position.refresh_from_db()
        assert position.status == PositionStatus.PUBLISHED
