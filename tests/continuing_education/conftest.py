"""Personas of the continuing-education programme (beside tests/conftest.py's).

Enterprise A (金水区) names 金水区 HR as its 所属人社部门; enterprise B (二七区) names 二七区 HR. A public institution
(金水区) names 郑州市工信局 (tests/conftest.py's industry_department) as its 主管部门, so its classes go to that
department; 郑州市卫健委 is an industry department it does not name. Professionals: 王专技 on enterprise A's
roster (linked account), 赵专技 on B's, 孙专技 registered with no unit. Sub-administrators of A hold one
programme permission each. Every test starts with the national floor for Henan (410000) this year."""

import pytest

from continuing_education.rules import ARCHIVE, DECLARE_CLASS, MANAGE_HOURS, MANAGE_TRAINING
from organisations.models import Authority, OrganisationKind
from regions.models import RegionLevel
from tests import factories
from tests.continuing_education import factories as ce


@pytest.fixture(autouse=True)
def national_floor(db):
    return ce.hours_rule("410000")


@pytest.fixture
def enterprise_a(db, county_hr_a):
    return factories.OrganisationFactory(name="甲企业有限公司", region=factories.region("410105"),
                                         hr_department=county_hr_a)


@pytest.fixture
def enterprise_b(db, county_hr_b):
    return factories.OrganisationFactory(name="乙企业有限公司", region=factories.region("410103"),
                                         hr_department=county_hr_b)


@pytest.fixture
def supervised_unit(db, county_hr_a, industry_department):
    return ce.unit(name="郑州市电子信息研究院", region_code="410105", kind=OrganisationKind.PUBLIC_INSTITUTION,
                   hr_department=county_hr_a, supervising_department=industry_department)


@pytest.fixture
def supervised_admin(supervised_unit):
    return factories.org_admin(supervised_unit, username="institute", real_name="研究院管理员")


@pytest.fixture
def other_industry_department(db):
    return factories.GovernmentFactory(name="郑州市卫生健康委员会", gov_level=RegionLevel.CITY,
                                       authority=Authority.INDUSTRY, region=factories.region("410100"))


@pytest.fixture
def other_industry_reviewer(other_industry_department):
    return factories.org_admin(other_industry_department, username="health_city", real_name="市卫健委管理员")


@pytest.fixture
def pro_a(enterprise_a):
    return ce.professional(username="pro_a", real_name="王专技", unit=enterprise_a)


@pytest.fixture
def staff_a(pro_a):
    return pro_a.staff_links.get()


@pytest.fixture
def pro_b(enterprise_b):
    return ce.professional(username="pro_b", real_name="赵专技", unit=enterprise_b)


@pytest.fixture
def pro_free(db):
    """A registered professional with no unit."""
    return ce.professional(username="pro_free", real_name="孙专技")


def _sub_admin(organisation, username, real_name, permission):
    user = factories.UserFactory(organisation=organisation, username=username, real_name=real_name)
    user.roles.add(organisation.roles.create(name=real_name, permissions=[permission]))
    return user


@pytest.fixture
def trainer_a(enterprise_a):
    """Enterprise A's sub-administrator holding only 培训管理."""
    return _sub_admin(enterprise_a, "trainer_a", "甲培训管理员", MANAGE_TRAINING)


@pytest.fixture
def declarer_a(enterprise_a):
    """Enterprise A's sub-administrator holding only 培训班申报."""
    return _sub_admin(enterprise_a, "declarer_a", "甲培训班申报员", DECLARE_CLASS)


@pytest.fixture
def hours_manager_a(enterprise_a):
    """Enterprise A's sub-administrator holding only 学时申报管理."""
    return _sub_admin(enterprise_a, "hours_manager_a", "甲学时管理员", MANAGE_HOURS)


@pytest.fixture
def archivist_a(enterprise_a):
    """Enterprise A's sub-administrator holding only 培训档案."""
    return _sub_admin(enterprise_a, "archivist_a", "甲档案管理员", ARCHIVE)
