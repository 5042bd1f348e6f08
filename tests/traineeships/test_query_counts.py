"""The main lists run a constant number of queries whatever the number of rows (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests import factories
from tests.traineeships.helpers import approve, approved_base, create_post
from traineeships.services import posts as post_services


def queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(url, params or {}).status_code == 200
    return len(context.captured_queries)


def add_posts(base, admin, reviewers, city_reviewer, count, start=0):
    posts = [approve(create_post(base.organisation, admin, title=f"见习岗位{start + n}"), *reviewers)
             for n in range(count)]
    post_services.change_publication(post_ids=[post.pk for post in posts], actor=city_reviewer, publish=True)


@pytest.mark.django_db
def test_public_post_list(client, base_a, admin_a, county_reviewer_a, city_reviewer, django_assert_max_num_queries):
    url = reverse("traineeships:public_posts")
    add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, 2)
    filtered = {"city": "410100", "q": "见习"}  # the region selects' options cost a few queries, once
    few, few_filtered = queries(client, url), queries(client, url, filtered)
    add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, 12, start=2)
    assert queries(client, url) == few
    assert queries(client, url, filtered) == few_filtered
    with django_assert_max_num_queries(8):
        client.get(url)


@pytest.mark.django_db
def test_unit_post_list(client, base_a, admin_a, county_reviewer_a, city_reviewer, django_assert_max_num_queries):
    url = reverse("traineeships:posts")
    client.force_login(admin_a)
    create_post(base_a.organisation, admin_a, title="待审核岗位")
    add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, 1)
    few = queries(client, url)
    for n in range(6):
        create_post(base_a.organisation, admin_a, title=f"待审核岗位{n}")
    add_posts(base_a, admin_a, (county_reviewer_a, city_reviewer), city_reviewer, 6, start=1)
    assert queries(client, url) == few
    with django_assert_max_num_queries(20):
        client.get(url)


@pytest.mark.django_db
def test_hr_base_list(client, base_a, county_reviewer_a, city_reviewer, django_assert_max_num_queries):
    url = reverse("traineeships:hr_bases")
    client.force_login(city_reviewer)
    few = queries(client, url)
    for n in range(8):
        organisation = factories.OrganisationFactory(name=f"丙{n}企业有限公司", region=factories.region("410105"))
        admin = factories.org_admin(organisation, username=f"unit{n}", real_name=f"管理员{n}")
        approved_base(organisation, admin, county_reviewer_a, city_reviewer)
    assert queries(client, url) == few
    with django_assert_max_num_queries(20):
        client.get(url)
