"""Counting the queries of an API list call, for the constant-query tests of every programme's lists."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries(client, url, headers) -> int:
    """The smallest of three calls. A key's first call of a minute also stamps the key and opens a rate window
    (three queries more). Two calls were not enough: when a minute turned between them, the first opened minute M
    and the second minute M + 1, so neither was a plain call (seen once in a long run: 8 queries, then 5). Of
    three calls made within a minute, at least one is neither the key's first nor the first of its minute."""
    counts = []
    for _ in range(3):
        with CaptureQueriesContext(connection) as context:
            response = client.get(url, **headers)
            assert response.status_code == 200, (url, response.content[:300])
        counts.append(len(context.captured_queries))
    return min(counts)
