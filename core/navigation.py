"""The left navigation, declared by each app in its AppConfig.ready().

An entry is shown only when the user passes its check, so the menu and the views ask the same question.
The menu has one section per programme (就业见习, and the programmes that follow), above the foundation's
sections (审核与申报, 单位管理, 任务中心与消息, 系统管理). A programme calls `register_programme()` once and
`add_programme_entry()` for each screen; the foundation apps call `add_entry()` with their section's key.
"""

import functools
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass, field

from django.urls import reverse

# Programme sections sort before the foundation's (whose orders start at FOUNDATION_ORDER), in the order the
# programmes register unless they pass their own order.
FOUNDATION_ORDER = 100


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    icon: str = "circle"
    permission: str | None = None
    visible: Callable | None = None  # extra check: visible(user) -> bool
    # The screen works on the user's own organisation: platform staff (who hold every permission but belong
    # to none) and individuals never see it.
    needs_organisation: bool = False
    # Further path prefixes that belong to this entry, e.g. the detail pages it leads to under another path.
    also_under: tuple[str, ...] = ()

    def allows(self, user) -> bool:
        if self.needs_organisation and user.organisation_id is None:
            return False
        if self.permission and not user.has_perm(self.permission):
            return False
        if self.visible and not self.visible(user):
            return False
        return True


@dataclass
class NavSection:
    key: str
    label: str
    order: int
    icon: str = ""
    is_programme: bool = False
    entries: list[NavEntry] = field(default_factory=list)


_sections: dict[str, NavSection] = {}

# The answers of the checks marked `asked_once_per_menu`, while a menu is being built (None otherwise).
_menu_answers: ContextVar[dict | None] = ContextVar("menu_answers", default=None)


def asked_once_per_menu(check: Callable) -> Callable:
    """Marks a check of a user (a query) that several entries' `visible` ask, directly or through other checks
    (e.g. "is this person a student of the programme?"): while one menu is being built it is asked once per
    user. Outside a build every call asks afresh, so a view never sees an answer older than its own request's
    writes."""

    @functools.wraps(check)
    def once(user):
        answers = _menu_answers.get()
        if answers is None:
            return check(user)
        key = (check, user.pk)
        if key not in answers:
            answers[key] = check(user)
        return answers[key]

    return once


def register_section(key: str, label: str, order: int, icon: str = "") -> NavSection:
    section = _sections.get(key)
    if section is None:
        section = _sections[key] = NavSection(key=key, label=label, order=order, icon=icon)
    return section


def register_programme(key: str, label: str, *, icon: str = "", order: int | None = None) -> NavSection:
    """A programme's own menu section (e.g. "traineeships", 就业见习); idempotent."""
    if key in _sections:
        return _sections[key]
    if order is None:
        order = 10 + 10 * sum(1 for section in _sections.values() if section.is_programme)
    if order >= FOUNDATION_ORDER:
        raise ValueError(f"programme section {key!r} must sort before the foundation sections")
    section = register_section(key, label, order, icon)
    section.is_programme = True
    return section


def add_entry(section_key: str, entry: NavEntry) -> None:
    _sections[section_key].entries.append(entry)


def add_programme_entry(programme_key: str, entry: NavEntry) -> None:
    section = _sections.get(programme_key)
    if section is None or not section.is_programme:
        raise LookupError(f"register_programme({programme_key!r}, ...) first")
    section.entries.append(entry)


def _matches(path: str, url: str) -> bool:
    return path == url or (path.startswith(url) and (url.endswith("/") or path[len(url)] in "/?"))


def navigation_for(user, current_path: str) -> list[dict]:
    """The sections and entries `user` may open; the one entry whose URL is the longest prefix of
    `current_path` is active, and its section is open."""
    if not user.is_authenticated:
        return []
    answers = _menu_answers.set({})
    try:
        result = _sections_for(user)
    finally:
        _menu_answers.reset(answers)
    candidates = [(len(prefix), section, item) for section in result for item in section["items"]
                  for prefix in item["prefixes"] if _matches(current_path, prefix)]
    if candidates:
        _, section, item = max(candidates, key=lambda candidate: candidate[0])
        item["active"] = section["active"] = True
    # Programme sections fold: the one holding the current page is open, or all of them on other pages.
    programme_active = any(section["active"] for section in result if section["is_programme"])
    for section in result:
        section["open"] = section["active"] or not programme_active or not section["is_programme"]
    return result


def _sections_for(user) -> list[dict]:
    result = []
    seen_urls = set()
    for section in sorted(_sections.values(), key=lambda s: s.order):
        items = []
        for entry in section.entries:
            if not entry.allows(user):
                continue
            url = reverse(entry.url_name)
            if url in seen_urls:
                continue  # one screen listed under two labels for different roles: show it once
            seen_urls.add(url)
            items.append({"label": entry.label, "url": url, "icon": entry.icon, "active": False,
                          "prefixes": (url, *entry.also_under)})
        if items:
            result.append({"key": section.key, "label": section.label, "icon": section.icon,
                           "is_programme": section.is_programme, "items": items, "active": False})
    return result
