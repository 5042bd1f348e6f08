"""工作日历 pages: provincial HR (and platform staff) list, add, edit, delete the dates of an unpublished year,
import them through the batch engine and publish the year; everyone else is refused."""

import datetime

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from calendars.models import CalendarYear, DayKind, SpecialDay, YearStatus
from calendars.workdays import add_working_days
from organisations.models import Authority
from regions.models import RegionLevel
from tests import factories
from tests.batch.helpers import upload, xlsx_bytes
from tests.traineeships.test_register import member_with

D = datetime.date
YEARS = reverse("calendars:years")
CREATE = reverse("calendars:day_create")


@pytest.fixture
def platform_staff(db):
    return factories.UserFactory(username="platform", real_name="平台管理员", kind="platform", is_staff=True,
                                 organisation=None)


@pytest.fixture
def draft_day(db):
    year = CalendarYear.objects.create(year=2027)
    return SpecialDay.objects.create(calendar_year=year, date=D(2027, 1, 1), kind=DayKind.HOLIDAY, name="元旦")


def add(client, date, kind=DayKind.HOLIDAY, name="元旦"):
    return client.post(CREATE, {"date": date, "kind": kind, "name": name})


@pytest.mark.django_db
def test_province_hr_adds_edits_deletes_and_publishes_a_year(client, province_reviewer):
    client.force_login(province_reviewer)
    page = client.get(YEARS).content.decode()
    assert '<tr data-year="2026">' in page and "已发布" in page
    assert f'href="{YEARS}"' in client.get(reverse("batch:list")).content.decode()  # the 系统管理 menu entry

    response = add(client, "2027-01-01")
    assert response.status_code == 302 and response["Location"] == reverse("calendars:year", args=[2027])
    day = SpecialDay.objects.get(date=D(2027, 1, 1))
    assert (day.calendar_year.year, day.calendar_year.status, day.kind, day.name) == (
        2027, YearStatus.DRAFT, DayKind.HOLIDAY, "元旦")
    assert AuditEntry.objects.get(action="calendars.day_added").after == {
        "date": "2027-01-01", "kind": "holiday", "name": "元旦"}

    response = client.post(reverse("calendars:day_edit", args=[day.pk]),
                           {"date": "2027-01-02", "kind": DayKind.MAKEUP_WORKDAY, "name": "元旦"})
    assert response.status_code == 302
    day.refresh_from_db()
    assert (day.date, day.kind) == (D(2027, 1, 2), DayKind.MAKEUP_WORKDAY)  # a Saturday
    entry = AuditEntry.objects.get(action="calendars.day_changed")
    assert (entry.before, entry.after) == (
        {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
        {"date": "2027-01-02", "kind": "makeup_workday", "name": "元旦"})

    assert client.get(reverse("calendars:day_delete", args=[day.pk])).status_code == 200
    assert client.post(reverse("calendars:day_delete", args=[day.pk])).status_code == 302
    assert not SpecialDay.objects.filter(pk=day.pk).exists()
    assert AuditEntry.objects.get(action="calendars.day_deleted").before["date"] == "2027-01-02"

    publish = reverse("calendars:publish", args=[2027])
    page = client.post(publish, follow=True).content.decode()
    assert "2027年还没有登记放假或调休上班日期，不能发布" in page
    add(client, "2027-01-01")
    page = client.post(publish, follow=True).content.decode()
    assert "2027年工作日历已发布" in page
    year = CalendarYear.objects.get(year=2027)
    assert (year.status, year.published_by) == (YearStatus.PUBLISHED, province_reviewer)
    assert add_working_days(D(2026, 12, 31), 1) == D(2027, 1, 4)  # 1 Jan off, then the weekend


@pytest.mark.django_db
def test_form_errors_in_chinese(client, province_reviewer, draft_day):
    client.force_login(province_reviewer)
    page = add(client, "2027-01-04", kind=DayKind.MAKEUP_WORKDAY).content.decode()
    assert "调休上班日应为周六或周日，2027-01-04 本来就是工作日" in page
    page = add(client, "2027-01-01").content.decode()
    assert "2027-01-01 已登记，请修改原有记录" in page
    page = add(client, "2026-03-02").content.decode()
    assert "2026年工作日历已发布，不能再修改" in page
    assert SpecialDay.objects.filter(calendar_year__year=2027).count() == 1


@pytest.mark.django_db
def test_a_published_year_cannot_be_changed(client, province_reviewer):
    day = SpecialDay.objects.get(date=D(2026, 10, 1))
    client.force_login(province_reviewer)
    assert client.get(reverse("calendars:day_edit", args=[day.pk])).status_code == 403
    assert client.post(reverse("calendars:day_edit", args=[day.pk]),
                       {"date": "2026-10-01", "kind": "holiday", "name": "改"}).status_code == 403
    assert client.post(reverse("calendars:day_delete", args=[day.pk])).status_code == 403
    page = client.post(reverse("calendars:publish", args=[2026]), follow=True).content.decode()
    assert "2026年工作日历已发布，不能再修改" in page
    page = client.get(reverse("calendars:year", args=[2026])).content.decode()
    assert reverse("calendars:day_edit", args=[day.pk]) not in page and 'data-testid="year-publish"' not in page
    day.refresh_from_db()
    assert day.name == "国庆节"


@pytest.mark.django_db
def test_platform_staff_may_maintain_the_calendar(client, platform_staff):
    client.force_login(platform_staff)
    assert client.get(YEARS).status_code == 200
    assert add(client, "2027-01-01").status_code == 302


@pytest.fixture
def province_education(db):
    department = factories.GovernmentFactory(name="河南省教育厅", gov_level=RegionLevel.PROVINCE,
                                             authority=Authority.EDUCATION, region=factories.region("410000"))
    return factories.org_admin(department, username="edu_province")


@pytest.mark.django_db
@pytest.mark.parametrize("persona", ["county_reviewer_a", "city_reviewer", "province_education", "admin_a",
                                     "student", "province_member"])
def test_everyone_else_is_refused(client, request, persona, province_hr, draft_day):
    if persona == "province_member":
        user = member_with(province_hr, "clerk", "reviews.decide")  # province HR, without calendars.manage
    else:
        user = request.getfixturevalue(persona)
    client.force_login(user)
    urls = (YEARS, reverse("calendars:year", args=[2027]), CREATE, reverse("calendars:day_edit", args=[draft_day.pk]))
    for url in (*urls, reverse("calendars:day_delete", args=[draft_day.pk])):
        assert client.get(url).status_code == 403, url
    assert add(client, "2027-05-01").status_code == 403
    assert client.post(reverse("calendars:day_delete", args=[draft_day.pk])).status_code == 403
    assert client.post(reverse("calendars:publish", args=[2027])).status_code == 403
    assert 'href="/calendars/"' not in client.get(reverse("batch:list")).content.decode()
    assert SpecialDay.objects.filter(calendar_year__year=2027).count() == 1
    assert CalendarYear.objects.get(year=2027).status == YearStatus.DRAFT


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, draft_day):
    for url in (YEARS, CREATE, reverse("calendars:day_edit", args=[draft_day.pk])):
        response = client.get(url)
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


