"""The background entry point of a delivery. Kept apart from webhooks.delivery: declaring a task resolves the
task backend, which must not happen while the apps load (see core.tasks)."""

from django_tasks import task

from webhooks.delivery import deliver
from webhooks.models import DeliveryStatus


@task()
def deliver_webhook(delivery_id: int) -> None:
    delivery = deliver(delivery_id=delivery_id)
    # The retry waits in the task queue when the backend can defer; otherwise the sweep
    # (manage.py deliver_webhooks --loop) finds it when it falls due.
    if (delivery is not None and delivery.status == DeliveryStatus.RETRYING and delivery.next_attempt_at
            and deliver_webhook.get_backend().supports_defer):
        deliver_webhook.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)


def enqueue(delivery_id: int) -> None:
    deliver_webhook.enqueue(delivery_id)
