"""The work of an import or export job, run by batch.tasks in the background worker.

Imports stream the sheet row by row, validate each row with the screen's form, and hand valid rows to the
spec's apply service in chunks. Each chunk commits together with its row errors and the job's progress
counters, so the page always shows counts that match the saved data, and a crash keeps whole chunks only;
importing the file again is safe because apply upserts by the natural key.

A large file's rows are validated by forked worker processes (batch.parallel) while this process reads
ahead and writes, when the spec declares its rows independent; the results, and their order, are the same as
validating here. A spec whose rows depend on each other (places claimed by earlier rows) or whose form queries
the database is always validated here, in file order.

`apply` may still refuse a row the form accepted (another request took the last place meanwhile): a
ValidationError from apply rolls back the chunk's savepoint, and the chunk is applied again row by row, each
in its own savepoint, so the refused row gets the reason as its error and the other rows are saved.

Memory stays flat as the file grows: the reader streams (batch.xlsx), at most one chunk of rows is held, and
the keys already accepted (for the in-file duplicate check) live in a temporary SQLite file (batch.seen).
On SQLite the import's connection writes with a larger page cache (SQLITE_IMPORT_CACHE_KIB, given back at the
end): a bound of its own, whatever the file's size.
Each committed chunk bumps the job's heartbeat; a chunk whose job has meanwhile been declared stale (see
jobs.fail_stale_jobs) is rolled back and the run stops.
"""

import collections
import gc
import itertools
import logging
import os
from collections.abc import Iterator

from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files import File
from django.db import connection, transaction
from django.db.models import F
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from batch import parallel, registry
from batch.jobs import JobAbandoned, set_status
from batch.models import BatchJob, JobStatus, RowError
from batch.reading import SheetReader, WorkbookProblem
from batch.seen import SeenKeys
from batch.validation import RowValidator
from batch.writing import SheetWriter, temporary_xlsx
from core.masking import can_see_personal_data, mask_id_number, mask_mobile

logger = logging.getLogger("praxis.batch")
EXPORT_PROGRESS_EVERY = 2000
EXPORT_CHUNK = 2000
GC_YOUNG_THRESHOLD = 50_000
# The SQLite page cache of the import's connection, in KiB (SQLite's default is 2 MB). A large roster's indexes
# (the ID number's hash, the name, the list's composite index) outgrow 2 MB, and each chunk's inserts then read
# their pages again from the file: up to a fifth of a 100,000-row roster's chunk writes (bench/README.md). Pages
# are only allocated as they are read, and the size goes back to what it was when the import ends.
SQLITE_IMPORT_CACHE_KIB = 64 * 1024


