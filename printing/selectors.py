from django.http import Http404

from organisations.jurisdiction import can_see
from organisations.models import Organisation
from organisations.rules import ORGANISATION_RECORDS


def get_printable_organisation(user, pk: int) -> Organisation:
    """The organisation whose registration form the user may print: who may see its record
    (organisations.jurisdiction). Anyone else gets a 404."""
    organisation = (
        Organisation.objects.select_related("region", "recommended_by").filter(pk=pk).first()
    )
    if organisation is None or not can_see(user, organisation, ORGANISATION_RECORDS):
        raise Http404("单位不存在")
    return organisation


def verification_history(organisation) -> list[dict] | None:
    """The review history of the organisation's real-name verification, as rows for the form, or None
    when the reviews app does not offer `history_for_subject` (the block is then left out)."""
    try:
        from reviews.selectors import history_for_subject
    except (ImportError, AttributeError):
        return None
    from reviews.models import ReviewerLevel

    levels = dict(ReviewerLevel.choices)
    return [_history_row(item, levels) for item in history_for_subject(organisation)]


def _first(item, *names):
    for name in names:
        value = getattr(item, name, None)
        if value not in (None, ""):
            return value
    return None


def _history_row(item, levels: dict) -> dict:
    # Accepts review events (action/actor/actor_org/reason/created_at) and decided steps
    # (status/decided_by/decided_org/reason/decided_at) alike.
    display = getattr(item, "get_action_display", None) or getattr(item, "get_status_display", None)
    level = getattr(item, "level", "") or ""
    return {
        "time": _first(item, "created_at", "decided_at", "submitted_at"),
        "action": display() if callable(display) else str(item),
        "level": levels.get(level, level),
        "organisation": _first(item, "actor_org", "decided_org", "submitter_org") or "",
        "person": _first(item, "actor", "decided_by", "submitted_by") or "",
        "reason": _first(item, "reason") or "",
    }
