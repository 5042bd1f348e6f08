"""The programme's routes under /api/v1/traineeships/ and its key scopes (api.registry)."""

from django.utils.translation import gettext_lazy as _

from api.registry import register_programme_api


def register_api() -> None:
    register_programme_api(key="traineeships", label=_("就业见习"), urls="traineeships.api.urls")
