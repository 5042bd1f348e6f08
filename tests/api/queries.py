"""Counting the queries of an API list call, for the constant-query tests of every programme's lists."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries(client, url, headers) -> int:
    """The smaller of two calls: the key's first call of a minute also stamps it and opens a rate window."""
    counts = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url, **headers)
            assert response.status_code == 200, (url, response.content[:300])
        counts.append(len(context.captured_queries))
    return min(counts)
