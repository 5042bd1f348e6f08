"""Position review where the region requires it (RegionSetting.position_review_required): publication goes to
the county education department of the work region (kind internship_position), which reads the checklist
beside its decision; approval publishes, a return sends it back."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from internships.models import PositionStatus, RegionSetting
from internships.selectors.settings import setting_for_region
from organisations.models import Authority
from regions.models import RegionLevel
from reviews.models import Review, ReviewStatus
from reviews.selectors import latest_review_for
from tests import factories
from tests.internships import factories as f
from tests.internships.helpers_positions import form_data

pytestmark = pytest.mark.django_db


@pytest.fixture
def review_required(education_reviewer):
    """郑州市 requires position review (the setting of the city applies to 金水区)."""
    return RegionSetting.objects.create(region=factories.region("410100"), position_review_required=True,
                                        updated_by=education_reviewer)


@pytest.fixture
def county_education(db):
    department = factories.GovernmentFactory(name="金水区教育局", gov_level=RegionLevel.COUNTY,
                                             authority=Authority.EDUCATION, region=factories.region("410105"))
    return factories.org_admin(department, username="edu_jinshui", real_name="金水区教育局管理员")


def _decide(client, reviewer, position, decision, reason=""):
    review = latest_review_for(position)
    client.force_login(reviewer)
    return client.post(reverse("reviews:decide", args=[review.pk]),
                       {"step_id": review.steps.get(position=0).pk, "decision": decision, "reason": reason})


def _status(position):
    position.refresh_from_db()
    return position.status


def test_the_nearest_setting_applies(review_required):
    assert setting_for_region(factories.region("410105")) == review_required
    assert setting_for_region(factories.region("410300")).pk is None
    assert setting_for_region(factories.region("410300")).position_review_required is False


def test_publish_goes_to_the_county_education_department_and_approval_publishes(
        client, host_a, admin_a, review_required, county_education):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    response = client.post(reverse("internships:position_publish", args=[position.pk]), follow=True)
    assert "岗位已提交教育部门审核，审核通过后发布" in response.content.decode()
    assert _status(position) == PositionStatus.PENDING
    review = Review.objects.get()
    assert (review.kind, review.status, review.submitter_org) == ("internship_position", ReviewStatus.PENDING, host_a)
    step = review.steps.get()
    assert (step.level, step.authority, step.region.code) == (RegionLevel.COUNTY, Authority.EDUCATION, "410105")
    assert all(row["passed"] for row in position.compliance)

    client.force_login(county_education)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert 'data-testid="materials-position"' in page
    assert 'data-check="pay_floor" data-passed="yes"' in page
    assert _decide(client, county_education, position, "approve").status_code == 302
    position.refresh_from_db()
    assert position.status == PositionStatus.PUBLISHED and position.published_at is not None


def test_a_return_sends_it_back_and_it_is_submitted_again(client, host_a, admin_a, review_required,
                                                          county_education):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    client.post(reverse("internships:position_publish", args=[position.pk]))
    _decide(client, county_education, position, "return", reason="请补充岗位描述")
    assert _status(position) == PositionStatus.RETURNED
    client.force_login(admin_a)
    client.post(reverse("internships:position_edit", args=[position.pk]), form_data(description="更详细的描述"))
    assert _status(position) == PositionStatus.RETURNED
    client.post(reverse("internships:position_publish", args=[position.pk]))
    assert _status(position) == PositionStatus.PENDING
    assert latest_review_for(position).round == 2


def test_an_edit_while_pending_withdraws_the_review(client, host_a, admin_a, review_required, county_education):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    client.post(reverse("internships:position_publish", args=[position.pk]))
    client.post(reverse("internships:position_edit", args=[position.pk]), form_data(title="改名"))
    assert _status(position) == PositionStatus.DRAFT
    assert latest_review_for(position).status == ReviewStatus.WITHDRAWN


def test_a_failed_check_is_refused_before_the_review(client, host_a, admin_a, review_required, county_education):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT, overtime="frequent")
    client.force_login(admin_a)
    client.post(reverse("internships:position_publish", args=[position.pk]))
    assert _status(position) == PositionStatus.DRAFT
    assert not Review.objects.exists()


def test_without_a_county_education_department_publication_is_refused(client, host_a, admin_a, review_required):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    response = client.post(reverse("internships:position_publish", args=[position.pk]), follow=True)
    assert "尚无" in response.content.decode()
    assert _status(position) == PositionStatus.DRAFT
    assert not Review.objects.exists()


def test_the_pending_positions_count_against_the_ten_percent(client, host_a, admin_a, review_required,
                                                             county_education):
    first = f.position(host_a, admin_a, status=PositionStatus.DRAFT, places=15)
    second = f.position(host_a, admin_a, status=PositionStatus.DRAFT, places=6, title="第二个")
    client.force_login(admin_a)
    client.post(reverse("internships:position_publish", args=[first.pk]))
    assert _status(first) == PositionStatus.PENDING
    client.post(reverse("internships:position_publish", args=[second.pk]))
    assert _status(second) == PositionStatus.DRAFT


@pytest.mark.parametrize("reviewer", ["education_reviewer", "county_reviewer_a", "education_other_reviewer"])
def test_only_the_county_education_department_decides(client, request, host_a, admin_a, review_required,
                                                        county_education, reviewer):
    from reviews import services as review_services

    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    client.post(reverse("internships:position_publish", args=[position.pk]))
    review = latest_review_for(position)
    with pytest.raises(PermissionDenied):
        review_services.decide(review_id=review.pk, actor=request.getfixturevalue(reviewer), decision="approve")
    assert _status(position) == PositionStatus.PENDING


def test_a_revoked_approval_with_applications_stands(client, host_a, admin_a, review_required, county_education,
                                                     student_record):
    from reviews import services as review_services
    from reviews.services import ReviewConflict

    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT)
    client.force_login(admin_a)
    client.post(reverse("internships:position_publish", args=[position.pk]))
    _decide(client, county_education, position, "approve")
    f.application(student_record, position)
    with pytest.raises(ReviewConflict):
        review_services.revoke(review_id=latest_review_for(position).pk, actor=county_education)
    assert _status(position) == PositionStatus.PUBLISHED
