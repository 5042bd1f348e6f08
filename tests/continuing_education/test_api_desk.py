"""工作桌面 and 统计分析 through /api/v1/continuing-education/: the pages' numbers as JSON (a unit's counts by role, a
professional's year, a department's queues; the statistics' rows), the year form's 400, and who opens them."""

import pytest

from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce
from tests.continuing_education.test_desk_unit import unit_a, unit_b  # noqa: F401  (fixtures)

pytestmark = pytest.mark.django_db
DESK = "/api/v1/continuing-education/desk/"
STATISTICS = "/api/v1/continuing-education/statistics/"
YEAR = ce.this_year()


def test_the_units_desk_counts_what_the_page_counts(client, admin_a, unit_a, unit_b):  # noqa: F811
    answer = client.get(DESK, **auth(token_for(admin_a))).json()
    assert (answer["kind"], answer["person"], answer["department"]) == ("unit", None, None)
    desk = answer["unit"]
    assert desk["counts"] == {"staff_requests": 2, "inbox": 1, "upstream": 1, "declarants": 2,
                              "classes_follow_up": 1}
    assert [column["key"] for column in desk["columns"]] == ["classes", "courses", "participants", "declarants",
                                                             "completed"]
    assert [row["year"] for row in desk["years"]] == list(range(YEAR, YEAR - 5, -1))
    assert desk["years"][0]["classes"] == 1


def test_a_sub_administrator_sees_only_the_numbers_of_its_role(client, admin_a, trainer_a, member_a,
                                                               unit_a):  # noqa: F811
    desk = client.get(DESK, **auth(token_for(trainer_a))).json()["unit"]
    assert desk["counts"] == {"staff_requests": None, "inbox": None, "upstream": None, "declarants": None,
                              "classes_follow_up": 1}
    assert [column["key"] for column in desk["columns"]] == ["classes", "courses", "participants"]
    assert desk["years"][0]["declarants"] is None
    assert client.get(DESK, **auth(token_for(member_a))).status_code == 403


def test_the_desk_year_is_the_form_s(client, admin_a, unit_a):  # noqa: F811
    headers = auth(token_for(admin_a))
    earlier = client.get(DESK, {"year": YEAR - 1}, **headers).json()["unit"]
    assert earlier["year"] == YEAR - 1 and earlier["years"][0]["year"] == YEAR - 1
    for value in ("abc", "1999"):
        wrong = client.get(DESK, {"year": value}, **headers)
        assert wrong.status_code == 400
        assert [(error["field"], error["message"]) for error in wrong.json()["errors"]] == [
            ("year", "年度不正确：请填写2000至2100之间的年份")]


def test_a_professionals_desk(client, pro_a, staff_a, admin_a):
    ce.declaration(staff_a, by=pro_a)
    client.force_login(pro_a)
    answer = client.get(DESK).json()
    assert answer["kind"] == "person"
    desk = answer["person"]
    assert (desk["link"]["organisation_name"], desk["link"]["link_status"]) == ("甲企业有限公司", "linked")
    assert desk["declarations"] == {"draft": 1, "pending": 0, "returned": 0, "rejected": 0, "approved": 0}
    assert desk["archive"] is None
    assert desk["rule"] == {"total_min": "90.0", "professional_min": "60.0", "public_min": "30.0"}
    assert desk["missing"] == {"public": "30.0", "professional": "60.0", "total": "90.0"}


def test_a_departments_desk(client, enterprise_a, supervised_unit, county_reviewer_a):
    answer = client.get(DESK, **auth(token_for(county_reviewer_a))).json()
    assert answer["kind"] == "department"
    assert answer["department"] == {"department_id": county_reviewer_a.organisation_id,
                                    "department_name": county_reviewer_a.organisation.name, "classes_pending": 0,
                                    "hours_pending": 0, "units": 2}


def test_statistics_are_the_pages_rows(client, enterprise_a, enterprise_b, staff_a, pro_b, county_reviewer_a,
                                       city_reviewer, admin_a):
    county = client.get(STATISTICS, **auth(token_for(county_reviewer_a))).json()
    assert (county["year"], county["scope_name"]) == (YEAR, county_reviewer_a.organisation.region.full_name)
    assert [(row["code"], row["units"], row["staff"], row["qualified_rate"]) for row in county["rows"]] == [
        ("410105", 1, 1, "0.0%")]
    city = client.get(STATISTICS, {"year": YEAR}, **auth(token_for(city_reviewer))).json()
    by_code = {row["code"]: row for row in city["rows"]}
    assert (by_code["410105"]["units"], by_code["410103"]["units"]) == (1, 1)
    assert city["total"]["units"] == 2 and city["total"]["staff"] == 2
    wrong = client.get(STATISTICS, {"year": "x"}, **auth(token_for(county_reviewer_a)))
    assert wrong.status_code == 400 and wrong.json()["errors"][0]["field"] == "year"
    assert client.get(STATISTICS, **auth(token_for(admin_a))).status_code == 403
