"""A job whose worker died must not show 处理中 for ever: its heartbeat stops and the job is failed."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.models import AuditEntry
from batch import jobs
from batch.engine import ImportRun
from batch.jobs import JobAbandoned
from batch.models import BatchJob, JobStatus
from organisations.models import StaffMember
from tests.batch.helpers import id_number, xlsx_bytes

IMPORT_MESSAGE = "任务中断（处理进程已停止），请重新导入。已保存的行不受影响，重新导入同一文件不会重复。"


def running_job(owner, minutes_since_heartbeat, kind="import", heartbeat=True):
    moment = timezone.now() - datetime.timedelta(minutes=minutes_since_heartbeat)
    return BatchJob.objects.create(
        kind=kind, spec="staff", owner=owner, organisation=owner.organisation, status=JobStatus.RUNNING,
        created_at=moment, started_at=moment, heartbeat_at=moment if heartbeat else None,
        total_rows=5000, processed_rows=2000,
    )


def test_task_centre_fails_jobs_without_progress_for_the_configured_minutes(client, admin_a, settings):
    settings.BATCH_STALE_MINUTES = 30
    stale = running_job(admin_a, 31)
    fresh = running_job(admin_a, 29)
    stale_export = running_job(admin_a, 45, kind="export")
    never_beat = running_job(admin_a, 40, heartbeat=False)
    client.force_login(admin_a)
    response = client.get(reverse("batch:list"))
    assert response.status_code == 200
    statuses = dict(BatchJob.objects.values_list("pk", "status"))
    assert statuses == {stale.pk: JobStatus.FAILED, fresh.pk: JobStatus.RUNNING,
                        stale_export.pk: JobStatus.FAILED, never_beat.pk: JobStatus.FAILED}
    stale.refresh_from_db()
    assert stale.error == IMPORT_MESSAGE
    assert stale.finished_at is not None
    assert stale.processed_rows == 2000  # what was committed stays counted
    assert BatchJob.objects.get(pk=stale_export.pk).error == "任务中断（处理进程已停止），请重新导出。"
    assert AuditEntry.objects.filter(action="batch.job_interrupted").count() == 3
    detail = client.get(reverse("batch:detail", args=[stale.pk])).content.decode()
    assert IMPORT_MESSAGE in detail
    assert 'hx-trigger="every 1s"' not in detail


def test_threshold_comes_from_the_setting(client, admin_a, settings):
    settings.BATCH_STALE_MINUTES = 5
    job = running_job(admin_a, 6)
    client.force_login(admin_a)
    client.get(reverse("batch:detail", args=[job.pk]))
    job.refresh_from_db()
    assert job.status == JobStatus.FAILED


def test_default_threshold_is_thirty_minutes(admin_a, settings):
    del settings.BATCH_STALE_MINUTES
    assert jobs.stale_minutes() == 30
    young, old = running_job(admin_a, 29), running_job(admin_a, 31)
    assert jobs.fail_stale_jobs() == 1
    assert BatchJob.objects.get(pk=young.pk).status == JobStatus.RUNNING
    assert BatchJob.objects.get(pk=old.pk).status == JobStatus.FAILED


def test_polling_page_stops_when_the_job_is_declared_stale(client, admin_a, settings):
    settings.BATCH_STALE_MINUTES = 30
    job = running_job(admin_a, 60)
    client.force_login(admin_a)
    response = client.get(reverse("batch:progress", args=[job.pk]) + "?polling=1", HTTP_HX_REQUEST="true")
    assert response["HX-Refresh"] == "true"


def test_finished_and_queued_jobs_are_left_alone(admin_a, settings):
    settings.BATCH_STALE_MINUTES = 30
    old = timezone.now() - datetime.timedelta(days=1)
    done = BatchJob.objects.create(kind="import", spec="staff", owner=admin_a, status=JobStatus.SUCCEEDED,
                                   created_at=old, started_at=old, heartbeat_at=old)
    queued = BatchJob.objects.create(kind="import", spec="staff", owner=admin_a, created_at=old)
    assert jobs.fail_stale_jobs() == 0
    assert BatchJob.objects.get(pk=done.pk).status == JobStatus.SUCCEEDED
    assert BatchJob.objects.get(pk=queued.pk).status == JobStatus.QUEUED


def test_a_starting_worker_recovers_stale_jobs_first(post_import, client, admin_a, settings):
    settings.BATCH_STALE_MINUTES = 30
    dead = running_job(admin_a, 90)
    client.force_login(admin_a)
    rows = [["张伟", id_number("19900307", 123), "", "", "", "", "", ""]]
    post_import(client, xlsx_bytes(rows))
    dead.refresh_from_db()
    new = BatchJob.objects.exclude(pk=dead.pk).get()
    assert (dead.status, new.status, new.created_rows) == (JobStatus.FAILED, JobStatus.SUCCEEDED, 1)
    assert new.heartbeat_at is not None and new.heartbeat_at >= new.started_at


def test_chunks_bump_the_heartbeat(post_import, client, admin_a, monkeypatch):
    beats = []
    original = ImportRun.flush

    def flush(self):
        original(self)
        beats.append(BatchJob.objects.get(pk=self.job.pk).heartbeat_at)

    monkeypatch.setattr(ImportRun, "flush", flush)
    client.force_login(admin_a)
    post_import(client, xlsx_bytes([["张伟", id_number("19900307", 123), "", "", "", "", "", ""]]))
    assert len(beats) >= 1 and all(beat is not None for beat in beats)


def test_a_worker_that_comes_back_after_being_declared_stale_stops_and_keeps_nothing_new(admin_a, settings):
    """The chunk being written when the job is found stale is rolled back, so counts match the saved rows."""
    from batch import registry
    from batch.reading import SheetReader
    from tests.batch.helpers import upload

    job = running_job(admin_a, 0)
    spec = registry.get_import("staff")
    run = ImportRun(job, spec)
    jobs.set_status(job, JobStatus.FAILED, error="declared stale")
    rows = [["张伟", id_number("19900307", 123), "", "", "", "", "", ""]]
    with SheetReader(spec, upload(xlsx_bytes(rows))) as reader, pytest.raises(JobAbandoned):
        run.run(reader)
    assert not StaffMember.objects.exists()
    assert BatchJob.objects.get(pk=job.pk).processed_rows == 2000
