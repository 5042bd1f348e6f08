"""Addressed authorities (organisations.jurisdiction): an industry department sees the units that name it 主管部门,
not every unit of its region; HR departments keep the region rule. The filter and the check agree."""

import pytest

from organisations.jurisdiction import can_see, register_programme, scope_for
from organisations.models import Authority, Organisation
from regions.models import RegionLevel
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def addressed_programme():
    from organisations.jurisdiction import _programmes
    from organisations.permissions import CATALOGUE, register_permission

    register_permission("test_addressed.review", "测试审核")
    register_programme("test_addressed", label="测试业务", authorities=[Authority.HUMAN_RESOURCES, Authority.INDUSTRY],
                       addressed_authorities=[Authority.INDUSTRY], reviewer_permissions=["test_addressed.review"])
    yield "test_addressed"
    _programmes.pop("test_addressed")
    CATALOGUE.pop("test_addressed.review")


def visible(user, programme):
    listed = set(Organisation.objects.filter(scope_for(user, programme).q()).values_list("pk", flat=True))
    checked = {organisation.pk for organisation in Organisation.objects.all() if can_see(user, organisation, programme)}
    assert listed == checked
    return listed


def test_an_industry_department_sees_only_the_units_naming_it(addressed_programme, enterprise_a, enterprise_b,
                                                              industry_department, industry_reviewer,
                                                              county_reviewer_a):
    supervised = factories.OrganisationFactory(name="受监管研究院", supervising_department=industry_department)
    other_industry = factories.GovernmentFactory(name="郑州市卫生健康委员会", gov_level=RegionLevel.CITY,
                                                 authority=Authority.INDUSTRY, region=factories.region("410100"))
    other_reviewer = factories.org_admin(other_industry, username="health")

    # (A department is also a member of its own organisation; this programme names no member permission.)
    assert visible(industry_reviewer, addressed_programme) == {supervised.pk, industry_department.pk}
    assert visible(other_reviewer, addressed_programme) == {other_industry.pk}
    # The HR department of the region still sees every unit there, the supervised one included.
    assert {enterprise_a.pk, supervised.pk} <= visible(county_reviewer_a, addressed_programme)
    assert enterprise_b.pk not in visible(county_reviewer_a, addressed_programme)


def test_an_addressed_authority_must_be_one_of_the_programme(db):
    with pytest.raises(ValueError, match="addressed authority"):
        register_programme("test_wrong", label="错误", authorities=[Authority.HUMAN_RESOURCES],
                           addressed_authorities=[Authority.INDUSTRY])
