"""The task centre and a job's row errors run a constant number of queries whatever the number of rows."""

import pytest
from django.urls import reverse
from django.utils import timezone

from batch.models import BatchJob, JobKind, JobStatus, RowError
from tests import factories
from tests.list_queries import queries

pytestmark = pytest.mark.django_db


def add_jobs(owner, count, start=0):
    for number in range(start, start + count):
        kind = JobKind.IMPORT if number % 2 else JobKind.EXPORT
        BatchJob.objects.create(kind=kind, spec="staff", status=JobStatus.SUCCEEDED, owner=owner,
                                organisation=owner.organisation, source_name=f"人员{number}.xlsx",
                                created_at=timezone.now())


def test_job_list(client, admin_a):
    client.force_login(admin_a)
    url = reverse("batch:list")
    add_jobs(admin_a, 2)
    few, few_filtered = queries(client, url), queries(client, url, {"kind": "import"})
    add_jobs(admin_a, 6, start=2)
    assert queries(client, url) == few
    assert queries(client, url, {"kind": "import"}) == few_filtered


def test_job_list_of_platform_staff(client, admin_a, admin_b):
    """Platform staff see every owner's jobs: owners differ from row to row."""
    client.force_login(factories.UserFactory(kind="platform", is_staff=True, organisation=None))
    url = reverse("batch:list")
    add_jobs(admin_a, 1)
    add_jobs(admin_b, 1)
    few = queries(client, url)
    for number in range(3):
        add_jobs(factories.org_admin(factories.OrganisationFactory(), username=f"other{number}"), 2)
    assert queries(client, url) == few


def test_job_detail_row_errors(client, admin_a):
    client.force_login(admin_a)
    job = BatchJob.objects.create(kind=JobKind.IMPORT, spec="staff", status=JobStatus.SUCCEEDED, owner=admin_a,
                                  organisation=admin_a.organisation, created_at=timezone.now())
    url = reverse("batch:detail", args=[job.pk])

    def add(start, count):
        RowError.objects.bulk_create([RowError(job=job, row_number=number, values={"姓名": f"张{number}"},
                                               message="身份证号格式不正确") for number in range(start, start + count)])

    add(2, 2)
    few = queries(client, url)
    add(4, 6)
    assert queries(client, url) == few
