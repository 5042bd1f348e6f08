"""Scoped reads of the programme's subsidy claims (claims.selectors with the programme's key): the enterprise's
own (drafts included), the HR departments of its region once submitted. The roster and the self-check of a claim."""

from django.core.exceptions import PermissionDenied

from apprenticeships.rules import CLAIM, PROGRAMME
from claims.selectors import claims_for_user, get_claim_for_user


def apprenticeship_claims_for_user(user):
    return claims_for_user(user, PROGRAMME).select_related("apprenticeship")


def get_apprenticeship_claim_for_user(user, pk: int):
    """404 for a claim the user may not see; 403 for a member of the enterprise without the claim permission
    (a 备案员 sees the programme's records, not its money)."""
    claim = get_claim_for_user(user, pk, PROGRAMME)
    if user.organisation_id == claim.organisation_id and not user.has_perm(CLAIM):
        raise PermissionDenied
    return claim


def claim_for_import(user, key):
    """ImportParent.get of the 申领人员 import: the user's own editable claim."""
    from django.http import Http404

    from claims.services import EDITABLE_STATUSES

    if not str(key).isdigit():
        raise Http404
    claim = get_apprenticeship_claim_for_user(user, int(key))
    if user.organisation_id != claim.organisation_id or claim.status not in EDITABLE_STATUSES:
        raise PermissionDenied
    return claim


def claim_lines_for_export(user, params):
    """导出花名册 (batch export): the lines of the submitted claim `params["claim"]` the user may see."""
    from claims.models import ClaimLine, ClaimStatus

    key = str(params.get("claim", ""))
    if not key.isdigit():
        return ClaimLine.objects.none()
    claim = apprenticeship_claims_for_user(user).filter(pk=int(key)).first()
    if claim is None or (claim.status == ClaimStatus.DRAFT and claim.submitted_at is None):
        return ClaimLine.objects.none()
    if user.organisation_id == claim.organisation_id and not user.has_perm(CLAIM):
        return ClaimLine.objects.none()
    return ClaimLine.objects.filter(claim=claim).select_related("claim").order_by("position", "id")
