"""见习岗位 through /api/v1/traineeships/posts/: the unit adds, lists, edits under If-Match, deletes and revokes
publication; reviewers with jurisdiction read; other units, regions and sub-admins without the permission do not."""

import pytest

from organisations.models import Role
from tests import factories
from tests.api.keys import auth, token_for
from tests.traineeships.helpers import create_post, post_form_data, published_post
from traineeships.models import Post, PostStatus

pytestmark = pytest.mark.django_db
POSTS = "/api/v1/traineeships/posts/"


def test_a_unit_adds_lists_and_edits_a_post(client, base_a, admin_a):
    headers = auth(token_for(admin_a, scopes=["traineeships:read", "traineeships:write"]))
    created = client.post(POSTS, post_form_data(), content_type="application/json", **headers)
    assert created.status_code == 201, created.json()
    post = Post.objects.get()
    assert created.json()["id"] == post.pk and created.json()["status"] == PostStatus.PENDING
    assert created.json()["work_region_name"] == "金水区"
    listed = client.get(POSTS, {"status": "pending"}, **headers).json()
    assert [row["id"] for row in listed["results"]] == [post.pk]
    assert client.get(POSTS, {"status": "published"}, **headers).json()["results"] == []
    etag = client.get(f"{POSTS}{post.pk}/", **headers)["ETag"]
    edited = client.put(f"{POSTS}{post.pk}/", post_form_data(title="数据分析见习生"), content_type="application/json",
                        HTTP_IF_MATCH=etag, **headers)
    assert edited.status_code == 200, edited.json()
    assert edited.json()["title"] == "数据分析见习生"
    stale = client.put(f"{POSTS}{post.pk}/", post_form_data(title="别的名字"), content_type="application/json",
                       HTTP_IF_MATCH=etag, **headers)
    assert stale.status_code == 412
    assert client.put(f"{POSTS}{post.pk}/", post_form_data(), content_type="application/json",
                      **headers).status_code == 428
    post.refresh_from_db()
    assert post.title == "数据分析见习生"


def test_the_forms_rules_come_back_field_by_field(client, base_a, admin_a):
    response = client.post(POSTS, post_form_data(period_months="24", contact_phone="123"),
                           content_type="application/json", **auth(token_for(admin_a)))
    assert response.status_code == 400
    assert {(error["field"], error["message"]) for error in response.json()["errors"]} == {
        ("period_months", "见习期限为3至12个月"), ("contact_phone", "请输入11位手机号或带区号的固定电话")}
    assert not Post.objects.exists()


def test_no_post_before_the_base_is_approved(client, enterprise_a, admin_a):
    response = client.post(POSTS, post_form_data(), content_type="application/json", **auth(token_for(admin_a)))
    assert response.status_code == 400
    assert response.json()["message"] == "见习基地申请审核通过后才能发布见习岗位"


def test_delete_and_unpublish(client, base_a, admin_a, county_reviewer_a, city_reviewer):
    headers = auth(token_for(admin_a))
    draft = create_post(base_a.organisation, admin_a)
    etag = client.get(f"{POSTS}{draft.pk}/", **headers)["ETag"]
    assert client.delete(f"{POSTS}{draft.pk}/", HTTP_IF_MATCH=etag, **headers).status_code == 204
    assert Post.objects.get(pk=draft.pk).status == PostStatus.DELETED
    assert client.get(f"{POSTS}{draft.pk}/", **headers).status_code == 404
    live = published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer)
    response = client.post(f"{POSTS}{live.pk}/unpublish/", {}, content_type="application/json", **headers)
    assert response.status_code == 200 and response.json()["status"] == PostStatus.UNPUBLISHED
    again = client.post(f"{POSTS}{live.pk}/unpublish/", {}, content_type="application/json", **headers)
    assert again.status_code == 400
    assert again.json()["message"] == "只有发布中的岗位可以撤销发布（当前：已撤销发布）"
    etag = client.get(f"{POSTS}{live.pk}/", **headers)["ETag"]
    refused = client.put(f"{POSTS}{live.pk}/", post_form_data(), content_type="application/json",
                         HTTP_IF_MATCH=etag, **headers)
    assert refused.status_code == 400
    assert refused.json()["message"] == "岗位当前状态为“已撤销发布”，不能修改"


def test_who_may_read_and_write_a_post(client, base_a, admin_a, admin_b, county_reviewer_a, county_reviewer_b,
                                       enterprise_a):
    post = create_post(base_a.organisation, admin_a)
    url = f"{POSTS}{post.pk}/"
    assert client.get(url, **auth(token_for(county_reviewer_a))).status_code == 200
    assert client.get(url, **auth(token_for(county_reviewer_b))).status_code == 404  # other region
    assert client.get(url, **auth(token_for(admin_b))).status_code == 404  # other unit
    etag = client.get(url, **auth(token_for(admin_a)))["ETag"]
    for user, status in ((admin_b, 404), (county_reviewer_a, 403)):
        response = client.put(url, post_form_data(title="改名"), content_type="application/json", HTTP_IF_MATCH=etag,
                              **auth(token_for(user)))
        assert response.status_code == status
    role = Role.objects.create(organisation=enterprise_a, name="查看员", permissions=[])
    clerk = factories.UserFactory(organisation=enterprise_a, username="clerk_posts", real_name="查看员")
    clerk.roles.add(role)
    assert client.get(POSTS, **auth(token_for(clerk))).status_code == 403  # sub-admin without manage_base
    response = client.put(url, post_form_data(title="改名"), content_type="application/json", HTTP_IF_MATCH=etag,
                          **auth(token_for(admin_a, scopes=["traineeships:read"])))
    assert response.status_code == 403 and response.json()["code"] == "scope_missing"
    post.refresh_from_db()
    assert post.title == "软件测试见习生"
