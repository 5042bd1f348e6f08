"""The self-check's registry (accounts.involvement) and the lookups programmes register: an apprentice's ID
number also found on a school's roll with an internship, and in another apprenticeship."""


import pytest

from accounts.involvement import involvements, register_involvement, unregister_involvement
from apprenticeships.models import FilingStatus
from organisations.models import OrganisationKind
from tests import factories
from tests.apprenticeships import factories as ap
from tests.internships import factories as internship_factories

pytestmark = pytest.mark.django_db


def test_registry_passes_the_context_and_keeps_the_order(outsider):
    seen = []

    def lookup(user, **context):
        seen.append(context)
        return [f"{user.username} 的测试记录"]

    register_involvement("test_programme", "测试项目", lookup)
    try:
        found = involvements(outsider, probe="x")
        assert found[-1] == ("测试项目", f"{outsider.username} 的测试记录")
        assert seen == [{"probe": "x"}]
        assert involvements(None) == []
    finally:
        unregister_involvement("test_programme")


def test_an_apprentice_also_on_a_school_roll_and_in_another_filing(enterprise_a, admin_a, enterprise_b, admin_b):
    filing = ap.complete_filing(enterprise_a, by=admin_a, trainees=1)
    trainee = filing.trainees.get()
    school = factories.OrganisationFactory(name="郑州测试职业技术学院", kind=OrganisationKind.SCHOOL)
    position = internship_factories.position(enterprise_b, admin_b)
    student = internship_factories.student(school, name=trainee.name, id_number=trainee.id_number)
    internship = internship_factories.internship(internship_factories.application(student, position))
    other = ap.filing(enterprise_b, by=admin_b, status=FilingStatus.REJECTED)
    ap.trainee(other, name=trainee.name, id_number=trainee.id_number, holds_place=False)
    found = involvements(trainee.person, exclude_trainee=trainee)
    assert ("职业院校学生实习", f"{enterprise_b.name}（{school.name}），{internship.starts_on:%Y-%m-%d}至"
            f"{internship.ends_on:%Y-%m-%d}，企业已同意，待签实习协议") in found
    assert ("企业新型学徒制", f"学徒制备案 {other.number}（{enterprise_b.name}），审核不通过") in found
    # The trainee's own enrolment is left out when asked; otherwise it shows too.
    own = ("企业新型学徒制", f"学徒制备案 {filing.number}（{enterprise_a.name}），审核通过")
    assert own not in found and own in involvements(trainee.person)
