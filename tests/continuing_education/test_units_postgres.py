"""One current unit per person under simultaneous requests, on PostgreSQL's real row locks: a person asking two
units at once (two browser tabs), or asking one unit while another's request is being approved, ends with one
current unit; the other request gets the message."""

import re

import pytest
from django.urls import reverse

from organisations import staff_links
from organisations.models import CURRENT_LINKS, StaffLink, StaffMember
from tests import factories
from tests.apprenticeships import concurrency
from tests.continuing_education import factories as ce
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]
JOIN = reverse("continuing_education:join")
REFUSED = "您已加入或正在申请加入其他单位，请先办理调离"


@pytest.fixture(autouse=True)
def national_floor(transactional_db):
    """The conftest's fixture, after the regions a transactional test has to load itself."""
    concurrency.load_regions()
    return ce.hours_rule("410000")


@pytest.fixture
def units():
    first = ce.unit(name="甲企业有限公司", region_code="410105")
    second = ce.unit(name="乙企业有限公司", region_code="410103")
    return first, second


def _join(client, organisation):
    def request():
        # Read from the page, not response.context: the test client's context capture is process-wide, so two
        # threads would see each other's templates.
        response = client.post(JOIN, {"organisation": organisation.pk}, follow=True)
        return re.findall(r'role="alert">\s*([^<]+?)<button', response.content.decode())
    return request


def test_two_parallel_requests_leave_one_current_unit(units, monkeypatch):
    first, second = units
    person = ce.professional(username="pro_race", real_name="钱专技")
    concurrency.wait_after(monkeypatch, staff_links, "current_link", 0.3)
    results = run_together(_join(concurrency.logged_in(person), first),
                           _join(concurrency.logged_in(person), second))
    current = StaffMember.objects.get(account=person, link_status=StaffLink.REQUESTED)
    done = f"已向{current.organisation.name}提交加入申请，请等待单位管理员审核"
    assert sorted(results) == sorted([[REFUSED], [done]])
    assert StaffMember.objects.filter(account=person, link_status__in=CURRENT_LINKS).count() == 1


def test_a_request_while_another_unit_approves(units, monkeypatch):
    first, second = units
    person = ce.professional(username="pro_race", real_name="钱专技", unit=first, linked=False)
    admin = factories.org_admin(first, username="admin_first")
    member = person.staff_links.get()
    concurrency.wait_after(monkeypatch, staff_links, "_check_manager", 0.3)

    def approve():
        client = concurrency.logged_in(admin)
        return client.post(reverse("continuing_education:staff_approve", args=[member.pk])).status_code

    results = run_together(approve, _join(concurrency.logged_in(person), second))
    assert results == [302, [REFUSED]], results
    member.refresh_from_db()
    assert member.link_status == StaffLink.LINKED
    assert StaffMember.objects.filter(account=person, link_status__in=CURRENT_LINKS).count() == 1


def test_the_constraint_holds_without_the_services_check(units, monkeypatch):
    """With the service's own check taken away, the database's partial unique index still refuses the second."""
    first, second = units
    person = ce.professional(username="pro_race", real_name="钱专技")
    monkeypatch.setattr(staff_links, "current_link", lambda user: None)
    monkeypatch.setattr(staff_links.User.objects, "select_for_update", lambda: staff_links.User.objects.all())
    concurrency.wait_after(monkeypatch, staff_links, "gender_from_id", 0.3)
    results = run_together(_join(concurrency.logged_in(person), first),
                           _join(concurrency.logged_in(person), second))
    assert sum(result == [REFUSED] for result in results) == 1, results
    assert StaffMember.objects.filter(account=person, link_status__in=CURRENT_LINKS).count() == 1
