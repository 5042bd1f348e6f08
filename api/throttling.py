"""Rate limits per key, counted in the database so that every worker on every machine shares them."""

from django.utils import timezone
from rest_framework.throttling import BaseThrottle

from api import services
from api.models import ApiKey


class KeyRateThrottle(BaseThrottle):
    def allow_request(self, request, view):
        key = request.auth if isinstance(request.auth, ApiKey) else None
        if key is None:
            return True
        now = timezone.now()
        self.seconds_left = 60 - now.second
        return services.count_call(key=key, now=now) <= key.rate_per_minute

    def wait(self):
        return getattr(self, "seconds_left", 60)
