"""The API routes each programme adds under /api/v1/<programme>/ (registered from its registration/api.py)."""

from dataclasses import dataclass

from api import scopes


@dataclass(frozen=True)
class ProgrammeApi:
    key: str  # the programme's app label: the URL prefix, the namespace and the scope's programme
    label: str
    urls: str  # dotted path of the module holding `urlpatterns`


_apis: dict[str, ProgrammeApi] = {}


def register_programme_api(*, key: str, label, urls: str) -> None:
    scopes.register_programme(key, label)
    _apis[key] = ProgrammeApi(key=key, label=label, urls=urls)


def programme_apis() -> list[ProgrammeApi]:
    return list(_apis.values())
