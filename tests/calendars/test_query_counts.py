"""最低工资标准 list runs a constant number of queries whatever the number of rows (no query per row)."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from calendars.models import MinimumWage
from calendars.rules import MANAGE_WAGES
from tests import factories
from tests.list_queries import queries

pytestmark = pytest.mark.django_db


def test_wage_list(client, province_hr, province_reviewer):
    """The province's keeper: rows of different regions, set by different people."""
    keeper = factories.UserFactory(organisation=province_hr, username="province_wages", real_name="工资标准维护员")
    keeper.roles.add(province_hr.roles.create(name="最低工资维护", permissions=[MANAGE_WAGES]))
    regions = [factories.region(code) for code in ("410100", "410200", "410105", "410103")]

    def add(count, start=0):
        for n in range(start, start + count):
            MinimumWage.objects.create(region=regions[n % 4], valid_from=datetime.date(2020 + n, 1, 1),
                                       valid_to=datetime.date(2020 + n, 12, 1), monthly=Decimal(2000 + n),
                                       source=f"豫政〔{2020 + n}〕{n}号", set_by=(keeper, province_reviewer)[n % 2])

    url = reverse("calendars:wages")
    client.force_login(keeper)
    add(1)
    few = queries(client, url)
    add(7, start=1)
    assert queries(client, url) == few
    assert "豫政〔2027〕7号" in client.get(url).content.decode()
