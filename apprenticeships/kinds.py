"""The programme's review kinds and what the reviewer reads beside the decision form (reviews.registry,
reviews.materials); registered by apprenticeships.registration.

- 学徒制培训备案: the HR department of the county where the enterprise is insured, then filed with the city.
- 师资信息变更: the city HR department (manual 003 §3.2.1.4).
- 学徒制培训补贴申领: the county, then the city (final decision).
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from apprenticeships.rules import FILE, REVIEW
from apprenticeships.selectors.filing import filing_summary
from apprenticeships.services import teacher_changes
from apprenticeships.services.claims import CLAIM_KIND, self_check
from apprenticeships.services.claims import may_file as may_file_claim
from apprenticeships.services.filing import FILING_KIND, FILING_STATUS_MAP, may_submit_filing
from apprenticeships.services.roster import roster
from claims.services import CLAIM_STATUS_MAP
from regions.models import RegionLevel
from reviews.materials import register_materials
from reviews.registry import ReviewKind, government_chain, register

# --- filing ------------------------------------------------------------------------------------------------


def filing_chain(filing):
    """The county HR department where the enterprise is insured decides, then it is filed with the city; an
    enterprise registered at city level is decided by the city."""
    if filing.region.level == RegionLevel.CITY:
        return government_chain(filing.region, ["city"])
    return government_chain(filing.region, ["county"], filing_levels=("city",))


def _filing_title(filing) -> str:
    return _("学徒制培训备案：%(unit)s·%(number)s（%(type)s）") % {
        "unit": filing.organisation.name, "number": filing.number, "type": filing.get_apprenticeship_type_display()}


def _filing_materials(filing, user):
    return "apprenticeships/filing/review_materials.html", filing_summary(filing)


FILING_REVIEW = ReviewKind(
    key=FILING_KIND,
    label=_("学徒制培训备案审核"),
    build_chain=filing_chain,
    submitter_org=lambda filing: filing.organisation,
    region=lambda filing: filing.region,
    title=_filing_title,
    subject_url=lambda filing: reverse("apprenticeships:filing_detail", args=[filing.pk]),
    status_map=FILING_STATUS_MAP,
    can_submit=may_submit_filing,
    # Once approved the trainees train, courses are configured and claims follow: not taken back.
    revocable_after_final=False,
    decide_permission=REVIEW,
)


# --- changes: teacher change ---------------------------------------------------------------------------------
def _teacher_change_title(change) -> str:
    filing = change.filing
    return _("师资信息变更：%(unit)s·%(number)s（%(swaps)s门课程更换教师，新增%(new)s名教师）") % {
        "unit": filing.organisation.name, "number": filing.number, "swaps": change.swaps.count(),
        "new": change.new_teachers.count()}


TEACHER_CHANGE_REVIEW = ReviewKind(
    key=teacher_changes.TEACHER_CHANGE_KIND,
    label=_("学徒制师资信息变更审核"),
    # The 地市人社部门 of the filing (manual 003 §3.2.1.4).
    build_chain=lambda change: government_chain(change.filing.region, ["city"]),
    submitter_org=lambda change: change.filing.organisation,
    region=lambda change: change.filing.region,
    title=_teacher_change_title,
    subject_url=lambda change: reverse("apprenticeships:change_records", args=[change.filing_id]),
    status_map=teacher_changes.TEACHER_CHANGE_STATUS_MAP,
    can_submit=lambda actor, change: actor.has_perm(FILE),
    # The approval has changed the courses' teachers: it is not taken back (a new change follows instead).
    revocable_after_final=False,
    decide_permission=REVIEW,
)


def _teacher_change_materials(change, user):
    return "apprenticeships/changes/review_materials.html", {
        "change": change, "filing": change.filing,
        "swaps": change.swaps.select_related("course", "old_teacher", "new_teacher").order_by("course_id"),
        "new_teachers": change.new_teachers.order_by("pk")}


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
    register(FILING_REVIEW)
    register_materials(FILING_KIND, _filing_materials)

    # --- changes: teacher change -------------------------------------------------------------------------------
    register(TEACHER_CHANGE_REVIEW)
    register_materials(TEACHER_CHANGE_REVIEW.key, _teacher_change_materials)

    # --- claims ----------------------------------------------------------------------------------------------
    register(CLAIM_REVIEW)
    register_materials(CLAIM_REVIEW.key, _claim_materials)
