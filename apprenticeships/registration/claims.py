"""The subsidy claim (claims.registry): calculator, numbers, review kind, who files and who pays."""

# --- claims ----------------------------------------------------------------------------------------------
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from accounts.involvement import register_involvement
from apprenticeships.models import ClaimStage
from apprenticeships.rules import PROGRAMME, is_hr_reviewer
from apprenticeships.services import claims as claim_services
from apprenticeships.services.roster import roster_for_claim
from claims.models import ClaimLine, LineKind
from claims.registry import ClaimProgramme, LineSpec, register
from organisations.jurisdiction import can_see
from regions.models import RegionLevel

CLAIM_KIND = claim_services.CLAIM_KIND
NUMBER_PREFIX = "XTBT"  # 学徒补贴


def calculate(*, claim) -> list[LineSpec]:
    """The payable lines of the people on the claim (the roster); refused ones are shown on the page only."""
    specs = []
    for line in roster_for_claim(claim):
        if not line.payable:
            continue
        trainee = line.trainee
        specs.append(LineSpec(
            kind=LineKind.ADVANCE if line.stage == ClaimStage.ADVANCE else LineKind.BALANCE,
            person_id=trainee.person_id, subject=line.subject, amount=line.amount, explanation=line.explanation,
            detail={**line.detail, "id_number": trainee.id_number, "trainee": trainee.pk}))
    return specs


def may_pay(user, claim) -> bool:
    """拨付登记: an HR reviewer of the city over the enterprise (the level of the final decision)."""
    return is_hr_reviewer(user, RegionLevel.CITY) and can_see(user, claim.organisation, PROGRAMME)


def involvement_of(user, exclude_claim=None, exclude_trainee=None, **context) -> list[str]:
    """The self-check's apprenticeship answer: the person's other enrolments and their counted claim lines."""
    from apprenticeships.models import Trainee

    found = []
    trainees = Trainee.objects.filter(person=user).select_related("filing__organisation", "filing__training_class")
    if exclude_trainee is not None:
        trainees = trainees.exclude(pk=exclude_trainee.pk)
    for trainee in trainees.order_by("id"):
        filing = trainee.filing
        state = _("已流失") if trainee.is_lost else filing.get_status_display()
        found.append(_("学徒制备案 %(number)s（%(org)s），%(state)s") % {
            "number": filing.number, "org": filing.organisation.name, "state": state})
    lines = ClaimLine.objects.filter(programme=PROGRAMME, counted=True, person=user).select_related("claim")
    if exclude_claim is not None:
        lines = lines.exclude(claim=exclude_claim)
    for line in lines.order_by("id"):
        found.append(_("学徒制补贴申领 %(number)s：%(kind)s %(amount)s 元（%(status)s）") % {
            "number": line.claim.number, "kind": line.get_kind_display(), "amount": line.amount,
            "status": line.claim.get_status_display()})
    return found


def register_claims() -> None:
    register(ClaimProgramme(
        key=PROGRAMME, label=_("企业新型学徒制培训补贴"), number_prefix=NUMBER_PREFIX, review_kind=CLAIM_KIND,
        calculator=calculate, may_file=claim_services.may_file, may_pay=may_pay, per_claim=True,
        detail_url=lambda claim: reverse("apprenticeships:claim_edit", args=[claim.pk]),
    ))
    register_involvement(PROGRAMME, _("企业新型学徒制"), involvement_of)
