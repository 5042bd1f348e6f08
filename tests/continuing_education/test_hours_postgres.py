"""The hours area's data rules under parallel requests, on PostgreSQL's real row locks:

- one declaration approved by two reviewers of its department at once: one decision goes through, the archive is
  credited once (the engine locks the declaration, then its review; ce_entry_declaration_once behind it);
- two declarations of one person approved at once: both credited, the year's sums exact (the archive service
  locks the person's ArchiveYear row while the sums change)."""

from decimal import Decimal

import pytest
from django.urls import reverse

from continuing_education.models import ArchiveEntry, ArchiveYear, DeclarationStatus
from continuing_education.rules import REVIEW
from continuing_education.services import hours_review
from reviews.models import StepStatus
from tests import factories
from tests.apprenticeships import concurrency
from tests.continuing_education import factories as ce
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def national_floor(transactional_db):
    """The conftest's rule, after the regions a transactional test has to load itself."""
    concurrency.load_regions()
    return ce.hours_rule("410000")


@pytest.fixture
def slow_credit(monkeypatch):
    """The approval's credit waits after writing, so the second request arrives while the first holds its locks."""
    concurrency.wait_after(monkeypatch, hours_review, "credit", 0.5)


def _at_department(declaration, by):
    """Submitted and approved by the unit: waiting for the county."""
    from reviews import services as reviews

    review = reviews.submit(kind_key="ce_hours", subject=declaration, actor=declaration.person)
    step = review.steps.get(position=0)
    reviews.decide(review_id=review.pk, actor=by, decision="approve", step_id=step.pk)
    return review


def _approve(user, review):
    step = review.steps.get(status=StepStatus.PENDING)

    def post():
        response = concurrency.logged_in(user).post(reverse("reviews:decide", args=[review.pk]),
                                                    {"step_id": step.pk, "decision": "approve", "reason": ""})
        return response.status_code

    return post


def test_one_declaration_approved_twice_at_once_is_credited_once(pro_a, admin_a, county_hr_a, county_reviewer_a,
                                                                 slow_credit):
    second_reviewer = factories.UserFactory(organisation=county_hr_a, username="county_a2", real_name="金水审核员二")
    second_reviewer.roles.add(county_hr_a.roles.create(name="学时审核", permissions=[REVIEW]))
    declaration = ce.declaration(pro_a.staff_links.get(), by=pro_a)
    review = _at_department(declaration, admin_a)
    results = run_together(_approve(county_reviewer_a, review), _approve(second_reviewer, review))
    assert results == [302, 302]
    declaration.refresh_from_db()
    assert declaration.status == DeclarationStatus.APPROVED
    assert ArchiveEntry.objects.filter(declaration=declaration).count() == 1
    archive = ArchiveYear.objects.get(id_number=pro_a.id_number)
    assert (archive.declared_hours, archive.professional_hours) == (Decimal("8"), Decimal("8"))
    assert review.steps.get(position=1).decided_by_id in (county_reviewer_a.pk, second_reviewer.pk)


def test_two_declarations_of_one_person_approved_at_once_add_up(pro_a, admin_a, staff_a,
                                                                 county_reviewer_a, slow_credit):
    ce.credit_result(ce.online_result(admin_a.organisation, by=admin_a, member=staff_a, hours=10), by=admin_a)
    first = ce.declaration(staff_a, by=pro_a, hours=8, title="行业学术年会")
    second = ce.declaration(staff_a, by=pro_a, hours=6, title="专业技术讲座", subject_type="public")
    reviews = [_at_department(first, admin_a), _at_department(second, admin_a)]
    results = run_together(_approve(county_reviewer_a, reviews[0]), _approve(county_reviewer_a, reviews[1]))
    assert results == [302, 302]
    archive = ArchiveYear.objects.get(id_number=pro_a.id_number)
    assert (archive.declared_hours, archive.professional_hours, archive.public_hours, archive.online_hours) == (
        Decimal("14"), Decimal("8"), Decimal("16"), Decimal("10"))
    assert archive.entries.count() == 3
