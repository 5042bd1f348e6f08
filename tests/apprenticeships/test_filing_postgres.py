"""The filing area's data rules under parallel requests, on PostgreSQL's real row locks:

- one active apprenticeship per person: two enterprises submit filings naming the same person at once, exactly
  one submission goes through, the other is refused naming the person (the partial unique index
  ap_trainee_one_active, written by places.hold_places inside the submission);
- one 培训信息 per filing: two parallel 新增培训信息 on the same filing add one, the other is told so;
- filing numbers: two drafts created at once get different numbers."""


import pytest
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import Filing, FilingStatus, Trainee, TrainingClass
from apprenticeships.rules import COMMITMENT_VERSION
from apprenticeships.services import filing as services
from reviews.models import Review
from tests import factories
from tests.apprenticeships import concurrency
from tests.apprenticeships import factories as ap
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def zhengzhou_parameters(transactional_db):
    return concurrency.zhengzhou_parameters()


@pytest.fixture
def slow_problems(monkeypatch):
    """Wait after the checks, so that the second request arrives while the first holds its locks."""
    concurrency.wait_after(monkeypatch, services, "submission_problems", 0.5)


def _post(user, url, data=None):
    def post():
        response = concurrency.logged_in(user).post(url, data or {})
        return response.status_code, [str(message) for message in response.wsgi_request._messages]

    return post


def test_two_enterprises_submit_the_same_person_at_once(enterprise_a, admin_a, enterprise_b, admin_b,
                                                        county_reviewer_a, county_reviewer_b, city_reviewer,
                                                        slow_problems):
    first = ap.complete_filing(enterprise_a, by=admin_a, status="draft", trainees=0)
    second = ap.complete_filing(enterprise_b, by=admin_b, status="draft", trainees=0)
    id_number = factories.make_id_number(factories.young_birth())
    ap.trainee(first, name="同一人", id_number=id_number)
    ap.trainee(second, name="同一人", id_number=id_number)
    results = run_together(
        _post(admin_a, reverse("apprenticeships:filing_submit", args=[first.pk])),
        _post(admin_b, reverse("apprenticeships:filing_submit", args=[second.pk])))
    assert [status for status, _messages in results] == [302, 302]
    statuses = sorted(Filing.objects.filter(pk__in=[first.pk, second.pk]).values_list("status", flat=True))
    assert statuses == [FilingStatus.DRAFT, FilingStatus.SUBMITTED]
    assert Review.objects.count() == 1
    assert Trainee.objects.filter(holds_place=True).count() == 1
    refused = [messages for status, messages in results if "已提交审核" not in messages]
    [[message]] = refused
    assert "培训人员 同一人 已在“" in message and "同一人同一时间只能参加一个学徒制培训" in message


def test_two_parallel_new_classes_add_one(enterprise_a, admin_a):
    filing = ap.filing(enterprise_a, by=admin_a, with_class=False, materials=False)
    data = {"occupation": "电工", "occupation_code": "", "target_level": "senior", "starts_on": "2027-01-04",
            "ends_on": "2028-01-03", "hours": "400", "mode": "on_the_job", "extension_reason": "", "new": "1"}
    url = reverse("apprenticeships:filing_class", args=[filing.pk])

    def add(occupation):
        def post():
            response = concurrency.logged_in(admin_a).post(url, {**data, "occupation": occupation})
            return response.status_code, response.content.decode()

        return post

    results = run_together(add("电工"), add("焊工"))
    assert sorted(status for status, _page in results) == [200, 302]
    [page] = [page for status, page in results if status == 200]
    assert "一次备案只允许新增一条培训信息" in page
    assert TrainingClass.objects.filter(filing=filing).count() == 1


def test_two_drafts_created_at_once_get_different_numbers(enterprise_a, admin_a):
    def create():
        return services.create_filing(organisation=enterprise_a, actor=admin_a, apprenticeship_type="enterprise",
                                      commitment_version=COMMITMENT_VERSION,
                                      commitment_accepted_at=timezone.now()).number

    results = run_together(create, create)
    assert all(isinstance(number, str) for number in results), results
    assert len(set(results)) == 2
    assert Filing.objects.count() == 2
