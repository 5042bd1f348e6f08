"""岗位导入: each row through the add form, into the importing enterprise's own positions, 未发布."""

import datetime

import pytest
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from batch.registry import get_import
from internships.models import Position, PositionStatus
from tests.batch.helpers import upload, xlsx_bytes
from tests.internships import factories as f

pytestmark = pytest.mark.django_db

START = f.STARTS_ON
VALUES = {
    "岗位名称": "数控实习生", "实习部门": "机械部", "实习报酬下限（元/月）": 2400, "实习报酬上限（元/月）": 3000,
    "本单位相同岗位工资标准（元/月）": 3000, "报酬发放周期": "按月发放", "报酬发放方式": "货币，直接发放给学生本人",
    "学历要求": "大专", "实习人数": 5, "同类岗位在岗职工数": 50, "对口专业": "数控技术", "工作地区代码": "410105",
    "工作地址": "郑州市金水区文化路1号", "住宿条件": "2-4人间", "夜班情况": "无夜班", "加班情况": "无加班",
    "特殊要求说明": "", "报名日期始": f.TODAY, "报名日期止": START - datetime.timedelta(days=5),
    "实习开始日期": START, "实习结束日期": f.ENDS_ON, "岗位描述": "数控加工", "学习技能": "编程", "实习要求": "守纪",
    "是否收取费用": "否", "是否扣留证件": "否", "是否营业性娱乐场所": "否", "是否通过中介组织": "否",
}


def _headers():
    return [column.header for column in get_import("internship_positions").columns]


def _row(**changes):
    values = {**VALUES, **changes}
    return [values[header] for header in _headers()]


def _import(client, rows, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("batch:import", args=["internship_positions"]),
                               {"file": upload(xlsx_bytes(rows, headers=_headers()), "岗位.xlsx")})
    assert response.status_code == 302
    return BatchJob.objects.order_by("-pk").first()


def test_rows_become_unpublished_positions_and_bad_rows_say_why(client, host_a, admin_a,
                                                                  django_capture_on_commit_callbacks):
    client.force_login(admin_a)
    assert client.get(reverse("batch:import", args=["internship_positions"])).status_code == 200
    job = _import(client, [
        _row(),
        _row(**{"岗位名称": "夜班岗位", "夜班情况": "有夜班", "加班情况": "经常加班"}),
        _row(**{"岗位名称": "坏岗位", "实习报酬上限（元/月）": 1000}),
        _row(**{"岗位名称": "坏地区", "工作地区代码": "999999"}),
    ], django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 2, 2)
    errors = {error.row_number: error.message for error in job.row_errors.all()}
    assert "报酬上限不能低于下限" in errors[4]
    assert "工作地区" in errors[5]
    positions = {p.title: p for p in Position.objects.all()}
    assert set(positions) == {"数控实习生", "夜班岗位"}
    imported = positions["数控实习生"]
    assert (imported.enterprise, imported.status, imported.education, imported.pay_period, imported.night_shift) == (
        host_a, PositionStatus.DRAFT, "junior_college", "monthly", False)
    assert positions["夜班岗位"].night_shift is True and positions["夜班岗位"].overtime == "frequent"


def test_importing_the_same_row_again_changes_nothing_and_a_change_updates_the_draft(
        client, host_a, admin_a, django_capture_on_commit_callbacks):
    client.force_login(admin_a)
    _import(client, [_row()], django_capture_on_commit_callbacks)
    job = _import(client, [_row()], django_capture_on_commit_callbacks)
    assert (job.created_rows, job.updated_rows, job.unchanged_rows) == (0, 0, 1)
    job = _import(client, [_row(**{"实习人数": 6})], django_capture_on_commit_callbacks)
    assert (job.created_rows, job.updated_rows) == (0, 1)
    assert Position.objects.get().places == 6


def test_only_hosts_import(client, school_admin, staff_manager_a, education_reviewer):
    for user in (school_admin, staff_manager_a, education_reviewer):
        client.force_login(user)
        assert client.get(reverse("batch:import", args=["internship_positions"])).status_code == 403
