"""The work of an import or export job, run by batch.tasks in the background worker.

Imports stream the sheet row by row, validate each row with the screen's form, and hand valid rows to the
spec's apply service in chunks. Each chunk commits together with its row errors and the job's progress
counters, so the page always shows counts that match the saved data, and a crash keeps whole chunks only;
importing the file again is safe because apply upserts by the natural key.
"""

import gc
import logging
import os

from django.core.files import File
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from batch import registry
from batch.models import BatchJob, JobStatus, RowError
from batch.reading import SheetReader, WorkbookProblem
from batch.services import set_status
from batch.validation import RowValidator
from batch.writing import SheetWriter, temporary_xlsx
from core.masking import can_see_personal_data, mask_id_number, mask_mobile

logger = logging.getLogger("praxis.batch")
EXPORT_PROGRESS_EVERY = 2000


class ImportRun:
    def __init__(self, job: BatchJob, spec: registry.ImportSpec):
        self.job = job
        self.spec = spec
        self.actor = job.owner
        self.organisation = job.organisation
        headers = {column.field_name: column.header for column in spec.columns}
        self.validator = RowValidator(spec.form_class, spec.form_kwargs(self.actor, self.organisation), headers)
        self.key_headers = "、".join(headers.get(name, name) for name in spec.natural_key)
        self.seen: dict[tuple, int] = {}  # natural key -> first row number, to catch duplicates within the file
        self.valid: list[dict] = []
        self.errors: list[RowError] = []
        self.processed = 0  # rows counted since the last flush

    def run(self, reader: SheetReader) -> None:
        validate = self.validator.validate
        natural_key = self.spec.natural_key
        chunk_size = self.spec.chunk_size
        for row in reader:
            self.processed += 1
            if row.problem:
                self._fail(row, row.problem)
                continue
            cleaned, reason = validate(row.data)
            if cleaned is None:
                self._fail(row, reason)
                continue
            key = tuple(cleaned[name] for name in natural_key)
            first = self.seen.setdefault(key, row.number)
            if first != row.number:
                self._fail(row, _("%(key)s与第%(row)d行重复") % {"key": self.key_headers, "row": first})
                continue
            self.valid.append(cleaned)
            if len(self.valid) + len(self.errors) >= chunk_size:
                self.flush()
        self.flush()

    def _fail(self, row, reason: str) -> None:
        self.errors.append(RowError(job_id=self.job.pk, row_number=row.number, values=row.values, message=reason))

    def flush(self) -> None:
        if not self.processed:
            return
        with transaction.atomic():
            created = updated = unchanged = 0
            if self.valid:
                created, updated, unchanged = self.spec.apply(
                    actor=self.actor, organisation=self.organisation, rows=self.valid
                )
            RowError.objects.bulk_create(self.errors)
            BatchJob.objects.filter(pk=self.job.pk).update(
                processed_rows=F("processed_rows") + self.processed,
                created_rows=F("created_rows") + created,
                updated_rows=F("updated_rows") + updated,
                unchanged_rows=F("unchanged_rows") + unchanged,
                failed_rows=F("failed_rows") + len(self.errors),
            )
        self.valid = []
        self.errors = []
        self.processed = 0


def run_import_job(job_id: int) -> BatchJob:
    job = BatchJob.objects.select_related("owner", "organisation").get(pk=job_id)
    spec = registry.get_import(job.spec)
    set_status(job, JobStatus.RUNNING)
    # Objects alive before the run (Django, the form) never become garbage; keep the collector off them.
    gc.collect()
    gc.freeze()
    try:
        with job.source_file.open("rb") as source:
            try:
                reader = SheetReader(spec, source)
            except WorkbookProblem as problem:
                set_status(job, JobStatus.FAILED, error=str(problem))
                return job
            BatchJob.objects.filter(pk=job.pk).update(total_rows=reader.estimated_rows)
            ImportRun(job, spec).run(reader)
    finally:
        gc.unfreeze()
    job.refresh_from_db()
    with transaction.atomic():
        set_status(job, JobStatus.SUCCEEDED, total_rows=job.processed_rows)
        record(actor=job.owner, action="batch.import_finished", target=job, after={
            "created": job.created_rows, "updated": job.updated_rows, "unchanged": job.unchanged_rows,
            "failed": job.failed_rows,
        })
    return job


def _export_value(column, value, labels, mask):
    if labels is not None:
        return labels.get(value, value)
    if mask and column.personal == "id_number":
        return mask_id_number(value)
    if mask and column.personal == "mobile":
        return mask_mobile(value)
    return value


def run_export_job(job_id: int) -> BatchJob:
    job = BatchJob.objects.select_related("owner", "organisation").get(pk=job_id)
    spec = registry.get_export(job.spec)
    set_status(job, JobStatus.RUNNING)
    queryset = spec.queryset(job.owner, job.params)
    total = queryset.count()
    BatchJob.objects.filter(pk=job.pk).update(total_rows=total)
    columns = list(spec.columns)
    plan = [(column, dict(column.choices) if column.choices else None) for column in columns]
    mask = not can_see_personal_data(job.owner)
    handle = temporary_xlsx()
    handle.close()
    done = 0
    try:
        writer = SheetWriter(handle.name, columns)
        for values in queryset.values_list(*[column.field_name for column in columns]).iterator(chunk_size=2000):
            writer.write([_export_value(column, value, labels, mask) for (column, labels), value in zip(plan, values)])
            done += 1
            if done % EXPORT_PROGRESS_EVERY == 0:
                BatchJob.objects.filter(pk=job.pk).update(processed_rows=done)
        writer.close()
        name = _("%(label)s-%(date)s.xlsx") % {"label": spec.label, "date": timezone.localdate().strftime("%Y%m%d")}
        with open(handle.name, "rb") as built, transaction.atomic():
            job.result_file.save(name, File(built), save=False)
            set_status(job, JobStatus.SUCCEEDED, result_file=job.result_file.name, processed_rows=done,
                       total_rows=done)
            record(actor=job.owner, action="batch.export_finished", target=job, after={"rows": done})
    finally:
        os.unlink(handle.name)
    return job
