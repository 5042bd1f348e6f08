"""The review kinds of the programme: 见习基地申请 and 见习岗位, registered in TraineeshipsConfig.ready()."""

from django.urls import reverse
from django.utils.translation import gettext as _

from reviews.registry import ReviewKind, government_chain
from traineeships.models import BaseLevel
from traineeships.services import bases as base_services
from traineeships.services import posts as post_services


def base_chain(base):
    # Manual 001 §3.1: the county where the unit is registered first, the city last (审核入库).
    return government_chain(base.organisation.region, ["county", "city"])


def post_chain(post):
    # A county base's posts: its county, then the city; a city base's posts: the city alone.
    levels = ["county", "city"] if post.base.level == BaseLevel.COUNTY else ["city"]
    return government_chain(post.base.organisation.region, levels)


def _may_manage(actor, subject) -> bool:
    return actor.has_perm("traineeships.manage_base")


BASE_REVIEW = ReviewKind(
    key=base_services.BASE_KIND,
    label=_("就业见习基地申请"),
    build_chain=base_chain,
    submitter_org=lambda base: base.organisation,
    region=lambda base: base.organisation.region,
    title=lambda base: _("就业见习基地申请：%(name)s（%(level)s）") % {
        "name": base.organisation.name, "level": base.get_level_display()},
    subject_url=lambda base: reverse("traineeships:base_detail", args=[base.pk]),
    status_map=base_services.BASE_STATUS_MAP,
    can_submit=_may_manage,
    decide_permission="traineeships.review",
)

POST_REVIEW = ReviewKind(
    key=post_services.POST_KIND,
    label=_("就业见习岗位审核"),
    build_chain=post_chain,
    submitter_org=lambda post: post.base.organisation,
    region=lambda post: post.base.organisation.region,
    title=lambda post: _("见习岗位：%(unit)s·%(title)s（%(places)s人）") % {
        "unit": post.base.organisation.name, "title": post.title, "places": post.places},
    subject_url=lambda post: reverse("traineeships:post_detail", args=[post.pk]),
    status_map=post_services.POST_STATUS_MAP,
    can_submit=_may_manage,
    decide_permission="traineeships.review",
)
