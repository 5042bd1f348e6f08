"""工作桌面 of a unit: each count exact, counts that move when the thing changes, the per-year table, what each role
sees, and a constant number of queries."""

import datetime
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from continuing_education.models import ClassStatus, DeclarationStatus, HoursSource, ResultsStatus, SubjectType
from continuing_education.services.archive import Credit, credit
from continuing_education.services.states import RESULTS_STATES
from organisations.models import StaffLink
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_desk import HOURS_KIND, hours, under_review
from tests.continuing_education.fixtures_desk import counts, links, page, table

pytestmark = pytest.mark.django_db
YEAR = ce.this_year()


@pytest.fixture
def unit_a(enterprise_a, admin_a, county_hr_a):
    """Enterprise A with one of each thing the desk counts, and enterprise B with the same so nothing leaks."""
    ce.staff(enterprise_a, name="待审核甲", account=ce.professional(username="ask_a", real_name="待审核甲"),
             linked=False)
    ce.staff(enterprise_a, name="待审核乙", account=ce.professional(username="ask_b", real_name="待审核乙"),
             linked=False)
    member = ce.staff(enterprise_a, name="李专技")
    other = ce.staff(enterprise_a, name="周专技")
    at_unit = ce.declaration(member, by=admin_a, status=DeclarationStatus.PENDING, title="在单位")
    under_review(at_unit, kind=HOURS_KIND, by=admin_a, department=county_hr_a, at_unit=True)
    upstream = ce.declaration(other, by=admin_a, status=DeclarationStatus.PENDING, title="在人社")
    under_review(upstream, kind=HOURS_KIND, by=admin_a, department=county_hr_a)
    ce.declaration(other, by=admin_a, status=DeclarationStatus.RETURNED, title="退回的")
    ce.declaration(member, by=admin_a, status=DeclarationStatus.DRAFT, title="草稿")
    ce.training_class(enterprise_a, by=admin_a, name="待上报班", status=ClassStatus.APPROVED)
    ce.training_class(enterprise_a, by=admin_a, name="待审核班", status=ClassStatus.PENDING)
    return {"member": member, "other": other}


@pytest.fixture
def unit_b(enterprise_b, admin_b, county_hr_b):
    ce.staff(enterprise_b, name="乙待审核", account=ce.professional(username="ask_c", real_name="乙待审核"),
             linked=False)
    member = ce.staff(enterprise_b, name="乙专技")
    pending = ce.declaration(member, by=admin_b, status=DeclarationStatus.PENDING)
    under_review(pending, kind=HOURS_KIND, by=admin_b, department=county_hr_b, at_unit=True)
    ce.training_class(enterprise_b, by=admin_b, name="乙待上报班", status=ClassStatus.APPROVED)


def test_admin_sees_every_count_of_the_unit(client, admin_a, unit_a, unit_b):
    html = page(client, admin_a)
    assert counts(html) == {"staff_requests": 2, "inbox": 1, "upstream": 1, "declarants": 2,
                            "classes_follow_up": 1}


def test_admin_b_sees_only_b(client, admin_b, unit_a, unit_b):
    assert counts(page(client, admin_b)) == {"staff_requests": 1, "inbox": 1, "upstream": 0, "declarants": 1,
                                             "classes_follow_up": 1}


def test_counts_link_to_the_filtered_lists(client, admin_a, unit_a):
    html = page(client, admin_a)
    shown = links(html)
    for name, target in (("staff_requests", "continuing_education:staff_requests"),
                         ("inbox", "continuing_education:inbox"), ("upstream", "continuing_education:hours_manage"),
                         ("classes_follow_up", "continuing_education:classes")):
        try:
            url = reverse(target)
        except Exception:  # another section's page, not in this branch yet: the number shows without a link
            assert name not in shown
        else:
            assert shown[name].startswith(url)
    if "classes_follow_up" in shown:
        assert shown["classes_follow_up"].endswith("?results=not_reported")


@pytest.mark.parametrize("persona, shown", [
    ("trainer_a", {"classes_follow_up"}),
    ("declarer_a", {"classes_follow_up"}),
    ("hours_manager_a", {"upstream", "declarants"}),
    ("archivist_a", set()),
])
def test_a_sub_admin_sees_the_counts_of_their_permission(client, request, unit_a, persona, shown):
    assert set(counts(page(client, request.getfixturevalue(persona)))) == shown


def test_member_without_a_programme_permission_is_refused(client, member_a, staff_manager_a):
    for user in (member_a, staff_manager_a):  # 人员信息 alone is the foundation's, not the programme's
        client.force_login(user)
        assert client.get(reverse("continuing_education:desk")).status_code == 403


def test_counts_move(client, admin_a, unit_a):
    assert counts(page(client, admin_a))["classes_follow_up"] == 1
    approved = unit_a["member"].organisation.ce_classes.get(name="待上报班")
    RESULTS_STATES.move(approved, ResultsStatus.REPORTED, actor=admin_a)
    assert counts(page(client, admin_a))["classes_follow_up"] == 0

    request = unit_a["member"].organisation.staff.get(name="待审核甲")
    request.link_status = StaffLink.LINKED  # what approving the request writes (the units section's service)
    request.save(update_fields=["link_status"])
    assert counts(page(client, admin_a))["staff_requests"] == 1


def _year_table(client, user, **query):
    return table(page(client, user, **query), "data-year")


