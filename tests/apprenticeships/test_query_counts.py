"""The programme's lists run a constant number of queries whatever the number of rows (no query per row)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.apprenticeships import factories as ap

LISTS = {
    # list URL name -> the persona reading it
    "apprenticeships:filings": "admin_a",
    "apprenticeships:trainees": "admin_a",
    "apprenticeships:changes": "admin_a",
    "apprenticeships:tracking": "admin_a",
    "apprenticeships:venues": "admin_a",
    "apprenticeships:claims": "admin_a",
    "apprenticeships:hr_filings": "county_reviewer_a",
    "apprenticeships:institution_filings": "institution_admin",
}


def queries(client, user, url) -> int:
    client.force_login(user)
    with CaptureQueriesContext(connection) as context:
        assert client.get(url).status_code == 200
    return len(context.captured_queries)


def add_filings(enterprise, admin, institution, count):
    for index in range(count):
        filing = ap.complete_filing(enterprise, by=admin, institution=institution)
        ap.venue(enterprise, name=f"场地{filing.pk}-{index}")


@pytest.mark.django_db
@pytest.mark.parametrize("name", sorted(LISTS))
def test_list_queries_do_not_grow_with_rows(client, name, enterprise_a, admin_a, county_reviewer_a, institution,
                                            institution_admin):
    user = {"admin_a": admin_a, "county_reviewer_a": county_reviewer_a,
            "institution_admin": institution_admin}[LISTS[name]]
    url = reverse(name)
    add_filings(enterprise_a, admin_a, institution, 2)
    few = queries(client, user, url)
    add_filings(enterprise_a, admin_a, institution, 5)
    assert queries(client, user, url) == few
