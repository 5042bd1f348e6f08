"""The public blacklist and the education department's complaint counts run a constant number of queries
whatever the number of rows (the enterprise joined, the counts one aggregate)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from internships.models import BlacklistStatus, ComplaintStatus, InternshipStatus
from tests import factories
from tests.api.keys import auth, token_for
from tests.internships import factories as f

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"


def queries(client, path, headers) -> int:
    with CaptureQueriesContext(connection) as context:
        assert client.get(f"{API}/{path}/", **headers).status_code == 200
    # the programme's reads only: the key's bookkeeping (rate window, last use) varies by the minute
    return len([query for query in context.captured_queries if "internships_" in query["sql"]])


def enterprise(number):
    return factories.OrganisationFactory(name=f"企业{number}", region=factories.region("410105"))


def test_the_lists_do_not_grow_with_the_rows(client, education_reviewer, school, school_admin):
    headers = auth(token_for(education_reviewer))
    paths = ("blacklist/public", "education/complaints/counts")

    def add(number):
        host = enterprise(number)
        f.blacklisting(host, education_reviewer, status=BlacklistStatus.LISTED)
        position = f.position(host, school_admin)
        internship = f.internship(f.application(f.student(school, name=f"学生{number}"), position),
                                  status=InternshipStatus.ARRIVED)
        f.complaint(internship, status=ComplaintStatus.SUBSTANTIATED, by=school_admin)

    add(1)
    few = {path: queries(client, path, headers) for path in paths}
    assert few == {"blacklist/public": 1, "education/complaints/counts": 1}
    for number in range(2, 6):
        add(number)
    assert len(client.get(f"{API}/blacklist/public/", **headers).json()["results"]) == 5
    assert len(client.get(f"{API}/education/complaints/counts/", **headers).json()) == 5
    assert {path: queries(client, path, headers) for path in paths} == few
