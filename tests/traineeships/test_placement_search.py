"""上岗人员管理 姓名/身份证号 through the placement's search text (core.search): the same rows as the substring match
on the trainee's name (or the whole ID number) it replaced, on SQLite (every plan) and PostgreSQL alike; and the
text follows a renamed trainee. The ID number is never in the search text."""

import pytest
from django.db import connection
from django.db.models import Q

from core import search
from tests.traineeships.test_api_query_counts import placed
from tests.traineeships.test_placements import approved_post
from traineeships.models import Placement
from traineeships.selectors import filter_placements, placements_for_unit

pytestmark = pytest.mark.django_db

NAMES = ["王伟", "王伟民", "李伟", "欧阳娜娜", "Anna Lee", "张3", "张三丰", "ＬＩ娜"]


@pytest.fixture
def placements(base_a, admin_a, county_reviewer_a, city_reviewer):
    post = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=20)
    made = []
    for number, name in enumerate(NAMES, start=1):
        placement = placed(post, admin_a, number)
        person = placement.person
        person.real_name = name
        person.save(update_fields=["real_name"])
        made.append(placement)
    return made


def _old(user, q):
    """The query the 姓名/身份证号 box ran before the index."""
    return sorted(placements_for_unit(user).filter(Q(person__real_name__icontains=q) | Q(person__id_number=q))
                  .values_list("pk", flat=True))


def _new(user, q):
    return sorted(filter_placements(placements_for_unit(user), q=q).values_list("pk", flat=True))


KEYWORDS = ["王", "伟", "王伟", "伟民", "王伟民", "欧阳", "娜", "anna", "ANNA LEE", "a l", "lee", "3", "张3", "三丰",
            "张", "赵", "x"]


@pytest.mark.parametrize("few, many", [(2000, 20000), (0, 1000), (0, 0)], ids=["few", "many", "most"])
def test_the_name_finds_what_the_substring_match_found(placements, admin_a, few, many, monkeypatch):
    monkeypatch.setattr(search, "FEW_MATCHES", few)  # SQLite: every plan of core.search.matching
    monkeypatch.setattr(search, "MANY_MATCHES", many)
    found = {q: _new(admin_a, q) for q in KEYWORDS}
    assert found == {q: _old(admin_a, q) for q in KEYWORDS}
    assert found["王"] and found["a l"] and found["3"] and not found["赵"]


def test_exact_rows_and_the_id_number(placements, admin_a):
    names = {placement.pk: placement.person.real_name for placement in placements}
    assert [names[pk] for pk in _new(admin_a, "王伟")] == ["王伟", "王伟民"]
    assert [names[pk] for pk in _new(admin_a, "伟")] == ["王伟", "王伟民", "李伟"]
    someone = placements[3].person
    assert _new(admin_a, someone.id_number) == [placements[3].pk] == _old(admin_a, someone.id_number)
    assert someone.id_number not in Placement.objects.get(pk=placements[3].pk).search_text


def test_a_renamed_trainee_is_found_by_the_new_name(placements, admin_a):
    person = placements[0].person
    person.real_name = "王小明"
    person.save()
    assert _new(admin_a, "小明") == [placements[0].pk] == _old(admin_a, "小明")
    assert _new(admin_a, "王伟") == [placements[1].pk] == _old(admin_a, "王伟")


def test_full_width_letters_are_found_by_their_plain_form(placements, admin_a):
    # The one intended difference from icontains: NFKC (core.search), so "li" also finds "ＬＩ娜".
    assert _new(admin_a, "li") == [placements[7].pk] == _old(admin_a, "ＬＩ")
    assert _old(admin_a, "li") == []


def test_the_index_is_in_place_after_every_migration():
    with connection.cursor() as cursor:
        assert search.index_in_place(connection.vendor, Placement._meta.db_table, cursor)


def test_a_name_too_long_is_a_message_next_to_the_box(placements, admin_a, client):
    from django.urls import reverse

    client.force_login(admin_a)
    response = client.get(reverse("traineeships:placements"), {"q": "王" * 65})
    assert response.status_code == 200
    message = "确保该变量包含不超过 64 字符 (目前字符数 65)。"
    assert f'<div class="invalid-feedback d-block">{message}</div>' in response.content.decode()
