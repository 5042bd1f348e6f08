"""Writes of 见习岗位: the unit adds, edits, deletes and resubmits posts and revokes their publication; the
city publishes and unpublishes them; the review engine reports its decisions back through POST_STATUS_MAP."""

from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record, snapshot
from audit.state import StateMachine, StatusMap
from notifications.services import notify_organisation
from organisations.services import require_verified
from regions.models import RegionLevel
from reviews import services as review_services
from reviews.models import ReviewStatus
from reviews.selectors import latest_review_for
from traineeships.models import (
    EDITABLE_POST_STATUSES,
    POST_TRANSITIONS,
    RESUBMITTABLE_POST_STATUSES,
    BaseStatus,
    Post,
    PostStatus,
    TraineeshipBase,
)
from traineeships.rules import MANAGE_BASE as UNIT_PERMISSION

POST_KIND = "traineeship_post"
POST_FIELDS = (
    "title", "places", "majors", "education", "work_region", "address", "monthly_allowance", "period_months",
    "description", "contact_person", "contact_phone",
)


@dataclass
class PublishOutcome:
    done: list[Post] = field(default_factory=list)
    failed: list[tuple[Post, str]] = field(default_factory=list)


def _publication_stamps(post: Post, current, new, actor) -> dict:
    if new == PostStatus.PUBLISHED:
        return {"published_at": timezone.now(), "published_by_id": actor.pk, "unit_name": post.base.organisation.name}
    return {}


POST_STATES = StateMachine(model=Post, transitions=POST_TRANSITIONS, action="traineeships.post_status",
                           noun=_("岗位"), stamps=_publication_stamps)


def set_post_status(post: Post, new_status: str, *, actor, locked: Post | None = None) -> Post:
    """The only writer of Post.status."""
    moved = POST_STATES.move(locked or post, PostStatus(new_status), actor=actor, locked=locked is not None)
    if locked is not None and post is not locked:
        post.status, post.published_at, post.published_by_id = moved.status, moved.published_at, moved.published_by_id
    return moved


def _refuse_revoking_published(*, subject, status, actor, review=None):
    if status == ReviewStatus.PENDING and subject.status in (PostStatus.PUBLISHED, PostStatus.UNPUBLISHED):
        # Once people could see (and apply to) a post, its approval stands.
        raise review_services.ReviewConflict(_("岗位已发布，不能撤销审核"))


POST_STATUS_MAP = StatusMap(
    machine=POST_STATES,
    statuses={
        ReviewStatus.PENDING: PostStatus.PENDING,
        ReviewStatus.APPROVED: PostStatus.APPROVED,
        ReviewStatus.REJECTED: PostStatus.REJECTED,
        ReviewStatus.RETURNED: PostStatus.RETURNED,
        ReviewStatus.WITHDRAWN: PostStatus.WITHDRAWN,
    },
    hook=_refuse_revoking_published,
)


def _approved_base(organisation) -> TraineeshipBase:
    base = TraineeshipBase.objects.select_related("organisation__region").filter(organisation=organisation).first()
    if base is None or base.status != BaseStatus.APPROVED:
        raise ValidationError(_("见习基地申请审核通过后才能发布见习岗位"), code="base_not_approved")
    return base


def check_work_region(base: TraineeshipBase, work_region) -> None:
    """The post's work place lies in the base's city: that city's HR department publishes it."""
    if work_region.city_code != base.organisation.region.city_code:
        raise ValidationError({"work_region": _("工作地区须在本单位所在市范围内")})


def _apply(post: Post, data: dict) -> dict:
    before = snapshot(post, POST_FIELDS) if post.pk else {}
    for name in POST_FIELDS:
        setattr(post, name, data[name])
    post.city_code = post.work_region.city_code
    post.province_code = post.work_region.province_code
    post.unit_name = post.base.organisation.name
    post.save()
    return before


@transaction.atomic
def create_post(*, organisation, actor, data: dict) -> Post:
    """新增: the post goes to review at once (manual 001 §1.2)."""
    require_verified(organisation)
    base = _approved_base(organisation)
    check_work_region(base, data["work_region"])
    post = Post(base=base, created_by=actor)
    _apply(post, data)
    record(actor=actor, action="traineeships.post_created", target=post, after=snapshot(post, POST_FIELDS))
    review_services.submit(kind_key=POST_KIND, subject=post, actor=actor)
    post.refresh_from_db()
    return post


def has_decision(post: Post) -> bool:
    review = latest_review_for(post)
    return review is not None and review.status == ReviewStatus.PENDING and review.steps.exclude(
        decided_at__isnull=True
    ).exists()


def check_editable(post: Post) -> None:
    if post.status not in EDITABLE_POST_STATUSES:
        raise ValidationError(
            _("岗位当前状态为“%(status)s”，不能修改") % {"status": post.get_status_display()}, code="not_editable"
        )
    if post.status == PostStatus.PENDING and has_decision(post):
        raise ValidationError(_("审核部门已作出审核，岗位不能再修改"), code="decided")


