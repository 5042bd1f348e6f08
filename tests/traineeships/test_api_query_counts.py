"""The API's lists run a constant number of queries whatever the number of rows (select_related, no query per
row): posts, the applications the unit receives, placements, 岗位查询 and one post's people, 见习匹配结果 (drafts and
records), 上报记录."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from batch.models import BatchJob, JobKind, JobStatus
from tests import factories
from tests.api.keys import auth, token_for
from tests.api.queries import queries
from tests.traineeships.helpers import create_post
from tests.traineeships.test_placements import approved_application, approved_post
from traineeships.imports import MATCHING
from traineeships.models import Placement, PlacementStatus, PostInterest

pytestmark = pytest.mark.django_db
API = "/api/v1/traineeships"



def placed(post, admin, number: int) -> Placement:
    """An approved applicant on post, written directly (the registration itself is tested elsewhere)."""
    application = approved_application(post, real_name=f"见习{number}")
    start = timezone.localdate()
    return Placement.objects.create(
        application=application, person=application.person, post=post, base=post.base, start_on=start,
        end_on=start + datetime.timedelta(days=180), monthly_allowance=Decimal("2200"),
        insurance_company="某保险公司", insurance_policy_number=f"P{number}", insurance_premium=Decimal("100"),
        insurance_sum_insured=Decimal("100000"), status=PlacementStatus.ON_POST, created_by=admin,
        place_number=number,
    )


def test_lists_do_not_grow_with_the_page(client, base_a, admin_a, county_reviewer_a, city_reviewer):
    headers = auth(token_for(admin_a))
    post = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=20)
    placed(post, admin_a, 1)
    create_post(base_a.organisation, admin_a)
    counts = {path: queries(client, f"{API}/{path}/", headers) for path in ("posts", "applications", "placements")}
    for number in range(2, 6):
        placed(post, admin_a, number)
        create_post(base_a.organisation, admin_a, title=f"岗位{number}")
    assert client.get(f"{API}/placements/", **headers).json()["results"][0]["person_name"] == "见习5"
    for path, few in counts.items():
        assert queries(client, f"{API}/{path}/", headers) == few, path


def test_the_units_other_lists_do_not_grow_with_the_page(client, base_a, admin_a, county_reviewer_a, city_reviewer):
    headers = auth(token_for(admin_a))
    post = approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, places=20)

    def add(number):
        job = BatchJob.objects.create(kind=JobKind.IMPORT, spec=MATCHING, status=JobStatus.SUCCEEDED, owner=admin_a,
                                      organisation=base_a.organisation, created_at=timezone.now())
        placement = placed(post, admin_a, number)
        Placement.objects.filter(pk=placement.pk).update(status=PlacementStatus.DRAFT, import_job=job)
        PostInterest.objects.create(person=factories.individual(real_name=f"有意{number}"), post=post)
        approved_post(base_a.organisation, admin_a, county_reviewer_a, city_reviewer, title=f"岗位{number}")

    add(1)
    paths = ("posts/query", f"posts/query/{post.pk}/people", "matches/drafts", "matches/records", "reports")
    counts = {path: queries(client, f"{API}/{path}/", headers) for path in paths}
    for number in range(2, 5):
        add(number)
    assert len(client.get(f"{API}/matches/drafts/", **headers).json()["results"]) == 4
    assert len(client.get(f"{API}/posts/query/{post.pk}/people/", **headers).json()["interests"]) == 4
    for path, few in counts.items():
        assert queries(client, f"{API}/{path}/", headers) == few, path
