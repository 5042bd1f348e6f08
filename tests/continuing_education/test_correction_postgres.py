"""培训成果更正申请 under parallel requests, on PostgreSQL: two corrections of one class filed at once give one
open correction (and one review); the other request is told so (the class's row lock, then the partial unique
constraint ce_correction_one_open)."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from continuing_education.models import ClassStatus, ResultsCorrection, ResultsStatus, TrainingClass
from continuing_education.services import correction as services
from reviews.models import Review
from tests.apprenticeships import concurrency
from tests.continuing_education import factories as ce
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture(autouse=True)
def national_floor(transactional_db):
    concurrency.load_regions()
    return ce.hours_rule("410000")


def _post(user, url, data):
    def post():
        response = concurrency.logged_in(user).post(url, data)
        errors = response.context["form"].non_field_errors() if response.status_code == 200 else []
        return response.status_code, [str(m) for m in response.wsgi_request._messages._queued_messages] + errors

    return post


def test_two_corrections_filed_at_once_give_one(monkeypatch, enterprise_a, admin_a, staff_a):
    concurrency.wait_after(monkeypatch, services, "record", 0.5)
    today = timezone.localdate()
    training_class = ce.training_class(
        enterprise_a, by=admin_a, status=ClassStatus.APPROVED, year=today.year,
        starts_on=max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=2)), ends_on=today)
    person = ce.participant(training_class, member=staff_a, hours=10)
    TrainingClass.objects.filter(pk=training_class.pk).update(results_status=ResultsStatus.REPORTED)
    url = reverse("continuing_education:correction_new", args=[training_class.pk])
    first = {"reason": "录入错误", f"hours_{person.pk}": "6", f"assessment_{person.pk}": "passed"}
    second = {"reason": "考核更正", f"hours_{person.pk}": "0", f"assessment_{person.pk}": "failed"}
    results = run_together(_post(admin_a, url, first), _post(admin_a, url, second))
    assert sorted(results) == [(200, ["该培训班已有审核中的培训成果更正申请，请等待审核结果"]),
                               (302, ["培训成果更正申请已提交培训班审核部门"])]
    assert ResultsCorrection.objects.filter(training_class=training_class, status="pending").count() == 1
    assert Review.objects.filter(kind="ce_class_correction").count() == 1
