"""The roster's one-person-per-unit rule under parallel requests: the form's check can pass for both, the
constraint lets one in, and the other gets the form's message beside 身份证号 (never a 500)."""

import threading

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test import Client
from django.urls import reverse

from organisations.models import StaffMember
from organisations.staff_services import create_staff_member, update_staff_member
from tests.batch.helpers import id_number
from tests.organisations.test_staff import LI, ZHANG, form_data, staff
from tests.organisations.test_staff_import_rows import cleaned

DUPLICATE = "本单位已有身份证号为该号码的人员"


def test_a_second_person_with_the_same_id_number_is_refused_by_the_service(enterprise_a, admin_a):
    # What a parallel request meets after the form checked: the service alone, without the form's check.
    create_staff_member(actor=admin_a, organisation=enterprise_a, data=cleaned(enterprise_a, "张伟", ZHANG))
    with pytest.raises(ValidationError) as refused:
        create_staff_member(actor=admin_a, organisation=enterprise_a, data=cleaned(enterprise_a, "张伟二", ZHANG))
    assert refused.value.message_dict == {"id_number": [DUPLICATE]}
    assert list(StaffMember.objects.values_list("name", flat=True)) == ["张伟"]


def test_changing_an_id_number_to_a_colleagues_is_refused_by_the_service(enterprise_a, admin_a):
    staff(enterprise_a, "张伟", ZHANG)
    li = staff(enterprise_a, "李娜", LI)
    with pytest.raises(ValidationError) as refused:
        update_staff_member(actor=admin_a, member=li, data=cleaned(enterprise_a, "李娜", ZHANG))
    assert refused.value.message_dict == {"id_number": [DUPLICATE]}
    li.refresh_from_db()
    assert li.id_number == LI


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_parallel_adds_of_one_person_add_one_and_tell_the_others_why(enterprise_a, admin_a):
    number = id_number("19880808", 456)
    barrier = threading.Barrier(4)
    responses = []

    def add():
        client = Client()
        client.force_login(admin_a)
        try:
            barrier.wait()
            responses.append(client.post(reverse("staff:create"), form_data(id_number=number)))
        finally:
            connection.close()

    threads = [threading.Thread(target=add) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert sorted(response.status_code for response in responses) == [200, 200, 200, 302]
    for response in responses:
        if response.status_code == 200:
            assert response.context["form"].errors == {"id_number": [DUPLICATE]}
    assert StaffMember.objects.filter(organisation=enterprise_a).count() == 1


def _join_and_add_at_once(person, organisation, admin) -> list:
    """The outcomes of the person's 申请加入 and the administrator's 添加人员 started together: ("ok", value) or
    ("refused", message) each (None: another exception, printed by the thread)."""
    from organisations import staff_links
    from tests.traineeships.test_applications_postgres import _run_together

    return _run_together([
        lambda: staff_links.request_join(actor=person, organisation=organisation),
        lambda: create_staff_member(actor=admin, organisation=organisation,
                                    data=cleaned(organisation, "钱专技", person.id_number)),
    ])


@pytest.mark.postgres
@pytest.mark.django_db(transaction=True)
def test_a_join_request_while_the_administrator_adds_the_person_links_one_row(enterprise_a, admin_a):
    from organisations.models import StaffLink
    from tests.continuing_education import factories as ce

    for attempt in range(5):  # the two inserts meet only sometimes; every outcome must hold each time
        person = ce.professional(username=f"joiner{attempt}", real_name="钱专技")
        joined, added = _join_and_add_at_once(person, enterprise_a, admin_a)
        assert joined is not None and joined[0] == "ok", (joined, added)
        assert added in (("ok", added[1]), ("refused", DUPLICATE)), (joined, added)
        (row,) = StaffMember.objects.filter(organisation=enterprise_a, id_number=person.id_number)
        assert (row.account_id, row.link_status) == (person.pk, StaffLink.REQUESTED)
