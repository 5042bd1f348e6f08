import pytest

from tests.webhooks import receiver as receivers
from webhooks import services


@pytest.fixture
def loopback(settings):
    settings.WEBHOOK_ALLOW_LOOPBACK = True


@pytest.fixture
def receive():
    """receive([500, 500, 200], delay=..., location=...) -> a running Receiver; stopped after the test."""
    servers = []

    def start(statuses, **kwargs):
        receiver, server = receivers.start(statuses, **kwargs)
        servers.append(server)
        return receiver

    yield start
    for server in servers:
        server.shutdown()
        server.server_close()


@pytest.fixture
def subscribe(admin_a, enterprise_a, loopback):
    """subscribe(url, events=[...]) -> (subscription, secret) of enterprise A."""

    def make(url, events=("review.decided",), **data):
        return services.create_subscription(actor=admin_a, organisation=enterprise_a, data={
            "name": data.pop("name", "人事系统"), "url": url, "events": list(events), "is_active": True, **data})

    return make
