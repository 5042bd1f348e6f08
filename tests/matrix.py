"""The request loop of every access matrix (tests/core/test_access_matrix.py and each programme's own): request
each URL as each persona, compare with the expected statuses, print the actual table with
ACCESS_MATRIX_PRINT=1 so a new row can be read off a run. Also the matrices' shared tails: the URL patterns a
matrix covers, the GET matrix with its owner persona, the foreign POSTs that must write nothing, the
completeness check, and the garbage-parameter sweep of the programmes' malformed-filter tests."""

import os

from django.urls import URLPattern, URLResolver, get_resolver, reverse


def url_patterns(resolver=None, namespace=None):
    """(name, converters) of every URL pattern, walking the resolver tree."""
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            inner = pattern.namespace
            yield from url_patterns(pattern, f"{namespace}:{inner}" if namespace and inner else inner or namespace)
        elif isinstance(pattern, URLPattern):
            name = f"{namespace}:{pattern.name}" if namespace else pattern.name
            yield name, list(pattern.pattern.converters)


def namespace_patterns(namespace):
    """{name: converters} of the URL patterns of one namespace: a programme's own matrix covers these."""
    return {name: converters for name, converters in url_patterns() if name.startswith(f"{namespace}:")}


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


def check_gets(client, *, rows, personas, patterns, world, people, title="MATRIX"):
    """check() of the GET matrix: the persona "owner" is the owner of the row's object, the others `people`."""
    return check(client, method="GET", rows=rows, personas=personas, patterns=patterns, world=world,
                 user_for=lambda persona, key: world[key].owner if persona == "owner" else people[persona],
                 title=title)


def check_foreign_posts(client, *, rows, personas, patterns, world, people, title="POSTS"):
    """check() of the POST rows sent by people who may not write, and nothing written by them: the audit log
    (sign-ins apart: they are audited) and the review events keep their counts."""
    from audit.models import AuditEntry
    from reviews.models import ReviewEvent

    audit = AuditEntry.objects.exclude(action__startswith="accounts.")
    before = (audit.count(), ReviewEvent.objects.count())
    wrong = check(client, method="POST", rows=rows, personas=personas, patterns=patterns, world=world,
                  user_for=lambda persona, key: people[persona], title=title)
    after = (audit.count(), ReviewEvent.objects.count())
    if after != before:
        wrong.append(f"(audit entries, review events) went from {before} to {after}")
    return wrong


def completeness(patterns, *, matrix, without_object, posts=(), left_to=(), not_objects=()):
    """The problems of a matrix over `patterns` ({name: converters}): patterns without a row (but those of the
    namespaces `left_to`, which other matrices cover), stale rows, and patterns naming an object listed among
    those without one (but `not_objects`, whose argument is no object: a slot, a programme's key)."""
    problems = []
    missing = sorted(name for name in patterns if name not in matrix and name not in without_object
                     and not name.startswith(tuple(left_to)))
    if missing:
        problems.append(f"URL patterns without a row: {missing}")
    stale = sorted((set(matrix) | set(without_object) | set(posts)) - set(patterns))
    if stale:
        problems.append(f"rows for URL patterns that no longer exist: {stale}")
    named = sorted(name for name, converters in patterns.items()
                   if converters and name in without_object and name not in not_objects)
    if named:
        problems.append(f"patterns with an object id belong in MATRIX, not WITHOUT_OBJECT: {named}")
    return problems


def garbage_sweep(client, *, namespace, matrix, world, people, usual, garbage, parameters_read):
    """Every GET URL of `namespace` (those naming an object through their `matrix` row) as every persona who opens
    it, with each parameter its view reads set to garbage alone, then all of them and the `usual` filter names at
    once; returns the requests that answered a server error."""
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