@pytest.mark.django_db
def test_unknown_year_and_day_are_404(client, province_reviewer):
    client.force_login(province_reviewer)
    assert client.get(reverse("calendars:year", args=[2031])).status_code == 404
    assert client.get(reverse("calendars:day_edit", args=[999999])).status_code == 404


HEADERS = ["日期", "类型", "节日名称"]


def run_import(client, rows, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("batch:import", args=["calendar_days"]),
                               {"file": upload(xlsx_bytes(rows, headers=HEADERS), name="日历.xlsx")})
    assert response.status_code == 302
    return BatchJob.objects.filter(kind="import").latest("id")


@pytest.mark.django_db
def test_province_hr_imports_a_year(client, province_reviewer, draft_day, django_capture_on_commit_callbacks):
    client.force_login(province_reviewer)
    assert client.get(YEARS).content.decode().count(reverse("batch:import", args=["calendar_days"])) == 1
    template = client.get(reverse("batch:template", args=["calendar_days"]))
    assert template.status_code == 200
    job = run_import(client, [
        [D(2027, 1, 1), "放假", "元旦节"],  # updates the existing row
        [D(2027, 2, 6), "放假", "春节"],
        [D(2027, 2, 7), "调休上班", "春节"],  # a Sunday
        [D(2027, 2, 8), "调休上班", "春节"],  # a Monday: refused
        [D(2026, 5, 1), "放假", "劳动节"],  # 2026 is published: refused
    ], django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.updated_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 2, 1, 2)
    assert [(error.row_number, error.message) for error in job.row_errors.order_by("row_number")] == [
        (5, "类型：调休上班日应为周六或周日，2027-02-08 本来就是工作日"),
        (6, "日期：2026年工作日历已发布，不能再修改"),
    ]
    assert dict(SpecialDay.objects.filter(calendar_year__year=2027).values_list("date", "name")) == {
        D(2027, 1, 1): "元旦节", D(2027, 2, 6): "春节", D(2027, 2, 7): "春节"}


@pytest.mark.django_db
def test_import_is_refused_to_everyone_but_the_calendar_keepers(client, county_reviewer_a, admin_a, draft_day,
                                                                django_capture_on_commit_callbacks):
    import_url = reverse("batch:import", args=["calendar_days"])
    template_url = reverse("batch:template", args=["calendar_days"])
    # admin_a holds no calendars.manage; the county holds the code (offered to government) but the rule wants
    # the province: the import page asks the calendar's own rule, not the permission code alone.
    for user in (admin_a, county_reviewer_a):
        client.force_login(user)
        assert client.get(import_url).status_code == 403
        assert client.get(template_url).status_code == 403
        with django_capture_on_commit_callbacks(execute=True):
            rows = xlsx_bytes([[D(2027, 2, 6), "放假", "春节"]], headers=HEADERS)
            response = client.post(import_url, {"file": upload(rows, name="日历.xlsx")})
        assert response.status_code == 403
    assert not BatchJob.objects.exists()
    assert not SpecialDay.objects.filter(date=D(2027, 2, 6)).exists()
