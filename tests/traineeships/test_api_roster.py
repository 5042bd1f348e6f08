"""补贴经费花名册, 统计分析 and the claim's .xlsx through /api/v1/traineeships/: the same figures and files as the
screens (tests/traineeships/test_roster.py, test_statistics.py), identifiers masked by permission, and the deny
paths. The placement: 王见习 on post 2026-03-01 to 2026-08-31 in 金水区, April reported not on post."""

import datetime
import io

import pytest
from python_calamine import CalamineWorkbook

from audit.models import AuditEntry
from claims import services as claim_services
from tests.api.keys import auth, token_for
from tests.traineeships.helpers import filed_claim
from tests.traineeships.test_placements import on_post_placement
from traineeships.models import MonthlyReport

pytest_plugins = ["tests.traineeships.test_placements"]
pytestmark = pytest.mark.django_db
API = "/api/v1/traineeships"
PERIOD = {"first_month": "2026-01", "last_month": "2026-12"}
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    placement = on_post_placement(application, admin_a, county_reviewer_a)
    MonthlyReport.objects.create(placement=placement, month=datetime.date(2026, 4, 1), on_post=False,
                                 reported_by=admin_a, reported_at=placement.created_at)
    return placement


def sheet(response) -> list:
    return CalamineWorkbook.from_filelike(io.BytesIO(response.content)).get_sheet_by_index(0).to_python()


def test_the_unit_reads_its_roster_as_on_screen(client, admin_a, placement):
    response = client.get(f"{API}/roster/", PERIOD, **auth(token_for(admin_a)))
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["base_id"], body["organisation_id"]) == (placement.base_id, placement.base.organisation_id)
    assert (body["first_month"], body["last_month"]) == ("2026-01-01", "2026-12-01")
    # March, May–August paid (5 × 1260), April reported not on post, the premium of 120 元.
    assert (body["total"], body["insurance_total"], body["top_up_total"]) == ("6420.00", "120.00", "0.00")
    (line,) = body["lines"]
    assert (line["placement_id"], line["name"], line["id_number"]) == (placement.pk, "王见习",
                                                                       placement.person.id_number)
    assert line["paid_months"] == 5 and line["claimed"] == []
    april = line["months"][1]
    assert (april["month"], april["on_post"], april["amount"]) == ("2026-04-01", False, "0.00")
    assert april["explanation"] == "2026年4月：单位上报当月不在岗，不计补贴；0 元"
    assert line["months"][0]["minimum_wage"] == "2100.00" and line["months"][0]["rate"] == "0.6000"
    assert body["retention_rate"] is None and "尚无已确定留用情况的结束见习人员" in body["retention_text"]


def test_the_roster_shows_the_months_already_claimed(client, admin_a, placement):
    claim = claim_services.create_claim(programme="traineeships", organisation=admin_a.organisation, actor=admin_a,
                                        first_month=datetime.date(2026, 3, 1), last_month=datetime.date(2026, 3, 1))
    claim_services.submit_claim(claim=claim, actor=admin_a)
    (line,) = client.get(f"{API}/roster/", PERIOD, **auth(token_for(admin_a))).json()["lines"]
    assert line["claimed"][0] == f"2026年3月（{claim.number}）"


def test_the_roster_files_are_the_screens(client, admin_a, placement):
    headers = auth(token_for(admin_a))
    xlsx = client.get(f"{API}/roster.xlsx", PERIOD, HTTP_ACCEPT=XLSX, **headers)
    assert xlsx.status_code == 200 and xlsx["Content-Type"] == XLSX
    rows = sheet(xlsx)
    assert rows[4][1:4] == ["王见习", placement.person.id_number, "软件测试见习生"]
    assert rows[4][8] == 6420.0 and rows[5][8] == 6420.0
    pdf = client.get(f"{API}/roster.pdf", PERIOD, HTTP_ACCEPT="application/pdf", **headers)
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert AuditEntry.objects.filter(action="traineeships.roster_exported").count() == 2


def test_roster_bad_input_is_a_400_with_the_field(client, admin_a, placement):
    headers = auth(token_for(admin_a))
    backwards = client.get(f"{API}/roster/", {"first_month": "2026-05", "last_month": "2026-03"}, **headers)
    assert backwards.status_code == 400
    assert [(error["field"], error["message"]) for error in backwards.json()["errors"]] == [
        ("last_month", "截止月份不能早于起始月份")]
    missing = client.get(f"{API}/roster.xlsx", {"first_month": "2026-05"}, **headers)
    assert missing.status_code == 400 and missing.json()["errors"][0]["field"] == "last_month"
    malformed = client.get(f"{API}/roster/", {**PERIOD, "first_month": "March"}, **headers)
    assert malformed.status_code == 400 and malformed.json()["errors"][0]["message"] == "月份格式应为 2026-03"


