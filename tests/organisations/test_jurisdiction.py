"""organisations.jurisdiction: the list filter and the single-object check come from one definition and agree."""

import pytest

from organisations.jurisdiction import authorised_department, can_see, register_programme, scope_for
from organisations.models import Authority, Organisation
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def shared_programme():
    """A programme like apprenticeships: HR and industry departments, and a unit permission of its own."""
    from organisations.jurisdiction import _programmes
    from organisations.permissions import CATALOGUE, register_permission

    register_permission("test_programme.manage", "测试业务管理")
    register_permission("test_programme.review", "测试业务审核")
    register_programme("test_programme", label="测试业务", authorities=[Authority.HUMAN_RESOURCES, Authority.INDUSTRY],
                       member_permissions=["test_programme.manage"], reviewer_permissions=["test_programme.review"])
    yield "test_programme"
    _programmes.pop("test_programme")
    CATALOGUE.pop("test_programme.manage")
    CATALOGUE.pop("test_programme.review")


def visible(user, programme):
    listed = set(Organisation.objects.filter(scope_for(user, programme).q()).values_list("pk", flat=True))
    checked = {organisation.pk for organisation in Organisation.objects.all() if can_see(user, organisation, programme)}
    assert listed == checked  # one definition: the filter and the check never disagree
    return listed


def test_filter_and_check_agree_for_every_persona(shared_programme, enterprise_a, enterprise_b, admin_a, member_a,
                                                   staff_manager_a, county_reviewer_a, county_reviewer_b,
                                                   city_reviewer, province_reviewer, education_reviewer,
                                                   industry_reviewer, outsider):
    a, b = enterprise_a.pk, enterprise_b.pk
    city_wide = {a, b} | set(Organisation.objects.filter(region__city_code="410100").values_list("pk", flat=True))
    assert visible(admin_a, shared_programme) == {a}
    assert visible(member_a, shared_programme) == set()  # no role
    assert visible(staff_manager_a, shared_programme) == set()  # a role, not this programme's
    assert visible(county_reviewer_a, shared_programme) == {a, county_reviewer_a.organisation_id}
    assert visible(county_reviewer_b, shared_programme) == {b, county_reviewer_b.organisation_id}
    assert visible(city_reviewer, shared_programme) == city_wide
    assert visible(province_reviewer, shared_programme) == set(Organisation.objects.values_list("pk", flat=True))
    assert visible(industry_reviewer, shared_programme) == city_wide
    # No authority over the programme: its own organisation alone (the test permissions apply to every kind).
    assert visible(education_reviewer, shared_programme) == {education_reviewer.organisation_id}
    assert visible(outsider, shared_programme) == set()


def test_department_needs_a_role_of_the_programme(shared_programme, county_hr_a):
    clerk = factories.UserFactory(organisation=county_hr_a)
    assert authorised_department(clerk, shared_programme) is None
    clerk.roles.add(county_hr_a.roles.create(name="审核员", permissions=["test_programme.review"]))
    clerk = type(clerk).objects.get(pk=clerk.pk)  # permissions are cached per user object
    assert authorised_department(clerk, shared_programme) == county_hr_a


def test_platform_staff_see_everything_and_anonymous_nothing(shared_programme, enterprise_a):
    from django.contrib.auth.models import AnonymousUser

    staff = factories.UserFactory(is_staff=True, organisation=None, kind="platform")
    assert scope_for(staff, shared_programme).everything
    assert scope_for(AnonymousUser(), shared_programme).nothing
    assert not can_see(AnonymousUser(), enterprise_a, shared_programme)


def test_traineeships_declare_hr_alone_and_the_register_hr_and_education():
    from organisations.jurisdiction import get_programme

    assert get_programme("traineeships").authorities == {Authority.HUMAN_RESOURCES}
    assert get_programme("traineeships.register").authorities == {Authority.HUMAN_RESOURCES, Authority.EDUCATION}
    assert get_programme("organisations").authorities == {Authority.HUMAN_RESOURCES}


def test_roles_holding_the_old_global_decide_permission_get_every_kinds(enterprise_a, county_hr_a):
    """Migration 0003: reviews.decide became one decide permission per review kind."""
    import importlib

    from django.apps import apps

    migration = importlib.import_module("organisations.migrations.0003_industry_authority_and_decide_per_kind")
    reviewer = county_hr_a.roles.create(name="审核员", permissions=["organisations.view_logs", "reviews.decide"])
    other = enterprise_a.roles.create(name="人员管理员", permissions=["organisations.manage_staff"])
    migration.expand_decide(apps, None)
    reviewer.refresh_from_db()
    other.refresh_from_db()
    assert reviewer.permissions == ["organisations.view_logs", "organisations.review_verification",
                                    "traineeships.review"]
    assert other.permissions == ["organisations.manage_staff"]
    migration.collapse_decide(apps, None)
    reviewer.refresh_from_db()
    assert reviewer.permissions == ["organisations.view_logs", "reviews.decide"]
