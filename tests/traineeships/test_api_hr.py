"""The HR departments through /api/v1/traineeships/: the city files an approved base with the province, the
province lists the filed bases, the city publishes and unpublishes approved posts; the others are refused."""

import pytest

from tests.api.keys import auth, token_for
from tests.traineeships.helpers import approve, create_post
from traineeships.models import PostStatus

pytestmark = pytest.mark.django_db
API = "/api/v1/traineeships"


def test_the_city_files_a_base_and_the_province_lists_it(client, base_a, admin_a, county_reviewer_a,
                                                         city_reviewer, province_reviewer):
    url = f"{API}/bases/{base_a.pk}/file-with-province/"
    assert client.post(url, {}, content_type="application/json", **auth(token_for(county_reviewer_a))).status_code \
        == 403
    assert client.get(f"{API}/hr/filed-bases/", **auth(token_for(province_reviewer))).json()["results"] == []
    filed = client.post(url, {}, content_type="application/json", **auth(token_for(city_reviewer)))
    assert filed.status_code == 200 and filed.json()["filed_with_province_at"] is not None
    again = client.post(url, {}, content_type="application/json", **auth(token_for(city_reviewer)))
    assert again.status_code == 400 and again.json()["message"].startswith("该基地已于")
    listed = client.get(f"{API}/hr/filed-bases/", {"name": "甲企业"}, **auth(token_for(province_reviewer))).json()
    assert [row["id"] for row in listed["results"]] == [base_a.pk]
    assert client.get(f"{API}/hr/filed-bases/", {"name": "乙"}, **auth(token_for(province_reviewer))).json()[
        "results"] == []
    for user in (city_reviewer, county_reviewer_a, admin_a):
        assert client.get(f"{API}/hr/filed-bases/", **auth(token_for(user))).status_code == 403


def test_the_city_publishes_and_unpublishes(client, base_a, admin_a, county_reviewer_a, city_reviewer,
                                            county_reviewer_b):
    post = approve(create_post(base_a.organisation, admin_a), county_reviewer_a, city_reviewer)
    assert post.status == PostStatus.APPROVED
    city = auth(token_for(city_reviewer))
    waiting = client.get(f"{API}/hr/publishing/", {"tab": "approved"}, **city).json()["results"]
    assert [row["id"] for row in waiting] == [post.pk]
    published = client.post(f"{API}/hr/publishing/change/", {"post_ids": [post.pk], "action": "publish"},
                            content_type="application/json", **city)
    assert published.status_code == 200 and published.json() == {"done": [post.pk], "failed": []}
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
    assert [row["id"] for row in client.get(f"{API}/hr/publishing/", {"tab": "published", "q": "软件"},
                                            **city).json()["results"]] == [post.pk]
    bad = client.post(f"{API}/hr/publishing/change/", {"post_ids": [999999], "action": "unpublish"},
                      content_type="application/json", **city)
    assert bad.status_code == 400 and bad.json()["errors"][0]["field"] == "post_ids"
    assert client.get(f"{API}/hr/publishing/", {"tab": "nonsense"}, **city).status_code == 400
    for user in (county_reviewer_a, county_reviewer_b, admin_a):
        denied = client.post(f"{API}/hr/publishing/change/", {"post_ids": [post.pk], "action": "unpublish"},
                             content_type="application/json", **auth(token_for(user)))
        assert denied.status_code == 403
    post.refresh_from_db()
    assert post.status == PostStatus.PUBLISHED
