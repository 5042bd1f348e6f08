"""The programme's review kinds and what the reviewer reads beside the decision form (reviews.registry,
reviews.materials); registered by apprenticeships.registration.

- 学徒制培训备案: the HR department of the county where the enterprise is insured, then filed with the city.
- 师资信息变更: the city HR department (manual 003 §3.2.1.4).
- 学徒制培训补贴申领: the county, then the city (final decision).
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from apprenticeships.rules import REVIEW
from apprenticeships.services.claims import CLAIM_KIND, self_check
from apprenticeships.services.claims import may_file as may_file_claim
from apprenticeships.services.roster import roster
from claims.services import CLAIM_STATUS_MAP
from reviews.materials import register_materials  # noqa: F401  (used by the sections below)
from reviews.registry import ReviewKind, government_chain, register  # noqa: F401


# --- claims ------------------------------------------------------------------------------------------------------
def _claim_title(claim) -> str:
    details = getattr(claim, "apprenticeship", None)
    return _("企业新型学徒制培训补贴申领：%(unit)s·%(number)s（%(stage)s，%(total)s元）") % {
        "unit": claim.organisation.name, "number": claim.number,
        "stage": details.get_stage_display() if details else "", "total": claim.total}


CLAIM_REVIEW = ReviewKind(
    key=CLAIM_KIND,
    label=_("企业新型学徒制培训补贴申领审核"),
    build_chain=lambda claim: government_chain(claim.organisation.region, ["county", "city"]),
    submitter_org=lambda claim: claim.organisation,
    region=lambda claim: claim.organisation.region,
    title=_claim_title,
    subject_url=lambda claim: reverse("apprenticeships:claim_edit", args=[claim.pk]),
    status_map=CLAIM_STATUS_MAP,
    can_submit=lambda user, claim: may_file_claim(user, claim.organisation),
    revocable_after_final=False,
    resubmit_after_approval=False,
    decide_permission=REVIEW,
)


def _claim_materials(claim, user):
    lines = roster(claim)
    return "apprenticeships/claims/review_materials.html", {
        "claim": claim, "claim_lines": claim.lines.order_by("position", "id"), "checks": self_check(claim, lines),
        "materials": claim.apprenticeship_materials.select_related("attachment"),
        "pdf_url": reverse("apprenticeships:claim_roster_pdf", args=[claim.pk])}


def register_kinds() -> None:
    # --- filing ----------------------------------------------------------------------------------------------
    pass

    # --- changes: teacher change -------------------------------------------------------------------------------

    # --- claims ----------------------------------------------------------------------------------------------
    register(CLAIM_REVIEW)
    register_materials(CLAIM_REVIEW.key, _claim_materials)
