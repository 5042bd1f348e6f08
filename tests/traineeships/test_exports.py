"""导出 of the programme's lists through the batch engine: each export holds exactly what its list shows for the
same filters and scope, masks ID numbers as the list does, and is refused to whoever cannot see the list."""

import datetime

import pytest
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from tests.batch.helpers import read_rows, response_bytes
from tests.traineeships.helpers import approve, create_post, filed_claim
from tests.traineeships.test_placements import on_post_placement
from tests.traineeships.test_register import LI, ZHANG, member_with
from traineeships.models import GraduateRecord
from traineeships.services import bases as base_services
from traineeships.services import posts as post_services

pytest_plugins = ["tests.traineeships.test_placements"]


@pytest.fixture
def export(client, django_capture_on_commit_callbacks):
    """POST the list's 导出 button; return the rows of the finished file (header first), or the response."""

    def run(key, query="", expect_rows=True):
        url = reverse("batch:export", args=[key]) + (f"?{query}" if query else "")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        if not expect_rows:
            return response
        job = BatchJob.objects.filter(kind="export", spec=key).latest("id")
        assert response.status_code == 302 and response["Location"] == reverse("batch:detail", args=[job.pk])
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))

    return run


def export_button(page: str, key: str) -> bool:
    return f'action="{reverse("batch:export", args=[key])}' in page


# ---------------------------------------------------------------- bases and filing


@pytest.mark.django_db
def test_base_directory_export_is_scoped_to_the_county(client, export, base_a, base_b, county_reviewer_a, admin_a):
    client.force_login(county_reviewer_a)
    assert export_button(client.get(reverse("traineeships:hr_bases")).content.decode(), "traineeship_bases")
    rows = export("traineeship_bases")
    assert rows[0][:5] == ["单位名称", "统一社会信用代码", "注册地区", "基地级别", "状态"]
    assert [row[0] for row in rows[1:]] == ["甲企业有限公司"]
    assert rows[1][3:5] == ["区县级见习基地", "审核通过"]
    assert export("traineeship_bases", "status=pending") == [rows[0]]
    assert export("traineeship_bases", "filed=maybe") == [rows[0]]  # malformed: nothing, as the page shows
    client.force_login(admin_a)
    assert export("traineeship_bases", expect_rows=False).status_code == 403


@pytest.mark.django_db
def test_filed_bases_export_for_the_province_only(client, export, base_a, base_b, city_reviewer, province_reviewer,
                                                  county_reviewer_a):
    base_services.file_with_province(base=base_a, actor=city_reviewer)
    client.force_login(province_reviewer)
    page = client.get(reverse("traineeships:filed_bases")).content.decode()
    assert export_button(page, "traineeship_filed_bases")
    rows = export("traineeship_filed_bases")
    assert rows[0] == ["单位名称", "统一社会信用代码", "注册地区", "基地级别", "认定时间", "报送时间", "报送单位"]
    assert [(row[0], row[6]) for row in rows[1:]] == [("甲企业有限公司", "郑州市人力资源和社会保障局")]
    assert export("traineeship_filed_bases", "name=乙") == [rows[0]]
    assert export("traineeship_filed_bases", "name=" + "甲" * 65) == [rows[0]]
    for user in (city_reviewer, county_reviewer_a):
        client.force_login(user)
        assert export("traineeship_filed_bases", expect_rows=False).status_code == 403


# ---------------------------------------------------------------- posts


@pytest.mark.django_db
def test_unit_post_export_holds_only_its_own_posts(client, export, base_a, base_b, admin_a, admin_b,
                                                   county_reviewer_a):
    create_post(base_a.organisation, admin_a, title="前端见习生")
    create_post(base_b.organisation, admin_b, title="乙的岗位", work_region_code="410103")
    client.force_login(admin_a)
    rows = export("traineeship_posts")
    assert [row[0] for row in rows[1:]] == ["前端见习生"] and rows[1][1] == "待审核"
    client.force_login(county_reviewer_a)
    assert export("traineeship_posts", expect_rows=False).status_code == 403


@pytest.mark.django_db
def test_publishing_export_follows_the_tab_and_the_keyword(client, export, base_a, admin_a, county_reviewer_a,
                                                           city_reviewer, province_reviewer):
    first, second = (approve(create_post(base_a.organisation, admin_a, title=title), county_reviewer_a, city_reviewer)
                     for title in ("前端见习生", "会计见习生"))
    post_services.change_publication(post_ids=[second.pk], actor=city_reviewer, publish=True)
    client.force_login(city_reviewer)
    page = client.get(reverse("traineeships:publishing"), {"tab": "published"}).content.decode()
    assert f'action="{reverse("batch:export", args=["traineeship_publishing"])}?tab=published"' in page
    rows = export("traineeship_publishing", "tab=approved")
    assert rows[0] == ["岗位名称", "见习单位", "招募人数", "工作地区", "生活费（元/月）", "状态", "发布时间"]
    assert [(row[0], row[5]) for row in rows[1:]] == [("前端见习生", "审核通过（未发布）")]
    assert [row[0] for row in export("traineeship_publishing", "tab=published")[1:]] == ["会计见习生"]
    assert export("traineeship_publishing", "tab=approved&q=会计") == [rows[0]]
    # A tampered query string lists nothing, as on the page, instead of being read some other way.
    assert export("traineeship_publishing", "tab=approved&q=" + "前" * 65) == [rows[0]]
    assert export("traineeship_publishing", "tab=withdrawn") == [rows[0]]
    for user in (county_reviewer_a, province_reviewer, admin_a):
        client.force_login(user)
        assert export("traineeship_publishing", expect_rows=False).status_code == 403


