"""The project's lock order (subject row before review row, docs/architecture.md) under simultaneous
requests on PostgreSQL: a unit editing, deleting or withdrawing a pending post while the county decides on
it. Each pair once deadlocked (the unit locked post then review, the reviewer review then post). The unit's
request takes the post first; the reviewer's arrives while the unit holds it and before the unit asks for
the review, which is exactly the interleaving that deadlocked."""

import threading
import time

import pytest
from django.test import Client

from reviews import services as review_services
from reviews.models import Review, ReviewStatus
from reviews.selectors import latest_review_for
from tests.reviews.test_concurrency import run_together
from tests.traineeships.helpers import approve, create_post, post_form_data
from traineeships.models import Post, PostStatus
from traineeships.services import posts as post_services

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

HOLD = 0.6  # how long each side holds its first lock before asking for the second


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


@pytest.fixture
def slow_sides(monkeypatch):
    """The unit holds the post a moment before it touches the review; the reviewer holds what the engine
    locks first a moment before going on. Returns an event set once the first side holds its first lock, so the
    second side starts then (a fixed delay let a slow first request lose the race on a loaded machine)."""
    holding = threading.Event()
    for name in ("refresh_title", "withdraw", "submit"):
        original = getattr(review_services, name)

        def wait_then(*args, _original=original, **kwargs):
            holding.set()
            time.sleep(HOLD)
            return _original(*args, **kwargs)

        monkeypatch.setattr(review_services, name, wait_then)
    original_lock = review_services._lock_review

    def lock_then_wait(review_id):
        review = original_lock(review_id)
        holding.set()
        time.sleep(HOLD)
        return review

    monkeypatch.setattr(review_services, "_lock_review", lock_then_wait)
    return holding


@pytest.fixture
def pending_post(base_a, admin_a):
    return create_post(base_a.organisation, admin_a)


def _client(user):
    client = Client()
    client.force_login(user)
    return client


def _later(holding, job):
    """`job` once the other side holds its first lock (the slow_sides event)."""
    def run():
        assert holding.wait(timeout=60), "the first side never took its lock"
        return job()

    return run


def _return_it(client, post):
    review = latest_review_for(post)
    step = review.steps.get(level="county")
    return lambda: client.post(f"/reviews/{review.pk}/decide/",
                               {"step_id": step.pk, "decision": "return", "reason": "岗位描述不全"}, follow=True)


def _pages(responses):
    assert [response.status_code for response in responses] == [200, 200], responses
    return [response.content.decode() for response in responses]


def test_unit_edits_a_pending_post_while_the_county_returns_it(pending_post, admin_a, county_reviewer_a,
                                                                slow_sides):
    unit, county = _client(admin_a), _client(county_reviewer_a)
    edit = lambda: unit.post(f"/traineeships/posts/{pending_post.pk}/edit/",  # noqa: E731
                             post_form_data(title="软件测试见习生（修订）"), follow=True)
    started = time.monotonic()
    edited, returned = _pages(run_together(edit, _later(slow_sides, _return_it(county, pending_post))))
    assert time.monotonic() - started >= 2 * HOLD  # the county waited for the unit's post lock
    assert "已保存" in edited and "已提交审核结论：退回修改" in returned
    post = Post.objects.get(pk=pending_post.pk)
    assert (post.status, post.title) == (PostStatus.RETURNED, "软件测试见习生（修订）")
    assert latest_review_for(post).title.endswith("软件测试见习生（修订）（3人）")


def test_unit_deletes_a_pending_post_while_the_county_returns_it(pending_post, admin_a, county_reviewer_a,
                                                                  slow_sides):
    unit, county = _client(admin_a), _client(county_reviewer_a)
    delete = lambda: unit.post(f"/traineeships/posts/{pending_post.pk}/delete/", follow=True)  # noqa: E731
    deleted, returned = _pages(run_together(delete, _later(slow_sides, _return_it(county, pending_post))))
    assert "已删除" in deleted
    assert "申报单位已撤回该事项，请刷新页面查看最新结果" in returned
    assert Post.objects.get(pk=pending_post.pk).status == PostStatus.DELETED
    assert latest_review_for(pending_post).status == ReviewStatus.WITHDRAWN


def test_county_returns_first_then_the_unit_deletes(pending_post, admin_a, county_reviewer_a, slow_sides):
    """The other interleaving: the county's request holds post and review; the unit's delete waits, then
    deletes the returned post."""
    unit, county = _client(admin_a), _client(county_reviewer_a)
    delete = lambda: unit.post(f"/traineeships/posts/{pending_post.pk}/delete/", follow=True)  # noqa: E731
    returned, deleted = _pages(run_together(_return_it(county, pending_post), _later(slow_sides, delete)))
    assert "已提交审核结论：退回修改" in returned and "已删除" in deleted
    assert Post.objects.get(pk=pending_post.pk).status == PostStatus.DELETED
    assert latest_review_for(pending_post).status == ReviewStatus.RETURNED


def test_unit_withdraws_its_base_while_the_county_approves_it(enterprise_a, admin_a, county_reviewer_a, city_hr,
                                                               slow_sides):
    from tests.traineeships.helpers import submitted_base
    from traineeships.services import bases as base_services

    base = submitted_base(enterprise_a, admin_a)
    review = latest_review_for(base)
    step_id = review.steps.get(level="county").pk

    def withdraw():
        return base_services.withdraw_base(base=base, actor=admin_a, reason="材料有误")

    def decide():
        return review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision="approve",
                                      step_id=step_id)

    results = run_together(withdraw, _later(slow_sides, decide))
    errors = [result for result in results if isinstance(result, Exception)]
    assert len(errors) <= 1 and all(isinstance(error, review_services.ReviewConflict) for error in errors), errors
    review.refresh_from_db()
    base.refresh_from_db()
    assert (review.status, base.status) in (("withdrawn", "draft"), ("pending", "pending"))


def test_unit_resubmits_a_returned_post_twice_at_once(base_a, admin_a, county_reviewer_a, city_reviewer):
    post = create_post(base_a.organisation, admin_a)
    review = latest_review_for(post)
    review_services.decide(review_id=review.pk, actor=county_reviewer_a, decision="return", reason="补充说明")
    post.refresh_from_db()
    data = {**post_form_data(), "resubmit": "1"}
    clients = [_client(admin_a), _client(admin_a)]
    responses = run_together(*(lambda client=client: client.post(f"/traineeships/posts/{post.pk}/edit/", data,
                                                                 follow=True) for client in clients))
    assert [response.status_code for response in responses] == [200, 200]
    assert Post.objects.get(pk=post.pk).status == PostStatus.PENDING
    assert Review.objects.filter(subject_id=post.pk, kind=post_services.POST_KIND, status="pending").count() == 1


def test_both_levels_approve_with_the_subject_locked_first(pending_post, county_reviewer_a, city_reviewer):
    """Both levels approve one after the other: each decision locks the post, then the review."""
    approve(pending_post, county_reviewer_a, city_reviewer)
    assert pending_post.status == PostStatus.APPROVED
