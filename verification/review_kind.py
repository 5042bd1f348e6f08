"""The review kind "organisation_verification" (单位实名认证), registered in VerificationConfig.ready()."""

from django.urls import reverse
from django.utils.translation import gettext as _

from audit.state import StatusMap
from organisations.models import VerificationStatus
from organisations.services import VERIFICATION_KIND, VERIFICATION_STATES, verification_levels
from reviews.models import ReviewStatus
from reviews.registry import ReviewKind, government_chain

# What the organisation's verification status becomes when its review's overall status changes. PENDING
# covers both a (re)submission and a revoked decision.
VERIFICATION_STATUS_MAP = StatusMap(
    machine=VERIFICATION_STATES,
    statuses={
        ReviewStatus.PENDING: VerificationStatus.PENDING,
        ReviewStatus.APPROVED: VerificationStatus.VERIFIED,
        ReviewStatus.REJECTED: VerificationStatus.REJECTED,
        ReviewStatus.RETURNED: VerificationStatus.RETURNED,
        ReviewStatus.WITHDRAWN: VerificationStatus.UNVERIFIED,
    },
)


def build_chain(organisation):
    return government_chain(organisation.region, verification_levels())


def can_submit(actor, organisation) -> bool:
    return actor.has_perm("organisations.manage_profile")


VERIFICATION_REVIEW = ReviewKind(
    key=VERIFICATION_KIND,
    label=_("单位实名认证"),
    build_chain=build_chain,
    submitter_org=lambda organisation: organisation,
    region=lambda organisation: organisation.region,
    title=lambda organisation: _("单位实名认证：%(name)s") % {"name": organisation.name},
    subject_url=lambda organisation: reverse("organisations:detail", args=[organisation.pk]),
    status_map=VERIFICATION_STATUS_MAP,
    can_submit=can_submit,
    decide_permission="organisations.review_verification",
)
