"""The minimum wage in force for a region on a day: the one place every programme reads it from."""

import datetime
from decimal import Decimal

from calendars.models import MinimumWage
from regions.periods import in_force


def minimum_wage(region, day: datetime.date) -> Decimal | None:
    """The monthly minimum wage of the most specific region with a period containing `day`, or None."""
    if region is None:
        return None
    row = in_force(MinimumWage.objects.all(), region, day)
    return row.monthly if row is not None else None
