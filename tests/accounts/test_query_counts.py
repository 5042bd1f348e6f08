"""The login log runs a constant number of queries whatever the number of records, for platform staff (every
account's records) and an organisation's administrator (their accounts')."""

import pytest
from django.urls import reverse

from accounts.models import LoginRecord
from tests import factories
from tests.list_queries import queries

pytestmark = pytest.mark.django_db


def add_records(users, count):
    for number in range(count):
        user = users[number % len(users)]
        LoginRecord.objects.create(user=user, identifier=user.username if user else f"nobody{number}",
                                   ip_address="10.1.2.3", succeeded=bool(number % 2), reason="")


@pytest.mark.parametrize("persona", ["platform", "admin_a"])
def test_login_log(client, persona, admin_a, member_a, admin_b):
    reader = admin_a if persona == "admin_a" else factories.UserFactory(kind="platform", is_staff=True,
                                                                         organisation=None, username="platform")
    client.force_login(reader)
    url = reverse("accounts:login_log")
    add_records([admin_a, admin_b], 2)
    few = queries(client, url)
    add_records([admin_a, member_a, admin_b, None, factories.UserFactory(organisation=admin_a.organisation)], 10)
    assert queries(client, url) == few
