"""The public post search's full-text index (core.search) finds exactly the rows LIKE '%term%' finds (title or
unit name, every term), on SQLite (FTS5) and PostgreSQL (tsvector) alike — the same assertions run on both in CI."""

import pytest
from django.db import connection

from core import search
from tests.traineeships.helpers import create_post
from traineeships.models import Post
from traineeships.models.posts import region_search_tags

pytestmark = pytest.mark.django_db

TITLES = ["会计", "会计助理", "护理员", "护士", "软件开发", "Java 开发工程师", "C++工程师", "行政文员", "出纳（会计）",
          "ＡＩ训练师", "理会计较", "计算机维护"]
UNITS = ["甲企业有限公司", "郑州护理学院附属医院", "会计师事务所", "乙科技", "Acme软件"]


def _reference(q: str, posts=None) -> list[int]:
    """What the index must find: the posts whose title or unit name, normalised, contains every term — LIKE on
    the stored text, plus NFKC (ＡＩ is ai) and case-folding beyond ASCII, which LIKE does not do."""
    terms = search.terms_of(q)
    posts = Post.objects.all() if posts is None else posts
    return sorted(pk for pk, title, unit in posts.values_list("pk", "title", "unit_name")
                  if all(term in search.normalise(title) or term in search.normalise(unit) for term in terms))


def _indexed(q: str) -> list[int]:
    return sorted(search.matching(Post.objects.all(), q).values_list("pk", flat=True))


@pytest.fixture
def posts(base_a, admin_a, enterprise_a):
    made = []
    for number, title in enumerate(TITLES):  # in two counties of the unit's city
        made.append(create_post(enterprise_a, admin_a, title=title,
                                work_region_code=("410105", "410103")[number % 2]))
    for number, post in enumerate(made):  # the unit name is copied at publication; written here as it would be
        post.unit_name = UNITS[number % len(UNITS)]
        post.save(update_fields=["unit_name"])
    return made


@pytest.mark.parametrize("q", [
    "会计", "护理", "护", "计", "会计助", "计助", "助理", "理会", "开发", "java", "JAVA 开发", "c++", "++", "ai",
    "ＡＩ", "训练", "（会计）", "会计 护理", "会计 甲企业", "公司", "司会", "医院", "事务", "无此岗位", "x",
    "科技 软件", "计算", "算机",
])
@pytest.mark.parametrize("few, many, county", [(2000, 20000, ""), (0, 1000, ""), (0, 0, ""), (2000, 20000, "410103"),
                                               (0, 1000, "410105"), (0, 0, "410103")],
                         ids=["few", "many", "most", "county few", "county many", "county most"])
def test_the_index_finds_what_like_finds(posts, q, few, many, county, monkeypatch):
    # On SQLite the number of matches chooses the plan (core.search.matching): every plan finds the same rows, in
    # the whole table or within a county asked of the index as a tag, as the public search does.
    monkeypatch.setattr(search, "FEW_MATCHES", few)
    monkeypatch.setattr(search, "MANY_MATCHES", many)
    listed = Post.objects.filter(work_region_id=county) if county else Post.objects.all()
    tags = region_search_tags(county=county) if county else ()
    found = sorted(search.matching(listed, q, tags=tags).values_list("pk", flat=True))
    assert found == _reference(q, listed)
    assert not county or 0 < len(listed) < len(TITLES)


@pytest.mark.parametrize("few, many", [(2000, 20000), (0, 1000)], ids=["few", "many"])
def test_a_region_tag_narrows_the_index_itself(posts, few, many, monkeypatch):
    monkeypatch.setattr(search, "FEW_MATCHES", few)
    monkeypatch.setattr(search, "MANY_MATCHES", many)
    in_county = {post.pk for post in posts if post.work_region_id == "410103"}

    def found(q, **regions):
        return {pk for pk in search.matching(Post.objects.all(), q, tags=region_search_tags(**regions))
                .values_list("pk", flat=True)}

    # The queryset is not filtered by region here: only the tag keeps the other county's posts out.
    assert found("会计", county="410103") == set(_reference("会计")) & in_county != set(_reference("会计"))
    assert found("会计", city="410100") == set(_reference("会计")) == found("会计", province="410000")
    assert found("会计", city="410200") == set() == found("会计", county="410104")
    # A post moved to another county is found there at once.
    moved = Post.objects.get(pk=sorted(set(_reference("会计")) - in_county)[0])
    moved.work_region_id = "410103"
    moved.save(update_fields=["work_region"])
    assert moved.pk in found("会计", county="410103") and moved.pk not in found("会计", county="410105")


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
