"""The profiles HR opens from a placement, a departure, a roster line or the review materials (manual 001
§3.4: 点击单位名称和学生名称可以查看基本信息): the unit's organisation record with its traineeship base, and the
trainee's profile. Read-only, and decided by the programme's one access rule (organisations.jurisdiction) on
the base's organisation: HR departments over it and the unit itself; anyone else gets 404. The trainee reads
their own data on their own pages (见习意向, 我的见习), not here.
"""

from django.http import Http404

from organisations.jurisdiction import can_see
from traineeships.models import ENDED_STATUSES, Placement, PlacementStatus, RetentionOutcome, TraineeshipBase
from traineeships.rules import PROGRAMME


def may_open_profiles(user, placement: Placement) -> bool:
    """Whether the page showing `placement` links the unit's and the trainee's profiles."""
    return can_see(user, placement.base.organisation, PROGRAMME)


def get_unit_profile_for_user(user, pk: int) -> TraineeshipBase:
    """The unit (Organisation `pk`) with its base, for those who see its records of the programme."""
    base = (
        TraineeshipBase.objects.select_related("organisation__region")
        .filter(organisation_id=pk)
        .first()
    )
    if base is None or not can_see(user, base.organisation, PROGRAMME):
        raise Http404("单位不存在")
    return base


def unit_figures(base: TraineeshipBase) -> dict:
    """What HR asks first about a unit: its posts and how many trainees it has on post and has had."""
    placements = base.placements.exclude(status=PlacementStatus.CANCELLED)
    return {
        "posts": base.posts.count(),
        "on_post": placements.filter(status__in=(PlacementStatus.ON_POST, PlacementStatus.LEAVING)).count(),
        "ended": placements.filter(status__in=ENDED_STATUSES).count(),
        "retained": placements.filter(retention_outcome=RetentionOutcome.RETAINED).count(),
    }


def get_trainee_for_user(user, pk: int) -> Placement:
    """The placement `pk` whose trainee's profile `user` opens (with the profile and register record)."""
    placement = (
        Placement.objects.select_related(
            "person__trainee_profile__graduate_record", "person__trainee_profile__household_region",
            "person__trainee_profile__intended_region", "post__work_region", "base__organisation__region",
        )
        .filter(pk=pk)
        .first()
    )
    if placement is None or not can_see(user, placement.base.organisation, PROGRAMME):
        raise Http404("见习人员不存在")
    return placement
