"""The organisation's lists run a constant number of queries whatever the number of rows: the staff roster,
the accounts of an organisation (成员账号) and the directory."""

import pytest
from django.urls import reverse

from core.identifiers import birth_date_from_id, gender_from_id
from organisations.models import StaffLink, StaffMember
from tests import factories
from tests.list_queries import queries

pytestmark = pytest.mark.django_db


def add_staff(organisation, count, start=0):
    for number in range(start, start + count):
        id_number = factories.make_id_number("19900307", seq=100 + number)
        account = factories.individual(real_name=f"张{number}") if number % 2 else None  # linked or not
        StaffMember.objects.create(organisation=organisation, name=f"张{number}", id_number=id_number,
                                   gender=gender_from_id(id_number), birth_date=birth_date_from_id(id_number),
                                   account=account, link_status=StaffLink.LINKED if account else StaffLink.NONE,
                                   department_name=f"部门{number}", mobile="13812345678")


def test_staff_list(client, admin_a, enterprise_a):
    client.force_login(admin_a)
    url = reverse("staff:list")
    add_staff(enterprise_a, 2)
    few, few_filtered = queries(client, url), queries(client, url, {"name": "张", "department": "部门"})
    add_staff(enterprise_a, 6, start=2)
    assert queries(client, url) == few
    assert queries(client, url, {"name": "张", "department": "部门"}) == few_filtered


def test_directory(client, city_reviewer, enterprise_a, enterprise_b):
    """单位名录 of the city: organisations of several counties, some recommended by a department."""
    client.force_login(city_reviewer)
    url = reverse("organisations:directory")
    few = queries(client, url)
    for number, county in enumerate(["410105", "410103", "410102", "410105"]):
        factories.OrganisationFactory(name=f"名录企业{number}", region=factories.region(county),
                                      recommended_by=city_reviewer.organisation if number % 2 else None)
    assert queries(client, url) == few
