"""The programme's routes under /api/v1/continuing-education/ and its key scopes (api.registry)."""

from django.utils.translation import gettext_lazy as _

from api.registry import register_programme_api


def register_api() -> None:
    register_programme_api(key="continuing_education", label=_("专业技术人员继续教育"),
                           urls="continuing_education.api.urls")
