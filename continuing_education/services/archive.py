"""The only writer of the 培训档案: credit (a class result, an online result, an approved declaration) and debit
(a revoked approval). Each person's year is one ArchiveYear row, locked while its sums change.

Lock order (docs/architecture.md): whatever the caller locked first (the person, then the class or declaration,
then its review), then the ArchiveYear rows in ascending id; a missing row is created first, outside the lock."""

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from django.db import IntegrityError, transaction
from django.db.models import F

from audit.services import record
from continuing_education.models import ArchiveEntry, ArchiveYear, HoursSource, SubjectType
from core.constraints import known_violation

_SOURCE_FIELD = {
    HoursSource.CLASS: "class_hours",
    HoursSource.ONLINE: "online_hours",
    HoursSource.DECLARATION: "declared_hours",
}
_SUBJECT_FIELD = {SubjectType.PUBLIC: "public_hours", SubjectType.PROFESSIONAL: "professional_hours"}


@dataclass(frozen=True)
class Credit:
    """One thing to write into a person's year. Exactly one of participant, online_result, declaration."""

    id_number: str
    name: str
    year: int
    source: str
    subject_type: str
    hours: Decimal
    title: str
    occurred_on: date
    organisation: object = None
    organiser: str = ""
    participant: object = None
    online_result: object = None
    declaration: object = None


def _year_row(id_number: str, name: str, year: int) -> int:
    """The id of the person's row for the year, created if missing (two creators at once: one wins)."""
    existing = ArchiveYear.objects.filter(id_number=id_number, year=year).values_list("pk", flat=True).first()
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            return ArchiveYear.objects.create(id_number=id_number, name=name, year=year).pk
    except IntegrityError:
        return ArchiveYear.objects.filter(id_number=id_number, year=year).values_list("pk", flat=True).get()


@transaction.atomic
def credit(*, actor, credits: list[Credit]) -> list[ArchiveEntry]:
    """Write `credits` into their people's years, each source once ("已记入培训档案" otherwise)."""
    if not credits:
        return []
    row_ids = {(item.id_number, item.year): _year_row(item.id_number, item.name, item.year) for item in credits}
    rows = {row.pk: row for row in ArchiveYear.objects.select_for_update().filter(
        pk__in=set(row_ids.values())).order_by("pk")}
    entries = []
    for item in credits:
        row = rows[row_ids[(item.id_number, item.year)]]
        try:
            with transaction.atomic():
                entry = ArchiveEntry.objects.create(
                    archive=row, source=item.source, subject_type=item.subject_type, hours=item.hours,
                    title=item.title[:160], organiser=item.organiser[:160], organisation=item.organisation,
                    occurred_on=item.occurred_on, participant=item.participant, online_result=item.online_result,
                    declaration=item.declaration, credited_by=actor)
        except IntegrityError as error:
            raise known_violation(error) or error from None
        ArchiveYear.objects.filter(pk=row.pk).update(**{
            _SUBJECT_FIELD[item.subject_type]: F(_SUBJECT_FIELD[item.subject_type]) + item.hours,
            _SOURCE_FIELD[item.source]: F(_SOURCE_FIELD[item.source]) + item.hours,
            **({"organisation": item.organisation, "name": item.name} if item.organisation is not None else {}),
        })
        record(actor=actor, action="continuing_education.archive_credited", target=row,
               after={"source": item.source, "subject_type": item.subject_type, "hours": str(item.hours),
                      "title": item.title})
        entries.append(entry)
    return entries


@transaction.atomic
def debit(*, actor, entry: ArchiveEntry, reason: str) -> None:
    """Take one credit back out (a department revoked the approval that credited it)."""
    row = ArchiveYear.objects.select_for_update().get(pk=entry.archive_id)
    ArchiveYear.objects.filter(pk=row.pk).update(**{
        _SUBJECT_FIELD[entry.subject_type]: F(_SUBJECT_FIELD[entry.subject_type]) - entry.hours,
        _SOURCE_FIELD[entry.source]: F(_SOURCE_FIELD[entry.source]) - entry.hours,
    })
    record(actor=actor, action="continuing_education.archive_debited", target=row,
           before={"source": entry.source, "subject_type": entry.subject_type, "hours": str(entry.hours),
                   "title": entry.title}, after={"reason": reason})
    entry.delete()
