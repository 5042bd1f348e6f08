"""Review kinds that exist only in these tests, and helpers that bring a review into a given state.

`org_kind`: the subject is an Organisation (enterprise A), reviewed by its county, then its city, then filed
with the province. `dept_kind`: the subject is a Department, reviewed by the city only. `edu_kind`: a
Department again, reviewed by the city's education department."""

import pytest

from organisations.models import Authority, Department
from reviews import registry, services
from reviews.registry import ReviewKind
from tests import factories

REASON = "材料不全，请补充营业执照"


# The test kinds are decided with a permission of their own, held by every administrator (as a programme's).
TEST_DECIDE = "tests.decide"


def _register(kind: ReviewKind):
    from dataclasses import replace

    from organisations.permissions import register_permission

    register_permission(TEST_DECIDE, "测试审核")
    kind = replace(kind, decide_permission=kind.decide_permission or TEST_DECIDE)
    registry.register(kind)
    return kind


def _unregister(kind: ReviewKind):
    # The registry has no public removal: kinds are registered once at start-up in production.
    from organisations.permissions import CATALOGUE

    registry.unregister(kind.key)
    CATALOGUE.pop(TEST_DECIDE, None)


@pytest.fixture
def status_calls():
    """Every on_status call of the test kinds, as (kind key, subject pk, status)."""
    return []


def _recorder(key, calls):
    def on_status(*, subject, status, actor, review):
        calls.append((key, subject.pk, status))

    return on_status


@pytest.fixture
def org_kind(status_calls):
    kind = _register(ReviewKind(
        key="test_org_check",
        label="测试单位核验",
        build_chain=lambda org: registry.government_chain(org.region, ["county", "city"], filing_levels=("province",)),
        submitter_org=lambda org: org,
        region=lambda org: org.region,
        title=lambda org: f"{org.name}核验",
        subject_url=lambda org: f"/test-subjects/org/{org.pk}/",
        on_status=_recorder("test_org_check", status_calls),
    ))
    yield kind
    _unregister(kind)


@pytest.fixture
def dept_kind(status_calls):
    kind = _register(ReviewKind(
        key="test_dept_filing",
        label="测试部门备案",
        build_chain=lambda dept: registry.government_chain(dept.organisation.region, ["city"]),
        submitter_org=lambda dept: dept.organisation,
        region=lambda dept: dept.organisation.region,
        title=lambda dept: f"{dept.organisation.name}{dept.name}备案",
        subject_url=lambda dept: f"/test-subjects/dept/{dept.pk}/",
        on_status=_recorder("test_dept_filing", status_calls),
    ))
    yield kind
    _unregister(kind)


@pytest.fixture
def edu_kind(status_calls):
    kind = _register(ReviewKind(
        key="test_edu_filing",
        label="测试教育备案",
        build_chain=lambda dept: registry.government_chain(
            dept.organisation.region, ["city"], authority=Authority.EDUCATION),
        submitter_org=lambda dept: dept.organisation,
        region=lambda dept: dept.organisation.region,
        title=lambda dept: f"{dept.organisation.name}{dept.name}教育备案",
        subject_url=lambda dept: f"/test-subjects/edu/{dept.pk}/",
        on_status=_recorder("test_edu_filing", status_calls),
    ))
    yield kind
    _unregister(kind)


@pytest.fixture
def city_edu(db):
    return factories.GovernmentFactory(
        name="郑州市教育局", gov_level="city", authority=Authority.EDUCATION, region=factories.region("410100")
    )


@pytest.fixture
def city_edu_reviewer(city_edu):
    return factories.org_admin(city_edu, username="city_edu", real_name="市教育局审核员")


@pytest.fixture
def cast(admin_a, member_a, admin_b, county_reviewer_a, county_reviewer_b, city_reviewer, province_reviewer,
         outsider):
    """Everyone the matrix speaks of, by the name it uses."""
    return {
        "submitter": admin_a,
        "member": member_a,
        "other_admin": admin_b,
        "county_a": county_reviewer_a,
        "county_b": county_reviewer_b,
        "city": city_reviewer,
        "province": province_reviewer,
        "outsider": outsider,
    }


def department(organisation, name="人事部"):
    return Department.objects.create(organisation=organisation, name=name)


def bring_to(state: str, *, kind, subject, submitter, county, city):
    """Submit `subject` and take it to `state` through the engine, as the people involved would."""
    review = services.submit(kind_key=kind.key, subject=subject, actor=submitter)
    if state in ("pending_city", "approved"):
        services.decide(review_id=review.pk, actor=county, decision="approve")
    if state == "approved":
        services.decide(review_id=review.pk, actor=city, decision="approve")
    if state in ("rejected", "returned"):
        decision = {"rejected": "reject", "returned": "return"}[state]
        services.decide(review_id=review.pk, actor=county, decision=decision, reason=REASON)
    if state == "withdrawn":
        services.withdraw(review_id=review.pk, actor=submitter)
    review.refresh_from_db()
    return review


def step_statuses(review) -> tuple:
    return tuple(review.steps.order_by("position").values_list("status", flat=True))
