"""The programme's routes under /api/v1/apprenticeships/ and its key scopes (api.registry)."""

from django.utils.translation import gettext_lazy as _

from api.registry import register_programme_api


def register_api() -> None:
    register_programme_api(key="apprenticeships", label=_("企业新型学徒制"), urls="apprenticeships.api.urls")
