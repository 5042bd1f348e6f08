"""Every write to the staff roster, one at a time from the screens or in chunks from the import."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record, snapshot
from batch.inserting import insert_rows, sealer
from core import crypto
from core.constraints import known_violation
from organisations.models import CURRENT_LINKS, StaffMember

# The fields a form row sets; organisation comes from the actor, never from the row.
STAFF_FIELDS = (
    "name", "id_number", "gender", "birth_date", "mobile", "department_name", "job_title", "hired_on",
    "monthly_wage", "education", "title_level", "title_series",
)


def _values(data: dict) -> dict:
    return {name: data.get(name) for name in STAFF_FIELDS}


def _saved(member: StaffMember) -> StaffMember:
    """Save; a second person with the same ID number in the unit, let in by a parallel request after the form
    checked, is refused with the form's message (the roster's unique constraint)."""
    try:
        with transaction.atomic():
            member.save()
    except IntegrityError as error:
        raise known_violation(error) or error from None
    return member


@transaction.atomic
def create_staff_member(*, actor, organisation, data: dict) -> StaffMember:
    member = _saved(StaffMember(organisation=organisation, **_values(data)))
    record(actor=actor, action="staff.create", target=member, after=snapshot(member, STAFF_FIELDS))
    return member


@transaction.atomic
def update_staff_member(*, actor, member: StaffMember, data: dict) -> StaffMember:
    # Re-read the row: a bound ModelForm has already written the new values onto `member`.
    member = StaffMember.objects.select_for_update().get(pk=member.pk)
    before = snapshot(member, STAFF_FIELDS)
    for name, value in _values(data).items():
        setattr(member, name, value)
    _saved(member)
    record(actor=actor, action="staff.update", target=member, before=before, after=snapshot(member, STAFF_FIELDS))
    return member


@transaction.atomic
def delete_staff_member(*, actor, member: StaffMember) -> None:
    member = StaffMember.objects.select_for_update().get(pk=member.pk)
    if member.link_status in CURRENT_LINKS:
        # The person's own account is linked (or asking): the link ends by 调离 or a decision, not by deletion.
        raise ValidationError(_("该人员已关联个人账号或正在申请加入，请先办理调离或审核其申请"))
    before = snapshot(member, STAFF_FIELDS)
    record(actor=actor, action="staff.delete", target=member, before=before)
    try:
        member.delete()
    except ProtectedError as error:
        # Records of a programme keep the person (学时申报, a trainee's filing…): they stay on the roster. The
        # deletion is refused before anything is deleted; the audit row above rolls back with the refusal.
        kinds = sorted({str(row._meta.verbose_name) for row in error.protected_objects})
        raise ValidationError(_("该人员已有%(kinds)s记录，不能删除") % {"kinds": "、".join(kinds)},
                              code="protected") from None


# What the insert derives from a row's plaintext (ID number's hash, both identifiers' ciphertexts), taken where
# the import validates the row (ImportSpec.prepare).
SEAL_ROW = sealer(StaffMember)


def import_staff_rows(*, actor, organisation, rows: list[dict]) -> tuple[int, int, int]:
    """Upsert validated rows by ID number within `organisation`: (created, updated, unchanged).

    Called by the batch engine inside its chunk transaction; one query finds the existing people of the
    whole chunk, and only rows whose values differ are written. New people go in with one executemany
    (batch.inserting) rather than bulk_create, which spent more building instances than inserting them.
    The engine audits the job as a whole.
    """
    # Each ID number is hashed once, for the lookup and, for a new person, the insert (a third of a chunk's
    # hashing and encryption otherwise); rows from the import's validation worker carry it already (SEAL_ROW).
    hashes = [row.get("id_number_hash") or crypto.keyed_hash(crypto.ID_NUMBER, row["id_number"]) for row in rows]
    # Unordered: with the roster's order (name, id) SQLite walks the whole roster by its (organisation, name, id)
    # index for every chunk instead of looking the hashes up (a re-import of 100k rows took twice as long).
    existing = {
        member.id_number_hash: member
        for member in StaffMember.objects.filter(organisation=organisation, id_number_hash__in=hashes).order_by()
    }
    now = timezone.now()
    to_create, to_update = [], []
    for row, hashed in zip(rows, hashes):
        member = existing.get(hashed)
        if member is None:
            # insert_rows reads only the model's fields from the cleaned data, the hash included
            to_create.append({**row, "id_number_hash": hashed})
            continue
        changed = False
        for name in STAFF_FIELDS:
            value = row.get(name)
            if getattr(member, name) != value:
                setattr(member, name, value)
                changed = True
        if changed:
            member.updated_at = now
            to_update.append(member)
    try:
        insert_rows(StaffMember, to_create, constants={"organisation_id": organisation.pk})
        if to_update:
            StaffMember.objects.bulk_update(to_update, [*STAFF_FIELDS, "updated_at"], batch_size=500)
    except IntegrityError as error:
        # A person added meanwhile by a screen or another import, after this chunk's lookup: the engine rolls the
        # chunk back and applies it again row by row, and each row's lookup then finds whoever got in first.
        raise known_violation(error) or error from None
    return len(to_create), len(to_update), len(rows) - len(to_create) - len(to_update)
