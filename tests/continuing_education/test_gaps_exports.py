"""导出 of every list (培训班管理, 我申报的, the departments' 培训班, 面授培训点, 网授平台, 网络培训成果, 用人单位,
统计分析): each the list's own rows for the list's own query string, masked as on screen, refused to whoever is
refused the list."""

from decimal import Decimal

import pytest
from django.urls import reverse
from django.utils import timezone

from batch.models import BatchJob, JobStatus
from continuing_education.models import ClassStatus, ReportMode, SubjectType
from tests.batch.helpers import read_rows, response_bytes
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db

CLASS_HEADERS = ["培训班编号", "培训班名称", "培训年度", "科目类型", "开始日期", "结束日期", "学时", "上报方式"]


@pytest.fixture
def export(client, django_capture_on_commit_callbacks):
    def run(user, key, query=""):
        client.force_login(user)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(reverse("batch:export", args=[key]) + query)
        assert response.status_code == 302
        job = BatchJob.objects.filter(spec=key).latest("id")
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    return run


def refused(client, user, key):
    client.force_login(user)
    assert client.post(reverse("batch:export", args=[key])).status_code == 403
    assert not BatchJob.objects.filter(spec=key, owner=user).exists()


@pytest.fixture
def classes(admin_a, admin_b, enterprise_a, enterprise_b):
    professional = ce.training_class(enterprise_a, by=admin_a, name="甲专业班", status=ClassStatus.APPROVED)
    public = ce.training_class(enterprise_a, by=admin_a, name="甲公需班", status=ClassStatus.APPROVED,
                               subject_type=SubjectType.PUBLIC, report_mode=ReportMode.SYNC)
    submitted = ce.training_class(enterprise_a, by=admin_a, name="甲待审班", status=ClassStatus.PENDING)
    draft = ce.training_class(enterprise_a, by=admin_a, name="甲草稿班")
    other = ce.training_class(enterprise_b, by=admin_b, name="乙专业班", status=ClassStatus.APPROVED)
    return {"professional": professional, "public": public, "submitted": submitted, "draft": draft, "other": other}


def test_classes_export_holds_the_filtered_list(export, admin_a, classes):
    rows = export(admin_a, "ce_classes", "?subject_type=professional")
    assert rows[0] == CLASS_HEADERS + ["人数", "培训成果"]
    item = classes["professional"]
    assert [row[1] for row in rows[1:]] == ["甲专业班"]
    assert rows[1][0] == item.number
    assert (int(rows[1][2]), rows[1][3], rows[1][4], Decimal(rows[1][6]), rows[1][7]) == (
        item.year, "专业科目", item.starts_on.isoformat(), item.hours, item.get_report_mode_display())
    assert rows[1][9] == item.get_results_status_display()
    assert sorted(row[1] for row in export(admin_a, "ce_classes")[1:]) == ["甲专业班", "甲公需班"]


def test_classes_export_refused_and_other_units_not_seen(client, export, admin_b, hours_manager_a, classes):
    assert [row[1] for row in export(admin_b, "ce_classes")[1:]] == ["乙专业班"]
    refused(client, hours_manager_a, "ce_classes")


def test_declared_export_holds_every_status(export, declarer_a, classes):
    rows = export(declarer_a, "ce_declared_classes")
    assert rows[0] == CLASS_HEADERS + ["审核状态"]
    assert sorted((row[1], row[8]) for row in rows[1:]) == sorted([
        ("甲专业班", "审核通过"), ("甲公需班", "审核通过"), ("甲待审班", str(ClassStatus.PENDING.label)),
        ("甲草稿班", str(ClassStatus.DRAFT.label))])
    rows = export(declarer_a, "ce_declared_classes", "?status=pending")
    assert [row[1] for row in rows[1:]] == ["甲待审班"]


def test_declared_export_refused(client, trainer_a, admin_b, classes):
    refused(client, trainer_a, "ce_declared_classes")


def test_reviewed_export_holds_the_units_in_scope(export, county_reviewer_a, county_reviewer_b, classes):
    rows = export(county_reviewer_a, "ce_reviewed_classes")
    assert rows[0] == ["申报单位"] + CLASS_HEADERS + ["审核状态", "培训成果"]
    assert sorted((row[0], row[2]) for row in rows[1:]) == sorted([
        ("甲企业有限公司", "甲公需班"), ("甲企业有限公司", "甲专业班"), ("甲企业有限公司", "甲待审班")])
    rows = export(county_reviewer_b, "ce_reviewed_classes", "?name=专业")
    assert [(row[0], row[2]) for row in rows[1:]] == [("乙企业有限公司", "乙专业班")]


def test_reviewed_export_refused_to_units(client, admin_a, pro_b, classes):
    refused(client, admin_a, "ce_reviewed_classes")
    refused(client, pro_b, "ce_reviewed_classes")


def test_sites_and_platforms_exports(client, export, trainer_a, enterprise_a, enterprise_b):
    ce.site(enterprise_a, name="甲培训中心")
    ce.site(enterprise_a, name="甲分部")
    ce.site(enterprise_b, name="乙培训中心")
    ce.platform(enterprise_a, name="甲学习网", docked=True)
    ce.platform(enterprise_b, name="乙学习网")
    rows = export(trainer_a, "ce_sites", "?name=中心")
    assert rows[0] == ["培训点名称", "所在地区", "详细地址", "可容纳人数"]
    assert [row[0] for row in rows[1:]] == ["甲培训中心"]
    rows = export(trainer_a, "ce_platforms")
    assert rows[0] == ["平台名称", "运营单位", "平台网址", "联系人", "联系电话", "对接状态"]
    assert [(row[0], row[5]) for row in rows[1:]] == [("甲学习网", "已对接")]


