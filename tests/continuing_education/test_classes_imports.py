"""The participant imports (面授班培训成果导入, 班级人员导入, 申请培训班的培训成果导入) and entering a 同步上报
declaration's participants with their results."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from batch.models import BatchJob, JobStatus
from batch.registry import get_import
from continuing_education.models import ClassStatus, ReportMode
from tests import factories
from tests.batch.helpers import upload, xlsx_bytes
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_classes import messages_of

pytestmark = pytest.mark.django_db


def _held(unit, admin, **fields):
    today = timezone.localdate()
    return ce.training_class(unit, by=admin, year=today.year, ends_on=today,
                             starts_on=max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=2)),
                             **fields)


def _import(client, key, training_class, rows, capture):
    headers = [column.header for column in get_import(key).columns]
    with capture(execute=True):
        response = client.post(reverse("batch:import", args=[key]) + f"?parent={training_class.pk}",
                               {"file": upload(xlsx_bytes(rows, headers=headers), "成果.xlsx")})
    assert response.status_code == 302
    return BatchJob.objects.order_by("-pk").first()


def test_results_import_into_an_approved_class(client, admin_a, enterprise_a, staff_a,
                                               django_capture_on_commit_callbacks):
    training_class = _held(enterprise_a, admin_a, status=ClassStatus.APPROVED)
    client.force_login(admin_a)
    other = factories.make_id_number("19900305")
    job = _import(client, "ce_class_results", training_class, [
        [staff_a.name, staff_a.id_number, "12", "合格"],
        ["李新人", other, "99", "合格"],
        ["无结果", factories.make_id_number("19910101"), "", ""],
    ], django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 1, 2)
    errors = {error.row_number: error.message for error in job.row_errors.all()}
    assert "获得学时不能超过培训班学时" in errors[3]
    assert "请填写获得学时" in errors[4]
    person = training_class.participants.get()
    assert (person.name, person.hours, person.assessment) == (staff_a.name, 12, "passed")


def test_import_refused_for_others_and_before_approval(client, admin_a, admin_b, trainer_a, enterprise_a):
    draft = ce.training_class(enterprise_a, by=admin_a)
    approved = _held(enterprise_a, admin_a, status=ClassStatus.APPROVED, name="已通过")
    url = reverse("batch:import", args=["ce_class_people"]) + f"?parent={approved.pk}"
    client.force_login(admin_b)
    assert client.get(url).status_code == 404
    client.force_login(trainer_a)
    assert client.get(url).status_code == 403
    client.force_login(admin_a)
    assert client.get(url).status_code == 200
    assert client.get(reverse("batch:import", args=["ce_class_people"]) + f"?parent={draft.pk}").status_code == 403


def test_sync_declaration_takes_participants_with_results(client, admin_a, enterprise_a, staff_a, county_reviewer_a,
                                                         django_capture_on_commit_callbacks):
    training_class = _held(enterprise_a, admin_a, report_mode=ReportMode.SYNC)
    client.force_login(admin_a)
    url = reverse("continuing_education:participant_add", args=[training_class.pk])
    response = client.post(url, {"name": staff_a.name, "id_number": staff_a.id_number})
    errors = response.context["form"].errors
    assert errors["hours"] == ["请填写获得学时"]
    assert errors["assessment"] == ["请选择考核结果"]
    client.post(url, {"name": staff_a.name, "id_number": staff_a.id_number, "hours": "10", "assessment": "passed"})
    job = _import(client, "ce_class_sync_results", training_class,
                  [["李新人", factories.make_id_number("19900305"), "6", "不合格"]],
                  django_capture_on_commit_callbacks)
    assert (job.created_rows, job.failed_rows) == (1, 0)
    response = client.post(reverse("continuing_education:class_submit", args=[training_class.pk]))
    assert messages_of(response) == ["培训班申报已提交审核"]
    # Pending: the participants are closed until the review answers.
    response = client.post(url, {"name": "再加一人", "id_number": factories.make_id_number("19920101"),
                                 "hours": "1", "assessment": "passed"})
    assert response.context["form"].non_field_errors() == ["培训班待审核，不能修改报名人员"]
    assert training_class.participants.count() == 2
