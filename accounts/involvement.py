"""Where else a person (an individual account, found by ID number) takes part across programmes: a per-person
self-check for screens that pay public money (an apprenticeship claim shows it before submission and to the
reviewer). Programmes register a lookup from their AppConfig.ready(); accounts knows none of them.

fn(user, **context) -> list[str]: one short Chinese sentence per involvement ("见习单位 X，2026-03-01至2026-08-31，
在岗"), empty when there is none. The context (e.g. exclude_claim=<claim>) lets the asking screen leave out the
record it is about; a lookup ignores what it does not know."""

from collections.abc import Callable
from dataclasses import dataclass


@dataclass(frozen=True)
class Involvement:
    key: str
    label: str
    lookup: Callable


_lookups: dict[str, Involvement] = {}


def register_involvement(key: str, label, fn: Callable) -> None:
    """Re-registering a key replaces it (an app's registration may run twice)."""
    _lookups[key] = Involvement(key=key, label=label, lookup=fn)


def unregister_involvement(key: str) -> None:
    _lookups.pop(key, None)


def involvements(user, **context) -> list[tuple[str, str]]:
    """(programme label, text) for every involvement of the person, in registration order. `context` (e.g.
    exclude_claim=<claim>) is passed to every lookup."""
    if user is None:
        return []
    found = []
    for entry in _lookups.values():
        texts = entry.lookup(user, **context)
        found.extend((str(entry.label), str(text)) for text in texts)
    return found
