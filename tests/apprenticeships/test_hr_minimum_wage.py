"""最低工资标准 maintenance in the calendars app (province HR holding calendars.manage_wages, platform staff):
list, add, edit, overlap refused, audited; calendars.wages.minimum_wage reads what was kept."""

import datetime
from decimal import Decimal

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from calendars.models import MinimumWage
from calendars.rules import MANAGE_WAGES
from calendars.wages import minimum_wage
from tests import factories

pytestmark = pytest.mark.django_db

LIST = reverse("calendars:wages")
NEW = reverse("calendars:wage_create")


@pytest.fixture
def wage_keeper(province_hr):
    user = factories.UserFactory(organisation=province_hr, username="province_wages", real_name="工资标准维护员")
    user.roles.add(province_hr.roles.create(name="最低工资维护", permissions=[MANAGE_WAGES]))
    return user


def data(**overrides):
    values = {"region": "410100", "valid_from": "2027-01", "valid_to": "", "monthly": "2300", "hourly": "22.5",
              "source": "豫政〔2026〕30号"}
    values.update(overrides)
    return values


def test_province_keeps_the_minimum_wage(client, wage_keeper):
    client.force_login(wage_keeper)
    assert client.get(LIST).status_code == 200
    assert client.get(NEW).status_code == 200
    response = client.post(NEW, data())
    assert response.status_code == 302 and response["Location"] == LIST
    row = MinimumWage.objects.get(region_id="410100")
    assert (row.monthly, row.hourly, row.set_by) == (Decimal("2300"), Decimal("22.5"), wage_keeper)
    assert minimum_wage(factories.region("410105"), datetime.date(2027, 3, 1)) == Decimal("2300")
    assert minimum_wage(factories.region("410105"), datetime.date(2026, 3, 1)) == Decimal("2100")  # the province's
    assert AuditEntry.objects.filter(action="calendars.wage_created").count() == 1
    response = client.post(NEW, data(valid_from="2027-06", monthly="2400"))
    assert response.context["form"].errors["valid_from"] == [
        "河南省 郑州市在2027-01 至 长期已有最低工资标准，期间不能重叠"]
    response = client.post(NEW, data(region="440100"))
    assert response.context["form"].errors["region"] == ["只能选择本省的地区"]
    edit = reverse("calendars:wage_edit", args=[row.pk])
    assert client.get(edit).status_code == 200
    assert client.post(edit, data(monthly="2350", valid_to="2027-12")).status_code == 302
    row.refresh_from_db()
    assert row.monthly == Decimal("2350") and row.valid_to == datetime.date(2027, 12, 31)
    entry = AuditEntry.objects.get(action="calendars.wage_updated")
    assert Decimal(str(entry.before["monthly"])) == Decimal("2300")
    assert "豫政〔2026〕30号" in client.get(LIST).content.decode()


def test_who_may_not_keep_the_minimum_wage(client, province_reviewer, city_reviewer, admin_a, province_hr,
                                           other_city_reviewer):
    row = MinimumWage.objects.get(region_id="410000")
    edit = reverse("calendars:wage_edit", args=[row.pk])
    holder_in_city = factories.UserFactory(organisation=city_reviewer.organisation, username="city_wages")
    holder_in_city.roles.add(city_reviewer.organisation.roles.create(name="x", permissions=[MANAGE_WAGES]))
    for user in (city_reviewer, admin_a, holder_in_city, other_city_reviewer):
        client.force_login(user)
        assert client.get(LIST).status_code == 403, user
        assert client.post(NEW, data()).status_code == 403
        assert client.post(edit, data()).status_code == 403
    assert MinimumWage.objects.count() == 1


def test_another_province_sees_nothing_of_this_one(client, province_hr):
    from organisations.models import Authority
    from regions.models import RegionLevel

    guangdong = factories.GovernmentFactory(name="广东省人力资源和社会保障厅", gov_level=RegionLevel.PROVINCE,
                                            authority=Authority.HUMAN_RESOURCES, region=factories.region("440000"))
    user = factories.UserFactory(organisation=guangdong, username="gd_wages")
    user.roles.add(guangdong.roles.create(name="最低工资维护", permissions=[MANAGE_WAGES]))
    client.force_login(user)
    assert list(client.get(LIST).context["object_list"]) == []
    row = MinimumWage.objects.get(region_id="410000")
    assert client.get(reverse("calendars:wage_edit", args=[row.pk])).status_code == 404


def test_traineeship_rates_read_the_wage_from_calendars(city_reviewer):
    """The traineeship roster's rates take the wage of calendars.MinimumWage (a city's own row beats the
    province's), and a month without a minimum wage has no rates (the claim names what is missing)."""
    from tests.traineeships.test_placements import wage_parameter
    from traineeships.services.roster import ParameterTable, region_codes

    county = factories.region("410105")
    MinimumWage.objects.all().delete()
    wage_parameter(city_reviewer, wage="2200")  # 郑州: 地区参数 and a MinimumWage row from 2026-01
    table = ParameterTable(region_codes(county))
    rates = table(region_codes(county), datetime.date(2026, 3, 1))
    assert rates.minimum_wage == Decimal("2200") and rates.base_rate == Decimal("0.600")
    MinimumWage.objects.all().delete()
    assert ParameterTable(region_codes(county))(region_codes(county), datetime.date(2026, 3, 1)) is None
