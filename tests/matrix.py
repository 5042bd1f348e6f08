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
