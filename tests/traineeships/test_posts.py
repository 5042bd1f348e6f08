"""见习岗位 for units through HTTP: add (goes to review at once), the chains for county and city bases, edit and
delete while undecided, resubmission after a return, revoking publication, and who may touch what."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from reviews import services as review_services
from reviews.models import Decision, ReviewStatus
from reviews.selectors import latest_review_for, reviews_of_subject
from tests.traineeships.helpers import approve, approved_base, create_post, post_form_data, published_post
from traineeships.models import BaseLevel, Post, PostStatus

LIST_URL = reverse("traineeships:posts")
CREATE_URL = reverse("traineeships:post_create")


def chain_of(post):
    return [(step.level, step.region_id) for step in latest_review_for(post).steps.order_by("position")]


@pytest.mark.django_db
def test_add_post_goes_to_county_then_city(client, base_a, admin_a, county_reviewer_a, city_reviewer):
    client.force_login(admin_a)
    assert client.get(CREATE_URL).status_code == 200
    response = client.post(CREATE_URL, post_form_data())
    post = Post.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("traineeships:post_detail", args=[post.pk])
    assert post.status == PostStatus.PENDING
    assert (post.city_code, post.province_code, post.unit_name) == ("410100", "410000", "甲企业有限公司")
    assert chain_of(post) == [("county", "410105"), ("city", "410100")]
    listing = client.get(LIST_URL).content.decode()
    assert "软件测试见习生" in listing and 'data-status="pending"' in listing
    approve(post, county_reviewer_a, city_reviewer)
    assert post.status == PostStatus.APPROVED


@pytest.mark.django_db
def test_city_base_posts_are_reviewed_by_the_city_alone(enterprise_b, admin_b, county_reviewer_b, city_reviewer):
    approved_base(enterprise_b, admin_b, county_reviewer_b, city_reviewer, level=BaseLevel.CITY)
    post = create_post(enterprise_b, admin_b, work_region_code="410103")
    assert chain_of(post) == [("city", "410100")]
    approve(post, city_reviewer)
    assert post.status == PostStatus.APPROVED


@pytest.mark.django_db
def test_form_errors_are_shown_next_to_fields(client, base_a, admin_a):
    client.force_login(admin_a)
    response = client.post(CREATE_URL, post_form_data(period_months="13", places="0", work_region="410202"))
    html = response.content.decode()
    assert 'data-field-error="period_months">见习期限为3至12个月' in html
    assert 'data-field-error="places">招募人数至少为1人' in html
    assert not Post.objects.exists()
    response = client.post(CREATE_URL, post_form_data(work_region="410202"))
    assert 'data-field-error="work_region">工作地区须在本单位所在市范围内' in response.content.decode()
    assert not Post.objects.exists()


@pytest.mark.django_db
def test_no_posts_before_the_base_is_approved(client, enterprise_a, admin_a):
    client.force_login(admin_a)
    response = client.get(CREATE_URL, follow=True)
    assert "见习基地申请审核通过后才能发布见习岗位" in response.content.decode()


@pytest.mark.django_db
def test_edit_while_pending_keeps_the_review(client, base_a, admin_a, county_reviewer_a):
    post = create_post(base_a.organisation, admin_a)
    review = latest_review_for(post)
    client.force_login(admin_a)
    edit_url = reverse("traineeships:post_edit", args=[post.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(edit_url, post_form_data(title="数据分析见习生", places="5"))
    assert response.status_code == 302
    post.refresh_from_db()
    assert (post.title, post.places, post.status) == ("数据分析见习生", 5, PostStatus.PENDING)
    assert list(reviews_of_subject(post)) == [review]
    review.refresh_from_db()
    assert "数据分析见习生" in review.title  # the reviewers' inbox shows what they will review

    # Once the county has decided, the post can no longer be changed.
    review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision=Decision.APPROVE)
    refused = client.post(edit_url, post_form_data(title="改名"), follow=True)
    assert "审核部门已作出审核，岗位不能再修改" in refused.content.decode()
    post.refresh_from_db()
    assert post.title == "数据分析见习生"
    refused = client.post(reverse("traineeships:post_delete", args=[post.pk]), follow=True)
    assert "审核部门已作出审核，岗位不能再修改" in refused.content.decode()
    with pytest.raises(ValidationError, match="审核部门已作出审核，岗位不能再修改"):
        from traineeships.services.posts import check_editable

        check_editable(post)


@pytest.mark.django_db
def test_delete_while_pending_withdraws_the_review(client, base_a, admin_a):
    post = create_post(base_a.organisation, admin_a)
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:post_delete", args=[post.pk]))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.DELETED
    assert latest_review_for(post).status == ReviewStatus.WITHDRAWN
    listing = client.get(LIST_URL).content.decode()
    assert "岗位“软件测试见习生”已删除" in listing and f'data-post="{post.pk}"' not in listing
    assert client.get(reverse("traineeships:post_detail", args=[post.pk])).status_code == 404


@pytest.mark.django_db
def test_returned_post_is_edited_and_resubmitted(client, base_a, admin_a, county_reviewer_a, city_reviewer):
    post = create_post(base_a.organisation, admin_a)
    review_services.decide(review_id=latest_review_for(post).pk, actor=county_reviewer_a,
                           decision=Decision.RETURN, reason="生活费低于最低工资")
    post.refresh_from_db()
    assert post.status == PostStatus.RETURNED
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:post_edit", args=[post.pk]),
                           post_form_data(monthly_allowance="2500", resubmit="1"))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.PENDING and str(post.monthly_allowance) == "2500.00"
    assert latest_review_for(post).round == 2


@pytest.mark.django_db
def test_unit_revokes_publication(client, base_a, admin_a, county_reviewer_a, city_reviewer):
    post = published_post(base_a.organisation, admin_a, [county_reviewer_a, city_reviewer], city_reviewer)
    client.force_login(admin_a)
    response = client.post(reverse("traineeships:post_unpublish", args=[post.pk]))
    assert response.status_code == 302
    post.refresh_from_db()
    assert post.status == PostStatus.UNPUBLISHED
    again = client.post(reverse("traineeships:post_unpublish", args=[post.pk]), follow=True)
    assert "只有发布中的岗位可以撤销发布（当前：已撤销发布）" in again.content.decode()
    # A published (or once published) post keeps its approval.
    with pytest.raises(ValidationError, match="岗位已发布，不能撤销审核"):
        review_services.revoke(review_id=latest_review_for(post).pk, actor=city_reviewer)
    # Nor can it be edited or deleted.
    refused = client.post(reverse("traineeships:post_edit", args=[post.pk]), post_form_data(), follow=True)
    assert "岗位当前状态为“已撤销发布”，不能修改" in refused.content.decode()


@pytest.mark.django_db
def test_post_query_lists_approved_posts_and_their_people(client, base_a, admin_a, county_reviewer_a,
                                                         city_reviewer, student):
    from django.utils import timezone

    from traineeships.models import Application, PostInterest

    approved = approve(create_post(base_a.organisation, admin_a, title="已通过岗位"), county_reviewer_a, city_reviewer)
    create_post(base_a.organisation, admin_a, title="待审核岗位")
    Application.objects.create(person=student, post=approved, applied_at=timezone.now())
    PostInterest.objects.create(person=student, post=approved)
    client.force_login(admin_a)
    page = client.get(reverse("traineeships:post_query")).content.decode()
    assert "已通过岗位" in page and "待审核岗位" not in page
    detail = client.get(reverse("traineeships:post_query") + f"?post={approved.pk}").content.decode()
    assert 'data-testid="people"' in detail and detail.count("张同学") == 2


@pytest.mark.django_db
def test_who_may_touch_posts(client, base_a, admin_a, admin_b, member_a, student, county_reviewer_a,
                             county_reviewer_b, city_reviewer):
    post = create_post(base_a.organisation, admin_a)
    detail = reverse("traineeships:post_detail", args=[post.pk])
    edit = reverse("traineeships:post_edit", args=[post.pk])
    delete = reverse("traineeships:post_delete", args=[post.pk])
    for user in (county_reviewer_a, city_reviewer):
        client.force_login(user)
        assert client.get(detail).status_code == 200
    client.force_login(admin_b)
    assert client.get(detail).status_code == 404
    assert client.get(edit).status_code == 404
    assert client.post(delete).status_code == 404
    client.force_login(county_reviewer_b)
    assert client.get(detail).status_code == 404
    for user in (member_a, student, county_reviewer_a):
        client.force_login(user)
        assert client.get(LIST_URL).status_code == 403
        assert client.get(edit).status_code == 403
        assert client.post(CREATE_URL, post_form_data()).status_code == 403
    post.refresh_from_db()
    assert post.status == PostStatus.PENDING and Post.objects.count() == 1
