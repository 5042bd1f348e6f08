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
                    "保单号", "保费（元）", "保额（元）", "保险起始日期", "保险截止日期", "确认倒签"]


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
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 2, 5)
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
           500000, datetime.date(2026, 3, 1), datetime.date(2027, 2, 28), "是"]  # 2026-03-01 is back-dated
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


@pytest.fixture
def through_workers(monkeypatch):
    """The worker-process path a file of 2,000+ rows takes, forced on a small file: two workers, two rows per
    batch, so rows 2–3 and 4–5 are validated by different processes. Records each pool's worker count."""
    from batch import parallel

    started = []
    original = parallel.ValidationPool.__init__

    def init(self, validator, workers):
        started.append(workers)
        original(self, validator, workers)

    monkeypatch.setattr(parallel, "worker_count", lambda estimated_rows: 2)
    monkeypatch.setattr(parallel, "BATCH_ROWS", 2)
    monkeypatch.setattr(parallel.ValidationPool, "__init__", init)
    return started


@pytest.mark.django_db
def test_matching_rows_depend_on_each_other_so_a_large_file_runs_in_order(client, admin_a, post_a, application,
                                                                          post_report, wage, through_workers):
    # Four applicants for two places: in one process the third and fourth rows are refused as 名额已满; split
    # between workers each process saw places free, apply met a full post and the whole job failed (0 rows).
    others = [approved_application(post_a) for _ in range(3)]
    client.force_login(admin_a)
    row = ["软件测试见习生", datetime.date(2026, 3, 1), datetime.date(2026, 8, 31), 2200, "中国人寿", "P1", 120,
           500000, datetime.date(2026, 3, 1), datetime.date(2027, 2, 28), "是"]  # 2026-03-01 is back-dated
    people = [application.person, *(other.person for other in others)]
    post_report(client, "traineeship_matching", [[person.id_number, person.real_name, *row] for person in people],
                MATCHING_HEADERS)
    job = BatchJob.objects.get()
    assert through_workers == []  # the spec declares dependent rows: never the worker path
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 2, 2)
    assert _errors(job) == [(4, "该岗位招募名额已满（2人），不能再登记上岗"),
                            (5, "该岗位招募名额已满（2人），不能再登记上岗")]
    assert set(Placement.objects.values_list("person", flat=True)) == {people[0].pk, people[1].pk}


@pytest.mark.django_db
def test_a_validation_error_raised_by_apply_is_that_rows_error(client, admin_a, post_a, application, post_report,
                                                               wage, monkeypatch):
    # The form saw the post with a free place; by the time apply runs another request has taken it.
    from traineeships.forms import reports as report_forms

    second = approved_application(post_a)
    third = approved_application(post_a)
    monkeypatch.setattr(report_forms.MatchingRowForm, "clean", _without_place_check(report_forms.MatchingRowForm))
    client.force_login(admin_a)
    row = ["软件测试见习生", datetime.date(2026, 3, 1), datetime.date(2026, 8, 31), 2200, "中国人寿", "P1", 120,
           500000, datetime.date(2026, 3, 1), datetime.date(2027, 2, 28), "是"]  # 2026-03-01 is back-dated
    people = [application.person, second.person, third.person]
    post_report(client, "traineeship_matching", [[person.id_number, person.real_name, *row] for person in people],
                MATCHING_HEADERS)
    job = BatchJob.objects.get()
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 2, 1)
    assert _errors(job) == [(4, "该岗位招募名额已满（2人），不能再登记上岗")]
    assert Placement.objects.count() == 2


def _without_place_check(form_class):
    original = form_class.clean

    def clean(self):
        self.claimed = {}  # forget the places earlier rows of the file claimed
        return original(self)

    return clean


@pytest.mark.django_db
def test_a_month_cell_of_year_zero_is_that_rows_error_on_every_import(client, admin_a, placement, post_report):
    # 0000-01 once failed the whole job with a system error, and again on re-import.
    person = placement.person
    client.force_login(admin_a)
    rows = [[person.id_number, "王见习", "0000-01", "是", ""], [person.id_number, "王见习", "2026-03", "是", ""]]
    for _attempt in range(2):
        post_report(client, "traineeship_on_post", rows, ON_POST_HEADERS)
        job = BatchJob.objects.order_by("pk").last()
        assert (job.status, job.failed_rows, job.error) == (JobStatus.PARTLY_FAILED, 1, "")
        assert _errors(job) == [(2, "月份：月份格式应为 2026-03")]
    assert MonthlyReport.objects.get(placement=placement).month == datetime.date(2026, 3, 1)


@pytest.mark.django_db
def test_a_2000_row_report_never_starts_worker_processes(client, admin_a, placement, post_report, settings,
                                                         monkeypatch):
    # A file this long used to be validated by forked workers; the report forms query the unit's placements,
    # so the report specs run in the job's process, whatever the file's length and the configured workers.
    from batch import parallel

    settings.BATCH_IMPORT_WORKERS = 2
    pools = []
    original = parallel.ValidationPool.__init__
    monkeypatch.setattr(parallel.ValidationPool, "__init__",
                        lambda self, validator, workers: pools.append(workers) or original(self, validator, workers))
    person = placement.person
    rows = [[person.id_number, "王见习", "2026-03", "是", ""]]
    rows += [[f"4101052000010{index:05d}", "某某", "2026-03", "是", ""] for index in range(2000)]
    client.force_login(admin_a)
    post_report(client, "traineeship_on_post", rows, ON_POST_HEADERS)
    job = BatchJob.objects.get()
    assert pools == []
    assert (job.status, job.processed_rows, job.created_rows, job.failed_rows) == (
        JobStatus.PARTLY_FAILED, 2001, 1, 2000)
    assert job.row_errors.first().message == "本单位没有该身份证号的在岗（或已结束）见习人员"
