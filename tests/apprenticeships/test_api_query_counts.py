"""The programme's API lists run a constant number of queries whatever the number of rows (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.keys import auth, token_for
from tests.apprenticeships import factories as ap
from tests.apprenticeships.world import _claims

API = "/api/v1/apprenticeships"


def queries(client, headers, url) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **headers)
        assert response.status_code == 200, response.content.decode()
    return len(context.captured_queries)


@pytest.mark.django_db
def test_api_lists_do_not_grow_with_rows(client, enterprise_a, admin_a, county_reviewer_a, institution):
    filing = ap.complete_filing(enterprise_a, by=admin_a, institution=institution)
    owner, county = auth(token_for(admin_a)), auth(token_for(county_reviewer_a))
    urls = [(owner, f"{API}/filings/"), (county, f"{API}/hr/filings/"), (owner, f"{API}/claims/"),
            *[(owner, f"{API}/filings/{filing.pk}/{tab}/") for tab in ("teachers", "trainees", "courses")]]
    for headers, url in urls:  # warm up: the key's first use and per-process caches
        queries(client, headers, url)
    before = [queries(client, headers, url) for headers, url in urls]
    for _index in range(3):
        ap.complete_filing(enterprise_a, by=admin_a, institution=institution)
    ap.trainee(filing, name="学徒追加甲")
    ap.trainee(filing, name="学徒追加乙")
    ap.teacher(filing)
    ap.course(filing, name="追加课程")
    _claims(enterprise_a, admin_a, filing)  # a submitted claim and a draft, with their people
    after = [queries(client, headers, url) for headers, url in urls]
    assert after == before
