"""Malformed query parameters never answer 500 on the programme's pages: a sweep of every internships URL (GET)
as every persona of the programme's access matrix, with every query parameter its view reads (and the usual
filter names) set to garbage, one parameter at a time and all at once."""

import pytest

from tests.internships.test_access_matrix import MATRIX, people, world  # noqa: F401  (fixtures)
from tests.matrix import garbage_sweep
from tests.traineeships.test_malformed_filters import parameters_read

GARBAGE = ("²", "9" * 30, "0001-01", "-1", "%ff")
# Filter names the screens use, swept on every page whether or not the sweep finds them in its view.
USUAL = {"q", "page", "status", "stage", "class_name", "major", "school", "enterprise", "position", "title",
         "department", "education", "region", "date_from", "date_to", "starts_from", "starts_until", "standing",
         "origin", "source", "year", "kind", "result", "reason", "group", "city", "with_positions", "active_from",
         "active_until"}


@pytest.mark.django_db
def test_no_garbage_parameter_is_a_server_error(client, world, people):  # noqa: F811
    failures = garbage_sweep(client, namespace="internships", matrix=MATRIX, world=world, people=people, usual=USUAL,
                             garbage=GARBAGE, parameters_read=parameters_read)
    assert not failures, "\n".join(failures[:20])
