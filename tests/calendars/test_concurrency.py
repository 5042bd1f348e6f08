"""Simultaneous calendar writes on PostgreSQL's real locks: one row per date, nothing written into a year
being published, and no IntegrityError reaching the user."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from calendars import services
from calendars.models import CalendarYear, DayKind, SpecialDay, YearStatus
from tests import factories
from tests.reviews.test_concurrency import run_together

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def province_admin(transactional_db):
    from organisations.models import Authority
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset, RegionLevel

    load_dataset(Region, RegionDataset)
    department = factories.GovernmentFactory(name="河南省人力资源和社会保障厅", gov_level=RegionLevel.PROVINCE,
                                             authority=Authority.HUMAN_RESOURCES, region=factories.region("410000"))
    return factories.org_admin(department, username="province")


def test_the_same_date_added_eight_times_at_once(province_admin):
    results = run_together(*[
        lambda: services.add_day(actor=province_admin, date=datetime.date(2027, 1, 1), kind=DayKind.HOLIDAY,
                                 name="元旦")
        for _ in range(8)
    ])
    created = [result for result in results if isinstance(result, SpecialDay)]
    errors = [result for result in results if isinstance(result, Exception)]
    assert len(created) == 1 and len(errors) == 7
    assert all(isinstance(error, ValidationError) for error in errors), errors
    assert {message for error in errors for message in error.messages} == {"2027-01-01 已登记，请修改原有记录"}
    assert SpecialDay.objects.filter(calendar_year__year=2027).count() == 1
    assert CalendarYear.objects.filter(year=2027).count() == 1


def test_publishing_while_days_are_added(province_admin):
    services.add_day(actor=province_admin, date=datetime.date(2027, 1, 1), kind=DayKind.HOLIDAY, name="元旦")
    year = CalendarYear.objects.get(year=2027)
    jobs = [lambda: services.publish_year(actor=province_admin, year=year)]
    jobs += [
        (lambda day=day: services.add_day(actor=province_admin, date=datetime.date(2027, 2, day),
                                          kind=DayKind.HOLIDAY, name="春节"))
        for day in range(5, 12)
    ]
    results = run_together(*jobs)
    errors = [result for result in results if isinstance(result, Exception)]
    assert all(isinstance(error, ValidationError) for error in errors), errors
    year.refresh_from_db()
    assert year.status == YearStatus.PUBLISHED
    # Whatever was added got in before the publication, as its audit entry says; nothing after it.
    added = [result for result in results[1:] if isinstance(result, SpecialDay)]
    assert SpecialDay.objects.filter(calendar_year=year).count() == 1 + len(added)
    assert {message for error in errors for message in error.messages} <= {"2027年工作日历已发布，不能再修改"}
