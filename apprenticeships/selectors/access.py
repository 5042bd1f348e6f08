"""The programme's one access rule, as every selector applies it.

A filing relates to the enterprise that files it and to the training institution it names. The enterprise
relation goes through organisations.jurisdiction with the programme's key: members of the enterprise holding a
member permission, HR departments of the enterprise's region holding a reviewer permission, platform staff. The
institution relation is for the institution's own members holding the attendance permission only: a
department sees filings by where the enterprise is insured, not by where its institution is.
"""

from django.db.models import Q
from django.http import Http404

from apprenticeships.models import Filing
from apprenticeships.rules import ATTENDANCE, PROGRAMME, is_institution
from organisations.jurisdiction import scope_for


def filings_q(user, prefix: str = "") -> Q:
    """A filter over filings (or rows related to a filing through `prefix`, e.g. "filing__")."""
    scope = scope_for(user, PROGRAMME)
    condition = Q(pk__in=[]) if scope.nothing else scope.q(f"{prefix}organisation__")
    if is_institution(user) and user.has_perm(ATTENDANCE):
        condition |= Q(**{f"{prefix}institution_id": user.organisation_id})
    return condition


def filings_for_user(user):
    return Filing.objects.filter(filings_q(user)).select_related("organisation", "region", "institution")


def get_filing_for_user(user, pk: int) -> Filing:
    filing = filings_for_user(user).filter(pk=pk).first()
    if filing is None:
        raise Http404("备案不存在")
    return filing


def may_see_filing(user, filing: Filing) -> bool:
    return filings_for_user(user).filter(pk=filing.pk).exists()
