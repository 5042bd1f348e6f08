"""Every list of the foundation's API runs a constant number of queries whatever the number of rows (select_related /
prefetch_related, no query per row): reviews (inbox, submissions), imports and exports, jobs and a job's failed rows,
staff, the organisation directory, messages, webhook subscriptions and deliveries, the calendar's years, the
minimum wages and the audit log (its own test, tests/api/test_audit.py)."""

import datetime
from decimal import Decimal

import pytest
from django.utils import timezone

from batch.models import BatchJob, JobKind, JobStatus, RowError
from calendars.models import CalendarYear, DayKind, MinimumWage, SpecialDay
from calendars.rules import MANAGE, MANAGE_WAGES
from notifications.models import Notification
from organisations.models import StaffMember
from tests import factories
from tests.api.keys import auth, token_for
from tests.api.queries import queries
from tests.traineeships.helpers import approve, approved_base, create_post
from webhooks import services as webhook_services
from webhooks.models import Delivery, DeliveryStatus

pytestmark = pytest.mark.django_db
API = "/api/v1"



def constant(client, lists, add_rows) -> None:
    """`lists`: {url: headers}. The queries of each with one row, then with five more, are the same."""
    few = {url: queries(client, url, headers) for url, headers in lists.items()}
    add_rows()
    for url, headers in lists.items():
        assert len(client.get(url, **headers).json()["results"]) >= 5, url
        assert queries(client, url, headers) == few[url], url


def test_reviews(client, enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)
    create_post(enterprise_a, admin_a)
    lists = {f"{API}/reviews/inbox/": auth(token_for(county_reviewer_a)),
             f"{API}/reviews/inbox/?status=decided": auth(token_for(county_reviewer_a)),
             f"{API}/reviews/submissions/": auth(token_for(admin_a))}

    def more():
        for number in range(5):
            create_post(enterprise_a, admin_a, title=f"待审岗位{number}")
            approve(create_post(enterprise_a, admin_a, title=f"已审岗位{number}"), county_reviewer_a)

    constant(client, lists, more)


def test_jobs_and_their_failed_rows(client, admin_a, enterprise_a):
    def job(status=JobStatus.SUCCEEDED):
        return BatchJob.objects.create(kind=JobKind.IMPORT, spec="staff", status=status, owner=admin_a,
                                       organisation=enterprise_a, created_at=timezone.now())

    failed = job(JobStatus.PARTLY_FAILED)
    RowError.objects.create(job=failed, row_number=2, values={"姓名": "x"}, message="身份证号有误")

    def more():
        for number in range(5):
            job()
            RowError.objects.create(job=failed, row_number=3 + number, values={"姓名": "x"}, message="身份证号有误")

    headers = auth(token_for(admin_a))
    constant(client, {f"{API}/jobs/": headers, f"{API}/jobs/{failed.pk}/errors/": headers}, more)
    # The specification lists do not depend on rows at all; they answer with a bounded number of queries.
    for url in (f"{API}/imports/", f"{API}/exports/"):
        assert queries(client, url, headers) == queries(client, url, headers)


def test_staff_and_messages(client, admin_a, enterprise_a):
    def person(seq):
        StaffMember.objects.create(organisation=enterprise_a, name=f"员工{seq}", gender="male",
                                   birth_date=datetime.date(1990, 1, 1), id_number=factories.make_id_number(seq=seq))
        Notification.objects.create(recipient=admin_a, title=f"消息{seq}")

    person(400)
    headers = auth(token_for(admin_a))
    constant(client, {f"{API}/staff/": headers, f"{API}/notifications/": headers,
                      f"{API}/notifications/?filter=unread": headers},
             lambda: [person(401 + number) for number in range(5)])


def test_the_directory(client, county_hr_a, county_reviewer_a):
    def unit():
        factories.OrganisationFactory(region=factories.region("410105"), hr_department=county_hr_a,
                                      supervising_department=county_hr_a)

    unit()
    constant(client, {f"{API}/organisations/": auth(token_for(county_reviewer_a))},
             lambda: [unit() for _ in range(5)])


def test_webhook_subscriptions_and_deliveries(client, admin_a, enterprise_a, settings):
    settings.WEBHOOK_ALLOW_LOOPBACK = True

    def subscription(number):
        created, _secret = webhook_services.create_subscription(actor=admin_a, organisation=enterprise_a, data={
            "name": f"系统{number}", "url": "http://127.0.0.1:9/hook", "events": ["review.decided"],
            "is_active": True})
        return created

    first = subscription(0)
    Delivery.objects.create(subscription=first, event="review.decided", payload={}, status=DeliveryStatus.FAILED)

    def more():
        for number in range(5):
            subscription(number + 1)
            Delivery.objects.create(subscription=first, event="review.decided", payload={"n": number},
                                    status=DeliveryStatus.FAILED)

    headers = auth(token_for(admin_a))
    constant(client, {f"{API}/webhooks/": headers, f"{API}/webhooks/{first.pk}/deliveries/": headers}, more)


def test_calendar_years_and_minimum_wages(client, province_hr, province_reviewer):
    keeper = factories.UserFactory(organisation=province_hr, username="keeper", real_name="维护员")
    keeper.roles.add(province_hr.roles.create(name="维护", permissions=[MANAGE, MANAGE_WAGES]))
    regions = ["410100", "410200", "410300", "410400", "410500", "410600"]

    def year_and_wage(index):
        year = CalendarYear.objects.create(year=2030 + index)
        SpecialDay.objects.create(calendar_year=year, date=datetime.date(2030 + index, 1, 1), kind=DayKind.HOLIDAY,
                                  name="元旦")
        MinimumWage.objects.create(region=factories.region(regions[index]), valid_from=datetime.date(2026, 1, 1),
                                   monthly=Decimal("2100"), set_by=keeper)

    year_and_wage(0)
    headers = auth(token_for(keeper))
    constant(client, {f"{API}/calendars/": headers, f"{API}/minimum-wages/": headers},
             lambda: [year_and_wage(index) for index in range(1, 6)])
