"""The three batch reports through the batch engine's import page: good rows saved, bad rows with exact
reasons, re-import updates; and 上报记录 filtered by status and month."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from tests.batch.helpers import upload, xlsx_bytes
from tests.traineeships.test_placements import approved_application, on_post_placement
from traineeships.models import MonthlyReport, Placement, PlacementStatus

pytest_plugins = ["tests.traineeships.test_placements"]

ON_POST_HEADERS = ["身份证号", "姓名", "月份", "是否在岗", "备注"]
ATTENDANCE_HEADERS = ["身份证号", "姓名", "月份", "出勤天数", "缺勤天数"]
MATCHING_HEADERS = ["身份证号", "姓名", "岗位名称", "见习开始日期", "见习结束日期", "生活费（元/月）", "保险公司",
                    "保单号", "保费（元）", "保额（元）", "保险起始日期", "保险截止日期"]


@pytest.fixture
def post_report(django_capture_on_commit_callbacks):
    def post(client, spec, rows, headers):
        with django_capture_on_commit_callbacks(execute=True):
            return client.post(reverse("batch:import", args=[spec]),
                               {"file": upload(xlsx_bytes(rows, headers), "上报.xlsx")})

    return post


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    return on_post_placement(application, admin_a, county_reviewer_a)


def _errors(job):
    return list(job.row_errors.values_list("row_number", "message"))


@pytest.mark.django_db
def test_on_post_report_saves_good_rows_and_explains_bad_ones(client, admin_a, placement, post_report):
    person = placement.person
    client.force_login(admin_a)
    response = post_report(client, "traineeship_on_post", [
        [person.id_number, "王见习", "2026-03", "是", ""],
        [person.id_number, "王见习", "2026年4月", "否", "病假"],
        [person.id_number, "王见习", "2026-10", "是", ""],
        [person.id_number, "李四", "2026-05", "是", ""],
        ["410105199001011234", "张三", "2026-05", "是", ""],
        [person.id_number, "王见习", "2026-13", "是", ""],
        [person.id_number, "王见习", "2026-03", "否", ""],
    ], ON_POST_HEADERS)
    job = BatchJob.objects.get()
    assert response["Location"] == reverse("batch:detail", args=[job.pk])
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.SUCCEEDED, 2, 5)
    assert _errors(job) == [
        (4, "月份：该月份不在见习期内（2026-03-01至2026-08-31）"),
        (5, "姓名：姓名与身份证号不一致（系统登记为王见习）"),
        (6, "本单位没有该身份证号的在岗（或已结束）见习人员"),
        (7, "月份：月份格式应为 2026-03"),
        (8, "身份证号、月份与第2行重复"),
    ]
    reports = {r.month: (r.on_post, r.note) for r in MonthlyReport.objects.filter(placement=placement)}
    assert reports == {datetime.date(2026, 3, 1): (True, ""), datetime.date(2026, 4, 1): (False, "病假")}
    # Importing a corrected file updates the month (natural key: person + month).
    post_report(client, "traineeship_on_post", [[person.id_number, "王见习", "2026-04", "是", ""]], ON_POST_HEADERS)
    assert MonthlyReport.objects.get(placement=placement, month=datetime.date(2026, 4, 1)).on_post is True
    assert BatchJob.objects.order_by("-id").first().updated_rows == 1


@pytest.mark.django_db
def test_attendance_report(client, admin_a, placement, post_report):
    person = placement.person
    client.force_login(admin_a)
    post_report(client, "traineeship_attendance", [
        [person.id_number, "王见习", "2026-03", 21, 1],
        [person.id_number, "王见习", "2026-04", 25, 6],
        [person.id_number, "王见习", "2026-05", -1, 0],
    ], ATTENDANCE_HEADERS)
    job = BatchJob.objects.get()
    assert _errors(job) == [(3, "出勤天数与缺勤天数之和不能超过当月天数（30天）"), (4, "出勤天数：不能小于0")]
    report = MonthlyReport.objects.get(placement=placement)
    assert (report.month, report.days_on_post, report.days_absent, report.on_post) == (
        datetime.date(2026, 3, 1), 21, 1, None)


@pytest.mark.django_db
def test_matching_report_registers_approved_applicants(client, admin_a, post_a, application, post_report, wage):
    second = approved_application(post_a)
    third = approved_application(post_a)
    client.force_login(admin_a)
    row = ["软件测试见习生", datetime.date(2026, 3, 1), datetime.date(2026, 8, 31), 2200, "中国人寿", "P1", 120,
           500000, datetime.date(2026, 3, 1), datetime.date(2027, 2, 28)]
    post_report(client, "traineeship_matching", [
        [application.person.id_number, "王见习", *row],
        [second.person.id_number, second.person.real_name, row[0], *row[1:4], "", *row[5:]],
        [second.person.id_number, second.person.real_name, *row[:3], 1000, *row[4:]],
        [third.person.id_number, third.person.real_name, *row],
    ], MATCHING_HEADERS)
    job = BatchJob.objects.get()
    assert _errors(job) == [
        (3, "保险公司：请填写保险公司"),
        (4, "生活费（元/月）：生活费不能低于当地2026年3月的月最低工资标准 2100.00 元"),
        (5, "该岗位招募名额已满（2人），不能再登记上岗"),
    ]
    placement = Placement.objects.get()
    assert (placement.person, placement.status, placement.monthly_allowance) == (
        application.person, PlacementStatus.DRAFT, Decimal("2200.00"))
    # Re-import with a changed allowance updates the registration still waiting for its agreement.
    row[3] = 2500
    post_report(client, "traineeship_matching", [[application.person.id_number, "王见习", *row]], MATCHING_HEADERS)
    placement.refresh_from_db()
    assert placement.monthly_allowance == Decimal("2500.00") and Placement.objects.count() == 1


@pytest.mark.django_db
def test_submission_records_by_status_and_month(client, admin_a, admin_b, placement, post_report, outsider):
    client.force_login(admin_a)
    post_report(client, "traineeship_on_post", [[placement.person.id_number, "王见习", "2026-03", "是", ""]],
                ON_POST_HEADERS)
    job = BatchJob.objects.get()
    page = client.get(reverse("traineeships:reports")).content.decode()
    assert f'data-job="{job.pk}"' in page and "见习人员每月在岗情况上报导入" in page
    month = f"{job.created_at:%Y-%m}"
    assert f'data-job="{job.pk}"' in client.get(reverse("traineeships:reports"),
                                                {"status": "succeeded", "month": month}).content.decode()
    assert f'data-job="{job.pk}"' not in client.get(reverse("traineeships:reports"),
                                                    {"status": "failed"}).content.decode()
    assert f'data-job="{job.pk}"' not in client.get(reverse("traineeships:reports"),
                                                    {"month": "2020-01"}).content.decode()
    client.force_login(admin_b)
    assert f'data-job="{job.pk}"' not in client.get(reverse("traineeships:reports")).content.decode()
    client.force_login(outsider)
    assert client.get(reverse("traineeships:reports")).status_code == 403
    assert client.get(reverse("batch:import", args=["traineeship_on_post"])).status_code == 403
