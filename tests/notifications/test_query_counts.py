"""The message list runs a constant number of queries whatever the number of messages."""

import pytest
from django.urls import reverse

from notifications.services import notify
from tests.list_queries import queries

pytestmark = pytest.mark.django_db


def test_notification_list(client, admin_a):
    client.force_login(admin_a)
    url = reverse("notifications:list")
    for number in range(2):
        notify(recipients=[admin_a], title=f"消息{number}", body="内容", url=f"/reviews/{number}/")
    few, few_unread = queries(client, url), queries(client, url, {"filter": "unread"})
    for number in range(2, 8):
        notify(recipients=[admin_a], title=f"消息{number}", body="内容", url="")
    assert queries(client, url) == few
    assert queries(client, url, {"filter": "unread"}) == few_unread
