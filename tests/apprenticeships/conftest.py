"""Personas of the apprenticeship programme (beside tests/conftest.py's): enterprise A files, 金水区 HR reviews
its filings, 郑州市 HR keeps the parameters and recognitions and decides teacher changes and claims; a training
institution named by the filing and one that is not; another city's HR department; an enterprise sub-admin
holding only the claim permission. Every test here starts with 郑州's rules, standards and minimum wage."""

import pytest

from apprenticeships.rules import ATTENDANCE, CLAIM, FILE
from organisations.models import Authority
from regions.models import RegionLevel
from tests import factories
from tests.apprenticeships import factories as ap


@pytest.fixture(autouse=True)
def zhengzhou_parameters(db):
    city = factories.region("410100")
    ap.ruleset(city)
    ap.standards(city)
    ap.minimum_wage(factories.region("410000"))
    return city


@pytest.fixture
def institution(db):
    return ap.institution()


@pytest.fixture
def institution_admin(institution):
    return factories.org_admin(institution, username="institution", real_name="培训学校管理员")


@pytest.fixture
def institution_b(db):
    return ap.institution(name="郑州另一培训学校", region_code="410103")


@pytest.fixture
def institution_b_admin(institution_b):
    return factories.org_admin(institution_b, username="institution_b", real_name="另一培训学校管理员")


@pytest.fixture
def filer_a(enterprise_a):
    """A sub-administrator of enterprise A whose only role holds the filing permission."""
    user = factories.UserFactory(organisation=enterprise_a, username="filer_a", real_name="甲备案员")
    user.roles.add(enterprise_a.roles.create(name="学徒制备案员", permissions=[FILE]))
    return user


@pytest.fixture
def claimer_a(enterprise_a):
    """A sub-administrator of enterprise A whose only role holds the claim permission (not filing)."""
    user = factories.UserFactory(organisation=enterprise_a, username="claimer_a", real_name="甲申领员")
    user.roles.add(enterprise_a.roles.create(name="学徒制补贴申领员", permissions=[CLAIM]))
    return user


@pytest.fixture
def institution_member(institution):
    """A sub-administrator of the institution with no role (no attendance permission)."""
    return factories.UserFactory(organisation=institution, username="institution_member", real_name="培训学校职员")


@pytest.fixture
def institution_recorder(institution):
    user = factories.UserFactory(organisation=institution, username="institution_recorder", real_name="考勤员")
    user.roles.add(institution.roles.create(name="考勤员", permissions=[ATTENDANCE]))
    return user


@pytest.fixture
def other_city_hr(db):
    return factories.GovernmentFactory(name="洛阳市人力资源和社会保障局", gov_level=RegionLevel.CITY,
                                       authority=Authority.HUMAN_RESOURCES, region=factories.region("410300"))


@pytest.fixture
def other_city_reviewer(other_city_hr):
    return factories.org_admin(other_city_hr, username="city_luoyang", real_name="洛阳人社审核员")


@pytest.fixture
def filing_a(enterprise_a, admin_a, institution):
    """Enterprise A's approved 企业新型学徒制 filing naming the institution: a teacher, two trainees, two courses."""
    return ap.complete_filing(enterprise_a, by=admin_a, institution=institution)


@pytest.fixture
def draft_a(enterprise_a, admin_a, institution):
    return ap.complete_filing(enterprise_a, by=admin_a, institution=institution, status="draft")


@pytest.fixture
def filing_b(enterprise_b, admin_b):
    return ap.complete_filing(enterprise_b, by=admin_b)
