"""学徒制参数 by HTTP: 补贴标准 (floor warning, overlap refused), 紧缺急需职业目录 (≤ 30 %, once a year),
规则参数 (durations ordered); city HR for its city, province HR for the province; audited with before/after."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from apprenticeships.models import RuleSet, ShortageOccupation, SubsidyStandard
from apprenticeships.rules import MANAGE_PARAMETERS, REVIEW
from audit.models import AuditEntry
from tests import factories

pytestmark = pytest.mark.django_db

LIST = reverse("apprenticeships:parameters")
STANDARD_NEW = reverse("apprenticeships:standard_new")
SHORTAGE_NEW = reverse("apprenticeships:shortage_new")
RULES_NEW = reverse("apprenticeships:ruleset_new")


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def standard(**overrides):
    data = {"valid_from": "2025-01", "valid_to": "2025-12", "apprenticeship_type": "enterprise",
            "target_level": "senior", "amount_per_year": "6000", "source": "郑人社〔2025〕3号"}
    data.update(overrides)
    return data


def rules(**overrides):
    data = {"valid_from": "2025-01", "valid_to": "2025-12", "ecosystem_advance_rate": "0.3",
            "ecosystem_advance_after_months": "1", "filed_advance_rate": "0.4", "filed_advance_within_months": "3",
            "balance_within_months": "12", "min_duration_months": "12", "max_duration_months": "24",
            "extended_max_months": "36", "min_contract_months": "12", "max_date_changes": "3",
            "change_notice_working_days": "5", "course_config_days_before": "1", "attendance_threshold": "",
            "source": "郑人社〔2025〕4号"}
    data.update(overrides)
    return data


def test_city_adds_a_standard_and_it_is_listed_with_its_source(client, city_reviewer):
    client.force_login(city_reviewer)
    assert client.get(STANDARD_NEW).status_code == 200
    response = client.post(STANDARD_NEW, standard())
    assert response.status_code == 302 and response["Location"] == f"{LIST}?tab=standards"
    row = SubsidyStandard.objects.get(valid_from=datetime.date(2025, 1, 1))
    assert (row.region_id, row.valid_to, row.amount_per_year, row.set_by) == (
        "410100", datetime.date(2025, 12, 31), Decimal("6000"), city_reviewer)
    assert texts(response) == ["补贴标准已保存"]
    entry = AuditEntry.objects.get(action="apprenticeships.standard_created")
    assert entry.after["amount_per_year"] in ("6000.00", "6000", 6000)
    page = client.get(LIST).content.decode()
    assert "郑人社〔2025〕3号" in page and "测试依据〔2026〕2号" in page


def test_below_the_national_floor_is_saved_with_a_warning(client, city_reviewer):
    client.force_login(city_reviewer)
    response = client.post(STANDARD_NEW, standard(amount_per_year="4500"))
    assert response.status_code == 302
    assert SubsidyStandard.objects.filter(amount_per_year=Decimal("4500")).count() == 1
    assert texts(response) == ["补贴标准已保存", "补贴标准 4500 元低于国家规定的每人每年 5000 元，请核实依据文件"]
    assert "低于国家标准" in client.get(LIST).content.decode()


def test_overlapping_periods_are_refused(client, city_reviewer):
    client.force_login(city_reviewer)
    before = SubsidyStandard.objects.count()
    # The autouse 郑州 standards run from 2026-01 with no end.
    response = client.post(STANDARD_NEW, standard(valid_from="2025-06", valid_to="2026-03"))
    assert response.status_code == 200
    assert response.context["form"].errors["valid_from"] == ["河南省 郑州市在2026-01 至 长期已有设置，期间不能重叠"]
    response = client.post(STANDARD_NEW, standard(valid_from="2027-01", valid_to=""))
    assert response.context["form"].errors["valid_from"] == ["河南省 郑州市在2026-01 至 长期已有设置，期间不能重叠"]
    assert SubsidyStandard.objects.count() == before
    # Another level in the same period is no overlap; the same type and level before 2026 neither.
    assert client.post(STANDARD_NEW, standard(valid_from="2024-01", valid_to="2025-12")).status_code == 302
    response = client.post(STANDARD_NEW, standard(valid_from="2025-06", valid_to="2025-06"))
    assert "期间不能重叠" in response.context["form"].errors["valid_from"][0]
    response = client.post(STANDARD_NEW, standard(valid_from="2025-13", valid_to="2024-01", source=""))
    errors = response.context["form"].errors
    assert errors["valid_from"] == ["请输入年月，如 2026-01"] and errors["source"] == ["请填写依据文件"]


def test_edit_is_audited_with_before_and_after(client, city_reviewer):
    client.force_login(city_reviewer)
    row = SubsidyStandard.objects.get(apprenticeship_type="enterprise", target_level="senior")
    edit = reverse("apprenticeships:standard_edit", args=[row.pk])
    assert client.get(edit).status_code == 200
    response = client.post(edit, standard(valid_from="2026-01", valid_to="", amount_per_year="6500"))
    assert response.status_code == 302
    row.refresh_from_db()
    assert row.amount_per_year == Decimal("6500") and row.valid_to is None
    entry = AuditEntry.objects.get(action="apprenticeships.standard_updated")
    assert Decimal(str(entry.before["amount_per_year"])) == Decimal("6000")
    assert Decimal(str(entry.after["amount_per_year"])) == Decimal("6500")


def test_shortage_occupations(client, city_reviewer):
    client.force_login(city_reviewer)
    data = {"year": "2026", "occupation": " 电工 ", "uplift_rate": "0.35", "source": "郑州市紧缺急需目录（2026）"}
    response = client.post(SHORTAGE_NEW, data)
    assert response.context["form"].errors["uplift_rate"] == ["上浮比例最高为30%（0.3）"]
    response = client.post(SHORTAGE_NEW, {**data, "uplift_rate": "0.3"})
    assert response.status_code == 302 and response["Location"] == f"{LIST}?tab=shortage"
    item = ShortageOccupation.objects.get()
    assert (item.occupation, item.uplift_rate, item.region_id) == ("电工", Decimal("0.300"), "410100")
    response = client.post(SHORTAGE_NEW, {**data, "uplift_rate": "0.2"})
    assert response.context["form"].errors["occupation"] == ["该地区该年度已有该职业（工种）"]
    assert "郑州市紧缺急需目录（2026）" in client.get(LIST + "?tab=shortage").content.decode()
    edit = reverse("apprenticeships:shortage_edit", args=[item.pk])
    assert client.post(edit, {**data, "uplift_rate": "0.1"}).status_code == 302
    item.refresh_from_db()
    assert item.uplift_rate == Decimal("0.1")
    assert AuditEntry.objects.filter(action__in=["apprenticeships.shortage_created",
                                                 "apprenticeships.shortage_updated"]).count() == 2


def test_rule_sets(client, city_reviewer):
    client.force_login(city_reviewer)
    page = client.get(RULES_NEW).content.decode()
    assert "须提前5个工作日" in page and "留空表示不提示" in page
    response = client.post(RULES_NEW, rules(max_duration_months="6"))
    assert response.context["form"].errors["max_duration_months"] == ["培训期上限不能小于培训期下限"]
    response = client.post(RULES_NEW, rules(valid_to="2026-06"))
    assert "期间不能重叠" in response.context["form"].errors["valid_from"][0]
    response = client.post(RULES_NEW, rules(ecosystem_advance_rate="1.5", max_date_changes="abc"))
    assert response.context["form"].errors["ecosystem_advance_rate"] == ["比例应在0到1之间"]
    assert response.context["form"].errors["max_date_changes"] == ["请输入整数"]
    response = client.post(RULES_NEW, rules())
    assert response.status_code == 302
    row = RuleSet.objects.get(valid_from=datetime.date(2025, 1, 1))
    assert row.attendance_threshold is None and row.change_notice_working_days == 5
    assert AuditEntry.objects.filter(action="apprenticeships.ruleset_created").count() == 1
    assert client.get(LIST + "?tab=rules").status_code == 200
    response = client.get(LIST + "?tab=nonsense")
    page = response.content.decode()
    assert response.status_code == 200 and texts(response) == []
    assert 'role="alert" data-field-error="tab">没有该参数类别，请从页签中选择</div>' in page
    assert response.context["rows"] == [] and 'data-testid="parameter-list"' not in page


def test_the_tab_chooses_the_list_and_a_tampered_one_shows_nothing(client, city_reviewer):
    client.force_login(city_reviewer)
    assert client.post(SHORTAGE_NEW, {"year": "2026", "occupation": "焊工", "uplift_rate": "0.2",
                                      "source": "郑人社〔2026〕1号"}).status_code == 302
    shortage = ShortageOccupation.objects.get(occupation="焊工")
    visible = ["410100", "410000"]  # the city's own rows and the province's
    standards = set(SubsidyStandard.objects.filter(region_id__in=visible).values_list("pk", flat=True))
    assert standards  # the conftest's 郑州 standards
    # absent: 补贴标准
    response = client.get(LIST)
    assert response.context["tab"] == "standards" and {row.pk for row in response.context["rows"]} == standards
    # a good tab
    response = client.get(LIST, {"tab": "shortage"})
    assert response.context["tab"] == "shortage"
    assert {row.pk for row in response.context["rows"]} == set(
        ShortageOccupation.objects.filter(region_id__in=visible).values_list("pk", flat=True))
    assert f'data-row="{shortage.pk}"' in response.content.decode()
    # tampered: the message above the list, no rows, no tab chosen
    response = client.get(LIST, {"tab": "standards<"})
    page = response.content.decode()
    assert response.status_code == 200 and response.context["tab"] is None
    assert response.context["form"].errors["tab"] == ["没有该参数类别，请从页签中选择"]
    assert 'role="alert" data-field-error="tab">没有该参数类别，请从页签中选择<' in page
    assert "data-row=" not in page and 'data-testid="add-standard"' not in page


def test_province_keeps_its_own_rows_and_the_city_reads_them(client, province_reviewer, city_reviewer):
    client.force_login(province_reviewer)
    response = client.post(STANDARD_NEW, standard(valid_from="2026-01", valid_to=""))
    assert response.status_code == 302
    row = SubsidyStandard.objects.get(region_id="410000")
    client.force_login(city_reviewer)
    page = client.get(LIST)
    assert row in list(page.context["rows"])
    assert reverse("apprenticeships:standard_edit", args=[row.pk]) not in page.content.decode()
    assert client.get(reverse("apprenticeships:standard_edit", args=[row.pk])).status_code == 404


def test_who_may_not_manage_parameters(client, admin_a, county_reviewer_a, education_reviewer, other_city_reviewer,
                                       institution_admin, city_hr):
    row = SubsidyStandard.objects.filter(region_id="410100").first()
    edit = reverse("apprenticeships:standard_edit", args=[row.pk])
    reviewer_only = factories.UserFactory(organisation=city_hr, username="city_reviewer_only")
    reviewer_only.roles.add(city_hr.roles.create(name="学徒制审核", permissions=[REVIEW]))
    for user in (admin_a, county_reviewer_a, education_reviewer, institution_admin, reviewer_only):
        client.force_login(user)
        assert client.get(LIST).status_code == 403, user
        assert client.get(STANDARD_NEW).status_code == 403
        assert client.post(STANDARD_NEW, standard()).status_code == 403
        assert client.post(edit, standard()).status_code == 403
    client.force_login(other_city_reviewer)
    assert client.get(LIST).status_code == 200
    assert client.get(edit).status_code == 404
    assert client.post(edit, standard(amount_per_year="1")).status_code == 404
    keeper = factories.UserFactory(organisation=city_hr, username="city_keeper")
    keeper.roles.add(city_hr.roles.create(name="参数维护", permissions=[MANAGE_PARAMETERS]))
    client.force_login(keeper)
    assert client.get(edit).status_code == 200
    assert not AuditEntry.objects.filter(action__startswith="apprenticeships.").exists()
    assert SubsidyStandard.objects.filter(region_id="410300").count() == 0


SHORTAGE_HEADERS = ["目录年度", "职业（工种）", "上浮比例", "依据文件"]


def run_shortage_import(client, rows, capture):
    from batch.models import BatchJob
    from tests.batch.helpers import upload, xlsx_bytes

    with capture(execute=True):
        response = client.post(reverse("batch:import", args=["apprenticeship_shortage"]),
                               {"file": upload(xlsx_bytes(rows, headers=SHORTAGE_HEADERS), name="目录.xlsx")})
    assert response.status_code == 302
    return BatchJob.objects.filter(kind="import").latest("id")


def test_shortage_list_import_good_and_bad_rows(client, city_reviewer, django_capture_on_commit_callbacks):
    from batch.models import JobStatus

    client.force_login(city_reviewer)
    page = client.get(LIST + "?tab=shortage").content.decode()
    assert reverse("batch:import", args=["apprenticeship_shortage"]) in page
    assert client.get(reverse("batch:template", args=["apprenticeship_shortage"])).status_code == 200
    ShortageOccupation.objects.create(region_id="410100", year=2026, occupation="焊工", uplift_rate="0.1",
                                      source="旧目录", set_by=city_reviewer)
    job = run_shortage_import(client, [
        [2026, "电工", "0.3", "郑人社〔2026〕9号"],
        [2026, "焊工", "0.2", "郑州市2026年紧缺急需职业（工种）目录"],  # updates the existing entry
        [2026, "钳工", "0.5", "郑州市2026年紧缺急需职业（工种）目录"],  # over 30 %: refused
        [2026, "", "0.1", ""],  # no occupation, no source: refused
    ], django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.updated_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 1, 1, 2)
    messages = [(error.row_number, error.message) for error in job.row_errors.order_by("row_number")]
    assert messages[0] == (4, "上浮比例：上浮比例最高为30%（0.3）")
    assert messages[1][0] == 5 and "请填写职业（工种）" in messages[1][1]
    assert dict(ShortageOccupation.objects.values_list("occupation", "uplift_rate")) == {
        "电工": Decimal("0.300"), "焊工": Decimal("0.200")}
    assert AuditEntry.objects.filter(action="apprenticeships.shortage_created").count() == 1
    assert AuditEntry.objects.filter(action="apprenticeships.shortage_updated").count() == 1


def test_shortage_import_refused_to_who_may_not_manage(client, county_reviewer_a, admin_a):
    for user in (county_reviewer_a, admin_a):
        client.force_login(user)
        assert client.get(reverse("batch:import", args=["apprenticeship_shortage"])).status_code == 403
        assert client.get(reverse("batch:template", args=["apprenticeship_shortage"])).status_code == 403