def test_sites_and_platforms_exports_refused(client, declarer_a, admin_b):
    refused(client, declarer_a, "ce_sites")
    refused(client, declarer_a, "ce_platforms")


def test_online_results_export_masked_per_permission(export, admin_a, trainer_a, enterprise_a, enterprise_b,
                                                     admin_b):
    member = ce.staff(enterprise_a, name="张网学")
    ce.online_result(enterprise_a, by=admin_a, member=member, hours=12)
    ce.online_result(enterprise_a, by=admin_a, member=member, year=ce.this_year() - 1, course_name="往年课程")
    ce.online_result(enterprise_b, by=admin_b, member=ce.staff(enterprise_b, name="乙网学"))
    rows = export(admin_a, "ce_online_result_list", f"?year={ce.this_year()}")
    assert rows[0] == ["姓名", "身份证号", "网授平台", "课程名称", "年度", "科目类型", "学时", "完成日期"]
    assert len(rows) == 2
    assert (rows[1][0], rows[1][1], rows[1][3], rows[1][5], rows[1][6]) == (
        "张网学", member.id_number, "公需科目网络课程", "公需科目", "12.0")
    # A sub-administrator without view_personal_data reads the number masked, as on the list.
    assert not trainer_a.has_perm("organisations.view_personal_data")
    masked = export(trainer_a, "ce_online_result_list", f"?year={ce.this_year()}")[1][1]
    assert masked != member.id_number and masked.endswith(member.id_number[-4:])


def test_online_results_export_refused(client, hours_manager_a, admin_b):
    refused(client, hours_manager_a, "ce_online_result_list")


def test_units_export_holds_the_departments_units(export, county_reviewer_a, enterprise_a, enterprise_b,
                                                  supervised_unit, industry_reviewer):
    rows = export(county_reviewer_a, "ce_units")
    assert rows[0] == ["单位名称", "统一社会信用代码", "单位地区", "单位性质", "所属人社部门", "主管部门", "实名认证"]
    assert sorted(row[0] for row in rows[1:]) == ["甲企业有限公司", "郑州市电子信息研究院"]
    rows = export(county_reviewer_a, "ce_units", "?name=研究院")
    assert [(row[0], row[4], row[5]) for row in rows[1:]] == [
        ("郑州市电子信息研究院", "金水区人力资源和社会保障局", supervised_unit.supervising_department.name)]
    assert [row[0] for row in export(industry_reviewer, "ce_units")[1:]] == ["郑州市电子信息研究院"]


def test_units_export_refused_to_units(client, admin_a, pro_b):
    refused(client, admin_a, "ce_units")
    refused(client, pro_b, "ce_units")


def test_statistics_export_one_row_per_region_as_shown(client, export, city_reviewer, admin_a, enterprise_a,
                                                       enterprise_b):
    ce.staff(enterprise_a, name="甲一")
    ce.staff(enterprise_a, name="甲二")
    ce.staff(enterprise_b, name="乙一")
    client.force_login(city_reviewer)
    page = client.get(reverse("continuing_education:statistics"))
    shown = page.context["stats"]
    rows = export(city_reviewer, "ce_statistics")
    assert rows[0] == ["地区", "单位数", "在册人数", "已有学时人数", "合格人数", "合格率", "审核通过培训班", "申报学时",
                       "审核通过学时"]
    assert [row[0] for row in rows[1:]] == [row.name for row in shown.rows] + ["合计"]
    assert {row[0]: int(row[2]) for row in rows[1:]} == {
        **{row.name: row.staff for row in shown.rows}, "合计": 3}
    # A malformed year exports nothing, as the page shows nothing.
    assert export(city_reviewer, "ce_statistics", "?year=-1") == [rows[0]]
    assert export(city_reviewer, "ce_statistics", f"?year={timezone.localdate().year}") == rows


def test_statistics_export_refused_to_units(client, admin_a):
    refused(client, admin_a, "ce_statistics")


@pytest.mark.parametrize("url_name, key, user", [
    ("continuing_education:classes", "ce_classes", "admin_a"),
    ("continuing_education:declared", "ce_declared_classes", "admin_a"),
    ("continuing_education:reviewed_classes", "ce_reviewed_classes", "county_reviewer_a"),
    ("continuing_education:sites", "ce_sites", "admin_a"),
    ("continuing_education:platforms", "ce_platforms", "admin_a"),
    ("continuing_education:online_results", "ce_online_result_list", "admin_a"),
    ("continuing_education:units", "ce_units", "county_reviewer_a"),
    ("continuing_education:statistics", "ce_statistics", "county_reviewer_a"),
])
def test_each_list_has_its_export_button_with_its_query(client, request, url_name, key, user):
    client.force_login(request.getfixturevalue(user))
    page = client.get(reverse(url_name) + "?name=x&page=1").content.decode()
    assert f'action="{reverse("batch:export", args=[key])}?name=x&amp;page=1"' in page
