"""Personas of the internship programme (beside tests/conftest.py's): enterprise A hosts interns (admitted to
the pool, recommended by the school), a second school, students with accounts, education departments of the
enterprise's city and of another city."""

import pytest

from internships.models import AdmissionStatus
from organisations.models import Authority, OrganisationKind
from regions.models import RegionLevel
from tests import factories
from tests.internships import factories as internship_factories


@pytest.fixture
def host_a(enterprise_a, school, school_admin):
    """Enterprise A as a host: admitted to the pool, recommended by the school."""
    internship_factories.host_profile(enterprise_a)
    internship_factories.recommend(school, enterprise_a, school_admin)
    return enterprise_a


@pytest.fixture
def host_b(enterprise_b):
    internship_factories.host_profile(enterprise_b, admission=AdmissionStatus.ADMITTED)
    return enterprise_b


@pytest.fixture
def school_b(db):
    return factories.OrganisationFactory(name="郑州另一职业学校", kind=OrganisationKind.SCHOOL,
                                         region=factories.region("410103"))


@pytest.fixture
def school_b_admin(school_b):
    return factories.org_admin(school_b, username="school_b", real_name="乙校管理员")


@pytest.fixture
def school_member(school):
    """A sub-administrator of the school with no role."""
    return factories.UserFactory(organisation=school, username="school_member", real_name="学校职员")


@pytest.fixture
def student_record(school, student):
    """张同学 on the school's roll, signed in (`student` is the person's account)."""
    return internship_factories.student(school, person=student)


@pytest.fixture
def student_b_person(db):
    return factories.individual(username="student_b", real_name="李同学")


@pytest.fixture
def student_b_record(school_b, student_b_person):
    return internship_factories.student(school_b, person=student_b_person)


@pytest.fixture
def education_other(db):
    """洛阳市教育局: an education department of another city."""
    return factories.GovernmentFactory(name="洛阳市教育局", gov_level=RegionLevel.CITY, authority=Authority.EDUCATION,
                                       region=factories.region("410300"))


@pytest.fixture
def education_other_reviewer(education_other):
    return factories.org_admin(education_other, username="edu_luoyang", real_name="洛阳教育局管理员")


@pytest.fixture
def province_education(db):
    return factories.GovernmentFactory(name="河南省教育厅", gov_level=RegionLevel.PROVINCE,
                                       authority=Authority.EDUCATION, region=factories.region("410000"))


@pytest.fixture
def province_education_reviewer(province_education):
    return factories.org_admin(province_education, username="edu_province", real_name="省教育厅管理员")
