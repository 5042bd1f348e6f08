"""Every list is exportable: login log, audit log and organisation directory exports hold exactly what the list
shows for the same filters, mask identifiers as the list does, and are refused to whoever cannot see the list."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.urls import reverse

from accounts.models import LoginRecord
from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from organisations.models import Origin, Role, VerificationStatus
from tests import factories
from tests.batch.helpers import read_rows, response_bytes

SHANGHAI = ZoneInfo("Asia/Shanghai")


def at(day, hour=10, minute=0):
    return datetime.datetime(2026, 3, day, hour, minute, tzinfo=SHANGHAI)


@pytest.fixture
def platform_staff(db):
    return factories.UserFactory(username="platform", real_name="平台管理员", kind="platform", is_staff=True,
                                 organisation=None)


def give_role(member, permissions):
    member.roles.add(Role.objects.create(organisation=member.organisation, name="日志", permissions=permissions))


def export(client, run_on_commit, key, query=""):
    url = reverse("batch:export", args=[key]) + (f"?{query}" if query else "")
    return run_on_commit(lambda: client.post(url))


def exported_rows(client, response):
    job = BatchJob.objects.get(kind="export")
    assert response.status_code == 302
    assert response["Location"] == reverse("batch:detail", args=[job.pk])
    assert job.status == JobStatus.SUCCEEDED, job.error
    return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))


# --- 登录日志 ----------------------------------------------------------------------------------------------

LOGIN_HEADERS = ["时间", "登录账号", "姓名", "单位", "IP 地址", "结果", "说明", "浏览器"]


@pytest.fixture
def login_records(admin_a, member_a, admin_b):
    LoginRecord.objects.bulk_create([
        LoginRecord(user=admin_a, identifier="admin_a", ip_address="192.168.1.10", succeeded=True,
                    reason="登录成功", user_agent="Firefox", created_at=at(1, 9, 30)),
        LoginRecord(user=member_a, identifier="13812345678", ip_address="192.168.1.11", succeeded=False,
                    reason="密码错误", created_at=at(2)),
        LoginRecord(user=admin_b, identifier="admin_b", ip_address="10.1.1.1", succeeded=True,
                    reason="登录成功", created_at=at(3)),
        LoginRecord(user=None, identifier="ghost", ip_address="10.9.9.9", succeeded=False,
                    reason="账号不存在", created_at=at(4)),
    ])


def test_login_log_page_has_export_button_with_current_filters(client, admin_a, login_records):
    client.force_login(admin_a)
    html = client.get(reverse("accounts:login_log"), {"result": "failure", "page": "1"}).content.decode()
    action = reverse("batch:export", args=["login-log"])
    assert f'action="{action}?result=failure&amp;page=1"' in html
    assert 'data-testid="login-log-export"' in html


def test_login_log_export_equals_filtered_list(client, admin_a, login_records, run_on_commit):
    client.force_login(admin_a)
    listed = client.get(reverse("accounts:login_log"), {"ip": "192.168."}).context["object_list"]
    rows = exported_rows(client, export(client, run_on_commit, "login-log", "ip=192.168.&page=3"))
    assert [row[1] for row in rows[1:]] == [record.identifier for record in listed]
    # Times in the site's zone, with seconds, as the page shows them; 成功/失败 as words.
    assert rows == [
        LOGIN_HEADERS,
        [datetime.datetime(2026, 3, 2, 10, 0), "13812345678", "甲职员", "甲企业有限公司", "192.168.1.11", "失败",
         "密码错误", ""],
        [datetime.datetime(2026, 3, 1, 9, 30), "admin_a", "甲管理员", "甲企业有限公司", "192.168.1.10", "成功",
         "登录成功", "Firefox"],
    ]


def test_login_log_export_for_staff_covers_everyone(client, platform_staff, login_records, run_on_commit):
    client.force_login(platform_staff)
    rows = exported_rows(client, export(client, run_on_commit, "login-log", "result=failure"))
    assert [row[1:4] for row in rows[1:]] == [["ghost", "", ""], ["13812345678", "甲职员", "甲企业有限公司"]]


def test_login_log_export_masks_mobile_identifiers_without_personal_data_permission(
        client, member_a, login_records, run_on_commit):
    give_role(member_a, ["organisations.view_logs"])
    client.force_login(member_a)
    page = client.get(reverse("accounts:login_log")).content.decode()
    assert "138****5678" in page and "13812345678" not in page
    rows = exported_rows(client, export(client, run_on_commit, "login-log"))
    assert [row[1] for row in rows[1:]] == ["138****5678", "admin_a"]


def test_login_log_export_refused_to_who_cannot_see_the_log(client, member_a, student, login_records):
    for user in (member_a, student):
        client.force_login(user)
        assert client.get(reverse("accounts:login_log")).status_code == 403
        assert client.post(reverse("batch:export", args=["login-log"])).status_code == 403
    assert not BatchJob.objects.exists()


# --- 操作日志 ----------------------------------------------------------------------------------------------

AUDIT_HEADERS = ["时间", "操作人", "所属单位", "操作", "对象类型", "对象", "IP 地址", "变更前", "变更后"]


@pytest.fixture
def audit_entries(admin_a, admin_b, enterprise_a):
    def entry(actor, action, day, **fields):
        created = AuditEntry.objects.create(actor=actor, actor_name=actor.real_name if actor else "",
                                            actor_org=actor.organisation if actor else None, action=action,
                                            **fields)
        AuditEntry.objects.filter(pk=created.pk).update(created_at=at(day))

    entry(admin_a, "organisations.profile_saved", 1, target_type="organisations.Organisation",
          target_id=str(enterprise_a.pk), target_repr="甲企业有限公司", ip_address="192.168.1.10",
          before={"name": "甲企业"}, after={"name": "甲企业有限公司"})
    entry(admin_a, "accounts.password_changed", 2, target_repr="admin_a", ip_address="192.168.1.10")
    entry(admin_b, "accounts.password_changed", 3, target_repr="admin_b", ip_address="10.1.1.1")


def test_audit_log_page_has_export_button(client, admin_a, audit_entries):
    client.force_login(admin_a)
    html = client.get(reverse("audit:list"), {"actor": "甲"}).content.decode()
    assert f'action="{reverse("batch:export", args=["audit-log"])}?actor=%E7%94%B2"' in html


def test_audit_log_export_equals_filtered_list(client, admin_a, audit_entries, run_on_commit):
    client.force_login(admin_a)
    query = "action=organisations.profile_saved"
    listed = client.get(reverse("audit:list") + "?" + query).context["object_list"]
    rows = exported_rows(client, export(client, run_on_commit, "audit-log", query))
    assert len(rows) - 1 == len(listed) == 1
    assert rows == [
        AUDIT_HEADERS,
        [datetime.datetime(2026, 3, 1, 10, 0), "甲管理员", "甲企业有限公司", "保存单位信息", "单位", "甲企业有限公司",
         "192.168.1.10", '{"name": "甲企业"}', '{"name": "甲企业有限公司"}'],
    ]


def test_audit_log_export_without_filter_is_own_organisation_only(client, admin_a, audit_entries, run_on_commit):
    client.force_login(admin_a)
    rows = exported_rows(client, export(client, run_on_commit, "audit-log"))
    job = BatchJob.objects.get()
    # Newest first, as listed: the export's own start is already on the log; enterprise B's entry is not.
    assert [(row[3], row[5]) for row in rows[1:]] == [
        ("开始导出", f"导出 audit-log #{job.pk}"), ("修改密码", "admin_a"), ("保存单位信息", "甲企业有限公司"),
    ]


def test_audit_log_export_with_invalid_filter_is_empty_like_the_list(client, admin_a, audit_entries, run_on_commit):
    client.force_login(admin_a)
    assert list(client.get(reverse("audit:list"), {"ip": "not-an-ip"}).context["object_list"]) == []
    rows = exported_rows(client, export(client, run_on_commit, "audit-log", "ip=not-an-ip"))
    assert rows == [AUDIT_HEADERS]


def test_audit_log_export_refused_to_who_cannot_see_the_log(client, member_a, student, audit_entries):
    for user in (member_a, student):
        client.force_login(user)
        assert client.get(reverse("audit:list")).status_code == 403
        assert client.post(reverse("batch:export", args=["audit-log"])).status_code == 403
    assert not BatchJob.objects.exists()


# --- 单位名录 ----------------------------------------------------------------------------------------------

DIRECTORY_HEADERS = ["单位名称", "统一社会信用代码", "单位类型", "注册地区", "来源", "实名认证", "激活"]


@pytest.fixture
def units(enterprise_a, enterprise_b, school):
    factories.OrganisationFactory(name="待认证商贸公司", region=factories.region("410105"),
                                  verification_status=VerificationStatus.PENDING, origin=Origin.STUDENT_RECOMMENDED,
                                  recommended_by=school)


def test_directory_page_has_export_button(client, city_reviewer, units):
    client.force_login(city_reviewer)
    html = client.get(reverse("organisations:directory"), {"name": "公司"}).content.decode()
    assert f'action="{reverse("batch:export", args=["directory"])}?name=%E5%85%AC%E5%8F%B8"' in html


def test_directory_export_equals_filtered_list(client, county_reviewer_a, units, run_on_commit):
    client.force_login(county_reviewer_a)
    query = "verification_status=pending"
    listed = client.get(reverse("organisations:directory") + "?" + query).context["object_list"]
    rows = exported_rows(client, export(client, run_on_commit, "directory", query))
    assert [row[0] for row in rows[1:]] == [unit.name for unit in listed] == ["待认证商贸公司"]
    unit = listed[0]
    assert rows[1] == ["待认证商贸公司", unit.credit_code, unit.get_kind_display(), str(unit.region),
                       f"{unit.get_origin_display()}（郑州测试职业技术学院）", unit.get_verification_status_display(),
                       "已激活" if unit.is_activated else "未激活"]


def test_directory_export_is_scoped_to_jurisdiction(client, county_reviewer_a, city_reviewer, units, run_on_commit):
    client.force_login(county_reviewer_a)
    listed = [unit.name for unit in client.get(reverse("organisations:directory")).context["object_list"]]
    rows = exported_rows(client, export(client, run_on_commit, "directory"))
    assert [row[0] for row in rows[1:]] == listed
    assert "乙企业有限公司" not in listed  # another county
    assert "金水区人力资源和社会保障局" not in listed


def test_directory_export_refused_to_non_government(client, admin_a, school_admin, student):
    for user in (admin_a, school_admin, student):
        client.force_login(user)
        assert client.get(reverse("organisations:directory")).status_code == 403
        assert client.post(reverse("batch:export", args=["directory"])).status_code == 403
    assert not BatchJob.objects.exists()


def test_export_is_refused_when_permission_is_gone_by_the_time_it_runs(client, member_a, login_records,
                                                                       django_capture_on_commit_callbacks):
    give_role(member_a, ["organisations.view_logs"])
    client.force_login(member_a)
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        client.post(reverse("batch:export", args=["login-log"]))
    member_a.roles.clear()
    for callback in callbacks:
        callback()
    job = BatchJob.objects.get()
    assert (job.status, job.error) == (JobStatus.FAILED, "您已没有查看该列表的权限，无法导出。")
    assert not job.result_file
