"""培训成果更正申请: after results are reported, the unit files a correction; the class's reviewer (A's 所属人社部门)
decides it; approval moves the archive credits exactly, a rejection changes nothing; one open per class."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from continuing_education.models import (
    ArchiveEntry,
    ArchiveYear,
    ClassStatus,
    CorrectionStatus,
    ResultsCorrection,
)
from reviews.models import Review
from reviews.selectors import latest_review_for
from tests import factories
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_classes import decide, messages_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(client, admin_a, enterprise_a, staff_a):
    """An approved 暂不上报 class with 王专技 (10, 合格) and 李新人 (8, 不合格), results reported over HTTP."""
    today = timezone.localdate()
    training_class = ce.training_class(
        enterprise_a, by=admin_a, status=ClassStatus.APPROVED, year=today.year,
        starts_on=max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=3)), ends_on=today)
    ce.participant(training_class, member=staff_a, hours=10)
    ce.participant(training_class, name="李新人", id_number=factories.make_id_number("19900305"), hours=8,
                   assessment="failed")
    client.force_login(admin_a)
    response = client.post(reverse("continuing_education:class_report_results", args=[training_class.pk]))
    assert messages_of(response) == ["培训成果已上报，1人的学时已记入培训档案"]
    training_class.refresh_from_db()
    return training_class


def _url(training_class):
    return reverse("continuing_education:correction_new", args=[training_class.pk])


def _data(training_class, reason="成绩录入错误", **rows):
    """rows: name -> (hours, assessment); the others keep their current results."""
    data = {"reason": reason}
    for person in training_class.participants.all():
        hours, assessment = rows.get(person.name, (person.hours, person.assessment))
        data[f"hours_{person.pk}"] = "" if hours is None else str(hours)
        data[f"assessment_{person.pk}"] = assessment
    return data


def _hours():
    return sorted((year.name, year.class_hours, year.professional_hours) for year in ArchiveYear.objects.all())


def test_file_and_approve_moves_the_archive_exactly(client, admin_a, reported, county_reviewer_a):
    assert _hours() == [("王专技", Decimal("10"), Decimal("10"))]
    response = client.get(_url(reported))
    assert response.status_code == 200
    response = client.post(_url(reported), _data(reported, 王专技=("6", "passed"), 李新人=("8", "passed")))
    assert response.status_code == 302
    assert messages_of(response) == ["培训成果更正申请已提交培训班审核部门"]
    correction = ResultsCorrection.objects.get()
    assert correction.status == CorrectionStatus.PENDING
    assert [(c["name"], c["hours_before"], c["hours"], c["assessment"]) for c in correction.payload["changes"]] == [
        ("王专技", "10.0", "6", "passed"), ("李新人", "8.0", "8", "passed")]
    assert _hours() == [("王专技", Decimal("10"), Decimal("10"))]  # nothing changes before the decision
    detail = client.get(reverse("continuing_education:class_detail", args=[reported.pk]))
    assert "培训成果更正申请" in detail.content.decode() and "待审核" in detail.content.decode()

    response = decide(client, county_reviewer_a, correction)
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.APPROVED and correction.decided_at is not None
    assert _hours() == [("李新人", Decimal("8"), Decimal("8")), ("王专技", Decimal("6"), Decimal("6"))]
    assert sorted(ArchiveEntry.objects.values_list("participant__name", "hours")) == [
        ("李新人", Decimal("8")), ("王专技", Decimal("6"))]
    assert sorted(reported.participants.values_list("name", "hours", "assessment")) == [
        ("李新人", Decimal("8"), "passed"), ("王专技", Decimal("6"), "passed")]
    assert AuditEntry.objects.filter(action="continuing_education.correction_applied").count() == 1
    # Closed: the unit may file a further one.
    client.force_login(admin_a)
    response = client.post(_url(reported), _data(reported, 王专技=("0", "failed")))
    assert messages_of(response) == ["培训成果更正申请已提交培训班审核部门"]
    decide(client, county_reviewer_a, ResultsCorrection.objects.filter(status="pending").get())
    assert _hours() == [("李新人", Decimal("8"), Decimal("8")), ("王专技", Decimal("0"), Decimal("0"))]
    assert list(ArchiveEntry.objects.values_list("participant__name", flat=True)) == ["李新人"]


def test_rejected_changes_nothing(client, reported, county_reviewer_a):
    client.post(_url(reported), _data(reported, 王专技=("6", "passed")))
    correction = ResultsCorrection.objects.get()
    response = decide(client, county_reviewer_a, correction, decision="reject", reason="证明材料不足")
    assert response.status_code == 302
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.REJECTED
    assert _hours() == [("王专技", Decimal("10"), Decimal("10"))]
    assert sorted(reported.participants.values_list("name", "hours")) == [
        ("李新人", Decimal("8")), ("王专技", Decimal("10"))]


def test_one_open_correction_and_form_messages(client, reported):
    response = client.post(_url(reported), _data(reported))
    assert response.context["form"].non_field_errors() == ["没有需要更正的培训成果"]
    wang = reported.participants.get(name="王专技")
    response = client.post(_url(reported), _data(reported, 王专技=("99", "passed"), reason=""))
    errors = response.context["form"].errors
    assert errors["reason"] == ["请填写更正原因"]
    assert errors[f"hours_{wang.pk}"] == [f"获得学时不能超过培训班学时（{reported.hours}）"]
    response = client.post(_url(reported), _data(reported, 王专技=("5", "")))
    assert response.context["form"].errors[f"assessment_{wang.pk}"] == ["获得学时和考核结果须同时填写"]
    response = client.post(_url(reported), {**_data(reported), f"hours_{wang.pk}": "abc"})
    assert response.context["form"].errors[f"hours_{wang.pk}"] == ["获得学时应为数字，如 6 或 6.5"]
    assert not ResultsCorrection.objects.exists()
    client.post(_url(reported), _data(reported, 王专技=("6", "passed")))
    response = client.post(_url(reported), _data(reported, 王专技=("7", "passed")))
    assert response.context["form"].non_field_errors() == ["该培训班已有审核中的培训成果更正申请，请等待审核结果"]
    assert ResultsCorrection.objects.count() == 1 and Review.objects.filter(kind="ce_class_correction").count() == 1


def test_not_reported_is_refused(client, admin_a, enterprise_a):
    training_class = ce.training_class(enterprise_a, by=admin_a, status=ClassStatus.APPROVED)
    client.force_login(admin_a)
    response = client.post(_url(training_class), {"reason": "x"})
    assert messages_of(response) == ["培训成果尚未上报，请直接修改报名人员的培训成果"]
    assert not ResultsCorrection.objects.exists()


def test_deny(client, reported, admin_b, trainer_a, county_reviewer_b, industry_reviewer, pro_b):
    data = _data(reported, 王专技=("6", "passed"))
    for user, status in ((admin_b, 404), (trainer_a, 403), (county_reviewer_b, 404), (industry_reviewer, 404),
                         (pro_b, 404)):
        client.force_login(user)
        assert client.post(_url(reported), data).status_code == status, user
    assert not ResultsCorrection.objects.exists()


def test_only_the_class_reviewer_decides(client, reported, county_reviewer_b, industry_reviewer,
                                         county_reviewer_a):
    client.post(_url(reported), _data(reported, 王专技=("6", "passed")))
    correction = ResultsCorrection.objects.get()
    review = latest_review_for(correction)
    for user in (county_reviewer_b, industry_reviewer):
        assert decide(client, user, correction).status_code in (403, 404)
    correction.refresh_from_db()
    assert correction.status == CorrectionStatus.PENDING
    assert _hours() == [("王专技", Decimal("10"), Decimal("10"))]
    response = client.get(reverse("reviews:detail", args=[review.pk]))
    assert response.status_code in (403, 404)
    client.force_login(county_reviewer_a)
    page = client.get(reverse("reviews:detail", args=[review.pk])).content.decode()
    assert "成绩录入错误" in page and "王专技" in page
