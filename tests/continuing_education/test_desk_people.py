"""工作桌面 of a professional (their link, declarations, this year's hours and what is missing) and of a
department (steps addressed to it, units in scope)."""

import pytest
from django.urls import reverse

from continuing_education.models import ClassStatus, DeclarationStatus
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_desk import CLASS_KIND, HOURS_KIND, hours, under_review
from tests.continuing_education.fixtures_desk import counts, links, page

pytestmark = pytest.mark.django_db


def test_professional_sees_their_link_declarations_and_missing_hours(client, pro_a, staff_a, admin_a, pro_b):
    for status in (DeclarationStatus.PENDING, DeclarationStatus.PENDING, DeclarationStatus.RETURNED,
                   DeclarationStatus.APPROVED):
        ce.declaration(staff_a, by=pro_a, status=status)
    ce.declaration(pro_b.staff_links.get(), by=pro_b, status=DeclarationStatus.PENDING)
    hours(staff_a, by=admin_a, public=20, professional=40)
    html = page(client, pro_a)
    assert "甲企业有限公司" in html and "在职" in html
    assert counts(html) == {"pending": 2, "returned": 1, "draft": 0, "approved": 1}
    assert "<td>20.0</td><td>40.0</td><td>60.0</td>" in html
    assert "<td>10.0</td><td>20.0</td><td>30.0</td>" in html  # 尚缺: 公需 10, 专业 20, 合计 30


def test_professional_with_the_year_complete_misses_nothing(client, pro_a, staff_a, admin_a):
    hours(staff_a, by=admin_a, public=40, professional=60)
    assert "<td>0</td><td>0</td><td>0</td>" in page(client, pro_a)


def test_professional_without_a_unit(client, pro_free):
    html = page(client, pro_free)
    assert "尚未加入单位" in html
    assert "加入单位后，按单位所在地区的学时要求计算尚缺学时" in html
    assert counts(html) == {"pending": 0, "returned": 0, "draft": 0, "approved": 0}


def test_professional_links(client, pro_a):
    html = page(client, pro_a)
    for name in ("continuing_education:declarations", "continuing_education:my_archive"):
        try:
            url = reverse(name)
        except Exception:  # another section's page, not merged into this branch
            continue
        assert f'href="{url}"' in html


@pytest.fixture
def addressed(enterprise_a, admin_a, enterprise_b, admin_b, county_hr_a, county_hr_b, industry_department,
              supervised_unit, supervised_admin):
    """A class and a declaration at 金水区 HR, one declaration still at enterprise A's administrator (not the
    department's yet), B's at 二七区 HR, and the supervised unit's class at 郑州市工信局."""
    member = ce.staff(enterprise_a, name="李专技")
    under_review(ce.training_class(enterprise_a, by=admin_a, status=ClassStatus.PENDING), kind=CLASS_KIND,
                 by=admin_a, department=county_hr_a)
    under_review(ce.declaration(member, by=admin_a, status=DeclarationStatus.PENDING), kind=HOURS_KIND,
                 by=admin_a, department=county_hr_a)
    under_review(ce.declaration(member, by=admin_a, status=DeclarationStatus.PENDING, title="在单位"),
                 kind=HOURS_KIND, by=admin_a, department=county_hr_a, at_unit=True)
    under_review(ce.declaration(ce.staff(enterprise_b, name="乙专技"), by=admin_b,
                                status=DeclarationStatus.PENDING), kind=HOURS_KIND, by=admin_b,
                 department=county_hr_b)
    under_review(ce.training_class(supervised_unit, by=supervised_admin, status=ClassStatus.PENDING),
                 kind=CLASS_KIND, by=supervised_admin, department=industry_department)


@pytest.mark.parametrize("persona, expected", [
    ("county_reviewer_a", {"classes_pending": 1, "hours_pending": 1, "units": 2}),
    ("county_reviewer_b", {"classes_pending": 0, "hours_pending": 1, "units": 1}),
    ("industry_reviewer", {"classes_pending": 1, "hours_pending": 0, "units": 1}),
    ("city_reviewer", {"classes_pending": 0, "hours_pending": 0, "units": 3}),
])
def test_department_desk(client, request, addressed, persona, expected):
    html = page(client, request.getfixturevalue(persona))
    assert counts(html) == expected
    assert links(html)["statistics"] == reverse("continuing_education:statistics")


def test_platform_staff_see_every_department_step(client, addressed):
    from tests import factories

    staff = factories.UserFactory(kind="platform", is_staff=True, organisation=None, username="platform")
    assert counts(page(client, staff)) == {"classes_pending": 2, "hours_pending": 2, "units": 3}


def test_other_lines_of_government_are_refused(client, education_reviewer, outsider):
    client.force_login(education_reviewer)
    assert client.get(reverse("continuing_education:desk")).status_code == 403
    client.logout()
    assert client.get(reverse("continuing_education:desk")).status_code == 302