class ImportRun:
    def __init__(self, job: BatchJob, spec: registry.ImportSpec, parent=None):
        self.job = job
        self.spec = spec
        self.actor = job.owner
        self.organisation = job.organisation
        self.context = spec.context(parent)
        headers = {column.field_name: column.header for column in spec.columns}
        self.validator = RowValidator(
            spec.form_class, spec.form_kwargs(self.actor, self.organisation, **self.context), headers,
            fast=spec.fast_validation)
        self.key_headers = "、".join(headers.get(name, name) for name in spec.natural_key)
        self.seen = SeenKeys()
        self.candidates: list[tuple[str, int, object, dict]] = []  # valid rows of this chunk, before the key check
        self.valid: list[tuple[object, dict]] = []  # (row, cleaned_data) that passed the key check
        self.errors: list[RowError] = []
        self.processed = 0  # rows counted since the last flush

    def run(self, reader: SheetReader) -> None:
        natural_key = self.spec.natural_key
        key_text = SeenKeys.key_text
        chunk_size = self.spec.chunk_size
        candidates = self.candidates
        workers = parallel.worker_count(reader.estimated_rows) if self.spec.independent_rows else 0
        outcomes = self._validated_in_pool(reader, workers) if workers else self._validated_here(reader)
        try:
            for row, cleaned, reason in outcomes:
                self.processed += 1
                if cleaned is None:
                    self._fail(row, reason)
                else:
                    candidates.append((key_text(tuple(cleaned[name] for name in natural_key)), row.number, row,
                                       cleaned))
                if len(candidates) + len(self.errors) >= chunk_size:
                    self.flush()
            self.flush()
        finally:
            outcomes.close()
            self.seen.close()

    def _validated_here(self, reader: SheetReader):
        """(row, cleaned_data or None, reason) for each data row, validated in this process."""
        validate = self.validator.validate
        for row in reader:
            if row.problem:
                yield row, None, row.problem
            else:
                yield row, *validate(row.data)

    def _validated_in_pool(self, reader: SheetReader, workers: int):
        """The same as _validated_here, in the same order, with the form run by `workers` forked processes.

        Rows are sent in batches; while the oldest batch is validated the sheet is read further ahead, at
        most a bounded window of batches (see batch.parallel).
        """
        pool = parallel.ValidationPool(self.validator, workers, prepare=self.spec.prepare)
        waiting = collections.deque()  # (rows of a submitted batch), oldest first
        finished = False
        broken = None  # a WorkbookProblem met while reading ahead: raised once the rows before it are handed out
        try:
            rows = iter(reader)
            while True:
                while not finished and not pool.full:
                    batch = []
                    try:
                        batch.extend(itertools.islice(rows, parallel.BATCH_ROWS))
                    except WorkbookProblem as problem:
                        broken, finished = problem, True
                    if not batch:
                        finished = True
                        break
                    waiting.append(batch)
                    pool.submit([row.data for row in batch if not row.problem])
                if not waiting:
                    if broken is not None:
                        raise broken
                    break
                batch = waiting.popleft()
                results = iter(pool.next_result())
                for row in batch:
                    if row.problem:
                        yield row, None, row.problem
                    else:
                        yield row, *next(results)
            pool.close()
        except BaseException:
            pool.terminate()
            raise

    def _fail(self, row, reason: str) -> None:
        self.errors.append(RowError(job_id=self.job.pk, row_number=row.number, values=row.values, message=reason))

    def _check_keys(self) -> None:
        """Move this chunk's rows whose key appeared on an earlier row of the file to the errors."""
        earlier = self.seen.first_rows({key for key, _number, _row, _cleaned in self.candidates})
        first_here: dict[str, int] = {}
        for key, number, row, cleaned in self.candidates:
            first = earlier.get(key) or first_here.setdefault(key, number)
            if first != number:
                self._fail(row, _("%(key)s与第%(row)d行重复") % {"key": self.key_headers, "row": first})
            else:
                self.valid.append((row, cleaned))
        self.candidates.clear()
        self.seen.add(first_here)

    def _apply_rows(self, rows: list[dict]) -> tuple[int, int, int]:
        with transaction.atomic():  # a savepoint: a refused chunk or row leaves nothing behind
            extra = {"job": self.job} if self.spec.with_job else {}
            return self.spec.apply(actor=self.actor, organisation=self.organisation, rows=rows, **self.context,
                                   **extra)

    def _apply(self) -> tuple[int, int, int]:
        """Apply the chunk's valid rows; a row that apply refuses becomes a row error, the others are saved."""
        try:
            return self._apply_rows([cleaned for _row, cleaned in self.valid])
        except ValidationError:
            pass
        totals = [0, 0, 0]
        for row, cleaned in self.valid:
            try:
                counts = self._apply_rows([cleaned])
            except ValidationError as error:
                self._fail(row, self.validator.describe(error.message_dict) if hasattr(error, "error_dict")
                           else "；".join(error.messages))
                continue
            totals = [total + count for total, count in zip(totals, counts)]
        return tuple(totals)

    def flush(self) -> None:
        if not self.processed:
            return
        self._check_keys()
        roomy_page_cache()
        with transaction.atomic():
            created, updated, unchanged = self._apply() if self.valid else (0, 0, 0)
            RowError.objects.bulk_create(self.errors)
            still_running = BatchJob.objects.filter(pk=self.job.pk, status=JobStatus.RUNNING).update(
                processed_rows=F("processed_rows") + self.processed,
                created_rows=F("created_rows") + created,
                updated_rows=F("updated_rows") + updated,
                unchanged_rows=F("unchanged_rows") + unchanged,
                failed_rows=F("failed_rows") + len(self.errors),
                heartbeat_at=timezone.now(),
            )
            if not still_running:
                raise JobAbandoned(self.job.pk)  # rolls this chunk back
        self.valid = []
        self.errors = []
        self.processed = 0


def roomy_page_cache() -> None:
    """Give this connection the import's page cache (SQLite). Asked at every chunk: the connection is closed
    before the validation workers fork, and the one opened after it must have it too."""
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = -{SQLITE_IMPORT_CACHE_KIB}")


def usual_page_cache(size: int | None) -> None:
    """Give the connection back the page cache it had before the import (`size` as PRAGMA cache_size gave it)."""
    if (size is not None and connection.vendor == "sqlite" and connection.connection is not None
            and not connection.needs_rollback):
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA cache_size = {int(size)}")


def page_cache_size() -> int | None:
    if connection.vendor != "sqlite":
        return None
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        return cursor.fetchone()[0]


def import_outcome(job: BatchJob) -> str:
    """The finished status of an import that read its whole file: a file whose every row was refused is not
    shown as a green 已完成."""
    if job.failed_rows and job.failed_rows >= job.processed_rows:
        return JobStatus.ROWS_FAILED
    if job.failed_rows:
        return JobStatus.PARTLY_FAILED
    return JobStatus.SUCCEEDED