def test_hr_reads_a_base_of_its_jurisdiction_masked(client, placement, county_reviewer_a, county_reviewer_b,
                                                    enterprise_a):
    base = placement.base
    county = auth(token_for(county_reviewer_a))
    response = client.get(f"{API}/roster/", {**PERIOD, "base": base.pk}, **county)
    assert response.status_code == 200 and response.json()["total"] == "6420.00"
    without_base = client.get(f"{API}/roster/", PERIOD, **county)
    assert without_base.status_code == 400 and without_base.json()["errors"][0]["field"] == "base"
    wrong_base = client.get(f"{API}/roster/", {**PERIOD, "base": "x"}, **county)
    assert wrong_base.status_code == 400 and wrong_base.json()["errors"][0]["field"] == "base"
    other = auth(token_for(county_reviewer_b))
    assert client.get(f"{API}/roster/", {**PERIOD, "base": base.pk}, **other).status_code == 404
    assert client.get(f"{API}/roster.xlsx", {**PERIOD, "base": base.pk}, **other).status_code == 404


def test_roster_deny_paths(client, admin_b, placement, member_a, enterprise_a, staff_manager_a, outsider):
    # Another unit reads its own base, never A's: without a base it is told so.
    other = client.get(f"{API}/roster/", {**PERIOD, "base": placement.base_id}, **auth(token_for(admin_b)))
    assert other.status_code == 400 and other.json()["message"] == "本单位还没有见习基地，没有补贴经费花名册"
    # A sub-administrator without 见习基地管理 is neither the unit nor HR.
    assert client.get(f"{API}/roster/", PERIOD, **auth(token_for(staff_manager_a))).status_code == 403
    client.force_login(outsider)
    assert client.get(f"{API}/roster/", PERIOD).status_code == 403


def test_masked_for_a_member_without_personal_data(client, placement, member_a, enterprise_a):
    member_a.roles.add(enterprise_a.roles.create(name="基地管理", permissions=["traineeships.manage_base"]))
    headers = auth(token_for(member_a))
    (line,) = client.get(f"{API}/roster/", PERIOD, **headers).json()["lines"]
    assert line["id_number"] != placement.person.id_number and "*" in line["id_number"]
    assert sheet(client.get(f"{API}/roster.xlsx", PERIOD, **headers))[4][2] == line["id_number"]


def test_claim_xlsx_is_the_screens(client, admin_a, placement, county_reviewer_a, county_reviewer_b):
    claim = claim_services.create_claim(programme="traineeships", organisation=admin_a.organisation, actor=admin_a,
                                        first_month=datetime.date(2026, 3, 1), last_month=datetime.date(2026, 4, 1))
    url = f"{API}/claims/{claim.pk}/claim.xlsx"
    response = client.get(url, HTTP_ACCEPT=XLSX, **auth(token_for(admin_a)))
    assert response.status_code == 200 and response["Content-Type"] == XLSX
    assert response["Content-Disposition"].startswith("attachment")
    rows = sheet(response)
    assert rows[3][1:5] == ["王见习", placement.person.id_number, "月度补贴", "2026-03"]
    assert rows[-1][4:6] == ["合计", float(claim.total)]
    # A draft is the unit's own: the county does not see it until it is submitted, another county never.
    assert client.get(url, **auth(token_for(county_reviewer_a))).status_code == 404
    claim_services.submit_claim(claim=claim, actor=admin_a)
    assert client.get(url, **auth(token_for(county_reviewer_a))).status_code == 200
    assert client.get(url, **auth(token_for(county_reviewer_b))).status_code == 404


def test_statistics_for_hr(client, enterprise_a, admin_a, placement, city_reviewer, county_reviewer_b, outsider):
    filed_claim(enterprise_a, admin_a, [(placement.person, datetime.date(2026, 3, 1), "1260.00")], status="paid")
    response = client.get(f"{API}/hr/statistics/", {"year": "2026"}, **auth(token_for(city_reviewer)))
    assert response.status_code == 200, response.json()
    body = response.json()
    assert (body["region_id"], body["year"], body["has_data"]) == ("410100", 2026, True)
    assert 2026 in body["years"]
    jinshui = next(row for row in body["rows"] if row["code"] == "410105")
    assert (jinshui["bases"], jinshui["on_post"], jinshui["claimed"], jinshui["paid"]) == (1, 1, "1260.00",
                                                                                          "1260.00")
    march = next(month for month in body["months"] if month["month"] == "2026-03-01")
    assert (march["started"], march["on_post"], march["paid"]) == (1, 1, "1260.00")
    assert body["total"]["claimed"] == "1260.00"
    bad = client.get(f"{API}/hr/statistics/", {"year": "1990"}, **auth(token_for(city_reviewer)))
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "year"
    # Another county sees nothing of 金水区; neither a unit nor an individual has statistics.
    other = client.get(f"{API}/hr/statistics/", {"year": "2026"}, **auth(token_for(county_reviewer_b))).json()
    assert all(row["code"] != "410105" for row in other["rows"]) and other["total"]["claimed"] == "0.00"
    assert client.get(f"{API}/hr/statistics/", **auth(token_for(admin_a))).status_code == 403
    client.force_login(outsider)
    assert client.get(f"{API}/hr/statistics/").status_code == 403
