"""Daily clean-up of the API's counters."""

import datetime

from django.utils import timezone

from api.models import RateWindow


def forget_old_rate_windows(*, today) -> int:
    """Counters of past minutes serve nothing after the minute; keep a day for reading off bursts."""
    deleted, _ = RateWindow.objects.filter(minute__lt=timezone.now() - datetime.timedelta(days=1)).delete()
    return deleted
