"""The review kinds of placements: 就业见习协议 and 解除见习协议 (离岗), each reviewed by the HR department of
the base's own level alone (a county base's by its county, a city base's by its city)."""

from django.urls import reverse
from django.utils.translation import gettext as _

from reviews.registry import ReviewKind, government_chain
from traineeships.services import departures as departure_services
from traineeships.services import placements as placement_services


def level_chain(base):
    return government_chain(base.organisation.region, [base.level])


def _may_manage(actor, subject) -> bool:
    return actor.has_perm("traineeships.manage_base")


def _agreement_title(placement) -> str:
    return _("就业见习协议：%(unit)s·%(post)s·%(name)s（%(start)s至%(end)s）") % {
        "unit": placement.base.organisation.name, "post": placement.post.title, "name": placement.person.real_name,
        "start": placement.start_on.isoformat(), "end": placement.end_on.isoformat()}


def _termination_title(departure) -> str:
    placement = departure.placement
    return _("解除见习协议：%(unit)s·%(name)s（离岗日期%(day)s，%(reason)s）") % {
        "unit": placement.base.organisation.name, "name": placement.person.real_name,
        "day": departure.left_on.isoformat(), "reason": departure.get_reason_display()}


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
    decide_permission="traineeships.review",
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
    decide_permission="traineeships.review",
)
