"""Two workers and one delivery, on PostgreSQL's real row locks (skipped on SQLite): the row is locked while
the request is out and the other worker skips it, so the receiver gets exactly one request."""

import threading

import pytest
from django.db import connections

from tests.reviews.test_concurrency import regions  # noqa: F401  (reloads the region list)
from webhooks import services
from webhooks.delivery import deliver, deliver_due
from webhooks.models import DeliveryStatus

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


def _together(*jobs):
    barrier = threading.Barrier(len(jobs))
    results = [None] * len(jobs)

    def run(index, job):
        try:
            barrier.wait(timeout=10)
            results[index] = job()
        except Exception as error:  # handed back to the test
            results[index] = error
        finally:
            connections.close_all()

    threads = [threading.Thread(target=run, args=(index, job)) for index, job in enumerate(jobs)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results


@pytest.mark.parametrize("how", ["deliver", "deliver_due"])
def test_two_workers_send_a_delivery_once(how, receive, subscribe, enterprise_a):
    # The receiver answers slowly, so the second worker arrives while the first holds the row.
    receiver = receive([200], delay=1.0)
    subscribe(receiver.url)
    (delivery,) = services.emit(event="review.decided", organisations=[enterprise_a], payload={})
    job = (lambda: deliver(delivery_id=delivery.pk)) if how == "deliver" else (lambda: deliver_due())
    results = _together(job, job)
    assert not any(isinstance(result, Exception) for result in results), results
    assert len(receiver.received) == 1
    delivery.refresh_from_db()
    assert (delivery.status, delivery.attempts) == (DeliveryStatus.SUCCEEDED, 1)
    assert delivery.attempt_rows.count() == 1
