"""The left navigation, declared by each app in its AppConfig.ready().

An entry is shown only when the user passes its check, so the menu and the views ask the same question.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    icon: str = "circle"
    permission: str | None = None
    visible: Callable | None = None  # extra check: visible(user) -> bool

    def allows(self, user) -> bool:
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
    entries: list[NavEntry] = field(default_factory=list)


_sections: dict[str, NavSection] = {}


def register_section(key: str, label: str, order: int) -> NavSection:
    section = _sections.get(key)
    if section is None:
        section = _sections[key] = NavSection(key=key, label=label, order=order)
    return section


def add_entry(section_key: str, entry: NavEntry) -> None:
    _sections[section_key].entries.append(entry)


def navigation_for(user, current_path: str) -> list[dict]:
    if not user.is_authenticated:
        return []
    result = []
    for section in sorted(_sections.values(), key=lambda s: s.order):
        items = []
        for entry in section.entries:
            if not entry.allows(user):
                continue
            url = reverse(entry.url_name)
            items.append({"label": entry.label, "url": url, "icon": entry.icon, "active": current_path.startswith(url)})
        if items:
            result.append({"label": section.label, "items": items})
    return result
