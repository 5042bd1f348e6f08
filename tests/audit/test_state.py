"""audit.state: the one status writer (lock, check the table, write every field, audit every field written)
and core.constraints (a known constraint's violation becomes the form's message)."""

import pytest
from django.core.exceptions import ValidationError

from audit.models import AuditEntry
from audit.state import TransitionRefused
from core.constraints import known_violation
from tests.traineeships.helpers import approved_base, create_post
from traineeships.models import PostStatus
from traineeships.services import register as register_services
from traineeships.services.posts import POST_STATES, set_post_status

pytestmark = pytest.mark.django_db


@pytest.fixture
def base_a(enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    return approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)


def _entries(post):
    return list(AuditEntry.objects.filter(action="traineeships.post_status", target_id=str(post.pk))
                .order_by("id").values_list("before", "after"))


def test_a_move_outside_the_table_is_refused_and_writes_nothing(base_a, admin_a):
    post = create_post(base_a.organisation, admin_a)
    before = _entries(post)
    with pytest.raises(TransitionRefused) as caught:
        set_post_status(post, PostStatus.PUBLISHED, actor=admin_a)
    assert caught.value.messages == ["岗位当前状态为“待审核”，不能变为“发布中”"]
    post.refresh_from_db()
    assert post.status == PostStatus.PENDING and post.published_at is None
    assert _entries(post) == before


def test_a_move_writes_and_audits_its_stamps_with_the_status(base_a, admin_a, county_reviewer_a, city_reviewer):
    from tests.traineeships.helpers import approve

    post = approve(create_post(base_a.organisation, admin_a), county_reviewer_a, city_reviewer)
    stale = type(post).objects.get(pk=post.pk)
    moved = set_post_status(post, PostStatus.PUBLISHED, actor=city_reviewer)
    assert (post.status, post.published_by_id) == (PostStatus.PUBLISHED, city_reviewer.pk)
    assert moved.published_at is not None
    before, after = _entries(post)[-1]
    assert before == {"status": "approved", "published_at": None, "published_by_id": None}
    assert after == {"status": "published", "published_at": str(moved.published_at),
                     "published_by_id": city_reviewer.pk}
    # A writer holding a copy read before the move re-reads the row under the lock, and is refused.
    with pytest.raises(TransitionRefused) as caught:
        POST_STATES.move(stale, PostStatus.APPROVED, actor=city_reviewer)
    assert caught.value.messages == ["岗位当前状态为“发布中”，不能变为“审核通过（未发布）”"]


def test_moving_to_the_current_status_changes_nothing(base_a, admin_a):
    post = create_post(base_a.organisation, admin_a)
    before = _entries(post)
    set_post_status(post, PostStatus.PENDING, actor=admin_a)
    assert _entries(post) == before


def test_a_known_constraint_violation_is_the_forms_message(county_reviewer_a, county_hr_a):
    from tests.traineeships.test_register import ZHANG

    data = {"name": "张三", "id_number": ZHANG, "school": "郑州大学", "major": "软件工程", "education": "bachelor",
            "graduation_year": 2024}
    register_services.create_graduate(actor=county_reviewer_a, data=data)
    with pytest.raises(ValidationError) as caught:
        register_services.create_graduate(actor=county_reviewer_a, data=data)
    assert caught.value.message_dict == {"id_number": ["信息库中已有该身份证号的记录"]}


def test_an_unknown_constraint_stays_an_error():
    from django.db import IntegrityError

    assert known_violation(IntegrityError("UNIQUE constraint failed: some_table.some_column")) is None