@transaction.atomic
def update_post(*, post: Post, actor, data: dict, resubmit: bool = False) -> Post:
    """编辑: a pending post keeps its review (nobody has decided yet); a returned, rejected or withdrawn post
    is resubmitted when `resubmit` is set."""
    locked = Post.objects.select_for_update(of=("self",)).select_related("base__organisation__region").get(pk=post.pk)
    check_editable(locked)
    check_work_region(locked.base, data["work_region"])
    before = _apply(locked, data)
    record(actor=actor, action="traineeships.post_updated", target=locked, before=before,
           after=snapshot(locked, POST_FIELDS))
    if resubmit and locked.status in RESUBMITTABLE_POST_STATUSES:
        require_verified(locked.base.organisation)
        if locked.base.status != BaseStatus.APPROVED:
            raise ValidationError(_("见习基地申请审核通过后才能发布见习岗位"), code="base_not_approved")
        review_services.submit(kind_key=POST_KIND, subject=locked, actor=actor)
    else:
        review_services.refresh_title(subject=locked)
    locked.refresh_from_db()
    return locked


@transaction.atomic
def delete_post(*, post: Post, actor) -> None:
    """删除: a pending post's review is withdrawn first; returned, rejected and withdrawn posts go directly."""
    locked = Post.objects.select_for_update().get(pk=post.pk)
    check_editable(locked)
    if locked.status == PostStatus.PENDING:
        review = latest_review_for(locked)
        review_services.withdraw(review_id=review.pk, actor=actor, reason=_("单位删除岗位"))
        locked.refresh_from_db()
    set_post_status(locked, PostStatus.DELETED, actor=actor)
    record(actor=actor, action="traineeships.post_deleted", target=locked)


# ---------------------------------------------------------------- publication


def may_publish(user) -> bool:
    from organisations.jurisdiction import authorised_department
    from traineeships.rules import PROGRAMME, PUBLISH_POSTS

    department = authorised_department(user, PROGRAMME)
    return department is not None and department.gov_level == RegionLevel.CITY and user.has_perm(PUBLISH_POSTS)


def _notify_unit(post: Post, title: str) -> None:
    notify_organisation(
        organisation=post.base.organisation, title=title, permission=UNIT_PERMISSION,
        url=reverse("traineeships:post_detail", args=[post.pk]),
    )


def _publish_one(post_id: int, actor, city_code: str, publish: bool) -> Post:
    locked = (
        Post.objects.select_for_update(of=("self",)).select_related("base__organisation").filter(pk=post_id).first()
    )
    if locked is None or locked.city_code != city_code:
        raise PermissionDenied(_("岗位不存在或不在本市范围内"))
    if publish:
        if locked.status not in (PostStatus.APPROVED, PostStatus.UNPUBLISHED):
            raise ValidationError(_("只有审核通过或已撤销发布的岗位可以发布（当前：%(status)s）")
                                  % {"status": locked.get_status_display()})
        if locked.base.status != BaseStatus.APPROVED:
            raise ValidationError(_("该单位的见习基地资格不在审核通过状态，不能发布"))
        require_verified(locked.base.organisation)
        set_post_status(locked, PostStatus.PUBLISHED, actor=actor, locked=locked)
        _notify_unit(locked, _("见习岗位已发布：%(title)s") % {"title": locked.title})
    else:
        if locked.status != PostStatus.PUBLISHED:
            raise ValidationError(_("只有发布中的岗位可以撤销发布（当前：%(status)s）")
                                  % {"status": locked.get_status_display()})
        set_post_status(locked, PostStatus.UNPUBLISHED, actor=actor, locked=locked)
        _notify_unit(locked, _("见习岗位已被撤销发布：%(title)s") % {"title": locked.title})
    return locked


def change_publication(*, post_ids, actor, publish: bool) -> PublishOutcome:
    """发布 / 撤销发布 several posts at once (city HR). Each post in its own transaction, so one refusal stops
    none of the others; refusals come back with their reason."""
    if not may_publish(actor):
        raise PermissionDenied(_("只有市级人社部门可以发布见习岗位"))
    city_code = actor.organisation.region_id
    outcome = PublishOutcome()
    for post_id in dict.fromkeys(post_ids):
        try:
            with transaction.atomic():
                outcome.done.append(_publish_one(post_id, actor, city_code, publish))
        except (ValidationError, PermissionDenied) as error:
            text = "；".join(error.messages) if isinstance(error, ValidationError) else str(error)
            post = Post.objects.filter(pk=post_id).first()
            outcome.failed.append((post, text))
    return outcome


@transaction.atomic
def unpublish_by_unit(*, post: Post, actor) -> Post:
    """撤销发布 by the unit itself (manual 001 §1.2)."""
    locked = Post.objects.select_for_update(of=("self",)).select_related("base__organisation").get(pk=post.pk)
    if locked.status != PostStatus.PUBLISHED:
        raise ValidationError(_("只有发布中的岗位可以撤销发布（当前：%(status)s）")
                              % {"status": locked.get_status_display()}, code="not_published")
    return set_post_status(locked, PostStatus.UNPUBLISHED, actor=actor, locked=locked)
