"""The blacklist under simultaneous requests, on PostgreSQL's real row locks: two proposals for one enterprise
leave exactly one open entry (in_one_open_blacklisting) and a message for the other; a listing and a signature
of the same enterprise queue on its profile row instead of deadlocking, and the signature never lands after the
listing."""

import time

import pytest
from django.core.exceptions import ValidationError

from internships.models import (
    Application,
    ApplicationStatus,
    BlacklistEntry,
    BlacklistStatus,
    EnterpriseProfile,
    Position,
    PositionStatus,
)
from internships.services import applications as application_services
from internships.services import blacklist as services
from internships.services import enterprises as enterprise_services
from reviews import services as review_services
from reviews.models import Review
from tests.internships import factories as f
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


def test_two_parallel_proposals_leave_one_open_entry(host_a, education_reviewer, school_admin, monkeypatch):
    original = enterprise_services.ensure_profile

    def slow_profile(organisation):
        profile = original(organisation)
        time.sleep(0.3)
        return profile

    monkeypatch.setattr(enterprise_services, "ensure_profile", slow_profile)

    def by(user):
        return lambda: services.propose_blacklisting(enterprise=host_a, actor=user, reason="complaints",
                                                     details="投诉较多。")

    results = run_together(by(education_reviewer), by(school_admin))
    entries = [result for result in results if isinstance(result, BlacklistEntry)]
    refusals = [result for result in results if isinstance(result, ValidationError)]
    assert len(entries) == 1 and len(refusals) == 1, results
    assert refusals[0].messages == ["该企业已有待审核或已生效的黑名单记录，不能重复提出"]
    assert BlacklistEntry.objects.filter(status=BlacklistStatus.PROPOSED).count() == 1
    assert Review.objects.filter(kind="internship_blacklist").count() == 1


@pytest.mark.parametrize("sign_first", [True, False])
def test_listing_and_signing_queue_on_the_profile(host_a, admin_a, education_reviewer, student_record, sign_first,
                                                  monkeypatch):
    position = f.position(host_a, admin_a)
    application = f.application(student_record, position)
    entry = services.propose_blacklisting(enterprise=host_a, actor=education_reviewer, reason="violation",
                                          details="违规安排夜班。")
    review = Review.objects.get(kind="internship_blacklist")
    original = services.lock_profile

    def slow_lock(organisation):
        if not sign_first:
            profile = original(organisation)
            time.sleep(0.5)
            return profile
        time.sleep(0.3)
        return original(organisation)

    monkeypatch.setattr(services, "lock_profile", slow_lock)

    def slow_signing_lock(organisation):  # the signature holds the profile row a while when it comes first
        profile = original(organisation)
        time.sleep(0.5 if sign_first else 0)
        return profile

    monkeypatch.setattr(application_services, "lock_profile", slow_signing_lock)

    def listing():
        return review_services.decide(review_id=review.pk, actor=education_reviewer, decision="approve")

    def signing():
        if not sign_first:
            time.sleep(0.2)
        return application_services.agree_application(application=Application.objects.get(pk=application.pk),
                                                      actor=admin_a)

    results = run_together(listing, signing)
    assert not isinstance(results[0], Exception), results
    entry.refresh_from_db()
    assert entry.status == BlacklistStatus.LISTED
    assert EnterpriseProfile.objects.get(organisation=host_a).blacklisted
    assert Position.objects.get(pk=position.pk).status == PositionStatus.CLOSED
    application.refresh_from_db()
    if sign_first:
        # The signature came first: it stands, and the listing found no open application to cancel.
        assert not isinstance(results[1], Exception), results
        assert application.status == ApplicationStatus.AGREED
    else:
        # The listing came first: the signature saw the flag under the same lock and was refused.
        assert isinstance(results[1], ValidationError), results
        assert results[1].messages == ["贵单位已列入实习企业黑名单，不能签约实习学生"]
        assert (application.status, application.choice_slot) == (ApplicationStatus.CANCELLED, None)
