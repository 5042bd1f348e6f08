"""The request loop of the API access matrices (tests/api/test_api_matrix.py and each programme's
tests/<programme>/test_api_matrix.py): every API route × persona × key scope.

A row: URL name -> (object key in the world or None, method, JSON body or None, "status …" per persona; "-" skips).
Org personas call with a key of their own holding every scope; people without an organisation (individuals,
students) with their session; "anonymous" with nothing. Each request runs in a transaction that is rolled back, so
a write in one row does not change the world of the next. Then, per row, the owner's key WITHOUT the route's scope
must get 403 `scope_missing`, and no credentials 401 — the scope dimension.
Print the actual table with ACCESS_MATRIX_PRINT=1 to read off a new row.
"""

import os

from django.db import transaction
from django.urls import get_resolver, resolve, reverse

from api import scopes as scope_registry
from api.permissions import scope_for_view
from tests.api.keys import auth, token_for


def api_routes():
    """{name: converters} of every named route under /api/v1/."""
    from tests.matrix import url_patterns

    return {name: converters for name, converters in url_patterns(get_resolver())
            if name.startswith("api:") and name not in ("api:schema", "api:docs", "api:unknown_route")}


def url_of(name, object_key, world):
    """`object_key` names an object of the world (its pk fills the route's one argument), or is a dict of the
    route's arguments (a slot, a kind), or None for a route without arguments."""
    converters = api_routes()[name]
    if isinstance(object_key, dict):
        return reverse(name, kwargs=object_key)
    if not converters:
        return reverse(name)
    return reverse(name, kwargs={converters[0]: world[object_key].pk})


class Tokens:
    def __init__(self):
        self._tokens = {}

    def __call__(self, user, scopes=None):
        key = (user.pk, tuple(scopes) if scopes is not None else None)
        if key not in self._tokens:
            self._tokens[key] = token_for(user, scopes=scopes)
        return self._tokens[key]


def call(client, user, method, url, body, tokens, scopes=None):
    client.logout()
    headers = {}
    if user is not None:
        if user.organisation_id:
            headers = auth(tokens(user, scopes))
        else:
            client.force_login(user)
    with transaction.atomic():
        response = getattr(client, method.lower())(url, data=body if body is not None else None,
                                                   content_type="application/json", **headers)
        transaction.set_rollback(True)
    return response


def required_scope(url, method):
    match = resolve(url)
    view_class = getattr(match.func, "view_class", None) or getattr(match.func, "cls", None)
    return scope_for_view(view_class, method) if view_class else None


def check_api(client, *, rows, personas, world, user_for, title="API_MATRIX"):
    """Mismatches of every row as every persona, then of the scope dimension; empty when all agree."""
    tokens, actual, wrong = Tokens(), {}, []
    for name, (object_key, method, body, expected) in sorted(rows.items()):
        url = url_of(name, object_key, world)
        statuses = []
        for persona, want in zip(personas, expected.split() if expected else ["?"] * len(personas)):
            if want == "-":
                statuses.append("-")
                continue
            user = user_for(persona, object_key if isinstance(object_key, str) else None)
            got = call(client, user, method, url, body, tokens).status_code
            statuses.append(got)
            if want != "?" and got != int(want):
                wrong.append(f"{method} {url} ({name}) as {persona}: {got}, expected {want}")
        actual[name] = (object_key, method, body, statuses)
        owner = user_for("owner", object_key if isinstance(object_key, str) else None)
        needed = required_scope(url, method)
        owner_status = int(statuses[0]) if statuses[0] != "-" else 404
        if owner is not None and owner.organisation_id and needed and owner_status not in (401, 404, 405):
            others = [scope for scope in scope_registry.all_scopes() if scope != needed]
            response = call(client, owner, method, url, body, tokens, scopes=others)
            if response.status_code != 403 or response.json().get("code") != "scope_missing":
                wrong.append(f"{method} {url} ({name}) by the owner's key without {needed}: "
                             f"{response.status_code}, expected 403 scope_missing")
        client.logout()
        with transaction.atomic():
            anonymous = getattr(client, method.lower())(url, content_type="application/json").status_code
            transaction.set_rollback(True)
        if anonymous != 401:
            wrong.append(f"{method} {url} ({name}) without credentials: {anonymous}, expected 401")
    if os.environ.get("ACCESS_MATRIX_PRINT"):
        print(f"\n{title}\n" + "\n".join(
            f'    "{name}": ({key!r}, "{method}", {body!r}, "{" ".join(str(s) for s in statuses)}"),'
            for name, (key, method, body, statuses) in actual.items()))
    if any(expected is None for *_, expected in rows.values()):
        wrong.append("rows without expected statuses (run with ACCESS_MATRIX_PRINT=1 to read them off)")
    return wrong
