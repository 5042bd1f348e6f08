"""Approvals within the places and a second registration of one application under simultaneous requests, on
PostgreSQL's real row locks."""

import time

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from tests.reviews.test_concurrency import run_together
from tests.traineeships.helpers import approved_base
from tests.traineeships.test_placements import approved_application, approved_post, terms, wage_parameter
from traineeships.models import Application, ApplicationStatus, Placement
from traineeships.services import applications as application_services
from traineeships.services import placements as placement_services

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def slow_count(monkeypatch):
    """Wait a moment after counting the places, so that the second approval arrives while the first works."""
    original = application_services.places_promised

    def count_then_wait(post):
        counted = original(post)
        time.sleep(0.5)
        return counted

    monkeypatch.setattr(application_services, "places_promised", count_then_wait)


@pytest.fixture
def slow_insert(monkeypatch):
    original = placement_services._check_person_free

    def check_then_wait(*args, **kwargs):
        original(*args, **kwargs)
        time.sleep(0.5)

    monkeypatch.setattr(placement_services, "_check_person_free", check_then_wait)


def test_two_approvals_for_the_last_place_approve_one(enterprise_a, admin_a, county_reviewer_a, city_reviewer,
                                                      slow_count):
    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    post = approved_post(base.organisation, admin_a, county_reviewer_a, city_reviewer, places=1)
    first, second = (
        Application.objects.create(person=factories.individual(), post=post, applied_at=post.created_at)
        for _ in range(2)
    )
    results = run_together(
        lambda: application_services.decide(actor=admin_a, application=first, approve=True),
        lambda: application_services.decide(actor=admin_a, application=second, approve=True),
    )
    errors = [result for result in results if isinstance(result, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert errors[0].messages == [
        "该岗位招募名额已满（1人：已登记上岗0人，已审核通过待登记上岗1人），不能再审核通过。"
        "已审核通过的人员无法上岗时，请先释放其报名"]
    statuses = sorted(Application.objects.filter(post=post).values_list("status", flat=True))
    assert statuses == [ApplicationStatus.APPROVED, ApplicationStatus.PENDING]


def test_two_registrations_of_one_application_at_once(enterprise_a, admin_a, county_reviewer_a, city_reviewer,
                                                      slow_insert):
    """Two places free, so neither the places nor (before the fix) anything but the person's one traineeship
    would refuse the second: it must answer 该报名已登记过上岗."""
    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    post = approved_post(base.organisation, admin_a, county_reviewer_a, city_reviewer, places=2)
    wage_parameter(city_reviewer)
    application = approved_application(post)
    results = run_together(
        lambda: placement_services.onboard(application=application, actor=admin_a, data=terms()),
        lambda: placement_services.onboard(application=application, actor=admin_a, data=terms()),
    )
    errors = [result for result in results if isinstance(result, Exception)]
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert errors[0].messages == ["该报名已登记过上岗"]
    assert Placement.objects.filter(application=application).count() == 1


def test_a_release_and_an_approval_at_once_leave_the_place_to_one(enterprise_a, admin_a, county_reviewer_a,
                                                                  city_reviewer, slow_count):
    """The release frees the place under the post's lock: the approval waiting behind it counts it free."""
    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    post = approved_post(base.organisation, admin_a, county_reviewer_a, city_reviewer, places=1)
    held = approved_application(post)
    waiting = Application.objects.create(person=factories.individual(), post=post, applied_at=post.created_at)
    results = run_together(
        lambda: application_services.release(actor=admin_a, application=held, reason="岗位调整"),
        lambda: (time.sleep(0.5), application_services.decide(actor=admin_a, application=waiting,
                                                              approve=True))[1],
    )
    assert not any(isinstance(result, Exception) for result in results), results
    statuses = dict(Application.objects.filter(post=post).values_list("pk", "status"))
    assert statuses == {held.pk: ApplicationStatus.RELEASED, waiting.pk: ApplicationStatus.APPROVED}
