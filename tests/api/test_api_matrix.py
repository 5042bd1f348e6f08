"""The API access matrix of the foundation's routes (tests/api/matrix.py explains rows and personas)."""

import pytest

from tests.api.fixtures import user_for
from tests.api.matrix import check_api
from tests.core.test_access_matrix import PERSONAS

API_MATRIX = {
    "api:me": (None, "GET", None, "200 200 200 200 200 200 200 200 401"),
}


@pytest.mark.django_db
def test_api_matrix(client, api_world, api_people):
    wrong = check_api(client, rows=API_MATRIX, personas=PERSONAS, world=api_world,
                      user_for=user_for(api_world, api_people))
    assert not wrong, "\n".join(wrong)
