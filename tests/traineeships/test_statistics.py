"""统计分析 for HR: figures by sub-region and month, a constant number of queries, the .xlsx, deny paths."""

import datetime

import pytest
from django.urls import reverse

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
    # March: one trainee; April–August: two; 6 + 5 months × 1260 = 13860, plus each one's insurance premium
    # of 120 元 (under the 240 元 cap) in their start month: 14100.
    assert '<tr data-month="2026-03"><td>2026-03</td><td>1</td><td>1</td><td>0</td><td class="text-end">1380.00' in page
    assert '<tr data-month="2026-04"><td>2026-04</td><td>1</td><td>2</td><td>0</td><td class="text-end">2640.00' in page
    assert 'data-testid="region-chart"' in page and "<rect" in page
    assert '<tr data-region="total"><th>合计</th>' in page and '<th class="text-end">14100.00</th>' in page
    # The .xlsx is the batch engine's export (tests/traineeships/test_exports.py).
    assert 'data-testid="statistics-export"' in page


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