def run_import_job(job_id: int) -> BatchJob:
    job = BatchJob.objects.select_related("owner", "organisation").get(pk=job_id)
    spec = registry.get_import(job.spec)
    set_status(job, JobStatus.RUNNING, heartbeat_at=timezone.now())
    parent = None
    if spec.parent is not None:
        # Checked again: the record may have been withdrawn from the user between the upload and the run.
        try:
            parent = spec.parent.get(job.owner, job.parent_key)
        except (Http404, PermissionDenied):
            set_status(job, JobStatus.FAILED, error=_("您已无权向该记录导入数据，导入未执行。"))
            return job
    # Objects alive before the run (Django, the form) never become garbage; keep the collector off them.
    # A row allocates a few hundred short-lived containers that reference counting frees at once, so the
    # default young-generation threshold (700) would run the collector several times per row for nothing:
    # a higher one saves about a tenth of the run, and the garbage it lets wait stays small and bounded.
    gc.collect()
    gc.freeze()
    thresholds = gc.get_threshold()
    cache_size = page_cache_size()
    gc.set_threshold(GC_YOUNG_THRESHOLD, *thresholds[1:])
    try:
        with job.source_file.open("rb") as source:
            try:
                reader = SheetReader(spec, source)
            except WorkbookProblem as problem:
                set_status(job, JobStatus.FAILED, error=str(problem))
                return job
            with reader:
                BatchJob.objects.filter(pk=job.pk).update(total_rows=reader.estimated_rows)
                try:
                    ImportRun(job, spec, parent).run(reader)
                    job.refresh_from_db()
                    if not job.processed_rows:
                        set_status(job, JobStatus.FAILED, error=_("文件中没有可导入的数据行（第2行示例行会被忽略）"))
                        return job
                except WorkbookProblem as problem:
                    # The file breaks off part way: whole chunks before the break are kept, as after a crash.
                    job.refresh_from_db()
                    message = _("%(problem)s。已保存的行不受影响，修正文件后重新导入即可。") % {"problem": problem}
                    set_status(job, JobStatus.FAILED, error=message)
                    return job
    finally:
        gc.set_threshold(*thresholds)
        gc.unfreeze()
        usual_page_cache(cache_size)
    job.refresh_from_db()
    with transaction.atomic():
        set_status(job, import_outcome(job), total_rows=job.processed_rows)
        record(actor=job.owner, action="batch.import_finished", target=job, after={
            "created": job.created_rows, "updated": job.updated_rows, "unchanged": job.unchanged_rows,
            "failed": job.failed_rows,
        })
    return job


def _masker(column):
    if column.mask is not None:
        return column.mask
    return {"id_number": mask_id_number, "mobile": mask_mobile}.get(column.personal)


def _attribute(path: str):
    names = path.split("__")

    def read(obj):
        for name in names:
            obj = getattr(obj, name, None)
            if obj is None:
                return None
        return obj

    return read


def _export_rows(spec, queryset) -> Iterator[list]:
    """The list's rows as cell values, in column order, before labels and masking."""
    columns = spec.columns
    if any(column.value is not None for column in columns):
        readers = [column.value or _attribute(column.field_name) for column in columns]
        for obj in queryset.iterator(chunk_size=EXPORT_CHUNK):
            yield [read(obj) for read in readers]
    else:
        yield from queryset.values_list(*[column.field_name for column in columns]).iterator(chunk_size=EXPORT_CHUNK)


def run_export_job(job_id: int) -> BatchJob:
    job = BatchJob.objects.select_related("owner", "organisation").get(pk=job_id)
    spec = registry.get_export(job.spec)
    set_status(job, JobStatus.RUNNING, heartbeat_at=timezone.now())
    if not spec.may_export(job.owner):
        # The permission was withdrawn between the click and the run.
        set_status(job, JobStatus.FAILED, error=_("您已没有查看该列表的权限，无法导出。"))
        return job
    queryset = spec.queryset(job.owner, job.params)
    total = queryset.count()
    BatchJob.objects.filter(pk=job.pk).update(total_rows=total)
    columns = list(spec.columns)
    # The same masking as the list page: personal identifiers in full only for view_personal_data holders.
    unmasked = can_see_personal_data(job.owner)
    plan = [(dict(column.choices) if column.choices else None, None if unmasked else _masker(column))
            for column in columns]
    handle = temporary_xlsx()
    handle.close()
    done = 0
    try:
        writer = SheetWriter(handle.name, columns)
        # Only the columns with labels or a mask are touched; the others go to the writer as they come.
        changes = [(index, labels, mask) for index, (labels, mask) in enumerate(plan)
                   if labels is not None or mask is not None]
        for values in _export_rows(spec, queryset):
            if changes:
                values = list(values)
                for index, labels, mask in changes:
                    value = values[index]
                    if labels is not None:
                        value = labels.get(value, value)
                    if mask is not None and value:
                        value = mask(str(value))
                    values[index] = value
            writer.write(values)
            done += 1
            if done % EXPORT_PROGRESS_EVERY == 0:
                still_running = BatchJob.objects.filter(pk=job.pk, status=JobStatus.RUNNING).update(
                    processed_rows=done, heartbeat_at=timezone.now())
                if not still_running:
                    raise JobAbandoned(job.pk)
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
