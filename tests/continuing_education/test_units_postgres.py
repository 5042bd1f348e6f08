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


def _field_errors(html: str, field: str) -> list[str]:
    return re.findall(rf'data-field-error="{field}">([^<]+)</div>', html)


def test_two_people_registering_one_credit_code_make_one_unit(monkeypatch):
    from organisations.models import Organisation
    from tests.organisations.helpers import new_credit_code, png_upload
    from verification import unit_registration

    hr = factories.GovernmentFactory(name="金水区人力资源和社会保障局", region=factories.region("410105"))
    people = [factories.individual(username=f"founder{n}", real_name=f"创始人{n}") for n in (1, 2)]
    code = new_credit_code()
    # Both forms pass their check before either unit exists; the unique credit code decides.
    concurrency.wait_after(monkeypatch, unit_registration, "new_platform_code", 0.3)

    def register(person):
        def request():
            data = {"name": "郑州市新材料研究所", "credit_code": code, "region": "410105", "hr_department": hr.pk,
                    "nature": "public_institution", "unit_level": "city", "legal_representative": "周所长",
                    "contact_phone": "0371-66668888", "address": "科学大道1号",
                    "credit_code_image": png_upload("code.png")}
            response = concurrency.logged_in(person).post(reverse("organisations:register_unit"), data)
            return "saved" if response.status_code == 302 else _field_errors(response.content.decode(),
                                                                              "credit_code")
        return request

    results = run_together(register(people[0]), register(people[1]))
    assert sorted(results, key=str) == [["该单位已注册，请联系该单位管理员添加"], "saved"], results
    assert Organisation.objects.filter(credit_code=code).count() == 1
    assert sum(1 for person in people if type(person).objects.get(pk=person.pk).organisation_id) == 1


def test_two_registrations_with_one_id_number_make_one_account(monkeypatch):
    from accounts.models import SmsPurpose, User
    from tests.organisations.helpers import NEW_PASSWORD, sms_code

    number = factories.make_id_number("19880512", seq=555)
    forms = []
    for n, mobile in ((1, "13811110001"), (2, "13811110002")):
        forms.append({"username": f"person{n}x", "real_name": "张三", "id_number": number, "mobile": mobile,
                      "sms_code": sms_code(mobile, SmsPurpose.REGISTER), "password1": NEW_PASSWORD,
                      "password2": NEW_PASSWORD, "captcha_0": "x", "captcha_1": "PASSED"})
    concurrency.wait_after(monkeypatch, User, "set_password", 0.3)

    def register(data):
        def request():
            from django.test import Client

            response = Client().post(reverse("accounts:register"), data)
            return "saved" if response.status_code == 302 else _field_errors(response.content.decode(), "id_number")
        return request

    results = run_together(register(forms[0]), register(forms[1]))
    assert sorted(results, key=str) == [["该身份证号已注册，请直接登录或找回密码"], "saved"], results
    assert User.objects.filter(id_number=number).count() == 1
