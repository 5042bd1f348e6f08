"""The programme's subsidy claim (claims.registry): its calculator, number prefix, review kind and who files
and pays. Registered after the review kinds (traineeships.kinds.CLAIM_REVIEW)."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from claims.registry import ClaimProgramme, register
from traineeships.rules import PROGRAMME
from traineeships.services import claims as claim_services


def register_claims() -> None:
    register(ClaimProgramme(
        key=PROGRAMME, label=_("就业见习补贴"), number_prefix=claim_services.NUMBER_PREFIX,
        review_kind=claim_services.CLAIM_KIND, calculator=claim_services.calculate,
        may_file=claim_services.may_file, may_pay=claim_services.may_pay,
        detail_url=lambda claim: reverse("traineeships:claim_detail", args=[claim.pk]),
    ))
