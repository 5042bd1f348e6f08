"""Every write to import/export jobs: starting them and files built on request (the status writer is batch.jobs)."""

import hashlib
import os

from django.core.exceptions import PermissionDenied
from django.core.files import File
from django.db import transaction
from django.http import Http404
from django.utils import timezone
from django.utils.translation import gettext as _

from audit.services import record
from batch import registry
from batch.models import BatchJob, JobKind
from batch.reading import SheetReader
from batch.writing import SheetWriter, temporary_xlsx


def _check_start(actor, spec) -> None:
    if not spec.may_import(actor):
        raise PermissionDenied


def import_parent(*, actor, spec, parent_key: str):
    """The record an import with a parent belongs to, through the owning app's selector (404 / 403); None for
    a spec without one (a key given anyway is refused, so a job never names a record nobody checked)."""
    if spec.parent is None:
        if parent_key:
            raise Http404("this import has no parent")
        return None
    if not parent_key:
        raise Http404("parent missing")
    return spec.parent.get(actor, parent_key)


def start_import(*, actor, spec_key: str, uploaded_file, parent_key: str = "") -> BatchJob:
    """Store the upload and queue the import; the caller has already checked the file with ImportUploadForm."""
    from batch.tasks import run_import

    spec = registry.get_import(spec_key)
    _check_start(actor, spec)
    import_parent(actor=actor, spec=spec, parent_key=parent_key)
    digest = hashlib.sha256()
    for chunk in uploaded_file.chunks():
        digest.update(chunk)
    uploaded_file.seek(0)
    name = os.path.basename(uploaded_file.name)
    with transaction.atomic():
        job = BatchJob.objects.create(
            kind=JobKind.IMPORT, spec=spec.key, owner=actor, organisation=actor.organisation, parent_key=parent_key,
            source_name=name[:255], source_sha256=digest.hexdigest(), created_at=timezone.now(),
        )
        job.source_file.save(name, uploaded_file, save=True)
        record(actor=actor, action="batch.import_started", target=job,
               after={"spec": spec.key, "file": name, "sha256": job.source_sha256,
                      **({"parent": parent_key} if parent_key else {})})
        transaction.on_commit(lambda: run_import.enqueue(job.pk))
    return job


def start_export(*, actor, spec_key: str, params: dict) -> BatchJob:
    from batch.tasks import run_export

    spec = registry.get_export(spec_key)
    if not spec.may_export(actor):
        raise PermissionDenied
    with transaction.atomic():
        job = BatchJob.objects.create(
            kind=JobKind.EXPORT, spec=spec.key, owner=actor, organisation=actor.organisation,
            params=params, created_at=timezone.now(),
        )
        record(actor=actor, action="batch.export_started", target=job, after={"spec": spec.key, "params": params})
        transaction.on_commit(lambda: run_export.enqueue(job.pk))
    return job


def success_rows_file(*, actor, job: BatchJob):
    """The rows of a finished import that were saved, as .xlsx (manual 004 §5.1 下载成功数据).

    Built from the stored upload on first request and kept as the job's result file. The file's rows and the
    job's failed row numbers both come in ascending row order, so they are merged as they stream.
    """
    if job.result_file:
        return job.result_file
    spec = registry.get_import(job.spec)
    failed = job.row_errors.order_by("row_number").values_list("row_number", flat=True).iterator(chunk_size=2000)
    next_failed = next(failed, None)
    handle = temporary_xlsx()
    handle.close()
    try:
        writer = SheetWriter(handle.name, list(spec.columns))
        with job.source_file.open("rb") as source, SheetReader(spec, source) as reader:
            for row in reader:
                while next_failed is not None and next_failed < row.number:
                    next_failed = next(failed, None)
                if row.number != next_failed:
                    writer.write(row.values)
        writer.close()
        with open(handle.name, "rb") as built, transaction.atomic():
            job.result_file.save(_("%(label)s-成功数据-%(id)s.xlsx") % {"label": spec.label, "id": job.pk},
                                 File(built), save=False)
            BatchJob.objects.filter(pk=job.pk).update(result_file=job.result_file.name)
            record(actor=actor, action="batch.success_file_built", target=job)
    finally:
        os.unlink(handle.name)
    return job.result_file
