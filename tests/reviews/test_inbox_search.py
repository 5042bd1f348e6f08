"""待我审核 关键字 through the review's search text (core.search): the same steps as the substring match it
replaced (title, unit name or submitter's name, icontains), on SQLite (every plan) and PostgreSQL alike; and the
text follows a renamed unit or submitter."""

import re

import pytest
from django.db import connection
from django.db.models import Q

from core import search
from organisations.models import VerificationStatus
from reviews import services
from reviews.models import Review
from reviews.selectors import inbox_for
from reviews.views import filtered_inbox
from tests import factories
from tests.reviews.conftest import department
from verification.services import save_profile

pytestmark = pytest.mark.django_db

DEPARTMENTS = ["财务部", "会计科", "Java 开发组", "研发2部", "人事部", "ＡＢ组"]


@pytest.fixture
def pending(dept_kind, enterprise_a, enterprise_b, admin_a, admin_b, city_hr):
    latin = factories.OrganisationFactory(name="Acme 软件 Co", region=factories.region("410102"))
    latin_admin = factories.org_admin(latin, username="acme", real_name="Tom Li")
    reviews = []
    for number, name in enumerate(DEPARTMENTS):
        units = ((enterprise_a, admin_a), (enterprise_b, admin_b), (latin, latin_admin))
        for index, (organisation, submitter) in enumerate(units):
            if (number + index) % 2 == 0:  # 甲 and Acme: 财务部, Java 开发组, 人事部; 乙: 会计科, 研发2部, ＡＢ组
                subject = department(organisation, name)
                reviews.append(services.submit(kind_key=dept_kind.key, subject=subject, actor=submitter))
    return reviews


def _old(user, q):
    """The query the keyword ran before the index."""
    return sorted(inbox_for(user).filter(
        Q(review__title__icontains=q) | Q(review__submitter_org__name__icontains=q)
        | Q(review__submitted_by__real_name__icontains=q)).values_list("review_id", flat=True))


def _new(user, q):
    return sorted(filtered_inbox(user, {"q": q})[2].values_list("review_id", flat=True))


KEYWORDS = ["财", "财务", "务部", "会计科", "甲", "乙企业", "企业有限", "管理员", "乙管理员", "部", "java", "JAVA 开发",
            "a 开", "2", "研发2", "2部", "acme 软件", "e 软", "tom li", "m l", "co", "o", "不存在", "计", "组"]


@pytest.mark.parametrize("few, many", [(2000, 20000), (0, 1000), (0, 0)], ids=["few", "many", "most"])
def test_the_keyword_finds_what_the_substring_match_found(pending, city_reviewer, few, many, monkeypatch):
    monkeypatch.setattr(search, "FEW_MATCHES", few)  # SQLite: every plan of core.search.matching
    monkeypatch.setattr(search, "MANY_MATCHES", many)
    found = {q: _new(city_reviewer, q) for q in KEYWORDS}
    assert found == {q: _old(city_reviewer, q) for q in KEYWORDS}
    assert found["财"] and found["java"] and found["2"] and found["m l"] and not found["不存在"]


@pytest.mark.parametrize("few, many", [(2000, 20000), (0, 1000), (0, 0)], ids=["few", "many", "most"])
def test_the_page_lists_the_matches(client, pending, city_reviewer, few, many, monkeypatch):
    # The page reads its keys in a subquery (core.paging, by_keys): the keyword's condition must hold there too.
    monkeypatch.setattr(search, "FEW_MATCHES", few)
    monkeypatch.setattr(search, "MANY_MATCHES", many)
    client.force_login(city_reviewer)
    for q in ("会计", "管理员", "java", "o"):
        page = client.get("/reviews/inbox/", {"q": q}).content.decode()
        assert sorted(int(pk) for pk in re.findall(r'<tr data-review="(\d+)"', page)) == _old(city_reviewer, q)


def test_exact_rows(pending, city_reviewer, admin_b):
    by_title = {review.pk: review.title for review in Review.objects.all()}
    assert [by_title[pk] for pk in _new(city_reviewer, "会计")] == ["乙企业有限公司会计科备案"]
    assert {by_title[pk] for pk in _new(city_reviewer, "乙管理员")} == {
        review.title for review in Review.objects.filter(submitted_by=admin_b)}
    assert _new(city_reviewer, "") == sorted(review.pk for review in pending)


def test_a_renamed_submitter_is_found_by_the_new_name(pending, city_reviewer, admin_a):
    theirs = sorted(review.pk for review in pending if review.submitted_by_id == admin_a.pk)
    admin_a.real_name = "王财"
    admin_a.save(update_fields=["real_name"])
    assert _new(city_reviewer, "甲管理员") == [] == _old(city_reviewer, "甲管理员")
    assert _new(city_reviewer, "王财") == theirs == _old(city_reviewer, "王财")


def test_a_renamed_unit_is_found_by_the_new_name(pending, city_reviewer, enterprise_b, admin_b):
    theirs = sorted(review.pk for review in pending if review.submitter_org_id == enterprise_b.pk)
    enterprise_b.verification_status = VerificationStatus.UNVERIFIED
    enterprise_b.save(update_fields=["verification_status"])
    save_profile(organisation=enterprise_b, actor=admin_b, changes={"name": "丙科技有限公司"})
    assert _new(city_reviewer, "丙科技") == theirs == _old(city_reviewer, "丙科技")
    # The titles were written at submission ("乙企业有限公司…备案"): they still match the old name.
    assert _new(city_reviewer, "乙企业") == _old(city_reviewer, "乙企业") == theirs


def test_a_save_that_keeps_the_names_rewrites_nothing(pending, admin_a, django_assert_num_queries):
    admin_a.refresh_from_db()
    with django_assert_num_queries(1):
        admin_a.save()  # the UPDATE alone: no search text read


def test_the_index_is_in_place_after_every_migration():
    with connection.cursor() as cursor:
        assert search.index_in_place(connection.vendor, Review._meta.db_table, cursor)


def test_full_width_letters_are_found_by_their_plain_form(pending, city_reviewer):
    # The one intended difference from icontains: text and keyword are NFKC-normalised (core.search), so "ab"
    # also finds the unit's "ＡＢ组", which LIKE did not.
    titles = {review.pk: review.title for review in Review.objects.all()}
    assert {titles[pk] for pk in _new(city_reviewer, "ab")} == {titles[pk] for pk in _old(city_reviewer, "ＡＢ")}
    assert _old(city_reviewer, "ab") == []
