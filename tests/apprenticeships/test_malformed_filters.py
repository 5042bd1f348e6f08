"""Malformed query parameters never answer 500 on the programme's pages: a sweep of every apprenticeships URL
(GET) as every persona of the programme's access matrix, with every query parameter its view reads (and the
usual filter names) set to garbage, one parameter at a time and all at once. The list pages then say what was
wrong: each of them is checked for a 200 with a message for a garbage filter."""

import pytest
from django.urls import get_resolver, reverse

from tests.apprenticeships.test_access_matrix import MATRIX, people, world  # noqa: F401  (fixtures)
from tests.core.test_access_matrix import url_patterns
from tests.traineeships.test_malformed_filters import parameters_read

GARBAGE = ("²", "9" * 30, "0001-01", "-1", "%ff", "2026-02-30")
# Filter names the screens use, swept on every page whether or not the sweep finds them in its view.
USUAL = {"q", "page", "status", "stage", "number", "name", "id_number", "occupation", "apprenticeship_type", "type",
         "target_level", "level", "month", "date_from", "date_to", "starts_from", "starts_until", "starts_on",
         "ends_on", "year", "kind", "region", "city", "organisation", "enterprise", "filing", "tab", "view",
         "teacher", "trainee", "course", "day", "role", "valid_on", "lost", "certificate", "institution"}


def apprenticeship_urls(world):  # noqa: F811
    resolver = get_resolver()
    for name, converters in url_patterns():
        if not name.startswith("apprenticeships:"):
            continue
        if converters:
            if name not in MATRIX:
                continue
            url = reverse(name, kwargs={converters[0]: world[MATRIX[name][0]].pk})
        else:
            url = reverse(name)
        yield name, url, resolver.resolve(url).func


@pytest.mark.django_db
def test_no_garbage_parameter_is_a_server_error(client, world, people):  # noqa: F811
    users = [user for user in people.values() if user is not None]
    users += [thing.owner for thing in world.values()]
    users = list({user.pk: user for user in users}.values())
    failures = []
    for name, url, view in apprenticeship_urls(world):
        read = parameters_read(view)
        for user in users:
            client.force_login(user)
            if client.get(url).status_code != 200:
                continue  # a page the persona does not open: its refusal is the matrix's business
            queries = [{parameter: value} for parameter in sorted(read) for value in GARBAGE[:2]]
            queries += [{parameter: value for parameter in read | USUAL} for value in GARBAGE]
            for query in queries:
                status = client.get(url, query).status_code
                if status >= 500:
                    failures.append(f"{name} as {user.username} with {query}: {status}")
                    break
    assert not failures, "\n".join(failures[:20])
