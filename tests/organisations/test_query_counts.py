"""The organisation's lists run a constant number of queries whatever the number of rows: the staff roster,
the accounts of an organisation (成员账号) and the directory."""

import pytest
from django.urls import reverse
from django.utils import timezone

from core.identifiers import birth_date_from_id, gender_from_id
from organisations.models import Department, Origin, Role, StaffLink, StaffMember
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


def add_accounts(organisation, count, start=0):
    """Sub-accounts in different departments, each with its own role."""
    for number in range(start, start + count):
        department = Department.objects.create(organisation=organisation, name=f"科室{number}")
        account = factories.UserFactory(organisation=organisation, username=f"clerk{number}",
                                        real_name=f"科员{number}", department=department)
        account.roles.add(Role.objects.create(organisation=organisation, name=f"角色{number}",
                                              permissions=["organisations.manage_staff"]))


def test_accounts(client, admin_a, enterprise_a):
    """成员账号 of the unit's administrator: rows with departments and roles, each manageable or not."""
    client.force_login(admin_a)
    url = reverse("organisations:accounts")
    add_accounts(enterprise_a, 2)
    few = queries(client, url)
    add_accounts(enterprise_a, 6, start=2)
    assert queries(client, url) == few
    assert "科员7" in client.get(url).content.decode()


def preregister(school, school_admin, count, start=0):
    """Units the school pre-registered, in different counties, every other one already activated."""
    for number in range(start, start + count):
        factories.OrganisationFactory(name=f"预登记企业{number}", origin=Origin.PRE_REGISTERED,
                                      region=factories.region(["410105", "410103", "410102"][number % 3]),
                                      recommended_by=school, created_by=school_admin,
                                      activation_code=f"AC{number:06d}",
                                      activated_at=timezone.now() if number % 2 else None)


def test_recommended(client, school, school_admin):
    """我推荐的单位 of a school."""
    client.force_login(school_admin)
    url = reverse("organisations:recommended")
    preregister(school, school_admin, 1)
    few = queries(client, url)
    preregister(school, school_admin, 6, start=1)
    assert queries(client, url) == few
    assert "预登记企业6" in client.get(url).content.decode()


def test_recommend(client, student):
    """推荐实习单位: the form and the student's own recommendations below it."""
    client.force_login(student)
    url = reverse("organisations:recommend")
    for number, county in enumerate(["410105", "410103", "410102", "410105", "410103", "410102", "410105"]):
        if number == 1:
            few = queries(client, url)
        factories.OrganisationFactory(name=f"推荐企业{number}", region=factories.region(county),
                                      origin=Origin.STUDENT_RECOMMENDED, created_by=student)
    assert queries(client, url) == few
    assert "推荐企业6" in client.get(url).content.decode()
