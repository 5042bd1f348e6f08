"""The places limit and the one-traineeship rule under simultaneous requests, on PostgreSQL's real locks."""

import time

import pytest
from django.core.exceptions import ValidationError

from tests import factories
from tests.reviews.test_concurrency import run_together
from tests.traineeships.helpers import approved_base
from tests.traineeships.test_placements import approved_application, approved_post, terms, wage_parameter
from traineeships.models import Placement
from traineeships.services import placements as services

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def slow_insert(monkeypatch):
    """Hold the locks a moment after the checks, so that the second request arrives while the first works."""
    original = services._check_person_free

    def check_then_wait(*args, **kwargs):
        original(*args, **kwargs)
        time.sleep(0.5)

    monkeypatch.setattr(services, "_check_person_free", check_then_wait)


def _outcome(results):
    errors = [result for result in results if isinstance(result, Exception)]
    placements = [result for result in results if isinstance(result, Placement)]
    return placements, errors


def test_two_onboardings_for_the_last_place(enterprise_a, admin_a, county_reviewer_a, city_reviewer, slow_insert):
    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    post = approved_post(base.organisation, admin_a, county_reviewer_a, city_reviewer, places=1)
    wage_parameter(city_reviewer)
    first, second = approved_application(post), approved_application(post)
    results = run_together(
        lambda: services.onboard(application=first, actor=admin_a, data=terms()),
        lambda: services.onboard(application=second, actor=admin_a, data=terms()),
    )
    placements, errors = _outcome(results)
    assert len(placements) == 1 and len(errors) == 1
    assert isinstance(errors[0], ValidationError)
    assert errors[0].messages == ["该岗位招募名额已满（1人），不能再登记上岗"]
    assert Placement.objects.filter(post=post).count() == 1


def test_same_person_onboarded_by_two_units_at_once(enterprise_a, enterprise_b, admin_a, admin_b, county_reviewer_a,
                                                    county_reviewer_b, city_reviewer, slow_insert):
    base_a = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    base_b = approved_base(enterprise_b, admin_b, county_reviewer_b, city_reviewer)
    post_a = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer)
    post_b = approved_post(base_b.organisation, admin_b, county_reviewer_b, city_reviewer,
                           work_region=factories.region("410103"))
    wage_parameter(city_reviewer)
    person = factories.individual()
    at_a, at_b = approved_application(post_a, person=person), approved_application(post_b, person=person)
    results = run_together(
        lambda: services.onboard(application=at_a, actor=admin_a, data=terms()),
        lambda: services.onboard(application=at_b, actor=admin_b, data=terms()),
    )
    placements, errors = _outcome(results)
    assert len(placements) == 1 and len(errors) == 1
    assert errors[0].messages == ["该人员已在其他见习单位登记或参加过就业见习，每人只能参加一次就业见习"]
    assert Placement.objects.filter(person=person).count() == 1


def test_two_bulk_submissions_of_the_same_drafts_submit_each_once(enterprise_a, admin_a, county_reviewer_a,
                                                                   city_reviewer, monkeypatch):
    """批量提交审核 twice at once (two tabs, two sub-administrators): each registration goes to review once; the
    later request skips it with the state it found after waiting for the row lock."""
    from reviews.models import Review
    from tests.attachments.files import png_upload
    from traineeships.models import PlacementStatus
    from traineeships.services import matches

    base = approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    post = approved_post(base.organisation, admin_a, county_reviewer_a, city_reviewer, places=2)
    wage_parameter(city_reviewer)
    drafts = []
    for _index in range(2):
        placement = services.onboard(application=approved_application(post), actor=admin_a, data=terms())
        drafts.append(services.attach_agreement(placement=placement, actor=admin_a, uploaded_file=png_upload()))
    original = services.require_verified

    def verified_then_wait(organisation):
        original(organisation)
        time.sleep(0.3)

    monkeypatch.setattr(services, "require_verified", verified_then_wait)
    outcomes = run_together(
        lambda: matches.submit_agreements(actor=admin_a, placements=list(reversed(drafts))),
        lambda: matches.submit_agreements(actor=admin_a, placements=drafts),
    )
    submitted = sorted(p.pk for outcome in outcomes for p in outcome.submitted)
    skipped = sorted((p.pk, reason) for outcome in outcomes for p, reason in outcome.skipped)
    assert submitted == sorted(p.pk for p in drafts)
    busy = "上岗登记当前状态为“协议审核中”，不能提交审核"
    assert skipped == [(p.pk, busy) for p in sorted(drafts, key=lambda p: p.pk)]
    assert set(Placement.objects.values_list("status", flat=True)) == {PlacementStatus.PENDING}
    assert Review.objects.filter(kind="traineeship_agreement").count() == 2
