"""学时证明: each printing is a HoursCertificate with a random verification code and a snapshot of what it says, so
the public page confirms exactly what was printed (later credits do not change an issued certificate)."""

import secrets

from django.db import IntegrityError, transaction
from django.utils import timezone

from audit.services import record
from continuing_education.models import HoursCertificate
from continuing_education.selectors.archive import Result, assess, rule_of

ATTEMPTS = 5
CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read off paper
CODE_LENGTH = 10


def masked_name(name: str) -> str:
    return name[:1] + "*" * max(1, len(name) - 1) if name else ""


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def snapshot_of(archive_year, *, today) -> dict:
    rule = rule_of(archive_year)
    return {
        "name": masked_name(archive_year.name), "year": archive_year.year,
        "public_hours": str(archive_year.public_hours), "professional_hours": str(archive_year.professional_hours),
        "total_hours": str(archive_year.total_hours), "class_hours": str(archive_year.class_hours),
        "online_hours": str(archive_year.online_hours), "declared_hours": str(archive_year.declared_hours),
        "result": str(Result(assess(archive_year, rule, today)).label),
        "unit": archive_year.organisation.name if archive_year.organisation_id else "",
    }


def issue_certificate(*, actor, archive_year) -> HoursCertificate:
    """A new certificate of `archive_year` (the caller checked that the actor sees it). A code that clashes with
    an earlier one (ce_certificate_code_unique) is drawn again."""
    snapshot = snapshot_of(archive_year, today=timezone.localdate())
    for attempt in range(ATTEMPTS):
        try:
            with transaction.atomic():
                certificate = HoursCertificate.objects.create(archive=archive_year, code=new_code(),
                                                              snapshot=snapshot, issued_by=actor)
                record(actor=actor, action="continuing_education.certificate_issued", target=archive_year,
                       after={"code": certificate.code, "year": archive_year.year})
                return certificate
        except IntegrityError:
            if attempt == ATTEMPTS - 1:
                raise
    raise AssertionError("unreachable")
