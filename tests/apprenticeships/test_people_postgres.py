"""A filing's people under simultaneous requests, on PostgreSQL's real row locks: two adds of one ID number to one
filing (two browser tabs, two colleagues) leave one row, and the other request gets the constraint's message on
the ID number field."""


import pytest
from django.urls import reverse

from apprenticeships.services import people as services
from tests import factories
from tests.apprenticeships import concurrency
from tests.apprenticeships import factories as ap
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def zhengzhou_parameters(transactional_db):
    return concurrency.zhengzhou_parameters()


@pytest.fixture
def slow_person(monkeypatch):
    """Wait a moment after the filing is locked and the person found, so the second request arrives meanwhile."""
    concurrency.wait_after(monkeypatch, services, "_person", 0.3)


def _post(client, url, data):
    def request():
        response = client.post(url, data)
        if response.status_code == 302:
            return "saved"
        return response.context["form"].errors.get("id_number")
    return request


def test_two_parallel_adds_of_one_trainee_leave_one_row(enterprise_a, admin_a, filer_a, slow_person):
    filing = ap.filing(enterprise_a, by=admin_a)
    data = {"name": "钱学徒", "id_number": factories.make_id_number("19990307", seq=601), "mobile": "13912345678",
            "education": "senior", "hired_on": "2026-09-01", "contract_starts_on": "2026-09-01",
            "contract_ends_on": "2029-08-31", "monthly_wage": "4200"}
    url = reverse("apprenticeships:filing_trainee_create", args=[filing.pk])
    results = run_together(_post(concurrency.logged_in(admin_a), url, data),
                           _post(concurrency.logged_in(filer_a), url, data))
    assert sorted(results, key=str) == [["该身份证号的人员已在本备案的培训人员中"], "saved"], results
    assert filing.trainees.count() == 1


def test_two_parallel_adds_of_one_teacher_leave_one_row(enterprise_a, admin_a, filer_a, monkeypatch):
    filing = ap.filing(enterprise_a, by=admin_a)
    concurrency.wait_after(monkeypatch, services, "_lock_editable", 0.3)
    data = {"name": "李导师", "id_number": factories.make_id_number("19750101", seq=602), "kind": "mentor",
            "qualification": "技师", "certificate_number": "Z1", "mobile": ""}
    url = reverse("apprenticeships:filing_teacher_create", args=[filing.pk])
    results = run_together(_post(concurrency.logged_in(admin_a), url, data),
                           _post(concurrency.logged_in(filer_a), url, data))
    assert sorted(results, key=str) == [["该身份证号的教师已在本备案的师资中"], "saved"], results
    assert filing.teachers.count() == 1
