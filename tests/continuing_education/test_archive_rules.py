"""学时要求 screens: HR with 学时要求维护 keeps its own region's rules and those below (a province its cities, a city
its city, a county none); departments read their province's; units do not open them; warnings below the floor."""

import re

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from audit.models import AuditEntry
from audit.selectors import diff_rows
from continuing_education.models import HoursRule
from organisations.models import Authority
from regions.models import RegionLevel
from tests import factories
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db
LIST = reverse("continuing_education:rules")
NEW = reverse("continuing_education:rule_new")


def data(**overrides):
    values = {"region": "410100", "year": str(ce.this_year()), "total_min": "90", "professional_min": "60",
              "public_min": "30", "cap_class": "6", "cap_practice": "", "cap_distance": "", "cap_academic": "",
              "cap_other": "", "online_cap": "", "carry_over": "", "class_lead_working_days": "3",
              "source": "郑人社〔2026〕5号"}
    values.update(overrides)
    return values


def edit(rule):
    return reverse("continuing_education:rule_edit", args=[rule.pk])


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def province_rule():
    return HoursRule.objects.get(region_id="410000", year=ce.this_year())


def test_the_province_sets_a_city_rule_with_a_warning_below_the_floor(client, province_reviewer):
    client.force_login(province_reviewer)
    assert client.get(NEW).status_code == 200
    response = client.post(NEW, data(total_min="80", professional_min="50"))
    assert response.status_code == 302 and response["Location"] == LIST
    rule = HoursRule.objects.get(region_id="410100")
    assert (rule.total_min, rule.professional_min, rule.daily_caps, rule.class_lead_working_days, rule.carry_over,
            rule.updated_by) == (80, 50, {"class": 6.0}, 3, 0, province_reviewer)
    assert messages_of(client.get(LIST)) == [
        "学时要求已保存", "年度总学时低于国家规定的 90 学时，请核实依据文件",
        "专业科目学时低于国家规定的 60 学时（90 学时的三分之二），请核实依据文件"]
    assert AuditEntry.objects.filter(action="continuing_education.hours_rule_saved").count() == 1


def test_the_province_edits_its_own_rule(client, province_reviewer, province_rule):
    client.force_login(province_reviewer)
    assert client.get(edit(province_rule)).status_code == 200
    response = client.post(edit(province_rule), data(region="410000", total_min="100", online_cap="40"))
    assert response.status_code == 302
    province_rule.refresh_from_db()
    assert (province_rule.total_min, province_rule.online_cap) == (100, 40)


def test_the_audit_entry_holds_values_not_their_text(client, province_reviewer, province_rule):
    """An empty cap is null (shown "—") and the daily caps an object: the entry once held str() of each field,
    which the audit log showed as "None" and "{LearningForm.CLASS: 6}"."""
    client.force_login(province_reviewer)
    client.post(edit(province_rule), data(region="410000", total_min="100", online_cap="40"))
    entry = AuditEntry.objects.get(action="continuing_education.hours_rule_saved")
    assert (entry.before["online_cap"], entry.after["online_cap"]) == (None, "40")
    assert entry.after["daily_caps"] == {"class": 6.0} and entry.after["is_national_floor"] is False
    assert (entry.after["region"], entry.after["year"]) == ("410000", ce.this_year())
    cap = {row["field"]: row for row in diff_rows(entry)}["网络培训学时上限（online_cap）"]
    assert (cap["before"], cap["after"]) == ("—", "40")
    shown = str(diff_rows(entry))
    assert "None" not in shown and "LearningForm" not in shown


@pytest.mark.parametrize(("overrides", "field", "message"), [
    ({"source": ""}, "source", "请填写依据"), ({"year": "20x6"}, "year", "年度应为四位年份"),
    ({"total_min": "-1"}, "total_min", "不能小于 0"),
    ({"total_min": "80", "professional_min": "60", "public_min": "30"}, "total_min",
     "年度总学时不能少于专业科目与公需科目之和"),
    ({"region": "410000"}, "year", "该地区该年度的学时要求已设置"),
    ({"region": "420000"}, "region", "只能设置本部门所辖的省、市的学时要求")])
def test_errors_are_beside_the_field_and_nothing_is_saved(client, province_reviewer, overrides, field, message):
    client.force_login(province_reviewer)
    before = HoursRule.objects.count()
    response = client.post(NEW, data(**overrides))
    assert response.status_code == 200
    assert re.search(rf'data-field-error="{field}">{message}<', response.content.decode()), response.content.decode()
    assert HoursRule.objects.count() == before


def test_a_city_keeps_only_its_own_rule(client, city_reviewer, province_rule):
    client.force_login(city_reviewer)
    page = client.get(NEW).content.decode()
    assert '<option value="410100"' in page and '<option value="410000"' not in page
    response = client.post(NEW, data(region="410000", year=str(ce.this_year() + 1)))
    assert "只能设置本部门所辖的省、市的学时要求" in response.content.decode()
    assert client.post(NEW, data()).status_code == 302
    city_rule = HoursRule.objects.get(region_id="410100")
    assert client.get(edit(city_rule)).status_code == 200
    assert client.get(edit(province_rule)).status_code == 403
    assert client.post(edit(province_rule), data(region="410100", year="2031")).status_code == 403
    listing = client.get(LIST).content.decode()
    assert edit(city_rule) in listing and edit(province_rule) not in listing


def test_a_county_and_other_departments_only_read(client, county_reviewer_a, industry_reviewer, province_rule):
    for user in (county_reviewer_a, industry_reviewer):
        client.force_login(user)
        listing = client.get(LIST)
        assert listing.status_code == 200 and f'data-rule="{province_rule.pk}"' in listing.content.decode()
        assert "新增学时要求" not in listing.content.decode()
        assert client.get(NEW).status_code == 403
        assert client.post(NEW, data()).status_code == 403
        assert client.get(edit(province_rule)).status_code == 403
    assert HoursRule.objects.count() == 1


def test_units_and_people_do_not_open_the_rules(client, admin_a, pro_a, education_reviewer, province_rule):
    for user in (admin_a, pro_a, education_reviewer):
        client.force_login(user)
        assert client.get(LIST).status_code == 403
        assert client.get(NEW).status_code == 403
        assert client.get(edit(province_rule)).status_code == 403


def test_another_province_neither_sees_nor_edits(client, province_rule):
    hubei = factories.GovernmentFactory(name="湖北省人力资源和社会保障厅", gov_level=RegionLevel.PROVINCE,
                                        authority=Authority.HUMAN_RESOURCES, region=factories.region("420000"))
    client.force_login(factories.org_admin(hubei, username="hubei", real_name="湖北省管理员"))
    assert f'data-rule="{province_rule.pk}"' not in client.get(LIST).content.decode()
    assert client.get(edit(province_rule)).status_code == 404
    assert client.post(edit(province_rule), data(region="420000")).status_code == 404
    province_rule.refresh_from_db()
    assert province_rule.region_id == "410000"


