"""统计分析: exact numbers per sub-region and year (合格 at exactly 90 = 60 + 30, not at 89), each department's
scope, a malformed year, the refusals and a constant number of queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from continuing_education.models import ClassStatus, DeclarationStatus
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_desk import hours
from tests.continuing_education.fixtures_desk import page, table

pytestmark = pytest.mark.django_db
YEAR = ce.this_year()
URL = "continuing_education:statistics"


@pytest.fixture
def data(enterprise_a, admin_a, enterprise_b, admin_b, supervised_unit, supervised_admin):
    """Enterprise A: 3 on the roster (90 hours 合格, 89 not, none), 1 asking to join (not on the roster); one
    approved class and one pending; declarations 8 pending + 8 approved (+ a draft, not counted). The supervised
    unit (金水区 too): 1 合格 of 1. Enterprise B (二七区): 1 of 2 合格."""
    passed = ce.staff(enterprise_a, name="甲合格")
    short = ce.staff(enterprise_a, name="甲差一学时")
    ce.staff(enterprise_a, name="甲无学时")
    ce.staff(enterprise_a, name="甲申请", account=ce.professional(username="ask", real_name="甲申请"), linked=False)
    hours(passed, by=admin_a, public=30, professional=60)
    hours(short, by=admin_a, public=30, professional=59)
    ce.training_class(enterprise_a, by=admin_a, name="通过班", status=ClassStatus.APPROVED)
    ce.training_class(enterprise_a, by=admin_a, name="待审班", status=ClassStatus.PENDING)
    ce.training_class(enterprise_a, by=admin_a, name="去年班", status=ClassStatus.APPROVED, year=YEAR - 1)
    ce.declaration(passed, by=admin_a, status=DeclarationStatus.PENDING, hours=8)
    ce.declaration(passed, by=admin_a, status=DeclarationStatus.APPROVED, hours=8)
    ce.declaration(short, by=admin_a, status=DeclarationStatus.DRAFT, hours=8)
    hours(ce.staff(supervised_unit, name="院合格"), by=supervised_admin, public=40, professional=60)
    hours(ce.staff(enterprise_b, name="乙合格"), by=admin_b, public=30, professional=60)
    hours(ce.staff(enterprise_b, name="乙不合格"), by=admin_b, public=0, professional=90)


A_ROW = {"units": "2", "staff": "4", "with_hours": "3", "qualified": "2", "rate": "50.0%", "classes": "1",
         "declared_hours": "16.0", "approved_hours": "8.0"}
B_ROW = {"units": "1", "staff": "2", "with_hours": "2", "qualified": "1", "rate": "50.0%", "classes": "0",
         "declared_hours": "0.0", "approved_hours": "0.0"}


def _rows(client, user, **query):
    return table(page(client, user, URL, **query), "data-region")


def test_county_sees_itself(client, data, county_reviewer_a, county_reviewer_b):
    assert _rows(client, county_reviewer_a) == {"410105": A_ROW, "total": A_ROW}
    assert _rows(client, county_reviewer_b) == {"410103": B_ROW, "total": B_ROW}  # none of A's


def test_city_sees_its_counties(client, data, city_reviewer):
    rows = _rows(client, city_reviewer)
    assert rows["410105"] == A_ROW and rows["410103"] == B_ROW
    assert rows["410100"]["units"] == "0"  # 市本级
    assert rows["total"] == {"units": "3", "staff": "6", "with_hours": "5", "qualified": "3", "rate": "50.0%",
                             "classes": "1", "declared_hours": "16.0", "approved_hours": "8.0"}


def test_province_sees_its_cities(client, data, province_reviewer):
    rows = _rows(client, province_reviewer)
    assert rows["410100"]["staff"] == "6" and rows["410100"]["rate"] == "50.0%"
    assert rows[""]["units"] == "0"  # 省本级


def test_industry_department_sees_its_supervised_unit_only(client, data, industry_reviewer):
    one = {"units": "1", "staff": "1", "with_hours": "1", "qualified": "1", "rate": "100.0%", "classes": "0",
           "declared_hours": "0.0", "approved_hours": "0.0"}
    assert _rows(client, industry_reviewer) == {"410105": one, "total": one}


def test_rate_to_one_decimal(client, enterprise_a, admin_a, county_reviewer_a):
    hours(ce.staff(enterprise_a, name="一"), by=admin_a, public=30, professional=60)
    ce.staff(enterprise_a, name="二")
    ce.staff(enterprise_a, name="三")
    assert _rows(client, county_reviewer_a)["total"]["rate"] == "33.3%"


def test_a_city_rule_judges_its_units(client, data, county_reviewer_a):
    ce.hours_rule("410100", total_min=95)  # Zhengzhou's own rule: 90 is no longer enough, 100 is
    assert _rows(client, county_reviewer_a)["410105"]["qualified"] == "1"


def test_no_rule_for_the_year_no_one_qualifies(client, data, county_reviewer_a):
    rows = _rows(client, county_reviewer_a, year=YEAR - 1)
    assert rows["410105"]["qualified"] == "0" and rows["410105"]["classes"] == "1"
    assert rows["410105"]["rate"] == "0.0%"


def test_platform_staff_see_every_province(client, data):
    from tests import factories

    staff = factories.UserFactory(kind="platform", is_staff=True, organisation=None, username="platform")
    rows = _rows(client, staff)
    assert rows["410000"]["units"] == "3" and rows["410000"]["qualified"] == "3"
    assert rows["total"]["staff"] == "6"


@pytest.mark.parametrize("garbage", ["²", "-1", "0001-01", "9" * 30])
def test_malformed_year(client, data, county_reviewer_a, garbage):
    html = page(client, county_reviewer_a, URL, year=garbage)
    # The message beside the field and no figures: this year's would be read, and exported, as the year asked.
    assert "年度不正确：请填写2000至2100之间的年份" in html
    assert table(html, "data-region") == {} and 'data-testid="statistics-regions"' not in html
    assert "年度</span>" not in html


@pytest.mark.parametrize("persona", ["admin_a", "member_a", "pro_a", "education_reviewer", "outsider"])
def test_refused(client, request, persona):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse(URL)).status_code == 403


def test_query_count_is_constant(client, enterprise_a, admin_a, city_reviewer, django_assert_max_num_queries):
    def build(n, start):
        for i in range(start, start + n):
            unit = ce.unit(name=f"单位{i}", region_code="410105" if i % 2 else "410103")
            member = ce.staff(unit, name=f"人员{i}")
            hours(member, by=admin_a)
            ce.training_class(unit, by=admin_a, name=f"班{i}", status=ClassStatus.APPROVED)
            ce.declaration(member, by=admin_a, status=DeclarationStatus.APPROVED)

    client.force_login(city_reviewer)
    build(1, 0)
    with CaptureQueriesContext(connection) as one:
        assert client.get(reverse(URL)).status_code == 200
    build(20, 1)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(reverse(URL)).status_code == 200
    assert _rows(client, city_reviewer)["total"]["classes"] == "21"
