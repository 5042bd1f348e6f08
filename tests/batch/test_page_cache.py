"""The import's SQLite page cache (batch.engine): larger while the chunks are written, as before afterwards."""

import dataclasses

import pytest
from django.db import connection

from batch import registry
from batch.engine import SQLITE_IMPORT_CACHE_KIB
from batch.models import BatchJob, JobStatus
from organisations.staff_batch import STAFF_CHUNK_ROWS, register_staff_batch_specs
from organisations.staff_services import import_staff_rows
from tests.batch.helpers import id_number, xlsx_bytes

pytestmark = pytest.mark.skipif(connection.vendor != "sqlite", reason="a SQLite connection setting")


def cache_size() -> int:
    with connection.cursor() as cursor:
        cursor.execute("PRAGMA cache_size")
        return cursor.fetchone()[0]


@pytest.fixture
def seen_by_apply():
    """The staff import in 1-row chunks, its apply noting the connection's page cache at each chunk."""
    sizes = []

    def apply(**kwargs):
        sizes.append(cache_size())
        return import_staff_rows(**kwargs)

    registry.register_import(dataclasses.replace(registry.get_import("staff"), chunk_size=1, apply=apply))
    yield sizes
    register_staff_batch_specs()


def test_chunks_are_written_with_the_larger_cache_and_the_usual_one_comes_back(post_import, client, admin_a,
                                                                               seen_by_apply):
    client.force_login(admin_a)
    before = cache_size()
    rows = [["张伟", id_number("19900307", 123), "", "", "", "", "", ""],
            ["李娜", id_number("19920512", 224), "", "", "", "", "", ""]]
    post_import(client, xlsx_bytes(rows))
    job = BatchJob.objects.get()
    assert (job.status, job.created_rows) == (JobStatus.SUCCEEDED, 2)
    assert seen_by_apply == [-SQLITE_IMPORT_CACHE_KIB, -SQLITE_IMPORT_CACHE_KIB]
    assert before != -SQLITE_IMPORT_CACHE_KIB
    assert cache_size() == before


def test_a_failed_run_gives_the_usual_cache_back_too(post_import, client, admin_a):
    client.force_login(admin_a)
    before = cache_size()

    def refuse(**kwargs):
        raise RuntimeError("the disk is full")

    registry.register_import(dataclasses.replace(registry.get_import("staff"), apply=refuse))
    try:
        post_import(client, xlsx_bytes([["张伟", id_number("19900307", 123), "", "", "", "", "", ""]]))
    finally:
        register_staff_batch_specs()
    assert BatchJob.objects.get().status == JobStatus.FAILED
    assert cache_size() == before


def test_the_roster_is_written_in_chunks_of_ten_thousand_rows():
    assert registry.get_import("staff").chunk_size == STAFF_CHUNK_ROWS == 10_000
