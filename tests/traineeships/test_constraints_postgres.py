"""Check-then-insert races on PostgreSQL: 50 requests for the same thing, 10 at a time released together.
Exactly one succeeds; every other gets the form's Chinese message, none a 500."""

import datetime

import pytest
from django.test import Client
from django.urls import reverse

from tests.reviews.test_concurrency import run_together
from tests.traineeships.test_hr import parameter_form
from tests.traineeships.test_register import ZHANG, form_data
from traineeships.models import GraduateRecord, RegionParameter

pytestmark = [pytest.mark.postgres, pytest.mark.django_db(transaction=True)]

REQUESTS, AT_ONCE = 50, 10


@pytest.fixture(autouse=True)
def regions(transactional_db):
    from regions.loading import load_dataset
    from regions.models import Region, RegionDataset

    load_dataset(Region, RegionDataset)


def in_waves(make_job, count=REQUESTS, at_once=AT_ONCE):
    """`count` requests, `at_once` threads (each with its own connection) released together per wave."""
    results = []
    for start in range(0, count, at_once):
        results += run_together(*(make_job(number) for number in range(start, min(start + at_once, count))))
    return results


def _poster(user, url, data_for):
    def make_job(number):
        def job():
            client = Client()
            client.force_login(user)
            return client.post(url, data_for(number))

        return job

    return make_job


def test_fifty_overlapping_region_parameters_leave_one(city_reviewer):
    months = [f"2025-{month:02d}" for month in range(1, 13)]
    responses = in_waves(_poster(city_reviewer, reverse("traineeships:parameter_create"),
                                 lambda number: parameter_form(valid_from=months[number % 12])))
    assert not [result for result in responses if isinstance(result, Exception)], responses
    codes = sorted(response.status_code for response in responses)
    assert codes == [200] * (REQUESTS - 1) + [302]
    for response in responses:
        if response.status_code == 200:
            assert "期间不能重叠" in response.content.decode()
    assert RegionParameter.objects.filter(region_id="410105").count() == 1


def test_the_database_refuses_overlapping_periods_itself(city_reviewer):
    from django.db import IntegrityError, transaction

    first = RegionParameter.objects.create(region_id="410105", valid_from=datetime.date(2025, 1, 1), valid_to=None,
                                           subsidy_rate="0.6", raised_subsidy_rate="0.7",
                                           insurance_subsidy_cap=240, set_by=city_reviewer)
    with pytest.raises(IntegrityError) as caught, transaction.atomic():
        RegionParameter.objects.create(region_id="410105", valid_from=datetime.date(2030, 1, 1), valid_to=None,
                                       subsidy_rate="0.6", raised_subsidy_rate="0.7",
                                       insurance_subsidy_cap=240, set_by=city_reviewer)
    from core.constraints import known_violation

    assert known_violation(caught.value).message_dict == {"valid_from": ["该地区在此期间已有参数设置，期间不能重叠"]}
    # Another region, or a period that ends before the first begins, is fine.
    RegionParameter.objects.create(region_id="410103", valid_from=datetime.date(2025, 1, 1),
                                   subsidy_rate="0.6", raised_subsidy_rate="0.7",
                                   insurance_subsidy_cap=240, set_by=city_reviewer)
    RegionParameter.objects.create(region_id="410105", valid_from=datetime.date(2024, 1, 1),
                                   valid_to=datetime.date(2024, 12, 31), subsidy_rate="0.6", raised_subsidy_rate="0.7",
                                   insurance_subsidy_cap=240, set_by=city_reviewer)
    assert RegionParameter.objects.exclude(pk=first.pk).count() == 2


def test_fifty_identical_graduate_records_leave_one(county_reviewer_a, county_hr_a):
    responses = in_waves(_poster(county_reviewer_a, reverse("traineeships:graduate_create"),
                                 lambda number: form_data()))
    assert not [result for result in responses if isinstance(result, Exception)], responses
    codes = sorted(response.status_code for response in responses)
    assert codes == [200] * (REQUESTS - 1) + [302]
    for response in responses:
        if response.status_code == 200:
            assert 'data-field-error="id_number">信息库中已有该身份证号的记录' in response.content.decode()
    assert GraduateRecord.objects.filter(id_number=ZHANG).count() == 1
