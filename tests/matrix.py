"""The request loop of every access matrix (tests/core/test_access_matrix.py and each programme's own): request
each URL as each persona, compare with the expected statuses, print the actual table with
ACCESS_MATRIX_PRINT=1 so a new row can be read off a run."""

import os

from django.urls import reverse


def url_for(name, converters, world, object_key):
    return reverse(name, kwargs={converters[0]: world[object_key].pk})


def status(client, user, method, url):
    client.logout()
    if user is not None:
        client.force_login(user)
    return (client.post if method == "POST" else client.get)(url).status_code


def _table(rows):
    return "\n".join(f'    "{name}": ("{key}", "{" ".join(str(s) for s in statuses)}"),'
                     for name, (key, statuses) in rows.items())


def check(client, *, method, rows, personas, patterns, world, user_for, title):
    """Request every row's URL as every persona; returns the list of mismatches (empty when all agree).
    `rows`: {URL name: (object key in `world`, "status status …" in `personas` order; "-" skips one)}.
    `user_for(persona, object_key)` gives the user (None: anonymous)."""
    actual, wrong = {}, []
    for name, (object_key, expected) in sorted(rows.items()):
        url = url_for(name, patterns[name], world, object_key)
        statuses = []
        for persona, want in zip(personas, expected.split() if expected else [None] * len(personas)):
            if want == "-":
                statuses.append("-")
                continue
            got = status(client, user_for(persona, object_key), method, url)
            statuses.append(got)
            if want is not None and got != int(want):
                wrong.append(f"{method} {url} ({name}) as {persona}: {got}, expected {want}")
        actual[name] = (object_key, statuses)
    if os.environ.get("ACCESS_MATRIX_PRINT"):
        print(f"\n{title}\n" + _table(actual))
    return wrong


def completeness(patterns, *, matrix, without_object, posts=()):
    """The problems of a matrix over `patterns` ({name: converters}): patterns without a row, stale rows, and
    patterns naming an object listed among those without one."""
    problems = []
    missing = sorted(name for name in patterns if name not in matrix and name not in without_object)
    if missing:
        problems.append(f"URL patterns without a row: {missing}")
    stale = sorted((set(matrix) | set(without_object) | set(posts)) - set(patterns))
    if stale:
        problems.append(f"rows for URL patterns that no longer exist: {stale}")
    named = sorted(name for name, converters in patterns.items() if converters and name in without_object)
    if named:
        problems.append(f"patterns with an object id belong in MATRIX, not WITHOUT_OBJECT: {named}")
    return problems


def garbage_sweep(client, *, namespace, matrix, world, people, usual, garbage, parameters_read):
    """Every GET URL of `namespace` (those naming an object through their `matrix` row) as every persona who opens
    it, with each parameter its view reads set to garbage alone, then all of them and the `usual` filter names at
    once; returns the requests that answered a server error."""
    from django.urls import get_resolver

    from tests.core.test_access_matrix import url_patterns

    resolver = get_resolver()
    users = [user for user in people.values() if user is not None] + [thing.owner for thing in world.values()]
    users = list({user.pk: user for user in users}.values())
    failures = []
    for name, converters in url_patterns():
        if not name.startswith(f"{namespace}:") or (converters and name not in matrix):
            continue
        url = reverse(name, kwargs={converters[0]: world[matrix[name][0]].pk}) if converters else reverse(name)
        read = parameters_read(resolver.resolve(url).func)
        for user in users:
            client.force_login(user)
            if client.get(url).status_code != 200:
                continue  # a page the persona does not open: its refusal is the matrix's business
            # Each parameter alone (an early refusal of one must not hide another), then all at once.
            queries = [{parameter: value} for parameter in sorted(read) for value in garbage[:2]]
            queries += [{parameter: value for parameter in read | usual} for value in garbage]
            for query in queries:
                status = client.get(url, query).status_code
                if status >= 500:
                    failures.append(f"{name} as {user.username} with {query}: {status}")
                    break
    return failures
