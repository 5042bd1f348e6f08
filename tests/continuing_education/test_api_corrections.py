"""培训成果更正申请 through /api/v1/continuing-education/: filing (submits to the class's reviewer), the class's list,
the detail, withdrawing while undecided; approval through the generic review API; and who may not."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from continuing_education.models import ArchiveYear, ClassStatus, CorrectionStatus, ResultsCorrection, ResultsStatus
from continuing_education.services.classes import report_results
from reviews.models import Review, ReviewStatus
from tests import factories
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db
API = "/api/v1/continuing-education/"


@pytest.fixture
def reported(admin_a, enterprise_a, staff_a):
    """An approved class with 王专技 (10, 合格) and 李新人 (8, 不合格), its results reported."""
    today = timezone.localdate()
    training_class = ce.training_class(
        enterprise_a, by=admin_a, status=ClassStatus.APPROVED, year=today.year,
        starts_on=max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=3)), ends_on=today)
    ce.participant(training_class, member=staff_a, hours=10)
    ce.participant(training_class, name="李新人", id_number=factories.make_id_number("19900305"), hours=8,
                   assessment="failed")
    report_results(actor=admin_a, training_class=training_class)
    training_class.refresh_from_db()
    assert training_class.results_status == ResultsStatus.REPORTED
    return training_class


def _person(training_class, name):
    return training_class.participants.get(name=name).pk


def _file(client, training_class, headers, rows, reason="成绩录入错误"):
    return client.post(f"{API}classes/{training_class.pk}/corrections/", {"reason": reason, "results": rows},
                       content_type="application/json", **headers)


def test_a_unit_files_a_correction_and_the_reviewer_approves_it(client, admin_a, reported, county_reviewer_a):
    headers = auth(token_for(admin_a))
    li = _person(reported, "李新人")
    unchanged = _file(client, reported, headers, [{"participant": li, "hours": "8", "assessment": "failed"}])
    assert unchanged.status_code == 400 and unchanged.json()["message"] == "没有需要更正的培训成果"
    too_many = _file(client, reported, headers, [{"participant": li, "hours": "999", "assessment": "passed"}])
    assert too_many.status_code == 400 and too_many.json()["field"] == f"hours_{li}"
    filed = _file(client, reported, headers, [{"participant": li, "hours": "8", "assessment": "passed"}])
    assert filed.status_code == 201, filed.json()
    body = filed.json()
    assert (body["status"], body["reason"]) == ("pending", "成绩录入错误")
    assert body["changes"] == [{"participant": li, "name": "李新人", "hours_before": "8.0",
                                "assessment_before": "failed", "hours": "8", "assessment": "passed"}]  # as filed
    assert body["review_id"] == Review.objects.get(status=ReviewStatus.PENDING, subject_id=body["id"]).pk
    listed = client.get(f"{API}classes/{reported.pk}/corrections/", **headers).json()["results"]
    assert [row["id"] for row in listed] == [body["id"]]
    again = _file(client, reported, headers, [{"participant": li, "hours": "7", "assessment": "passed"}])
    assert again.status_code in (400, 409) and ResultsCorrection.objects.count() == 1  # one open per class

    reviewer = auth(token_for(county_reviewer_a))
    assert client.get(f"{API}corrections/{body['id']}/", **reviewer).json()["status"] == "pending"
    decided = client.post(f"/api/v1/reviews/{body['review_id']}/decide/", {"decision": "approve"},
                          content_type="application/json", **reviewer)
    assert decided.status_code == 200, decided.json()
    assert client.get(f"{API}corrections/{body['id']}/", **headers).json()["status"] == "approved"
    assert ArchiveYear.objects.get(name="李新人").class_hours == Decimal("8")


def test_the_unit_withdraws_an_undecided_correction(client, admin_a, reported):
    headers = auth(token_for(admin_a))
    filed = _file(client, reported, headers, [{"participant": _person(reported, "王专技"), "hours": "6",
                                               "assessment": "passed"}]).json()
    withdrawn = client.post(f"{API}corrections/{filed['id']}/withdraw/", **headers)
    assert withdrawn.status_code == 200, withdrawn.json()
    assert withdrawn.json()["status"] == CorrectionStatus.WITHDRAWN
    assert client.post(f"{API}corrections/{filed['id']}/withdraw/", **headers).status_code == 409
    assert ArchiveYear.objects.get(name="王专技").class_hours == Decimal("10")  # nothing moved


def test_others_may_not_file_or_withdraw(client, admin_a, admin_b, trainer_a, county_reviewer_a, reported,
                                         enterprise_a):
    row = [{"participant": _person(reported, "王专技"), "hours": "6", "assessment": "passed"}]
    assert _file(client, reported, auth(token_for(admin_b)), row).status_code == 404  # another unit
    assert _file(client, reported, auth(token_for(trainer_a)), row).status_code == 403  # 培训管理 only
    assert _file(client, reported, auth(token_for(county_reviewer_a)), row).status_code == 403  # its department
    foreign = _file(client, reported, auth(token_for(admin_a)), [{"participant": 10 ** 20, "hours": "1",
                                                                  "assessment": "passed"}])
    assert foreign.status_code == 400
    assert foreign.json()["errors"] == [{"field": "results", "code": "invalid",
                                         "message": "所选人员不是该培训班的报名人员"}]
    open_class = ce.training_class(enterprise_a, by=admin_a, status=ClassStatus.APPROVED, name="未上报培训班")
    assert _file(client, open_class, auth(token_for(admin_a)), row).status_code == 409  # results not reported
    filed = _file(client, reported, auth(token_for(admin_a)), row).json()
    url = f"{API}corrections/{filed['id']}/"
    assert client.get(url, **auth(token_for(admin_b))).status_code == 404
    assert client.post(url + "withdraw/", **auth(token_for(admin_b))).status_code == 404
    assert client.post(url + "withdraw/", **auth(token_for(county_reviewer_a))).status_code == 403
    read_only = auth(token_for(admin_a, scopes=["continuing_education:read"]))
    assert client.post(url + "withdraw/", **read_only).json()["code"] == "scope_missing"
    assert ResultsCorrection.objects.get().status == CorrectionStatus.PENDING
