"""Programmes that people enter with their name and ID number (accounts.identity), and who may enter each.

A programme registers one `PeopleProgramme` in its AppConfig.ready(): its key (the URL's
/accounts/individual/<key>/sign-in/), its label, and three functions:

    check(name=, id_number=, user=) -> Eligibility   who may take part (a register, an age rule…)
    enter(user=, eligibility=)                       create the person's record in the programme
    landing(user) -> str                             where the person goes once signed in

and optionally mobile_bound(user) (called after the first sign-in bound a mobile). Traineeships registers
"graduate register, or aged 16–24"; students and professional staff come next.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.http import Http404


@dataclass(frozen=True)
class Eligibility:
    """The programme's answer for one name and ID number."""

    # The name a programme's own register holds for this ID number; None when no register knows it (the
    # account's name is then compared instead).
    registered_name: str | None = None
    # Why the person may not take part, in Chinese; empty when they may.
    refusal: str = ""
    # The programme's register knows the ID number under another name and its rule judged the person some
    # other way (manual 001 §2.2): a refusal then counts as a guessed name against the client address.
    name_mismatch: bool = False
    # Anything the programme's `enter` needs (the register row, the kind of participant…).
    details: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class PeopleProgramme:
    key: str
    label: str
    check: Callable[..., Eligibility]
    enter: Callable[..., None]
    landing: Callable[[Any], str]
    mobile_bound: Callable[[Any], None] | None = None
    # The sign-in page's explanation of who may use it, and a link for visitors (URL name, text).
    intro: str = ""
    public_link: tuple[str, str] | None = None
    # The URL name of the programme's own address for the entry, if it mounts one; else the accounts one.
    entry_url_name: str = ""
    # Whether `user` has entered the programme (None: the programme does not say), and whether its participants
    # are at school. Services meant for students (推荐实习单位, manual 000) are not offered to people who took
    # part only in programmes for those who have left it (a traineeship: graduates and young job seekers).
    participant: Callable[[Any], bool] | None = None
    for_students: bool = False


_PROGRAMMES: dict[str, PeopleProgramme] = {}


def register_programme(programme: PeopleProgramme) -> None:
    if programme.key in _PROGRAMMES and _PROGRAMMES[programme.key] != programme:
        raise ValueError(f"people programme {programme.key!r} registered twice")
    _PROGRAMMES[programme.key] = programme


def get_programme(key: str) -> PeopleProgramme:
    """The registered programme, or 404 for a key nobody registered."""
    try:
        return _PROGRAMMES[key]
    except KeyError:
        raise Http404 from None


def programmes() -> list[PeopleProgramme]:
    return list(_PROGRAMMES.values())


def may_be_student(user) -> bool:
    """Whether `user` may be at school as far as the programmes know: they entered no programme, or one for
    students. (Platform-wide there is no student record yet; the internships programme brings it.)"""
    entered = [programme for programme in _PROGRAMMES.values()
               if programme.participant is not None and programme.participant(user)]
    return not entered or any(programme.for_students for programme in entered)
