"""Scoped reads of bases, posts, the public page and region parameters. Who sees a base's or a post's record
is the programme's access rule (traineeships.rules, organisations.jurisdiction); anyone else gets 404."""

import datetime

from django.core.exceptions import PermissionDenied
from django.db.models import Q, QuerySet
from django.http import Http404

from accounts.rules import is_platform_staff
from core import search
from core.navigation import asked_once_per_menu
from organisations.jurisdiction import authorised_department, can_see, region_q, scope_for
from regions.models import Region, RegionLevel
from regions.periods import in_force
from traineeships.models import (
    REVIEWED_STATUSES,
    Application,
    BaseStatus,
    Post,
    PostInterest,
    PostStatus,
    RegionParameter,
    TraineeProfile,
    TraineeshipBase,
)
from traineeships.models.posts import region_search_tags
from traineeships.rules import PROGRAMME, is_hr


@asked_once_per_menu
def is_participant(user) -> bool:
    """Whether the person has entered the programme (its sign-in created their trainee profile)."""
    return bool(user.is_authenticated) and TraineeProfile.objects.filter(person_id=user.pk).exists()


def is_hr_of_level(user, level: str) -> bool:
    return is_hr(user, level)


def own_unit_id(user) -> int:
    """The user's organisation, when the user may handle its records of the programme (its administrator, or a
    sub-administrator with the programme's permission); else 403."""
    organisation_id = scope_for(user, PROGRAMME).organisation_id
    if organisation_id is None:
        raise PermissionDenied
    return organisation_id


# ---------------------------------------------------------------- bases


def get_own_base(user) -> TraineeshipBase | None:
    return (
        TraineeshipBase.objects.select_related("organisation__region", "organisation__business_licence",
                                               "rules_file", "certificate_file")
        .filter(organisation_id=own_unit_id(user))
        .first()
    )


def get_base_for_user(user, pk: int) -> TraineeshipBase:
    """A base's record: who sees the programme's records of its organisation (traineeships.rules)."""
    base = (
        TraineeshipBase.objects.select_related("organisation__region", "organisation__business_licence",
                                               "rules_file", "certificate_file", "filed_with_province_by")
        .filter(pk=pk)
        .first()
    )
    if base is None or not can_see(user, base.organisation, PROGRAMME):
        raise Http404("见习基地不存在")
    return base


def bases_for_government(user) -> QuerySet:
    """见习基地名录: bases (submitted at least once) whose organisation lies in the department's region."""
    bases = TraineeshipBase.objects.exclude(status=BaseStatus.DRAFT).select_related(
        "organisation__region", "filed_with_province_by"
    )
    if not is_platform_staff(user) and authorised_department(user, PROGRAMME) is None:
        raise PermissionDenied
    return bases.filter(scope_for(user, PROGRAMME).q("organisation__")).order_by("-updated_at", "-id")


def filter_bases(bases: QuerySet, *, name: str = "", status: str = "", level: str = "", filed: str = "") -> QuerySet:
    if name:
        bases = bases.filter(organisation__name__icontains=name)
    if status:
        bases = bases.filter(status=status)
    if level:
        bases = bases.filter(level=level)
    if filed == "yes":
        bases = bases.filter(filed_with_province_at__isnull=False)
    elif filed == "no":
        bases = bases.filter(filed_with_province_at__isnull=True)
    return bases


def filed_bases_for_province(user) -> QuerySet:
    """已备案基地: the bases of the province that their cities reported for filing."""
    department = authorised_department(user, PROGRAMME)
    if department is None or department.gov_level != RegionLevel.PROVINCE:
        raise PermissionDenied
    return (
        TraineeshipBase.objects.filter(
            filed_with_province_at__isnull=False, organisation__region__province_code=department.region_id
        )
        .select_related("organisation__region", "filed_with_province_by__organisation")
        .order_by("-filed_with_province_at", "-id")
    )


def filter_filed_bases(bases: QuerySet, *, name: str = "") -> QuerySet:
    name = name.strip()[:64]
    return bases.filter(organisation__name__icontains=name) if name else bases


# ---------------------------------------------------------------- posts

_POST_RELATED = ("base__organisation__region", "work_region", "published_by")


def posts_for_unit(user) -> QuerySet:
    """The unit's own posts (deleted ones are gone from every list)."""
    return (
        Post.objects.filter(base__organisation_id=own_unit_id(user))
        .exclude(status=PostStatus.DELETED)
        .select_related(*_POST_RELATED)
        .order_by("-created_at", "-id")
    )


def latest_reviews_for_posts(posts) -> dict:
    """{post id: its latest review}, each annotated with has_decision (a step already decided), in one query
    for a whole page of posts."""
    from django.contrib.contenttypes.models import ContentType
    from django.db.models import Exists, OuterRef

    from reviews.models import Review, ReviewStep

    ids = [post.pk for post in posts]
    if not ids:
        return {}
    decided = ReviewStep.objects.filter(review=OuterRef("pk"), decided_at__isnull=False)
    latest = {}
    for review in (Review.objects.filter(subject_type=ContentType.objects.get_for_model(Post), subject_id__in=ids)
                   .annotate(has_decision=Exists(decided)).order_by("submitted_at", "id")):
        latest[review.subject_id] = review  # the last one wins: the latest round
    return latest


