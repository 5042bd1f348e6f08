"""Fixtures of the API matrices over the foundation's world (tests/core/access_world.py), loaded for every test
module by tests/conftest.py (pytest_plugins)."""

import pytest

from tests.core.access_world import build_world


@pytest.fixture
def api_world(enterprise_a, admin_a, member_a, county_hr_a, county_reviewer_a, city_hr, city_reviewer):
    return build_world(enterprise_a=enterprise_a, admin_a=admin_a, member_a=member_a, county_hr_a=county_hr_a,
                       county_reviewer_a=county_reviewer_a, city_hr=city_hr, city_reviewer=city_reviewer)


@pytest.fixture
def api_people(admin_a, county_reviewer_a, staff_manager_a, admin_b, county_reviewer_b, education_reviewer,
               industry_reviewer, outsider):
    return {"owner": admin_a, "reviewer": county_reviewer_a, "staff_manager": staff_manager_a, "other_org": admin_b,
            "other_county": county_reviewer_b, "education": education_reviewer, "industry": industry_reviewer,
            "individual": outsider, "anonymous": None}


def user_for(world, people):
    """The persona's user; "owner" is the owner of the row's object, or enterprise A's administrator."""
    def pick(persona, object_key):
        if persona == "owner" and object_key is not None:
            return world[object_key].owner
        return people[persona]
    return pick
