"""Scoped reads of subsidy claims: organisations.jurisdiction decides whose claims a user sees; a draft is the
unit's own until it is submitted."""

from django.db.models import Q
from django.http import Http404

from claims.models import Claim, ClaimStatus
from organisations.jurisdiction import scope_for


def claims_for_user(user, programme: str):
    scope = scope_for(user, programme)
    if scope.nothing:
        return Claim.objects.none()
    visible = Claim.objects.filter(programme=programme).filter(scope.q("organisation__"))
    own = Q(organisation_id=scope.organisation_id) if scope.organisation_id is not None else Q(pk__in=[])
    return visible.filter(~Q(status=ClaimStatus.DRAFT) | own).select_related("organisation", "corrects")


def get_claim_for_user(user, pk: int, programme: str) -> Claim:
    claim = claims_for_user(user, programme).select_related("organisation__region", "created_by", "submitted_by",
                                                            "paid_by").filter(pk=pk).first()
    if claim is None:
        raise Http404("补贴申领不存在")
    return claim
