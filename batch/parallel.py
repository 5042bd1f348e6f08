"""Validate an import's rows with the screen's form in worker processes while the job's process reads and writes.

The form is about half of an import's CPU time and rows are independent of each other, so a large file is
validated by a small pool of forked processes: each inherits the job's RowValidator (the form built once,
Django already set up) and returns, batch by batch, (cleaned_data, reason) for every row — exactly what the
in-process path computes, with the same form. The job's process keeps reading the sheet, checking duplicate
keys and writing chunks, so reading and writing overlap with validation.

Memory stays bounded: at most WINDOW_PER_WORKER batches per worker are in flight, whatever the file's
length (Pool.imap would read the whole sheet ahead into its task queue). The workers never touch the
database: the import's forms do no queries, and the connections the job's process had open are closed
before forking when it is not inside a transaction, so no socket is shared. Results come back in submission order.

A spec may also give `prepare` (ImportSpec.prepare): what its apply would otherwise derive from each valid
row (keyed hashes, ciphertexts), taken here by the worker so that the job's process, the busier one, need not.

Small files (under MIN_ROWS rows), a single-CPU machine or a platform without fork use the in-process path.
The job's process is itself busy about half the time (reading, duplicate keys, writing), so it takes one
CPU and the workers the rest.
"""

import collections
import multiprocessing
import os
import signal

from django.conf import settings
from django.db import connections

MIN_ROWS = 2000  # below this, starting processes costs more than it saves
BATCH_ROWS = 250  # rows per message to a worker
WINDOW_PER_WORKER = 3  # batches in flight per worker: enough to keep them busy while the parent writes
MAX_WORKERS = 4

_validator = None  # the forked workers' copy of the job's RowValidator
_prepare = None  # and of the spec's prepare (ImportSpec.prepare), or None


def worker_count(estimated_rows: int) -> int:
    """How many validation processes to start for a file of about `estimated_rows` rows (0: validate here).

    settings.BATCH_IMPORT_WORKERS, when set, replaces the count chosen from the CPUs (0 turns workers off,
    e.g. where the job worker shares its machine with the web server).
    """
    if estimated_rows < MIN_ROWS or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    configured = getattr(settings, "BATCH_IMPORT_WORKERS", None)
    if configured is not None:
        return max(int(configured), 0)
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    # The job's process keeps one CPU busy reading and writing (about as much work as the form's), so the
    # workers get the others: on two CPUs one worker, and a second would only contend with the reader.
    return min(cpus - 1, MAX_WORKERS)


def _start_worker() -> None:
    # The job's process may have its own handlers (django-tasks' db_worker stops gracefully on SIGTERM and
    # SIGINT); a worker must instead end when the pool terminates it, and leave Ctrl-C to the job's process.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _validate_batch(batch: list[dict]) -> list[tuple[dict | None, str]]:
    validate = _validator.validate
    # cleaned_data is a fresh dict per full_clean(), so each result may be kept as returned (or added to).
    results = [validate(data) for data in batch]
    if _prepare is not None:
        prepare = _prepare
        results = [(prepare(cleaned), reason) if cleaned is not None else (None, reason) for cleaned, reason in results]
    return results


class ValidationPool:
    """Submit batches of form data in order and take their results back in the same order."""

    def __init__(self, validator, workers: int, prepare=None):
        global _validator, _prepare
        if not any(connection.in_atomic_block for connection in connections.all(initialized_only=True)):
            # Forked children must not share the job's database sockets; Django reconnects on next use.
            connections.close_all()
        # Kept while the pool lives: a worker that had to be replaced is forked again from this process.
        _validator, _prepare = validator, prepare
        self._pool = multiprocessing.get_context("fork").Pool(workers, initializer=_start_worker)
        self._pending = collections.deque()
        self.window = workers * WINDOW_PER_WORKER

    def submit(self, batch: list[dict]) -> None:
        self._pending.append(self._pool.apply_async(_validate_batch, (batch,)))

    @property
    def full(self) -> bool:
        return len(self._pending) >= self.window

    @property
    def pending(self) -> int:
        return len(self._pending)

    def next_result(self) -> list[tuple[dict | None, str]]:
        """The results of the oldest batch still pending (waits for it); a worker's exception is re-raised."""
        return self._pending.popleft().get()

    def close(self) -> None:
        global _validator, _prepare
        self._pool.close()
        self._pool.join()
        _validator = _prepare = None

    def terminate(self) -> None:
        global _validator, _prepare
        self._pool.terminate()
        self._pool.join()
        _validator = _prepare = None
