"""The programme's routes under /api/v1/internships/ and its key scopes (api.registry)."""

from django.utils.translation import gettext_lazy as _

from api.registry import register_programme_api


def register_api() -> None:
    register_programme_api(key="internships", label=_("职业院校学生实习"), urls="internships.api.urls")
