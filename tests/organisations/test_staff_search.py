"""人员信息 姓名 through the roster's search text (core.search): the same rows as the substring match on the name it
replaced, on SQLite (every plan) and PostgreSQL alike, in the roster's order; the text follows every write of a
name (the screens' service, a plain save, the import's insert and update)."""

import pytest
from django.db import connection
from django.urls import reverse

from core import search
from organisations.models import StaffMember
from organisations.staff_batch import _form_kwargs
from organisations.staff_forms import StaffFilterForm, StaffMemberForm
from organisations.staff_selectors import filter_staff, get_staff_for_user
from organisations.staff_services import STAFF_FIELDS, import_staff_rows, update_staff_member
from tests.batch.helpers import id_number
from tests.organisations.test_staff import staff

pytestmark = pytest.mark.django_db

NAMES = ["王伟", "王伟民", "李伟", "欧阳娜娜", "Anna Lee", "张3", "张三丰", "ＬＩ娜", "王伟"]


@pytest.fixture
def roster(enterprise_a, enterprise_b):
    made = [staff(enterprise_a, name, id_number(seq=100 + number)) for number, name in enumerate(NAMES)]
    staff(enterprise_b, "王伟", id_number(seq=300))  # another unit's: never listed
    return made


def _old(user, name):
    """The rows the box listed before the index: a substring of the name (case aside), in the roster's order."""
    return list(get_staff_for_user(user).filter(name__icontains=name.strip()).order_by("name", "id")
                .values_list("pk", flat=True))


def _new(user, name):
    return list(filter_staff(get_staff_for_user(user), StaffFilterForm({"name": name})).order_by("name", "id")
                .values_list("pk", flat=True))


KEYWORDS = ["王", "伟", "王伟", "伟民", "王伟民", "欧阳", "娜", "anna", "ANNA LEE", "a l", "lee", "3", "张3", "三丰",
            "张", "赵", "x", " 王伟 "]


@pytest.mark.parametrize("few, many", [(2000, 20000), (0, 1000), (0, 0)], ids=["few", "many", "most"])
def test_the_name_finds_what_the_substring_match_found(roster, admin_a, few, many, monkeypatch):
    monkeypatch.setattr(search, "FEW_MATCHES", few)  # SQLite: every plan of core.search.matching
    monkeypatch.setattr(search, "MANY_MATCHES", many)
    found = {name: _new(admin_a, name) for name in KEYWORDS}
    assert found == {name: _old(admin_a, name) for name in KEYWORDS}
    assert found["王"] and found["a l"] and found["3"] and not found["赵"]


def test_exact_rows_in_the_roster_order(roster, admin_a):
    names = {member.pk: member.name for member in roster}
    assert [names[pk] for pk in _new(admin_a, "王伟")] == ["王伟", "王伟", "王伟民"]
    assert _new(admin_a, "王伟")[:2] == [roster[0].pk, roster[8].pk]
    assert [names[pk] for pk in _new(admin_a, "伟")] == ["李伟", "王伟", "王伟", "王伟民"]


def test_full_width_letters_are_found_by_their_plain_form(roster, admin_a):
    # The one intended difference from icontains: NFKC (core.search), so "li" also finds "ＬＩ娜".
    assert _new(admin_a, "li") == [roster[7].pk] == _old(admin_a, "ＬＩ")
    assert _old(admin_a, "li") == []


def test_every_write_of_a_name_keeps_the_text(enterprise_a, admin_a):
    member = staff(enterprise_a, "王伟", id_number(seq=101))
    data = {name: getattr(member, name) for name in STAFF_FIELDS}
    update_staff_member(actor=admin_a, member=member, data={**data, "name": "赵敏"})
    assert _new(admin_a, "赵敏") == [member.pk] and _new(admin_a, "王伟") == []
    member.refresh_from_db()
    member.name = "钱多多"
    member.save(update_fields=["name"])
    assert _new(admin_a, "多多") == [member.pk] and _new(admin_a, "赵敏") == []
    assert StaffMember.objects.get(pk=member.pk).search_text == search.tokens_for("钱多多")


def cleaned(organisation, name, number):
    form = StaffMemberForm(data={"name": name, "id_number": number}, **_form_kwargs(None, organisation))
    assert form.is_valid(), form.errors
    return form.cleaned_data


def test_the_import_writes_the_text_of_new_and_renamed_people(enterprise_a, admin_a):
    rows = [cleaned(enterprise_a, name, id_number(seq=200 + number))
            for number, name in enumerate(["孙悟空", "猪八戒"])]
    assert import_staff_rows(actor=admin_a, organisation=enterprise_a, rows=rows) == (2, 0, 0)
    assert len(_new(admin_a, "悟空")) == 1 and len(_new(admin_a, "八戒")) == 1
    rows[1] = cleaned(enterprise_a, "沙悟净", id_number(seq=201))
    assert import_staff_rows(actor=admin_a, organisation=enterprise_a, rows=rows) == (0, 1, 1)
    assert _new(admin_a, "八戒") == [] and len(_new(admin_a, "悟")) == 2
    assert {member.search_text for member in StaffMember.objects.all()} == {
        search.tokens_for("孙悟空"), search.tokens_for("沙悟净")}


def test_the_page_lists_the_rows_and_a_name_too_long_is_a_message(client, roster, admin_a):
    client.force_login(admin_a)
    response = client.get(reverse("staff:list"), {"name": "王伟"})
    assert [member.pk for member in response.context["object_list"]] == _old(admin_a, "王伟")
    response = client.get(reverse("staff:list"), {"name": "王" * 65})
    assert response.status_code == 200


def test_the_index_is_in_place_after_every_migration():
    with connection.cursor() as cursor:
        assert search.index_in_place(connection.vendor, StaffMember._meta.db_table, cursor)
