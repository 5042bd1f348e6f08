"""The programme's answer to accounts.involvement: a person's traineeships under way or ended within a year
(an apprenticeship claim's self-check shows them, so the reviewer sees a person paid by two programmes)."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.involvement import register_involvement
from traineeships.models import Placement, PlacementStatus

RECENT_DAYS = 365
_SHOWN = (PlacementStatus.PENDING, PlacementStatus.RETURNED, PlacementStatus.ON_POST, PlacementStatus.LEAVING,
          PlacementStatus.ENDED, PlacementStatus.EXPIRED)


def placements_of(user, **context) -> list[str]:
    since = timezone.localdate() - datetime.timedelta(days=RECENT_DAYS)
    placements = (Placement.objects.filter(person=user, status__in=_SHOWN, end_on__gte=since)
                  .select_related("base__organisation").order_by("start_on", "id"))
    return [f"{placement.base.organisation.name}，{placement.start_on:%Y-%m-%d}至{placement.end_on:%Y-%m-%d}，"
            f"{placement.get_status_display()}" for placement in placements]


def register_involvement_lookup() -> None:
    register_involvement("traineeships", _("就业见习"), placements_of)
