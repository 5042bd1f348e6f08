import datetime

import pytest
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from organisations.models import Role
from tests.batch.helpers import STAFF_HEADERS, id_number, read_rows, response_bytes
from tests.organisations.test_staff import LI, ZHANG, staff

EXPORT_HEADERS = STAFF_HEADERS[:3] + ["出生日期"] + STAFF_HEADERS[3:]


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


@pytest.fixture
def roster(enterprise_a, enterprise_b):
    staff(enterprise_a, "张伟", ZHANG, mobile="13812345678", department_name="技术部", monthly_wage="6500.50")
    staff(enterprise_a, "李娜", LI, department_name="财务部")
    staff(enterprise_b, "外单位人", id_number("19800101", 777))


def export(client, run_on_commit, query=""):
    url = reverse("batch:export", args=["staff"]) + (f"?{query}" if query else "")
    return run_on_commit(lambda: client.post(url))


def test_export_contains_exactly_the_filtered_list(client, admin_a, roster, run_on_commit):
    client.force_login(admin_a)
    response = export(client, run_on_commit, "department=%E6%8A%80%E6%9C%AF&page=2")
    job = BatchJob.objects.get()
    assert response["Location"] == reverse("batch:detail", args=[job.pk])
    assert (job.kind, job.status, job.params, job.total_rows, job.processed_rows) == (
        "export", JobStatus.SUCCEEDED, {"department": "技术"}, 1, 1,
    )
    detail = client.get(response["Location"]).content.decode()
    assert reverse("batch:download_result", args=[job.pk]) in detail
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert rows == [
        EXPORT_HEADERS, ["张伟", ZHANG, "男", datetime.date(1990, 3, 7), "13812345678", "技术部", "", "", 6500.5,
                         "", "", ""],  # 学历, 职称等级, 职称系列 not filled in
    ]


def test_export_without_filter_has_whole_own_roster(client, admin_a, roster, run_on_commit):
    client.force_login(admin_a)
    export(client, run_on_commit)
    job = BatchJob.objects.get()
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert [row[0] for row in rows[1:]] == ["张伟", "李娜"] or [row[0] for row in rows[1:]] == ["李娜", "张伟"]
    assert len(rows) == 3


def test_export_masks_identifiers_without_view_personal_data(client, enterprise_a, member_a, roster, run_on_commit):
    role = Role.objects.create(organisation=enterprise_a, name="人事", permissions=["organisations.manage_staff"])
    member_a.roles.add(role)
    client.force_login(member_a)
    export(client, run_on_commit, "name=%E5%BC%A0")
    job = BatchJob.objects.get()
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert rows[1][:5] == ["张伟", f"{ZHANG[:4]}**********{ZHANG[-4:]}", "男", datetime.date(1990, 3, 7), "138****5678"]


def test_export_job_is_private_to_its_owner(client, admin_a, admin_b, roster, run_on_commit):
    client.force_login(admin_a)
    export(client, run_on_commit)
    job = BatchJob.objects.get()
    client.force_login(admin_b)
    assert client.get(reverse("batch:download_result", args=[job.pk])).status_code == 404
    assert client.get(reverse("batch:detail", args=[job.pk])).status_code == 404


def test_export_requires_post(client, admin_a):
    client.force_login(admin_a)
    assert client.get(reverse("batch:export", args=["staff"])).status_code == 405
