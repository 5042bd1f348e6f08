"""高校毕业生就业信息库 (the graduate register): HR and education departments add, correct and import the
records that an individual's traineeship sign-in is checked against.

Who sees which records: a department sees the records last written (added, corrected or imported) by a
department whose region lies within its own jurisdiction — a county its own, a city those of its city and
counties, a province the whole province. Platform staff see all. The register is keyed by ID number across
the whole platform, so a department that imports a person already present updates that record and becomes
the department it is listed under.
"""

from django.core.exceptions import PermissionDenied
from django.db import IntegrityError, transaction
from django.utils import timezone

from accounts.rules import is_platform_staff
from audit.services import record, snapshot
from core.constraints import known_violation
from traineeships.models import GraduateRecord
from traineeships.selectors.register import (  # noqa: F401  (the reads moved to selectors; old imports keep working)
    PERMISSION,
    filter_graduates,
    get_graduate_for_user,
    graduates_for_user,
    may_maintain_register,
    register_department,
)

RECORD_FIELDS = ("name", "id_number", "school", "major", "education", "graduation_year")


def _department_of(actor):
    return None if is_platform_staff(actor) and actor.organisation_id is None else actor.organisation


def _save(graduate: GraduateRecord) -> None:
    """The form refused a known ID number, but a parallel request may have added it since: the unique
    index decides, and its violation is the form's message, not a 500."""
    try:
        with transaction.atomic():
            graduate.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None


@transaction.atomic
def create_graduate(*, actor, data: dict) -> GraduateRecord:
    """新增 one record (the form has refused an ID number already in the register)."""
    if not may_maintain_register(actor):
        raise PermissionDenied
    graduate = GraduateRecord(imported_by_org=_department_of(actor), **{name: data[name] for name in RECORD_FIELDS})
    _save(graduate)
    record(actor=actor, action="traineeships.graduate_created", target=graduate,
           after=snapshot(graduate, RECORD_FIELDS))
    return graduate


@transaction.atomic
def update_graduate(*, actor, graduate: GraduateRecord, data: dict) -> GraduateRecord:
    if not may_maintain_register(actor):
        raise PermissionDenied
    locked = GraduateRecord.objects.select_for_update().get(pk=graduate.pk)
    before = snapshot(locked, RECORD_FIELDS)
    for name in RECORD_FIELDS:
        setattr(locked, name, data[name])
    locked.imported_by_org = _department_of(actor) or locked.imported_by_org
    _save(locked)
    record(actor=actor, action="traineeships.graduate_updated", target=locked, before=before,
           after=snapshot(locked, RECORD_FIELDS))
    return locked


def import_graduate_rows(*, actor, organisation, rows: list[dict]) -> tuple[int, int, int]:
    """Upsert validated rows by ID number: (created, updated, unchanged). Called by the batch engine inside
    its chunk transaction, which also audits the job as a whole."""
    numbers = [row["id_number"] for row in rows]
    existing = {graduate.id_number: graduate for graduate in GraduateRecord.objects.filter(id_number__in=numbers)}
    now = timezone.now()
    to_create, to_update = [], []
    for row in rows:
        graduate = existing.get(row["id_number"])
        if graduate is None:
            to_create.append(GraduateRecord(imported_by_org=organisation,
                                            **{name: row[name] for name in RECORD_FIELDS}))
            continue
        changed = graduate.imported_by_org_id != organisation.pk
        for name in RECORD_FIELDS:
            if getattr(graduate, name) != row[name]:
                setattr(graduate, name, row[name])
                changed = True
        if changed:
            graduate.imported_by_org = organisation
            graduate.updated_at = now
            to_update.append(graduate)
    GraduateRecord.objects.bulk_create(to_create, batch_size=1000)
    if to_update:
        GraduateRecord.objects.bulk_update(to_update, [*RECORD_FIELDS, "imported_by_org", "updated_at"],
                                           batch_size=500)
    return len(to_create), len(to_update), len(rows) - len(to_create) - len(to_update)
