"""The programmes that file subsidy claims, each registered once from its AppConfig.ready().

A programme says how its lines are computed (the calculator), how its claim numbers begin, which review kind
carries a claim through the levels and who may file and mark a claim paid. The services in claims.services
know nothing of a programme beyond this."""

import datetime
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from claims.models import ONCE_PER_SUBJECT, LineKind


@dataclass(frozen=True)
class LineSpec:
    """One line a calculator proposes: what it pays for, how much and why."""

    kind: str
    person_id: int
    subject: str  # "<app>.<model>:<pk>", e.g. "traineeships.placement:12"
    amount: Decimal
    explanation: str
    month: datetime.date | None = None
    detail: dict = field(default_factory=dict)
    corrects_id: int | None = None  # a correction line: the counted line it corrects

    @property
    def key(self) -> tuple:
        return line_key(self.kind, self.person_id, self.subject, self.month)


def line_key(kind, person_id, subject, month) -> tuple:
    """What a line holds in the database constraints: a person-month for a month line (whatever the subject:
    one person is never paid twice for a month), the subject for a once-per-subject line."""
    if kind == LineKind.MONTH:
        return (LineKind.MONTH, person_id, month)
    if kind in ONCE_PER_SUBJECT:
        return (str(kind), subject)
    return (str(kind), person_id, subject, month)


@dataclass(frozen=True)
class ClaimProgramme:
    key: str  # the programme key (Claim.programme), e.g. "traineeships"
    label: str
    number_prefix: str  # e.g. "JXBT": numbers read JXBT-2026-000001
    review_kind: str  # the reviews.registry kind key that carries the claim
    # calculator(organisation=, first_month=, last_month=) -> [LineSpec]: every line the period earns today,
    # whether or not it is already claimed (the services leave out what another claim holds).
    calculator: Callable[..., list[LineSpec]]
    may_file: Callable[[Any, Any], bool]  # (user, organisation): file, submit, withdraw, correct
    may_pay: Callable[[Any, Any], bool]  # (user, claim): register the payment (已拨付)
    detail_url: Callable[[Any], str] = lambda claim: ""
    # per_claim: the lines come from what the unit put on this claim (the people of an apprenticeship claim),
    # so the calculator is called as calculator(claim=claim) and a new draft starts without lines.
    per_claim: bool = False


_programmes: dict[str, ClaimProgramme] = {}


def register(programme: ClaimProgramme) -> None:
    _programmes[programme.key] = programme


def get(key: str) -> ClaimProgramme:
    try:
        return _programmes[key]
    except KeyError:
        raise LookupError(f"no claim programme {key!r}") from None


def unregister(key: str) -> None:
    """Remove a programme (tests register throwaway ones)."""
    _programmes.pop(key, None)
