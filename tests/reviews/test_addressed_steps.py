"""A step addressed to one named department (reviews.registry.addressed_step): only that department decides it
and sees it in its inbox, even when another department of the same level, line and region exists."""

import pytest
from django.core.exceptions import PermissionDenied

from organisations.models import Authority
from regions.models import RegionLevel
from reviews import registry, services
from reviews.models import ReviewStep, StepStatus
from reviews.registry import ReviewKind
from reviews.rules import reviewer_matches, reviewer_step_filter
from tests import factories
from tests.reviews.conftest import _register, _unregister

pytestmark = pytest.mark.django_db


@pytest.fixture
def supervisor(db):
    return factories.GovernmentFactory(name="郑州市工业和信息化局", gov_level=RegionLevel.CITY,
                                       authority=Authority.INDUSTRY, region=factories.region("410100"))


@pytest.fixture
def sibling(db):
    """Another industry department of the same city: same level, line and region, not addressed."""
    return factories.GovernmentFactory(name="郑州市卫生健康委员会", gov_level=RegionLevel.CITY,
                                       authority=Authority.INDUSTRY, region=factories.region("410100"))


@pytest.fixture
def addressed_kind(supervisor):
    kind = _register(ReviewKind(
        key="test_addressed", label="测试主管部门审核",
        build_chain=lambda org: [registry.addressed_step(org.supervising_department)],
        submitter_org=lambda org: org, region=lambda org: org.region, title=lambda org: f"{org.name}审核",
        subject_url=lambda org: f"/test-subjects/org/{org.pk}/"))
    yield kind
    _unregister(kind)


def test_only_the_addressed_department_decides(addressed_kind, enterprise_a, admin_a, supervisor, sibling):
    enterprise_a.supervising_department = supervisor
    enterprise_a.save()
    mine = factories.org_admin(supervisor, username="gxj")
    theirs = factories.org_admin(sibling, username="wjw")
    review = services.submit(kind_key=addressed_kind.key, subject=enterprise_a, actor=admin_a)
    step = review.steps.get()
    assert (step.reviewer_org, step.authority, step.level) == (supervisor, Authority.INDUSTRY, RegionLevel.CITY)

    assert reviewer_matches(step, mine) and not reviewer_matches(step, theirs)
    assert list(ReviewStep.objects.filter(reviewer_step_filter(mine))) == [step]
    assert not ReviewStep.objects.filter(reviewer_step_filter(theirs)).exists()
    assert services.reviewers_of(step) == [mine]

    with pytest.raises(PermissionDenied):
        services.decide(review_id=review.pk, actor=theirs, decision="approve")
    services.decide(review_id=review.pk, actor=mine, decision="approve")
    step.refresh_from_db()
    assert (step.status, step.decided_by) == (StepStatus.APPROVED, mine)


def test_a_region_step_is_not_decided_by_an_addressed_office_of_another_review(addressed_kind, enterprise_a, admin_a,
                                                                                supervisor, county_reviewer_a):
    """The inbox filter of a region office keeps the steps addressed to another department out."""
    enterprise_a.supervising_department = supervisor
    enterprise_a.save()
    services.submit(kind_key=addressed_kind.key, subject=enterprise_a, actor=admin_a)
    assert not ReviewStep.objects.filter(reviewer_step_filter(county_reviewer_a)).exists()
