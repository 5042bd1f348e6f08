"""Review decisions are permitted per review kind (ReviewKind.decide_permission), and available_actions answers
what the page shows and the engine accepts."""

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from reviews import rules, services
from reviews.registry import all_kinds
from reviews.selectors import inbox_for, latest_review_for
from tests import factories
from tests.traineeships.helpers import submitted_base

pytestmark = pytest.mark.django_db


def test_every_registered_kind_names_its_decide_permission():
    from organisations.permissions import CATALOGUE

    kinds = {kind.key: kind.decide_permission for kind in all_kinds() if not kind.key.startswith("test_")}
    assert kinds == {
        "organisation_verification": "organisations.review_verification",
        "traineeship_base": "traineeships.review",
        "traineeship_post": "traineeships.review",
        "traineeship_agreement": "traineeships.review",
        "traineeship_termination": "traineeships.review",
        "traineeship_claim": "traineeships.review",
        "internship_admission": "internships.review",
        "internship_blacklist": "internships.blacklist",
        "internship_position": "internships.review",
        "internship_complaint": "internships.school",
        "internship_appeal": "internships.school",
        "apprenticeship_filing": "apprenticeships.review",
        "apprenticeship_teacher_change": "apprenticeships.review",
        "apprenticeship_claim": "apprenticeships.review",
        "ce_class": "continuing_education.review",
        "ce_class_correction": "continuing_education.review",
        "ce_hours": "continuing_education.review",
    }
    assert "reviews.decide" not in CATALOGUE and all(code in CATALOGUE for code in kinds.values())


@pytest.fixture
def two_reviews(enterprise_a, admin_a, enterprise_b, admin_b, county_hr_a, county_reviewer_a, city_reviewer):
    """A traineeship base of A and the real-name verification of a new unit, both waiting for 金水区."""
    base = submitted_base(enterprise_a, admin_a)
    newcomer = factories.OrganisationFactory(name="丙企业", verification_status="unverified")
    newcomer_admin = factories.org_admin(newcomer)
    verification = services.submit(kind_key="organisation_verification", subject=newcomer, actor=newcomer_admin)
    return latest_review_for(base), verification


@pytest.fixture
def traineeship_clerk(county_hr_a):
    """An HR sub-administrator given the traineeship reviews and nothing else."""
    clerk = factories.UserFactory(organisation=county_hr_a, username="hr_clerk")
    clerk.roles.add(county_hr_a.roles.create(name="见习审核员", permissions=["traineeships.review"]))
    return clerk


def test_sub_admin_with_the_traineeship_permission_decides_traineeship_reviews_only(client, two_reviews,
                                                                                   traineeship_clerk):
    base_review, verification = two_reviews
    assert [step.review_id for step in inbox_for(traineeship_clerk)] == [base_review.pk]
    assert rules.available_actions(base_review, traineeship_clerk)["actions"] == rules.DECISIONS
    assert rules.available_actions(verification, traineeship_clerk)["actions"] == frozenset()
    client.force_login(traineeship_clerk)
    assert client.get(reverse("reviews:detail", args=[verification.pk])).status_code == 404
    with pytest.raises(PermissionDenied):
        services.decide(review_id=verification.pk, actor=traineeship_clerk, decision="approve")
    services.decide(review_id=base_review.pk, actor=traineeship_clerk, decision="approve")
    assert base_review.steps.get(position=0).decided_by == traineeship_clerk


def test_verification_reviewers_are_notified_and_traineeship_only_clerks_are_not(two_reviews, traineeship_clerk,
                                                                                 county_reviewer_a):
    base_review, verification = two_reviews
    assert set(services.reviewers_of(verification.steps.get(position=0))) == {county_reviewer_a}
    assert set(services.reviewers_of(base_review.steps.get(position=0))) == {county_reviewer_a, traineeship_clerk}


def test_menu_shows_the_inbox_to_holders_of_any_kinds_permission(client, traineeship_clerk, county_hr_a):
    def labels(user):
        client.force_login(user)
        response = client.get(reverse("reviews:mine"))
        return [item["label"] for section in response.context["nav_sections"] for item in section["items"]]

    assert "待我审核" in labels(traineeship_clerk)
    clerk = factories.UserFactory(organisation=county_hr_a)
    assert "待我审核" not in labels(clerk)
    assert client.get(reverse("reviews:inbox")).status_code == 403


def test_available_actions_follow_the_review(two_reviews, admin_a, county_reviewer_a, city_reviewer,
                                             county_reviewer_b):
    base_review, _ = two_reviews
    assert rules.available_actions(base_review, admin_a)["actions"] == {rules.WITHDRAW}
    assert rules.available_actions(base_review, county_reviewer_a)["actions"] == rules.DECISIONS
    assert rules.available_actions(base_review, city_reviewer)["waiting_for_lower"] is True
    assert rules.available_actions(base_review, county_reviewer_b)["actions"] == frozenset()
    services.decide(review_id=base_review.pk, actor=county_reviewer_a, decision="approve")
    base_review.refresh_from_db()
    assert rules.available_actions(base_review, admin_a)["actions"] == frozenset()
    assert rules.available_actions(base_review, county_reviewer_a)["actions"] == {rules.REVOKE}
    assert rules.available_actions(base_review, city_reviewer)["actions"] == rules.DECISIONS
