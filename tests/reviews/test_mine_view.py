"""我的申报: the organisation's submissions, filtered by 审核状态, 申办月份 and kind (manual 002)."""

import datetime
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from reviews import services
from reviews.models import Review
from tests.reviews.conftest import REASON, bring_to, department


def listed_reviews(response) -> list[int]:
    return [int(pk) for pk in re.findall(r'<tr data-review="(\d+)"', response.content.decode())]


@pytest.fixture
def three_submissions(org_kind, dept_kind, enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    """A returned organisation check (round 1), a pending one (round 2), and a pending department filing,
    submitted in January, March and March 2026."""
    returned = bring_to("returned", kind=org_kind, subject=enterprise_a, submitter=admin_a,
                        county=county_reviewer_a, city=city_reviewer)
    pending = services.submit(kind_key=org_kind.key, subject=enterprise_a, actor=admin_a)
    filing = services.submit(kind_key=dept_kind.key, subject=department(enterprise_a), actor=admin_a)
    shanghai = datetime.timezone(datetime.timedelta(hours=8))
    Review.objects.filter(pk=returned.pk).update(submitted_at=datetime.datetime(2026, 1, 20, 9, tzinfo=shanghai))
    Review.objects.filter(pk=pending.pk).update(submitted_at=datetime.datetime(2026, 3, 2, 9, tzinfo=shanghai))
    Review.objects.filter(pk=filing.pk).update(submitted_at=datetime.datetime(2026, 3, 31, 23, tzinfo=shanghai))
    return returned, pending, filing


def test_lists_the_organisations_submissions_newest_first(client, three_submissions, admin_a):
    returned, pending, filing = three_submissions
    client.force_login(admin_a)
    response = client.get("/reviews/mine/")
    assert response.status_code == 200
    assert listed_reviews(response) == [filing.pk, pending.pk, returned.pk]
    page = response.content.decode()
    assert "待金水区 区县审核" in page
    assert "待郑州市 市级审核" in page
    assert REASON in page  # why it was returned
    assert "第2次申报" in page


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("status=pending", ["filing", "pending"]),
        ("status=returned", ["returned"]),
        ("status=approved", []),
        ("month=2026-03", ["filing", "pending"]),
        ("month=2026-01", ["returned"]),
        ("month=2026-02", []),
        ("status=pending&month=2026-03&kind=test_org_check", ["pending"]),
        ("kind=test_dept_filing", ["filing"]),
    ],
)
def test_filters(client, three_submissions, admin_a, query, expected):
    returned, pending, filing = three_submissions
    ids = {"returned": returned.pk, "pending": pending.pk, "filing": filing.pk}
    client.force_login(admin_a)
    assert listed_reviews(client.get(f"/reviews/mine/?{query}")) == [ids[name] for name in expected]


def test_bad_filters_show_errors_next_to_the_field(client, three_submissions, admin_a):
    client.force_login(admin_a)
    response = client.get("/reviews/mine/?status=lost&month=2026-3")
    assert listed_reviews(response) == []
    page = response.content.decode()
    assert 'data-field-error="month">请选择正确的月份（格式：2026-03）<' in page
    assert 'data-field-error="status">选择一个有效的选项。 lost 不在可用的选项中。<' in page


def test_other_organisations_and_people_see_none_of_it(client, three_submissions, admin_b, outsider,
                                                       county_reviewer_a):
    for user in (admin_b, outsider, county_reviewer_a):
        client.force_login(user)
        response = client.get("/reviews/mine/")
        assert response.status_code == 200
        assert listed_reviews(response) == []
        assert 'data-testid="mine-empty"' in response.content.decode()


def test_a_member_without_submit_permission_may_read_the_list(client, three_submissions, member_a):
    client.force_login(member_a)
    assert len(listed_reviews(client.get("/reviews/mine/"))) == 3


def test_platform_user_without_organisation_gets_403(client, db):
    from tests import factories

    staff = factories.UserFactory(kind="platform", organisation=None, username="ops", is_staff=False)
    client.force_login(staff)
    assert client.get("/reviews/mine/").status_code == 403


def test_anonymous_is_sent_to_sign_in(client):
    response = client.get("/reviews/mine/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")


def test_constant_queries_per_page(client, dept_kind, enterprise_a, admin_a, city_hr):
    for n in range(3):
        services.submit(kind_key=dept_kind.key, subject=department(enterprise_a, f"部门{n}"), actor=admin_a)
    client.force_login(admin_a)

    def count():
        with CaptureQueriesContext(connection) as queries:
            client.get("/reviews/mine/")
        return len(queries)

    few = count()
    for n in range(3, 25):
        services.submit(kind_key=dept_kind.key, subject=department(enterprise_a, f"部门{n}"), actor=admin_a)
    assert count() == few
