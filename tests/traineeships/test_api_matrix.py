"""The API access matrix of /api/v1/traineeships/ (tests/api/matrix.py explains rows and personas)."""

import pytest

from tests.api.fixtures import user_for
from tests.api.matrix import check_api
from tests.core.test_access_matrix import PERSONAS

API_MATRIX = {
    "api:traineeships:own_base": (None, "GET", None, "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:own_base_submit": (None, "POST", {}, "428 403 403 400 403 403 403 403 401"),
    "api:traineeships:own_base_withdraw": (None, "POST", {}, "409 403 403 404 403 403 403 403 401"),
    "api:traineeships:own_base_upload": ({"slot": "rules_file"}, "POST", None, "415 403 403 415 403 403 403 403 401"),
    "api:traineeships:bases": (None, "GET", None, "403 200 403 403 200 403 403 403 401"),
    "api:traineeships:base_detail": ("base", "GET", None, "200 200 404 404 404 404 404 404 401"),
}


@pytest.mark.django_db
def test_api_matrix(client, api_world, api_people):
    wrong = check_api(client, rows=API_MATRIX, personas=PERSONAS, world=api_world,
                      user_for=user_for(api_world, api_people))
    assert not wrong, "\n".join(wrong)
