"""The import's validation in worker processes (batch.parallel) gives exactly the in-process results."""

import datetime

import pytest
from django.db import connection

from batch import parallel
from batch.models import BatchJob, JobStatus
from organisations.models import StaffMember
from tests.batch.helpers import id_number, xlsx_bytes
from tests.batch.test_import import BAD_ROWS, LI, WANG, ZHANG, expected_reasons, small_chunks  # noqa: F401


@pytest.fixture
def signed_in(client, admin_a):
    client.force_login(admin_a)
    return client


@pytest.fixture
def pooled(monkeypatch):
    """Force the worker-process path on a small file: two workers, two rows per batch, so several batches are
    in flight and results must come back in order. Counts the pools started."""
    started = []
    original = parallel.ValidationPool.__init__

    def init(self, validator, workers, **options):
        started.append(workers)
        original(self, validator, workers, **options)

    monkeypatch.setattr(parallel, "worker_count", lambda estimated_rows: 2)
    monkeypatch.setattr(parallel, "BATCH_ROWS", 2)
    monkeypatch.setattr(parallel.ValidationPool, "__init__", init)
    return started


def mixed_rows():
    rows = [list(row) for row in BAD_ROWS]
    for seq in range(11):  # more valid rows, so the good ones span several batches and chunks
        rows.append([f"员工{seq}", id_number("19880808", 100 + seq), "", "13700000000", "生产部", "", "", 3000 + seq])
    rows.append(["重复", id_number("19880808", 103), "", "", "", "", "", ""])  # row 20: same ID as row 12
    return rows


def outcome(job):
    # Sorted here: the database holds the ID numbers encrypted, so it cannot order by them.
    staff = sorted(StaffMember.objects.values_list(
        "name", "id_number", "gender", "birth_date", "mobile", "department_name", "hired_on", "monthly_wage",
    ), key=lambda row: row[1])
    counters = (job.status, job.processed_rows, job.created_rows, job.updated_rows, job.unchanged_rows,
                job.failed_rows)
    return counters, dict(job.row_errors.values_list("row_number", "message")), staff


def test_worker_processes_give_the_same_results_as_in_process(post_import, signed_in, pooled):
    content = xlsx_bytes(mixed_rows())
    post_import(signed_in, content)
    assert pooled == [2]
    in_pool = outcome(BatchJob.objects.get())
    assert in_pool[0] == (JobStatus.PARTLY_FAILED, 19, 12, 0, 0, 7)
    assert in_pool[1] == {**expected_reasons(), 20: "身份证号与第12行重复"}
    created = StaffMember.objects.values_list("created_at", "updated_at")
    assert all(made is not None and made == changed for made, changed in created)

    StaffMember.objects.all().delete()
    BatchJob.objects.all().delete()
    parallel.worker_count, saved = (lambda estimated_rows: 0), parallel.worker_count
    try:
        post_import(signed_in, content)
    finally:
        parallel.worker_count = saved
    assert pooled == [2]
    assert outcome(BatchJob.objects.get()) == in_pool


def test_workers_hash_and_encrypt_so_the_job_process_stores_them_as_given(post_import, signed_in, pooled,
                                                                          monkeypatch):
    """The staff spec's prepare (sealer) runs in the workers: the job's process, forked from before, neither
    hashes nor encrypts, and what it stores decrypts to the same rows as an in-process import's."""
    from core import crypto

    calls = []
    forked = parallel.ValidationPool.__init__

    def count_after_fork(self, *args, **options):
        forked(self, *args, **options)
        # Only this (the job's) process sees these: the workers were forked just above with the real ones.
        for name in ("encrypt", "keyed_hash"):
            real = getattr(crypto, name)
            monkeypatch.setattr(crypto, name, lambda *values, real=real, name=name: calls.append(name) or real(*values))

    monkeypatch.setattr(parallel.ValidationPool, "__init__", count_after_fork)
    content = xlsx_bytes(mixed_rows())
    post_import(signed_in, content)
    assert calls == []
    in_pool = outcome(BatchJob.objects.get())
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, id_number_hash, mobile FROM organisations_staffmember")
        stored = cursor.fetchall()
    assert len(stored) == 12
    for raw_id, raw_hash, raw_mobile in stored:
        number = crypto.decrypt(raw_id)
        assert raw_hash == crypto.keyed_hash(crypto.ID_NUMBER, number)
        assert crypto.is_ciphertext(raw_mobile) if raw_mobile else raw_mobile == ""
    sealed = [raw_id for raw_id, _hash, _mobile in stored] + [mobile for _id, _hash, mobile in stored if mobile]
    assert len(set(sealed)) == len(sealed) > 12  # a fresh nonce for every ciphertext, equal mobiles included

    StaffMember.objects.all().delete()
    BatchJob.objects.all().delete()
    monkeypatch.setattr(parallel, "worker_count", lambda estimated_rows: 0)
    post_import(signed_in, content)
    assert outcome(BatchJob.objects.get()) == in_pool


def test_reimport_through_workers_finds_every_row_unchanged(post_import, signed_in, pooled):
    rows = [["张伟", ZHANG, "男", "13812345678", "技术部", "工程师", datetime.date(2015, 7, 1), 6500],
            ["李娜", LI, "", "", "财务部", "会计", "2016/3/1", 5200.5], ["王强", WANG, "", "", "", "", "", ""]]
    post_import(signed_in, xlsx_bytes(rows))
    post_import(signed_in, xlsx_bytes(rows))
    first, second = BatchJob.objects.order_by("pk")
    assert (first.created_rows, second.created_rows, second.unchanged_rows) == (3, 0, 3)
    assert pooled == [2, 2]


def test_file_breaking_off_under_workers_keeps_the_rows_before_the_break(post_import, signed_in, pooled,
                                                                         small_chunks, monkeypatch):  # noqa: F811
    from batch import xlsx

    rows = [["张伟", ZHANG, "", "", "", "", "", ""], ["李娜", LI, "", "", "", "", "", ""],
            ["王强", WANG, "", "", "", "", "", ""]]
    original = xlsx.XlsxSheet.rows

    def breaks_after_three(self):
        for index, item in enumerate(original(self)):
            if index == 3:
                raise xlsx.XlsxProblem("unexpected end of data")
            yield item

    content = xlsx_bytes(rows)
    monkeypatch.setattr(xlsx.XlsxSheet, "rows", breaks_after_three)
    post_import(signed_in, content)
    job = BatchJob.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.error == "第3行之后的内容无法读取，文件可能已损坏。已保存的行不受影响，修正文件后重新导入即可。"
    assert (job.processed_rows, job.created_rows) == (2, 2)
    assert StaffMember.objects.count() == 2
