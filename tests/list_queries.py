"""One helper for the screens' query-count tests: the SQL queries one GET of a list page runs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext


def queries(client, url, params=None) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params or {})
    assert response.status_code == 200, (url, response.status_code)
    return len(context.captured_queries)
