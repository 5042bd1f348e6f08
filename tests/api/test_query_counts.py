"""The API key list (screen) runs a constant number of queries whatever the number of keys."""

import pytest
from django.urls import reverse

from api.scopes import all_scopes
from tests.api.keys import token_for
from tests.list_queries import queries

pytestmark = pytest.mark.django_db


def test_key_list(client, admin_a):
    client.force_login(admin_a)
    url = reverse("api_keys:list")
    token_for(admin_a)
    few = queries(client, url)
    for number in range(5):
        token_for(admin_a, scopes=all_scopes()[: number + 1] if number % 2 else None)
    assert queries(client, url) == few
