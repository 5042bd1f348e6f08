"""网络班培训成果导入: each row an OnlineResult of a person on the unit's roster, credited to the 培训档案 at once (no
class, no review). A repeated row is the constraint ce_online_result_once; the region's online cap (HoursRule.
online_cap), when set, refuses a row that would take the person's online hours for the year above it."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from continuing_education.models import ArchiveYear, HoursSource, OnlineResult
from continuing_education.selectors.hours_rules import rule_for
from continuing_education.services.archive import Credit, credit
from core.constraints import known_violation


def _import_row(*, actor, organisation, row, job):
    try:
        with transaction.atomic():
            result = OnlineResult.objects.create(
                organisation=organisation, platform=row["platform"], name=row["name"], id_number=row["id_number"],
                course_name=row["course_name"], year=row["year"], subject_type=row["subject_type"],
                hours=row["hours"], completed_on=row["completed_on"], imported_by=actor, import_job=job)
    except IntegrityError as error:
        raise known_violation(error) or error from None
    credit(actor=actor, credits=[Credit(
        id_number=result.id_number, name=result.name, year=result.year, source=HoursSource.ONLINE,
        subject_type=result.subject_type, hours=result.hours, title=result.course_name,
        occurred_on=result.completed_on, organisation=organisation, organiser=result.platform.name,
        online_result=result)])
    rule = rule_for(organisation.region, result.year)
    if rule is not None and rule.online_cap is not None:
        # Read under the lock credit() holds on the person's year, so two imports at once cannot both pass.
        total = ArchiveYear.objects.filter(id_number=result.id_number, year=result.year).values_list(
            "online_hours", flat=True).get()
        if total > rule.online_cap:
            raise ValidationError(_("超过网络培训学时上限：该人员%(year)s年网络培训学时将达 %(total)s，上限 %(cap)s")
                                  % {"year": result.year, "total": total, "cap": rule.online_cap})
    return result


def import_online_rows(*, actor, organisation, rows, job=None) -> tuple[int, int, int]:
    with transaction.atomic():
        for row in rows:
            _import_row(actor=actor, organisation=organisation, row=row, job=job)
    return len(rows), 0, 0
