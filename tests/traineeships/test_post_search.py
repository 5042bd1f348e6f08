"""The public post search's full-text index (core.search) finds exactly the rows LIKE '%term%' finds (title or
unit name, every term), on SQLite (FTS5) and PostgreSQL (tsvector) alike — the same assertions run on both in CI."""

import pytest
from django.db import connection

from core import search
from tests.traineeships.helpers import create_post
from traineeships.models import Post

pytestmark = pytest.mark.django_db

TITLES = ["会计", "会计助理", "护理员", "护士", "软件开发", "Java 开发工程师", "C++工程师", "行政文员", "出纳（会计）",
          "ＡＩ训练师", "理会计较", "计算机维护"]
UNITS = ["甲企业有限公司", "郑州护理学院附属医院", "会计师事务所", "乙科技", "Acme软件"]


def _reference(q: str) -> list[int]:
    """What the index must find: the posts whose title or unit name, normalised, contains every term — LIKE on
    the stored text, plus NFKC (ＡＩ is ai) and case-folding beyond ASCII, which LIKE does not do."""
    terms = search.terms_of(q)
    return sorted(pk for pk, title, unit in Post.objects.values_list("pk", "title", "unit_name")
                  if all(term in search.normalise(title) or term in search.normalise(unit) for term in terms))


def _indexed(q: str) -> list[int]:
    return sorted(search.matching(Post.objects.all(), q).values_list("pk", flat=True))


@pytest.fixture
def posts(base_a, admin_a, enterprise_a):
    made = []
    for title in TITLES:
        made.append(create_post(enterprise_a, admin_a, title=title))
    for number, post in enumerate(made):  # the unit name is copied at publication; written here as it would be
        post.unit_name = UNITS[number % len(UNITS)]
        post.save(update_fields=["unit_name"])
    return made


@pytest.mark.parametrize("q", [
    "会计", "护理", "护", "计", "会计助", "计助", "助理", "理会", "开发", "java", "JAVA 开发", "c++", "++", "ai",
    "ＡＩ", "训练", "（会计）", "会计 护理", "会计 甲企业", "公司", "司会", "医院", "事务", "无此岗位", "x",
    "科技 软件", "计算", "算机",
])
@pytest.mark.parametrize("few, many, narrowed", [(2000, 20000, False), (0, 1000, False), (0, 0, False),
                                                 (2000, 20000, True)], ids=["few", "many", "most", "narrowed"])
def test_the_index_finds_what_like_finds(posts, q, few, many, narrowed, monkeypatch):
    # On SQLite the number of matches chooses the plan (core.search.matching): every plan finds the same rows.
    monkeypatch.setattr(search, "FEW_MATCHES", few)
    monkeypatch.setattr(search, "MANY_MATCHES", many)
    found = sorted(search.matching(Post.objects.all(), q, narrowed=narrowed).values_list("pk", flat=True))
    assert found == _reference(q)


def test_exact_results_on_either_database(posts):
    titles = {post.pk: post.title for post in Post.objects.all()}
    # In the title, or in the unit's name (会计师事务所: the 3rd and 8th post; 郑州护理学院附属医院: the 2nd, 7th, 12th)
    assert sorted(titles[pk] for pk in _indexed("会计")) == sorted(["出纳（会计）", "会计", "会计助理", "护理员",
                                                                    "理会计较", "行政文员"])
    assert sorted(titles[pk] for pk in _indexed("护理")) == sorted(["会计助理", "护理员", "C++工程师", "计算机维护"])
    assert [titles[pk] for pk in _indexed("计助")] == ["会计助理"]
    assert [titles[pk] for pk in _indexed("ＡＩ")] == [titles[pk] for pk in _indexed("ai")] == ["ＡＩ训练师"]


def test_no_match_across_fields(base_a, admin_a, enterprise_a):
    post = create_post(enterprise_a, admin_a, title="财务会")
    post.unit_name = "计划公司"
    post.save(update_fields=["unit_name"])
    assert _indexed("会计") == [] == _reference("会计")
    assert _indexed("会") == [post.pk]


def test_an_edited_title_is_found_by_its_new_words(base_a, admin_a, enterprise_a):
    post = create_post(enterprise_a, admin_a, title="仓库管理员")
    assert _indexed("仓库") == [post.pk]
    post.title = "物流专员"
    post.save(update_fields=["title"])
    assert _indexed("仓库") == [] and _indexed("物流") == [post.pk]
    post.delete()
    assert _indexed("物流") == []


def test_the_index_is_in_place_after_every_migration():
    with connection.cursor() as cursor:
        assert search.index_in_place(connection.vendor, Post._meta.db_table, cursor)
