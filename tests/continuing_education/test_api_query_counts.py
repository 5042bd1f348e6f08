"""Every list of /api/v1/continuing-education/ runs a constant number of queries whatever the number of rows
(select_related / prefetch_related, no query per row): the lists are read once with one row of each kind, then
again after four more rows of each kind, by the caller the screen shows them to."""

import datetime

import pytest

from continuing_education.models import ClassStatus, CorrectionStatus, DeclarationStatus, ResultsCorrection
from continuing_education.services.classes import add_material
from tests.api.keys import auth, token_for
from tests.api.queries import queries
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_archive import credit_hours
from tests.continuing_education.factories_hours import pdf_upload

pytestmark = pytest.mark.django_db
API = "/api/v1/continuing-education"
ROWS_ADDED = 4



@pytest.fixture
def fixed(enterprise_a, admin_a):
    """The classes whose sub-lists grow (materials on a draft, participants and corrections on a reported class)."""
    today = datetime.date.today()
    draft = ce.training_class(enterprise_a, by=admin_a, name="附件培训班")
    reported = ce.training_class(enterprise_a, by=admin_a, name="已上报培训班", status=ClassStatus.APPROVED,
                                 starts_on=today, ends_on=today, year=today.year)
    return {"draft": draft, "reported": reported}


def add_rows(number, *, enterprise_a, admin_a, pro_a, staff_a, county_hr_a, fixed):
    """One more row of every list."""
    ce.teacher(enterprise_a, name=f"教师{number}")
    ce.course(enterprise_a, name=f"课程{number}")
    ce.site(enterprise_a, name=f"培训点{number}")
    ce.platform(enterprise_a, name=f"学习网{number}")
    ce.training_class(enterprise_a, by=admin_a, name=f"草稿班{number}")
    ce.training_class(enterprise_a, by=admin_a, name=f"通过班{number}", status=ClassStatus.APPROVED)
    add_material(actor=admin_a, training_class=fixed["draft"], uploaded_file=pdf_upload(f"附件{number}.pdf"))
    member = ce.staff(enterprise_a, name=f"专技{number}")
    ce.participant(fixed["reported"], member=member, hours=1)
    ResultsCorrection.objects.create(training_class=fixed["reported"], reason=f"更正{number}",
                                     status=CorrectionStatus.WITHDRAWN, created_by=admin_a)
    credit_hours(member, by=admin_a, public=10, professional=20)
    ce.online_result(enterprise_a, by=admin_a, member=member, course_name=f"网课{number}")
    ce.declaration(member, by=admin_a, status=DeclarationStatus.APPROVED, title=f"通过{number}")
    ce.declaration(member, by=admin_a, on_behalf=True, title=f"代报{number}")
    ce.declaration(staff_a, by=pro_a, title=f"我的{number}")
    credit_hours(staff_a, by=admin_a, public=5, year=ce.this_year() - number)
    ce.professional(username=f"ask{number}", real_name=f"申请{number}", unit=enterprise_a, linked=False)
    ce.unit(name=f"单位{number}", hr_department=county_hr_a)
    ce.hours_rule("410000", year=ce.this_year() - number)


def test_lists_do_not_grow_with_the_page(client, enterprise_a, admin_a, pro_a, staff_a, county_hr_a,
                                         county_reviewer_a, fixed):
    unit, department = auth(token_for(admin_a)), auth(token_for(county_reviewer_a))
    draft, reported = fixed["draft"].pk, fixed["reported"].pk
    lists = {
        "courses": unit, "teachers": unit, "sites": unit, "platforms": unit, "classes": unit,
        "classes/managed": unit, "classes/reviewed": department, f"classes/{draft}/materials": unit,
        f"classes/{reported}/participants": unit, f"classes/{reported}/corrections": unit,
        "declarations/approved": unit, "declarations/on-behalf": unit, "online-results": unit, "archive": unit,
        "staff-requests": unit, "units": department, "hours-rules": department,
    }
    own = ("declarations", "my-archive")  # the professional's session

    def measure() -> dict:
        counts = {path: queries(client, f"{API}/{path}/", headers) for path, headers in lists.items()}
        client.force_login(pro_a)
        counts.update({path: queries(client, f"{API}/{path}/", {}) for path in own})
        client.logout()
        return counts

    rows = {"enterprise_a": enterprise_a, "admin_a": admin_a, "pro_a": pro_a, "staff_a": staff_a,
            "county_hr_a": county_hr_a, "fixed": fixed}
    add_rows(1, **rows)
    few = measure()
    for number in range(2, 2 + ROWS_ADDED):
        add_rows(number, **rows)
    many = measure()
    grown = {path: (few[path], many[path]) for path in few if many[path] != few[path]}
    assert not grown, grown
