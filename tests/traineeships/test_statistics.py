"""统计分析 for HR: people by sub-region and month, money from the filed claims, a constant number of queries
whatever the number of bases and claims, the empty state, the year filter, deny paths."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from tests import factories
from tests.traineeships.helpers import approved_base, filed_claim
from tests.traineeships.test_placements import approved_application, approved_post, on_post_placement

pytest_plugins = ["tests.traineeships.test_placements"]

STATISTICS = reverse("traineeships:statistics")


def month(number, year=2026):
    return datetime.date(year, number, 1)


def cells(page: str, attribute: str, value: str) -> list[str]:
    """The texts of the cells of the table row marked data-<attribute>="<value>"."""
    found = re.search(rf'<tr data-{attribute}="{value}">(.*?)</tr>', page, re.S)
    assert found, f"no row data-{attribute}={value}"
    return [text.strip() for text in re.findall(r"<t[dh][^>]*>(.*?)</t[dh]>", found.group(1), re.S)]


def year_options(page: str) -> list[str]:
    select = re.search(r'<select name="year".*?</select>', page, re.S).group(0)
    return re.findall(r'<option value="(\d+)"', select)


@pytest.fixture
def two_trainees(admin_a, post_a, application, county_reviewer_a, wage):
    """王见习 on post March–August 2026, a second trainee April–August."""
    first = on_post_placement(application, admin_a, county_reviewer_a)
    second = on_post_placement(approved_application(post_a), admin_a, county_reviewer_a,
                               start_on=datetime.date(2026, 4, 1), insurance_valid_from=datetime.date(2026, 4, 1))
    return first.person, second.person


@pytest.mark.django_db
def test_city_statistics_by_county_and_month_from_claims(client, enterprise_a, enterprise_b, admin_a, admin_b, base_b,
                                                         two_trainees, city_reviewer, django_assert_max_num_queries):
    wang, other = two_trainees
    filed_claim(enterprise_a, admin_a, [(wang, month(3), "1260.00"), (wang, month(4), "1260.00"),
                                        (wang, None, "120.00")], status="paid")
    filed_claim(enterprise_a, admin_a, [(other, month(4), "1260.00")], status="submitted")
    # Neither a draft nor a returned claim is claimed money; a claim of another year is not in 2026.
    filed_claim(enterprise_a, admin_a, [(other, month(5), "999.00")], status="draft")
    filed_claim(enterprise_a, admin_a, [(wang, month(5), "888.00")], status="returned")
    filed_claim(enterprise_a, admin_a, [(wang, month(12, 2025), "500.00")], status="paid")
    filed_claim(enterprise_b, admin_b, [(factories.individual(), month(6), "800.00")], status="approved")
    client.force_login(city_reviewer)
    with django_assert_max_num_queries(25):
        page = client.get(STATISTICS, {"year": "2026"}).content.decode()
    # 金水区: one base, one post of 2 places, 2 applicants on post; 3900 claimed of which 2640 paid.
    assert cells(page, "region", "410105") == ["金水区", "1", "1", "2", "2", "2", "0", "0", "—", "3900.00", "2640.00"]
    assert cells(page, "region", "410103") == ["二七区", "1", "0", "0", "0", "0", "0", "0", "—", "800.00", "0.00"]
    assert cells(page, "region", "total") == ["合计", "2", "1", "2", "2", "2", "0", "0", "—", "4700.00", "2640.00"]
    # By month: the insurance line (no month of its own) counts in its claim's last month, April.
    assert cells(page, "month", "2026-03") == ["2026-03", "1", "1", "0", "1260.00", "1260.00"]
    assert cells(page, "month", "2026-04") == ["2026-04", "1", "2", "0", "2640.00", "1380.00"]
    assert cells(page, "month", "2026-05") == ["2026-05", "0", "2", "0", "0.00", "0.00"]
    assert cells(page, "month", "2026-06") == ["2026-06", "0", "2", "0", "800.00", "0.00"]
    assert cells(page, "month", "2026-09") == ["2026-09", "0", "0", "0", "0.00", "0.00"]
    assert 'data-testid="region-chart"' in page and 'data-testid="month-chart"' in page
    assert 'data-testid="statistics-empty"' not in page
    # The .xlsx is the batch engine's export (tests/traineeships/test_exports.py).
    assert 'data-testid="statistics-export"' in page
    # 2025 has a claim, so it is offered; next year never is.
    this_year = timezone.localdate().year
    assert year_options(page) == sorted({str(this_year), "2026", "2025"}, reverse=True)


def _statistics_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(STATISTICS, {"year": "2026"}).status_code == 200
    return len(queries)


@pytest.mark.django_db
def test_statistics_query_count_is_the_same_for_one_and_for_many(client, enterprise_a, enterprise_b, admin_a, admin_b,
                                                                  base_b, two_trainees, county_reviewer_a,
                                                                  county_reviewer_b, city_reviewer):
    wang, _other = two_trainees
    filed_claim(enterprise_a, admin_a, [(wang, month(3), "1260.00")], status="paid")
    client.force_login(city_reviewer)
    client.get(STATISTICS)  # the session and the layout's first-visit reads
    few = _statistics_queries(client)
    # Many more bases, posts, trainees and claims in two counties.
    for index in range(3):
        unit = factories.OrganisationFactory(name=f"丙{index}企业", region=factories.region("410105"))
        unit_admin = factories.org_admin(unit, username=f"unit{index}")
        approved_base(unit, unit_admin, county_reviewer_a, city_reviewer)
        post = approved_post(unit, unit_admin, county_reviewer_a, city_reviewer, places=3)
        on_post_placement(approved_application(post), unit_admin, county_reviewer_a)
    post_b = approved_post(enterprise_b, admin_b, county_reviewer_b, city_reviewer, places=2)
    on_post_placement(approved_application(post_b), admin_b, county_reviewer_b)
    for status in ("submitted", "approved", "paid"):
        for organisation, admin in ((enterprise_a, admin_a), (enterprise_b, admin_b)):
            people = [factories.individual() for _ in range(8)]
            filed_claim(organisation, admin, [(person, month(number), "1000.00") for person in people
                                              for number in (3, 4, 5)], status=status)
    many = _statistics_queries(client)
    assert many == few
    assert few <= 20
    page = client.get(STATISTICS, {"year": "2026"}).content.decode()
    # 1260 + 3 × 8 × 3 × 1000 for 金水区 (enterprise A); 3 × 8 × 3 × 1000 for 二七区.
    assert cells(page, "region", "410105")[1:] == ["4", "4", "11", "5", "5", "0", "0", "—", "73260.00", "25260.00"]
    assert cells(page, "region", "410103")[-2:] == ["72000.00", "24000.00"]


@pytest.mark.django_db
def test_statistics_without_data_say_so_and_offer_only_this_year(client, city_reviewer):
    client.force_login(city_reviewer)
    page = client.get(STATISTICS).content.decode()
    this_year = timezone.localdate().year
    assert "郑州市辖区内暂无就业见习数据" in page and 'data-testid="statistics-empty"' in page
    assert "<svg" not in page and 'data-testid="by-region"' not in page
    assert 'data-testid="statistics-export"' not in page
    assert year_options(page) == [str(this_year)]
    assert str(this_year + 1) not in year_options(page)


@pytest.mark.django_db
def test_statistics_with_bases_and_nobody_on_post_draw_no_empty_chart(client, base_a, city_reviewer):
    client.force_login(city_reviewer)
    page = client.get(STATISTICS).content.decode()
    this_year = timezone.localdate().year
    assert cells(page, "region", "410105")[:3] == ["金水区", "1", "0"]
    assert "<svg" not in page
    assert "暂无见习人员和补贴申领，没有可绘制的数据。" in page
    assert f"{this_year}年没有在岗的见习人员。" in page


@pytest.mark.django_db
@pytest.mark.parametrize("year", ["²", "0000", "-1", "9" * 30, "%ff", "2019", str(datetime.date.today().year + 1)])
def test_a_year_not_offered_is_refused_in_words(client, city_reviewer, year):
    client.force_login(city_reviewer)
    response = client.get(STATISTICS, {"year": year})
    assert response.status_code == 200
    page = response.content.decode()
    # The message beside the field, and no figures: this year's would be read as the year asked.
    assert "年份无效：请从列表中选择有数据的年份" in page
    assert "就业见习·统计分析：郑州市</h1>" in page
    for testid in ("by-region", "by-month", "statistics-empty", "statistics-export", "month-chart-empty"):
        assert f'data-testid="{testid}"' not in page


@pytest.mark.django_db
def test_statistics_only_for_hr(client, enterprise_a, admin_a, outsider, county_reviewer_b, two_trainees):
    filed_claim(enterprise_a, admin_a, [(two_trainees[0], month(3), "1260.00")], status="paid")
    for user in (admin_a, outsider):
        client.force_login(user)
        assert client.get(STATISTICS).status_code == 403
    # Another county sees nothing of 金水区, neither its people nor its money.
    client.force_login(county_reviewer_b)
    page = client.get(STATISTICS, {"year": "2026"}).content.decode()
    assert 'data-region="410105"' not in page and "1260.00" not in page
    assert "暂无就业见习数据" in page
