"""Reads of the individuals' side: an individual's own applications and profile, and the unit's 报名审核 list.
The unit sees applications to its own posts only; an individual sees their own; anyone else gets 403/404."""

from django.core.exceptions import PermissionDenied
from django.http import Http404

from accounts.rules import is_individual
from timeline.selectors import events_for
from traineeships.models import (
    LIFETIME_STATUSES,
    Application,
    ApplicationStatus,
    Placement,
    Post,
    PostInterest,
    PostStatus,
    TraineeProfile,
)
from traineeships.selectors.programme import own_unit_id


def profile_of(user) -> TraineeProfile | None:
    return TraineeProfile.objects.select_related("person", "graduate_record", "household_region",
                                                 "intended_region").filter(person_id=user.pk).first()


def applications_for_person(user):
    if not is_individual(user):
        raise PermissionDenied
    return Application.objects.filter(person=user).select_related("post__work_region", "post__base__organisation",
                                                                   "decided_by")


def get_own_application(user, pk: int) -> Application:
    application = applications_for_person(user).filter(pk=pk).first()
    if application is None:
        raise Http404("报名不存在")
    return application


def applications_for_unit(user):
    """报名审核: the applications to the unit's own posts."""
    return (
        Application.objects.filter(post__base__organisation_id=own_unit_id(user))
        .exclude(post__status=PostStatus.DELETED)
        .select_related("post", "person", "person__trainee_profile", "decided_by")
    )


def get_unit_application(user, pk: int) -> Application:
    application = applications_for_unit(user).filter(pk=pk).first()
    if application is None:
        raise Http404("报名不存在")
    return application


def placement_of(application: Application):
    """The application's 上岗登记 when the unit has made one (part 2b writes it)."""
    return Placement.objects.filter(application=application).first()


def placements_by_application(applications) -> dict:
    """placement_of for a page of applications in one query: {application id: its 上岗登记}."""
    return {placement.application_id: placement
            for placement in Placement.objects.filter(application__in=[a.pk for a in applications])}


def history_of(application: Application):
    """The application's timeline, oldest first (its business history, not the audit log)."""
    return events_for(application)


def places_taken(post: Post) -> int:
    return Placement.objects.filter(post=post, status__in=LIFETIME_STATUSES).count()


def waiting_for_onboarding(post: Post):
    """Approved applications to the post with no 上岗登记 yet: each is promised one of the post's places."""
    return Application.objects.filter(post=post, status=ApplicationStatus.APPROVED, onboarded=False)


def places_promised(post: Post) -> tuple[int, int]:
    """(places held by placements, places promised to approved applicants not yet onboarded): approving is
    allowed only while their sum is below post.places."""
    return places_taken(post), waiting_for_onboarding(post).count()


def interested_post_ids(user) -> set[int]:
    return set(PostInterest.objects.filter(person=user).values_list("post_id", flat=True))