def get_unit_post(user, pk: int) -> Post:
    """One of the unit's own posts, for the unit's actions; 404 for any other."""
    post = posts_for_unit(user).filter(pk=pk).first()
    if post is None:
        raise Http404("岗位不存在")
    return post


def get_post_for_user(user, pk: int) -> Post:
    """A post's record (the review's subject page): who sees the programme's records of its unit."""
    post = Post.objects.select_related(*_POST_RELATED).exclude(status=PostStatus.DELETED).filter(pk=pk).first()
    if post is None or not can_see(user, post.base.organisation, PROGRAMME):
        raise Http404("岗位不存在")
    return post


def reviewed_posts_for_unit(user) -> QuerySet:
    """岗位查询 (manual 002 §七): the unit's posts that passed review."""
    return posts_for_unit(user).filter(status__in=REVIEWED_STATUSES)


def publishable_posts_for_city(user) -> QuerySet:
    """岗位发布: approved, published and unpublished posts whose work place lies in the city."""
    department = authorised_department(user, PROGRAMME)
    if department is None or department.gov_level != RegionLevel.CITY:
        raise PermissionDenied
    return (
        Post.objects.filter(city_code=department.region_id, status__in=REVIEWED_STATUSES)
        .select_related(*_POST_RELATED)
        .order_by("-updated_at", "-id")
    )


# 岗位发布's tabs: the query value, the status listed.
PUBLISHING_TABS = {"approved": PostStatus.APPROVED, "published": PostStatus.PUBLISHED,
                   "unpublished": PostStatus.UNPUBLISHED}


def publishing_tab(value: str) -> str:
    return value if value in PUBLISHING_TABS else "approved"


def filter_publishing(posts: QuerySet, *, tab: str = "approved", q: str = "") -> QuerySet:
    """One tab of 岗位发布, searched by post title or unit name."""
    posts = posts.filter(status=PUBLISHING_TABS[publishing_tab(tab)])
    q = q.strip()[:64]
    return posts.filter(Q(title__icontains=q) | Q(unit_name__icontains=q)) if q else posts


def people_for_post(post: Post) -> dict:
    """The people who applied to the post or marked it as interesting, newest first."""
    applications = Application.objects.filter(post=post).select_related("post", "person", "person__trainee_profile")
    interests = PostInterest.objects.filter(post=post).select_related("person", "person__trainee_profile")
    return {"applications": list(applications), "interests": list(interests)}


# ---------------------------------------------------------------- public


def public_posts() -> QuerySet:
    return Post.objects.filter(status=PostStatus.PUBLISHED).order_by("-published_at", "-id")


def filter_public_posts(posts: QuerySet, *, province="", city="", county="", q="", education="") -> QuerySet:
    # The most specific region chosen is enough: each is an indexed equality on the post itself, and with a
    # keyword the same region is asked of the keyword index as a tag (a city's matches, not the country's).
    if county:
        posts, tags = posts.filter(work_region_id=county), region_search_tags(county=county)
    elif city:
        posts, tags = posts.filter(city_code=city), region_search_tags(city=city)
    elif province:
        posts, tags = posts.filter(province_code=province), region_search_tags(province=province)
    else:
        tags = ()
    if q:
        posts = search.matching(posts, q, tags=tags)
    if education:
        posts = posts.filter(education=education)
    return posts


def get_public_post(pk: int) -> Post:
    post = public_posts().select_related("work_region", "base__organisation").filter(pk=pk).first()
    if post is None:
        raise Http404("岗位不存在或已撤销发布")
    return post


# ---------------------------------------------------------------- region parameters


def parameter_regions_for_user(user) -> QuerySet:
    """Regions whose parameters the department maintains: its own region and every region inside it."""
    department = authorised_department(user, PROGRAMME)
    if department is None:
        raise PermissionDenied
    return Region.objects.filter(region_q(department.region, prefix=""))


def parameters_for_user(user) -> QuerySet:
    regions = parameter_regions_for_user(user)
    return (
        RegionParameter.objects.filter(region__in=regions)
        .select_related("region", "set_by")
        .order_by("region_id", "-valid_from")
    )


def get_parameter_for_user(user, pk: int) -> RegionParameter:
    parameter = parameters_for_user(user).filter(pk=pk).first()
    if parameter is None:
        raise Http404("参数不存在")
    return parameter


def parameter_for(region: Region, month: datetime.date) -> RegionParameter | None:
    """The setting that applies to `region` in the month of `month`: the most specific region (county, then
    city, then province) with a period containing that month (regions.periods, shared by every programme)."""
    return in_force(RegionParameter.objects.all(), region, month.replace(day=1))
