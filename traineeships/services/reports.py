"""Writes of the three batch reports: each `apply` receives rows the row form has validated and upserts them by
their natural key (the person, or the person and the month), so importing a file again is harmless."""

from django.db import transaction
from django.utils import timezone

from audit.services import record
from traineeships.models import MonthlyReport, Placement
from traineeships.services import placements as placement_services
from traineeships.services.placements import TERM_FIELDS


def apply_matching(*, actor, organisation, rows, job=None) -> tuple[int, int, int]:
    """见习匹配结果: register each approved applicant (or correct a registration not yet approved). A new
    registration remembers the import (`job`) it came from, for 上报记录."""
    created = updated = unchanged = 0
    for row in rows:
        data = {name: row[name] for name in TERM_FIELDS}
        existing = Placement.objects.filter(application=row["application"]).first()
        if existing is None:
            placement_services.onboard(application=row["application"], actor=actor,
                                       data={**data, "backdating_confirmed": row.get("backdating_confirmed")},
                                       import_job=job)
            created += 1
        elif all(getattr(existing, name) == value for name, value in data.items()):
            unchanged += 1
        else:
            placement_services.update_terms(placement=existing, actor=actor,
                                            data={**data, "backdating_confirmed": row.get("backdating_confirmed")})
            updated += 1
    return created, updated, unchanged


def _upsert(actor, rows, values_of) -> tuple[int, int, int]:
    created = updated = unchanged = 0
    now = timezone.now()
    with transaction.atomic():
        existing = {
            (report.placement_id, report.month): report
            for report in MonthlyReport.objects.select_for_update().filter(
                placement_id__in={row["placement"].pk for row in rows}, month__in={row["month"] for row in rows})
        }
        for row in rows:
            values = values_of(row)
            report = existing.get((row["placement"].pk, row["month"]))
            if report is None:
                report = MonthlyReport.objects.create(placement=row["placement"], month=row["month"],
                                                      reported_by=actor, reported_at=now, **values)
                created += 1
                record(actor=actor, action="traineeships.monthly_report", target=report, after=values)
                continue
            before = {name: getattr(report, name) for name in values}
            if before == values:
                unchanged += 1
                continue
            for name, value in values.items():
                setattr(report, name, value)
            report.reported_by, report.reported_at = actor, now
            report.save()
            updated += 1
            record(actor=actor, action="traineeships.monthly_report", target=report, before=before, after=values)
    return created, updated, unchanged


def apply_attendance(*, actor, organisation, rows) -> tuple[int, int, int]:
    """见习考勤: days attended and absent; the on-post flag is left to the 每月在岗情况 report."""
    return _upsert(actor, rows, lambda row: {"days_on_post": row["days_attended"], "days_absent": row["days_absent"]})


def apply_on_post(*, actor, organisation, rows) -> tuple[int, int, int]:
    """见习人员每月在岗情况: whether the trainee was on post that month (a 否 removes the month's subsidy)."""
    return _upsert(actor, rows, lambda row: {"on_post": row["on_post"], "note": row.get("note", "")})