def test_per_year_table(client, admin_a, enterprise_a, unit_a):
    member, other = unit_a["member"], unit_a["other"]
    shared = ce.course(enterprise_a, name="共用课程")
    first = ce.training_class(enterprise_a, by=admin_a, name="一班", status=ClassStatus.APPROVED, courses=[shared])
    second = ce.training_class(enterprise_a, by=admin_a, name="二班", status=ClassStatus.APPROVED,
                               courses=[shared, ce.course(enterprise_a, name="另一课程")])
    ce.training_class(enterprise_a, by=admin_a, name="草稿班", courses=[ce.course(enterprise_a, name="草稿课程")])
    ce.training_class(enterprise_a, by=admin_a, name="往年班", status=ClassStatus.APPROVED, year=YEAR - 2)
    ce.participant(first, member=member, hours=30)
    ce.participant(second, member=member, hours=20)
    ce.participant(second, member=other)  # no result yet
    ce.declaration(member, by=admin_a, status=DeclarationStatus.APPROVED, title="通过一")
    ce.declaration(member, by=admin_a, status=DeclarationStatus.APPROVED, title="通过二")
    ce.declaration(other, by=admin_a, status=DeclarationStatus.APPROVED, year=YEAR - 1)
    hours(member, by=admin_a, public=30, professional=60)  # 90: 合格
    hours(other, by=admin_a, public=30, professional=59)  # 89: not
    rows = _year_table(client, admin_a)
    assert list(rows) == [str(YEAR - n) for n in range(5)]
    # This year: 待上报班 (fixture), 一班, 二班; their courses 待上报班课程, 共用课程, 另一课程.
    assert rows[str(YEAR)] == {"classes": "3", "courses": "3", "participants": "1", "declarants": "1",
                               "completed": "1"}
    assert rows[str(YEAR - 1)] == {"classes": "0", "courses": "0", "participants": "0", "declarants": "1",
                                   "completed": "0"}
    assert rows[str(YEAR - 2)]["classes"] == "1"


def test_completed_follows_the_rule_of_the_unit_region(client, admin_a, unit_a):
    hours(unit_a["member"], by=admin_a, public=30, professional=60)
    assert _year_table(client, admin_a)[str(YEAR)]["completed"] == "1"
    ce.hours_rule("410100", total_min=100)  # Zhengzhou's own rule overrides the province's
    assert _year_table(client, admin_a)[str(YEAR)]["completed"] == "0"


def test_completed_counts_only_the_roster(client, admin_a, admin_b, enterprise_a, enterprise_b, unit_a):
    stranger = ce.staff(enterprise_b, name="乙合格")
    hours(stranger, by=admin_b, public=30, professional=60)
    assert _year_table(client, admin_a)[str(YEAR)]["completed"] == "0"
    # The archive follows the person: once on A's roster, A counts the year whoever credited it.
    ce.staff(enterprise_a, name="乙合格", id_number=stranger.id_number)
    assert _year_table(client, admin_a)[str(YEAR)]["completed"] == "1"


def test_year_selector(client, admin_a, unit_a):
    rows = _year_table(client, admin_a, year=YEAR - 3)
    assert list(rows) == [str(YEAR - 3 - n) for n in range(5)]


@pytest.mark.parametrize("garbage", ["²", "abc", "1999", "9" * 30])
def test_malformed_year_is_said_and_this_year_shown(client, admin_a, unit_a, garbage):
    html = page(client, admin_a, year=garbage)
    assert "年度不正确，已按本年度统计" in html
    assert list(table(html, "data-year"))[0] == str(YEAR)


def test_query_count_is_constant(client, admin_a, enterprise_a, django_assert_max_num_queries):
    def build(n, start):
        for i in range(start, start + n):
            member = ce.staff(enterprise_a, name=f"人员{i}")
            ce.staff(enterprise_a, name=f"申请{i}", account=ce.professional(username=f"p{i}", real_name=f"申请{i}"),
                     linked=False)
            item = ce.training_class(enterprise_a, by=admin_a, name=f"班{i}", status=ClassStatus.APPROVED)
            ce.participant(item, member=member, hours=10)
            ce.declaration(member, by=admin_a, status=DeclarationStatus.APPROVED)
            ce.declaration(member, by=admin_a, status=DeclarationStatus.RETURNED)
            hours(member, by=admin_a)

    url = reverse("continuing_education:desk")
    client.force_login(admin_a)
    build(1, 0)

    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    build(20, 1)
    with django_assert_max_num_queries(len(one.captured_queries)):
        assert client.get(url).status_code == 200
    assert counts(page(client, admin_a))["classes_follow_up"] == 21


def test_credit_moves_completed(client, admin_a, unit_a):
    member = unit_a["member"]
    hours(member, by=admin_a, public=30, professional=59)
    assert _year_table(client, admin_a)[str(YEAR)]["completed"] == "0"
    credit(actor=admin_a, credits=[Credit(
        id_number=member.id_number, name=member.name, year=YEAR, source=HoursSource.DECLARATION,
        subject_type=SubjectType.PROFESSIONAL, hours=Decimal(1), title="补一学时",
        occurred_on=datetime.date(YEAR, 6, 1),
        organisation=member.organisation, organiser="学会",
        declaration=ce.declaration(member, by=admin_a, status=DeclarationStatus.APPROVED, title="补"))])
    assert _year_table(client, admin_a)[str(YEAR)]["completed"] == "1"
