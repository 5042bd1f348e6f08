"""The programme's screen lists run a constant number of queries whatever the number of rows (no query per row):
each list is requested by its persona with a few rows, then with more rows that differ in their student,
school, enterprise, position, group and policy, and must run the same queries."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from internships.models import (
    ApplicationStatus,
    BlacklistStatus,
    ComplaintStatus,
    Evaluation,
    EvaluationSide,
    EvaluationStage,
    Grade,
    InternshipStatus,
    RegistryRecord,
)
from organisations.models import OrganisationKind
from tests import factories
from tests.internships import factories as f


def queries(client, url, shown, numbers) -> int:
    """The queries of one GET of `url`, which must show the row of one of `numbers` (the page holds 20 rows in
    the list's own order, so the newest rows need not all be on it)."""
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    assert any(shown.format(number) in content for number in numbers), f"no row {numbers} on {url}"
    return len(context.captured_queries)


def evaluate(internship, intern, host_admin):
    """Both sides' process evaluations of `internship`."""
    for side, by in ((EvaluationSide.STUDENT, intern), (EvaluationSide.ENTERPRISE, host_admin)):
        Evaluation.objects.create(internship=internship, side=side, stage=EvaluationStage.PROCESS,
                                  grade=Grade.GOOD, comment="表现良好。", created_by=by)


def add_rows(number, *, host, host_admin, school, school_admin, student_record, education_reviewer):
    """Rows `number` of every list: students of `school` placed at `host` and at another enterprise (recommended
    by `school`), students of another school placed at `host`, with their groups, policies, complaints and
    appeals; `student_record` applies (then withdraws) at the other enterprise; blacklistings and a registry
    record of new enterprises."""
    other = factories.OrganisationFactory(name=f"实习企业{number}有限公司", region=factories.region("410105"))
    other_admin = factories.org_admin(other, username=f"host{number}", real_name=f"企业管理员{number}")
    f.host_profile(other)
    f.recommend(school, other, school_admin)
    other_school = factories.OrganisationFactory(name=f"职业学校{number}", kind=OrganisationKind.SCHOOL,
                                                 region=factories.region("410105"))
    other_school_admin = factories.org_admin(other_school, username=f"school{number}", real_name=f"学校{number}")
    for enterprise, by, roll, roll_admin in ((host, host_admin, school, school_admin),
                                             (other, other_admin, school, school_admin),
                                             (host, host_admin, other_school, other_school_admin)):
        position = f.position(enterprise, by, title=f"实习岗位{number}")
        f.application(f.student(roll, name=f"待签学生{number}"), position)
        group = f.group(roll, enterprise, roll_admin, name=f"实习组{number}", mentor_name=f"师傅{number}")
        intern = factories.individual(username=f"intern{number}-{enterprise.pk}-{roll.pk}",
                                      real_name=f"实习学生{number}")
        internship = f.internship(f.application(f.student(roll, person=intern, class_name=f"机电{number}班"),
                                                position), status=InternshipStatus.ARRIVED, group=group)
        evaluate(internship, intern, by)
        f.internship(f.application(f.student(roll, name=f"待到岗学生{number}"), position))
        f.policy(roll, enterprise, roll_admin, [internship], number=f"PICC{number}{enterprise.pk}{roll.pk}")
        f.complaint(internship)
        concluded = f.complaint(internship, status=ComplaintStatus.SUBSTANTIATED, by=roll_admin)
        f.appeal(enterprise, [concluded], by)
        if enterprise == other:
            f.application(student_record, position, status=ApplicationStatus.WITHDRAWN)
    f.blacklisting(other, education_reviewer, status=BlacklistStatus.LISTED)
    proposed = factories.OrganisationFactory(name=f"被举报企业{number}有限公司", region=factories.region("410105"))
    f.host_profile(proposed)
    f.blacklisting(proposed, school_admin)
    RegistryRecord.objects.create(credit_code=other.credit_code, name=other.name,
                                  legal_representative=other.legal_representative)


@pytest.fixture
def rows(host_a, admin_a, school, school_admin, student_record, education_reviewer):
    """add(first, last): rows numbered first..last-1."""
    def add(first, last):
        for number in range(first, last):
            add_rows(number, host=host_a, host_admin=admin_a, school=school, school_admin=school_admin,
                     student_record=student_record, education_reviewer=education_reviewer)
    return add


# (URL name, persona fixture, the text of row {number} on the page)
LISTS = [
    ("internships:positions", "admin_a", "实习岗位{}"),
    ("internships:signing", "admin_a", "待签学生{}"),
    ("internships:arrivals", "admin_a", "待到岗学生{}"),
    ("internships:evaluations", "admin_a", "实习学生{}"),
    ("internships:enterprise_complaints", "admin_a", "实习学生{}"),
    ("internships:enterprise_appeals", "admin_a", "实习学生{}"),
    ("internships:host_groups", "admin_a", "实习组{}"),
    ("internships:insurance", "admin_a", "PICC{}"),
    ("internships:school_applications", "school_admin", "待到岗学生{}"),
    ("internships:students", "school_admin", "待到岗学生{}"),
    ("internships:school_overview", "school_admin", "待到岗学生{}"),
    ("internships:school_groups", "school_admin", "实习组{}"),
    ("internships:recommendations", "school_admin", "实习企业{}有限公司"),
    ("internships:pool", "school_admin", "实习企业{}有限公司"),
    ("internships:school_complaints", "school_admin", "实习学生{}"),
    ("internships:school_appeals", "school_admin", "实习企业{}有限公司"),
    ("internships:insurance", "school_admin", "PICC{}"),
    ("internships:evaluations", "school_admin", "实习学生{}"),
    ("internships:blacklist", "school_admin", "被举报企业{}有限公司"),
    ("internships:supervision", "education_reviewer", "实习学生{}"),
    ("internships:education_complaints", "education_reviewer", "实习学生{}"),
    ("internships:blacklist", "education_reviewer", "实习企业{}有限公司"),
    ("internships:insurance", "education_reviewer", "PICC{}"),
    ("internships:evaluations", "education_reviewer", "实习学生{}"),
    ("internships:registry", "education_reviewer", "实习企业{}有限公司"),
    ("internships:student_positions", "student", "实习岗位{}"),
    ("internships:student_applications", "student", "实习岗位{}"),
    ("internships:blacklist_public", None, "实习企业{}有限公司"),
]


@pytest.mark.django_db
@pytest.mark.parametrize(("name", "persona", "shown"), LISTS, ids=[f"{n}-{p}" for n, p, _ in LISTS])
def test_list_query_count(client, request, rows, name, persona, shown):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    url = reverse(name)
    rows(1, 3)
    few = queries(client, url, shown, range(1, 3))
    rows(3, 7)
    assert queries(client, url, shown, range(3, 7)) == few


STUDENT_LISTS = ["internships:my_internships", "internships:student_complaints", "internships:evaluations"]


@pytest.mark.django_db
@pytest.mark.parametrize("name", STUDENT_LISTS)
def test_student_own_lists(client, school, school_admin, student, student_record, name):
    """The student's own internships (a few over the years), each at another enterprise, with a complaint and
    evaluations."""
    def add(first, last):
        for number in range(first, last):
            enterprise = factories.OrganisationFactory(name=f"学生实习企业{number}有限公司",
                                                       region=factories.region("410105"))
            admin = factories.org_admin(enterprise, username=f"own{number}", real_name=f"企业{number}")
            f.host_profile(enterprise)
            f.recommend(school, enterprise, school_admin)
            position = f.position(enterprise, admin, title=f"实习岗位{number}")
            internship = f.internship(f.application(student_record, position), status=InternshipStatus.COMPLETED)
            f.complaint(internship, status=ComplaintStatus.SUBSTANTIATED, by=school_admin)
            evaluate(internship, student, admin)

    client.force_login(student)
    url = reverse(name)
    add(1, 3)
    few = queries(client, url, "学生实习企业{}有限公司", range(1, 3))
    add(3, 7)
    assert queries(client, url, "学生实习企业{}有限公司", range(3, 7)) == few


@pytest.mark.django_db
def test_school_group_detail(client, host_a, admin_a, school, school_admin):
    """One group's page lists its members and the school's other interns at the enterprise (candidates)."""
    group = f.group(school, host_a, school_admin, name="实习一组")

    def add(first, last):
        for number in range(first, last):
            position = f.position(host_a, admin_a, title=f"实习岗位{number}")
            for name, member_of in ((f"组员{number}", group), (f"候选{number}", None)):
                f.internship(f.application(f.student(school, name=name, class_name=f"机电{number}班"), position),
                             status=InternshipStatus.ARRIVED, group=member_of)

    client.force_login(school_admin)
    url = reverse("internships:school_group_detail", args=[group.pk])
    add(1, 3)
    few = queries(client, url, "组员{}", range(1, 3))
    add(3, 7)
    assert queries(client, url, "候选{}", range(3, 7)) == few


@pytest.mark.django_db
def test_insurer_list(client, province_education_reviewer):
    """保险公司: the province's list of insurers (plain rows, no related objects), as its keeper sees it."""
    from internships.models import Insurer

    def add(first, last):
        for number in range(first, last):
            Insurer.objects.create(name=f"保险公司{number}", product="学生实习责任保险", contact_phone="95518")

    client.force_login(province_education_reviewer)
    url = reverse("internships:insurers")
    add(1, 3)
    few = queries(client, url, "保险公司{}", range(1, 3))
    add(3, 7)
    assert queries(client, url, "保险公司{}", range(3, 7)) == few
