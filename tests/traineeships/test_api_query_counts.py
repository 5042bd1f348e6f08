"""The API's lists run a constant number of queries whatever the number of rows (select_related, no query per
row): posts, the applications the unit receives, placements."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.api.keys import auth, token_for
from tests.traineeships.helpers import create_post
from tests.traineeships.test_placements import approved_application, approved_post
from traineeships.models import Application, PlacementStatus

pytestmark = pytest.mark.django_db
API = "/api/v1/traineeships"


def queries(client, url, headers) -> int:
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, **headers)
        assert response.status_code == 200
    return len(context.captured_queries)


def test_lists_do_not_grow_with_the_page(client, base_a, admin_a, county_reviewer_a, city_reviewer):
    from tests.traineeships.test_applications import hold_place

    headers = auth(token_for(admin_a))
    post = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=20)
    hold_place(approved_application(post, real_name="甲").person, post, admin_a, status=PlacementStatus.ON_POST)
    create_post(base_a.organisation, admin_a)
    counts = {path: queries(client, f"{API}/{path}/", headers) for path in ("posts", "applications", "placements")}
    for n in range(4):
        hold_place(approved_application(post, real_name=f"乙{n}").person, post, admin_a)
        create_post(base_a.organisation, admin_a, title=f"岗位{n}")
    assert Application.objects.count() == 10  # approved_application + hold_place's own, per person
    for path, few in counts.items():
        assert queries(client, f"{API}/{path}/", headers) == few, path
