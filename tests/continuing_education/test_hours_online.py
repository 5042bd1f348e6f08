"""网络培训成果 and 网络班培训成果导入: rows of the unit's platforms and roster, credited to the archive at once; a
repeated row, an unknown platform, a person not on the roster and the online cap fail with their reasons; the
fixed rows import on a second run."""

from decimal import Decimal

import pytest
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from batch.registry import get_import
from continuing_education.models import ArchiveYear, OnlineResult
from tests.batch.helpers import upload, xlsx_bytes
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db


def _import(client, rows, capture):
    headers = [column.header for column in get_import("ce_online_results").columns]
    with capture(execute=True):
        response = client.post(reverse("batch:import", args=["ce_online_results"]),
                               {"file": upload(xlsx_bytes(rows, headers=headers), "网络培训成果.xlsx")})
    assert response.status_code == 302
    return BatchJob.objects.order_by("-pk").first()


def _row(member, *, platform="专技学习网", course="公需科目网络课程", hours=10, subject="公需科目", year=None):
    year = year or ce.this_year()
    return [platform, member.name, member.id_number, course, year, subject, hours, f"{year}-05-20"]


def test_import_with_bad_rows_fixed_and_imported_again(client, trainer_a, enterprise_a, staff_a, pro_b,
                                                       django_capture_on_commit_callbacks):
    ce.platform(enterprise_a, name="专技学习网")
    other = pro_b.staff_links.get()
    client.force_login(trainer_a)
    assert client.get(reverse("batch:import", args=["ce_online_results"])).status_code == 200
    job = _import(client, [
        _row(staff_a),
        _row(staff_a, platform="别家平台", course="专业科目网络课程", subject="专业科目"),
        _row(other),
        _row(staff_a, course="公需科目第二课", hours=0),
    ], django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 1, 3)
    errors = {error.row_number: error.message for error in job.row_errors.all()}
    assert "本单位没有名为“别家平台”的网授平台" in errors[3]
    assert "该人员不在本单位人员信息中" in errors[4]
    assert "学时必须大于 0" in errors[5]
    archive = ArchiveYear.objects.get(id_number=staff_a.id_number, year=ce.this_year())
    assert (archive.online_hours, archive.public_hours) == (Decimal("10"), Decimal("10"))
    # The fixed row imports; the row imported before is refused by the constraint, not counted twice.
    job = _import(client, [
        _row(staff_a, course="专业科目网络课程", subject="专业科目", hours=20),
        _row(staff_a),
    ], django_capture_on_commit_callbacks)
    assert (job.created_rows, job.failed_rows) == (1, 1)
    assert "该人员该平台该年度的同一课程成果已导入" in job.row_errors.get().message
    archive.refresh_from_db()
    assert (archive.online_hours, archive.public_hours, archive.professional_hours) == (
        Decimal("30"), Decimal("10"), Decimal("20"))
    assert OnlineResult.objects.count() == 2 and archive.entries.count() == 2
    page = client.get(reverse("continuing_education:online_results")).content.decode()
    assert "专业科目网络课程" in page and "公需科目网络课程" in page


def test_online_cap_of_the_region(client, trainer_a, enterprise_a, staff_a, django_capture_on_commit_callbacks):
    ce.hours_rule("410000", online_cap=Decimal("15"))
    ce.platform(enterprise_a, name="专技学习网")
    client.force_login(trainer_a)
    job = _import(client, [_row(staff_a), _row(staff_a, course="第二门课")], django_capture_on_commit_callbacks)
    assert (job.created_rows, job.failed_rows) == (1, 1)
    assert job.row_errors.get().message == (
        f"超过网络培训学时上限：该人员{ce.this_year()}年网络培训学时将达 20.0，上限 15.0")
    assert ArchiveYear.objects.get(id_number=staff_a.id_number).online_hours == Decimal("10")
    assert OnlineResult.objects.count() == 1


def test_who_opens_the_online_results(client, trainer_a, hours_manager_a, admin_a, admin_b, member_a, pro_a,
                                      enterprise_a, staff_a):
    ce.online_result(enterprise_a, by=admin_a, member=staff_a, course_name="甲的网络课程")
    for user, status in ((trainer_a, 200), (admin_a, 200), (admin_b, 200), (hours_manager_a, 403), (member_a, 403),
                         (pro_a, 403)):
        client.force_login(user)
        response = client.get(reverse("continuing_education:online_results"))
        assert response.status_code == status, user.username
        if user == admin_b:
            assert "甲的网络课程" not in response.content.decode()
    client.force_login(hours_manager_a)
    assert client.get(reverse("batch:import", args=["ce_online_results"])).status_code == 403
    client.force_login(trainer_a)
    response = client.get(reverse("continuing_education:online_results"), {"year": "abc", "name": "x" * 100})
    assert response.status_code == 200
    assert "年度应为四位数字，如 2026" in response.content.decode()
