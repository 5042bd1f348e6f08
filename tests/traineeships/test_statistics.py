"""统计分析 for HR: figures by sub-region and month, a constant number of queries, the .xlsx, deny paths."""

import datetime
import io

import pytest
from django.urls import reverse
from python_calamine import CalamineWorkbook

from tests.traineeships.test_placements import approved_application, on_post_placement

pytest_plugins = ["tests.traineeships.test_placements"]

STATISTICS = reverse("traineeships:statistics")


@pytest.mark.django_db
def test_city_statistics_by_county_and_month(client, admin_a, post_a, application, county_reviewer_a, city_reviewer,
                                             wage, django_assert_max_num_queries):
    on_post_placement(application, admin_a, county_reviewer_a)
    on_post_placement(approved_application(post_a), admin_a, county_reviewer_a,
                      start_on=datetime.date(2026, 4, 1), insurance_valid_from=datetime.date(2026, 4, 1))
    client.force_login(city_reviewer)
    with django_assert_max_num_queries(25):
        page = client.get(STATISTICS, {"year": "2026"}).content.decode()
    assert '<tr data-region="410105"><td>金水区</td><td>1</td><td>1</td><td>2</td><td>2</td><td>2</td>' in page
    # March: one trainee; April–August: two; 6 + 5 months × 1260 = 13860.
    assert '<tr data-month="2026-03"><td>2026-03</td><td>1</td><td>1</td><td>0</td><td class="text-end">1260.00' in page
    assert '<tr data-month="2026-04"><td>2026-04</td><td>1</td><td>2</td><td>0</td><td class="text-end">2520.00' in page
    assert 'data-testid="region-chart"' in page and "<rect" in page
    xlsx = client.get(STATISTICS, {"year": "2026", "format": "xlsx"})
    rows = CalamineWorkbook.from_filelike(io.BytesIO(xlsx.content)).get_sheet_by_index(0).to_python()
    assert rows[1][0] == "金水区" and rows[1][9] == 13860.0 and rows[-1][0] == "合计"


@pytest.mark.django_db
def test_statistics_only_for_hr(client, admin_a, outsider, county_reviewer_b, post_a, application, county_reviewer_a,
                                wage):
    on_post_placement(application, admin_a, county_reviewer_a)
    for user in (admin_a, outsider):
        client.force_login(user)
        assert client.get(STATISTICS).status_code == 403
    # Another county sees nothing of 金水区.
    client.force_login(county_reviewer_b)
    page = client.get(STATISTICS, {"year": "2026"}).content.decode()
    assert 'data-region="410105"' not in page
