"""待我审核 and 我的申报 exports hold exactly what the pages list for the same filters."""

import pytest
from django.urls import reverse

from batch.models import BatchJob, JobStatus
from reviews import services
from reviews.models import Decision
from tests.batch.helpers import read_rows, response_bytes


@pytest.fixture
def run_on_commit(django_capture_on_commit_callbacks):
    def run(action):
        with django_capture_on_commit_callbacks(execute=True):
            return action()

    return run


def export(client, run_on_commit, key, query=""):
    url = reverse("batch:export", args=[key]) + (f"?{query}" if query else "")
    response = run_on_commit(lambda: client.post(url))
    job = BatchJob.objects.get(kind="export")
    assert response.status_code == 302
    assert job.status == JobStatus.SUCCEEDED, job.error
    return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))


@pytest.fixture
def two_reviews(org_kind, enterprise_a, admin_a, enterprise_b, admin_b, county_reviewer_a, city_reviewer):
    pending = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    return pending


def test_inbox_export_equals_the_pending_tab(client, two_reviews, county_reviewer_a, run_on_commit):
    client.force_login(county_reviewer_a)
    listed = client.get(reverse("reviews:inbox")).context["rows"]
    rows = export(client, run_on_commit, "review-inbox", "status=pending")
    assert rows[0][:3] == ["事项", "业务类型", "申报单位"]
    assert [row[0] for row in rows[1:]] == [item["review"].title for item in listed]
    assert rows[1][5] == "待审核"


def test_inbox_export_of_decided_tab_has_the_reason(client, two_reviews, county_reviewer_a, run_on_commit):
    services.decide(review_id=two_reviews.pk, actor=county_reviewer_a, decision=Decision.RETURN, reason="缺营业执照")
    client.force_login(county_reviewer_a)
    rows = export(client, run_on_commit, "review-inbox", "status=decided")
    assert len(rows) == 2
    assert rows[1][5] == "退回修改"
    assert rows[1][8] == "缺营业执照"


def test_inbox_export_is_refused_to_whoever_cannot_see_the_inbox(client, two_reviews, student, member_a):
    client.force_login(student)
    assert client.get(reverse("reviews:inbox")).status_code == 403
    assert client.post(reverse("batch:export", args=["review-inbox"])).status_code == 403
    client.force_login(member_a)
    assert client.post(reverse("batch:export", args=["review-inbox"])).status_code == 403
    assert not BatchJob.objects.exists()


def test_other_county_exports_nothing_of_ours(client, two_reviews, county_reviewer_b, run_on_commit):
    client.force_login(county_reviewer_b)
    assert export(client, run_on_commit, "review-inbox") == [export_headers()]


def export_headers():
    from reviews.exports import INBOX_COLUMNS

    return [column.header for column in INBOX_COLUMNS]


def test_submissions_export_lists_only_own_organisation(client, two_reviews, admin_a, admin_b, run_on_commit):
    client.force_login(admin_a)
    rows = export(client, run_on_commit, "review-submissions", "status=pending")
    assert [row[0] for row in rows[1:]] == [two_reviews.title]
    assert rows[1][5] == "审核中"
    BatchJob.objects.all().delete()
    client.force_login(admin_b)
    assert len(export(client, run_on_commit, "review-submissions")) == 1  # header only


def test_pages_carry_their_filters_into_the_export(client, two_reviews, county_reviewer_a):
    client.force_login(county_reviewer_a)
    html = client.get(reverse("reviews:inbox"), {"status": "decided"}).content.decode()
    assert f'action="{reverse("batch:export", args=["review-inbox"])}?status=decided"' in html