# ---------------------------------------------------------------- people and figures


@pytest.mark.django_db
def test_graduate_register_export_masks_as_the_list_does(client, export, county_hr_a, county_hr_b, county_reviewer_a,
                                                         admin_a):
    GraduateRecord.objects.create(name="张三", id_number=ZHANG, school="郑州大学", major="软件工程",
                                  education="bachelor", graduation_year=2024, imported_by_org=county_hr_a)
    GraduateRecord.objects.create(name="李四", id_number=LI, school="河南大学", major="会计",
                                  education="bachelor", graduation_year=2023, imported_by_org=county_hr_b)
    client.force_login(county_reviewer_a)
    assert export_button(client.get(reverse("traineeships:graduates")).content.decode(), "graduate_register")
    rows = export("graduate_register")
    assert rows[0][:6] == ["姓名", "身份证号", "毕业院校", "专业", "学历", "毕业年份"]
    assert [row[:5] for row in rows[1:]] == [["张三", ZHANG, "郑州大学", "软件工程", "本科"]]
    client.force_login(member_with(county_hr_a, "register_clerk", "traineeships.import_graduates"))
    assert export("graduate_register")[1][1] == f"{ZHANG[:4]}**********{ZHANG[-4:]}"
    client.force_login(admin_a)
    assert export("graduate_register", expect_rows=False).status_code == 403


@pytest.mark.django_db
@pytest.mark.parametrize("query, field, message", [
    ("graduation_year=20x4", "graduation_year", "请输入四位年份"),
    ("education=phd", "education", "没有该学历，请从列表中选择"),
])
def test_a_malformed_graduate_filter_is_its_message_and_nothing_listed_or_exported(client, export, county_hr_a,
                                                                                   county_reviewer_a, query, field,
                                                                                   message):
    GraduateRecord.objects.create(name="张三", id_number=ZHANG, school="郑州大学", major="软件工程",
                                  education="bachelor", graduation_year=2024, imported_by_org=county_hr_a)
    client.force_login(county_reviewer_a)
    response = client.get(reverse("traineeships:graduates") + f"?{query}")
    assert response.status_code == 200 and list(response.context["object_list"]) == []
    assert response.context["filter_form"].errors[field] == [message]
    assert export("graduate_register", query)[1:] == []
    assert [row[0] for row in export("graduate_register", "graduation_year=2024")[1:]] == ["张三"]


@pytest.mark.django_db
def test_statistics_export_for_the_departments_jurisdiction(client, export, enterprise_a, admin_a, application,
                                                            county_reviewer_a, county_reviewer_b, city_reviewer, wage):
    placement = on_post_placement(application, admin_a, county_reviewer_a)
    filed_claim(enterprise_a, admin_a, [(placement.person, datetime.date(2026, 3, 1), "1260.00"),
                                        (placement.person, None, "120.00")], status="paid")
    filed_claim(enterprise_a, admin_a, [(placement.person, datetime.date(2026, 4, 1), "1260.00")], status="submitted")
    client.force_login(city_reviewer)
    page = client.get(reverse("traineeships:statistics"), {"year": "2026"}).content.decode()
    assert f'action="{reverse("batch:export", args=["traineeship_statistics"])}?year=2026"' in page
    rows = export("traineeship_statistics", "year=2026")
    assert rows[0] == ["分类", "地区/月份", "见习基地", "岗位", "招募人数", "报名人数", "新上岗人数", "在岗人数",
                       "离岗（结束）人数", "留用人数", "留用率", "已申领补贴（元）", "已拨付补贴（元）"]
    by_name = {row[1]: row for row in rows[1:]}
    # 金水区: one base, one post of 2 places, one applicant on post; the money of its filed claims.
    assert by_name["金水区"][:10] == ["按地区", "金水区", 1, 1, 2, 1, "", 1, 0, 0]
    assert by_name["金水区"][10:] == ["—", 2640.0, 1380.0]
    assert by_name["合计"][11:] == [2640.0, 1380.0]
    assert by_name["2026-03"][6:8] == [1, 1] and by_name["2026-03"][11:] == [1380.0, 1380.0]
    assert by_name["2026-04"][11:] == [1260.0, 0.0]
    assert len([row for row in rows if row[0] == "按月份"]) == 12
    # A malformed year exports nothing, as the page shows nothing; no year is the current year.
    assert export("traineeship_statistics", "year=%C2%B2") == [rows[0]]
    assert export("traineeship_statistics", "year=2019") == [rows[0]]
    assert len(export("traineeship_statistics")) == len(rows)
    client.force_login(county_reviewer_b)
    other = {row[1]: row for row in export("traineeship_statistics", "year=2026")[1:]}
    assert "金水区" not in other and other["合计"][11] == 0.0
    client.force_login(admin_a)
    assert export("traineeship_statistics", expect_rows=False).status_code == 403


@pytest.mark.django_db
def test_placement_export_holds_only_the_units_own(client, export, admin_a, admin_b, application, county_reviewer_a,
                                                   wage):
    on_post_placement(application, admin_a, county_reviewer_a, start_on=datetime.date(2026, 3, 1))
    client.force_login(admin_a)
    rows = export("traineeship_placements")
    assert len(rows) == 2 and "王见习" in rows[1]
    # The page's filter form: a name, a malformed status (nothing, as on the page -- not the list unfiltered).
    assert export("traineeship_placements", "q=%E7%8E%8B") == rows
    assert export("traineeship_placements", "q=%E6%9D%8E") == [rows[0]]
    assert export("traineeship_placements", "q=%E7%8E%8B&status=bogus") == [rows[0]]
    client.force_login(admin_b)
    assert export("traineeship_placements") == [rows[0]]
