import pytest

from tests.traineeships.helpers import approved_base


@pytest.fixture
def base_a(enterprise_a, admin_a, county_reviewer_a, city_reviewer):
    return approved_base(enterprise_a, admin_a, county_reviewer_a, city_reviewer)


@pytest.fixture
def base_b(enterprise_b, admin_b, county_reviewer_b, city_reviewer):
    return approved_base(enterprise_b, admin_b, county_reviewer_b, city_reviewer)
