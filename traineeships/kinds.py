"""The programme's review kinds and what the reviewer reads beside the decision form (reviews.registry,
reviews.materials); registered by traineeships.registration.

- 就业见习基地申请: the county where the unit is registered, then the city (审核入库).
- 见习岗位: a county base's posts by its county, then the city; a city base's posts by the city alone.
- 就业见习协议 and 解除见习协议 (离岗): the HR department of the base's own level alone.
- 就业见习补贴申领: the county where the unit is registered, then the city (which also registers 已拨付).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from claims.services import CLAIM_STATUS_MAP
from reviews.materials import register_materials
from reviews.registry import ReviewKind, government_chain, register
from traineeships.models import BaseLevel
from traineeships.rules import MANAGE_BASE, REVIEW
from traineeships.selectors import may_open_profiles
from traineeships.services import bases as base_services
from traineeships.services import claims as claim_services
from traineeships.services import departures as departure_services
from traineeships.services import placements as placement_services
from traineeships.services import posts as post_services

MATERIALS = "traineeships/review_materials"  # the templates of the materials


def base_chain(base):
    # Manual 001 §3.1: the county where the unit is registered first, the city last (审核入库).
    return government_chain(base.organisation.region, ["county", "city"])


def post_chain(post):
    # A county base's posts: its county, then the city; a city base's posts: the city alone.
    levels = ["county", "city"] if post.base.level == BaseLevel.COUNTY else ["city"]
    return government_chain(post.base.organisation.region, levels)


def level_chain(base):
    return government_chain(base.organisation.region, [base.level])


def _may_manage(actor, subject) -> bool:
    return actor.has_perm(MANAGE_BASE)


def _agreement_title(placement) -> str:
    return _("就业见习协议：%(unit)s·%(post)s·%(name)s（%(start)s至%(end)s）") % {
        "unit": placement.base.organisation.name, "post": placement.post.title, "name": placement.person.real_name,
        "start": placement.start_on.isoformat(), "end": placement.end_on.isoformat()}


def _termination_title(departure) -> str:
    placement = departure.placement
    return _("解除见习协议：%(unit)s·%(name)s（离岗日期%(day)s，%(reason)s）") % {
        "unit": placement.base.organisation.name, "name": placement.person.real_name,
        "day": departure.left_on.isoformat(), "reason": departure.get_reason_display()}


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
    decide_permission=REVIEW,
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
    decide_permission=REVIEW,
)

AGREEMENT_REVIEW = ReviewKind(
    key=placement_services.AGREEMENT_KIND,
    label=_("就业见习协议审核"),
    build_chain=lambda placement: level_chain(placement.base),
    submitter_org=lambda placement: placement.base.organisation,
    region=lambda placement: placement.base.organisation.region,
    title=_agreement_title,
    subject_url=lambda placement: reverse("traineeships:placement_detail", args=[placement.pk]),
    status_map=placement_services.AGREEMENT_STATUS_MAP,
    can_submit=_may_manage,
    decide_permission=REVIEW,
)

TERMINATION_REVIEW = ReviewKind(
    key=departure_services.TERMINATION_KIND,
    label=_("解除见习协议（离岗）审核"),
    build_chain=lambda departure: level_chain(departure.placement.base),
    submitter_org=lambda departure: departure.placement.base.organisation,
    region=lambda departure: departure.placement.base.organisation.region,
    title=_termination_title,
    subject_url=lambda departure: reverse("traineeships:departure_detail", args=[departure.pk]),
    status_map=departure_services.TERMINATION_STATUS_MAP,
    can_submit=_may_manage,
    decide_permission=REVIEW,
)

CLAIM_REVIEW = ReviewKind(
    key=claim_services.CLAIM_KIND,
    label=_("就业见习补贴申领审核"),
    build_chain=lambda claim: government_chain(claim.organisation.region, ["county", "city"]),
    submitter_org=lambda claim: claim.organisation,
    region=lambda claim: claim.organisation.region,
    title=lambda claim: _("就业见习补贴申领：%(unit)s·%(number)s（%(first)s至%(last)s，%(total)s元）") % {
        "unit": claim.organisation.name, "number": claim.number, "first": f"{claim.first_month:%Y-%m}",
        "last": f"{claim.last_month:%Y-%m}", "total": claim.total},
    subject_url=lambda claim: reverse("traineeships:claim_detail", args=[claim.pk]),
    status_map=CLAIM_STATUS_MAP,
    can_submit=_may_manage,
    # An approved claim is paid next: the approval is not taken back (a correction claim follows instead).
    revocable_after_final=False,
    # A correction is a new claim; an approved claim is never submitted again.
    resubmit_after_approval=False,
    decide_permission=REVIEW,
)


def _base_materials(base, user):
    from traineeships.views.bases import application_fields

    return f"{MATERIALS}/base.html", {"base": base, "organisation": base.organisation,
                                      "files": application_fields(base)["files"]}


def _post_materials(post, user):
    return f"{MATERIALS}/post.html", {"post": post}


def _placement_materials(placement, user):
    return f"{MATERIALS}/placement.html", {
        "placement": placement, "pdf_url": reverse("traineeships:agreement_pdf", args=[placement.pk]),
        "may_open_profiles": may_open_profiles(user, placement)}


def _departure_materials(departure, user):
    return f"{MATERIALS}/departure.html", {
        "departure": departure, "placement": departure.placement,
        "pdf_url": reverse("traineeships:certificate_pdf", args=[departure.pk]),
        "may_open_profiles": may_open_profiles(user, departure.placement)}


def _claim_materials(claim, user):
    return f"{MATERIALS}/claim.html", {"claim": claim, "groups": claim_services.lines_by_person(claim),
                                       "pdf_url": reverse("traineeships:claim_pdf", args=[claim.pk])}


def register_kinds() -> None:
    """Each review kind with the materials shown beside its decision form."""
    for kind, materials in (
        (BASE_REVIEW, _base_materials),
        (POST_REVIEW, _post_materials),
        (AGREEMENT_REVIEW, _placement_materials),
        (TERMINATION_REVIEW, _departure_materials),
        (CLAIM_REVIEW, _claim_materials),
    ):
        register(kind)
        register_materials(kind.key, materials)
