"""培训档案: the unit's roster × the chosen year (people with nothing credited are rows of 0 hours), 认定结果 computed
and filtered in the query, the archive following the person to a new unit, the departments' view, malformed
filters, the export and a constant number of queries per page."""

from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from django.utils.http import urlencode

from batch.models import BatchJob, JobStatus
from organisations.models import StaffLink, TitleLevel
from tests.batch.helpers import read_rows, response_bytes
from tests.continuing_education import factories as ce
from tests.continuing_education import factories_archive as archive

pytestmark = pytest.mark.django_db
LIST = reverse("continuing_education:archive")
LAST = ce.this_year() - 1


def names(response) -> list[str]:
    import re

    return re.findall(r'<tr data-staff="\d+">\s*(?:<td>[^<]*</td>\s*)?<td class="text-nowrap">([^<]+)</td>',
                      response.content.decode())


def messages_of(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def roster(admin_a, enterprise_a, staff_a):
    """A's roster: 王专技 (linked, 90 hours this year and 89 last year), 李录入 (typed, nothing credited),
    周待审 (asked to join, not accepted), 吴调离 (left): only the first two are A's archive."""
    ce.hours_rule("410000", year=LAST)
    archive.credit_hours(staff_a, by=admin_a, public=30, professional=60)
    archive.credit_hours(staff_a, by=admin_a, public=30, professional=59, year=LAST)
    typed = ce.staff(enterprise_a, name="李录入", title_level=TitleLevel.SENIOR)
    waiting = ce.professional(username="waiting", real_name="周待审", unit=enterprise_a, linked=False)
    left = ce.professional(username="left", real_name="吴调离", unit=enterprise_a)
    left.staff_links.update(link_status=StaffLink.ENDED, link_ended_at=timezone.now())
    return {"typed": typed, "waiting": waiting, "left": left}


def test_the_roster_of_the_year_with_people_who_have_nothing(client, admin_a, roster):
    client.force_login(admin_a)
    response = client.get(LIST)
    assert response.status_code == 200
    assert names(response) == ["李录入", "王专技"]
    html = response.content.decode()
    assert 'data-result="passed">合格' in html and 'data-result="in_progress">进行中' in html
    assert "公需 30，专业 60，合计 90" in html  # 李录入 still needs everything this year
    last = client.get(LIST, {"year": LAST})
    assert names(last) == ["李录入", "王专技"]
    assert last.content.decode().count('data-result="failed">不合格') == 2  # 89 hours, and 0 hours
    assert "尚缺学时" not in last.content.decode()


def test_the_result_filter_runs_in_the_query(client, admin_a, roster):
    client.force_login(admin_a)
    assert names(client.get(LIST, {"result": "passed"})) == ["王专技"]
    assert names(client.get(LIST, {"result": "in_progress"})) == ["李录入"]
    assert names(client.get(LIST, {"year": LAST, "result": "failed"})) == ["李录入", "王专技"]
    assert names(client.get(LIST, {"year": LAST, "result": "passed"})) == []


def test_the_other_filters(client, admin_a, roster, staff_a):
    client.force_login(admin_a)
    assert names(client.get(LIST, {"name": "录入"})) == ["李录入"]
    assert names(client.get(LIST, {"id_number": staff_a.id_number})) == ["王专技"]
    assert names(client.get(LIST, {"title_level": TitleLevel.SENIOR})) == ["李录入"]
    same_gender = ["李录入"] if roster["typed"].gender == staff_a.gender else []
    assert names(client.get(LIST, {"gender": staff_a.gender})) == [*same_gender, "王专技"]
    assert names(client.get(LIST, {"region": "410105"})) == ["李录入", "王专技"]
    assert names(client.get(LIST, {"region": "410103"})) == []


@pytest.mark.parametrize(("params", "field", "message"), [
    ({"year": "abc"}, "year", "培训年度应为四位年份"), ({"year": "1900"}, "year", "培训年度应在 2000 至 2100 之间"),
    ({"result": "excellent"}, "result", "没有该认定结果"),
    ({"id_number": "12345"}, "id_number", "身份证号应为18位（末位可为X）"),
    ({"region": "999999"}, "region", "没有代码为“999999”的地区"),
    ({"title_level": "x"}, "title_level", "没有该职称等级"),
    ({"gender": "x"}, "gender", "没有该性别"), ({"name": "王" * 65, "result": "passed"}, "name", "姓名过长")])
def test_a_malformed_filter_is_a_message_and_no_rows(client, admin_a, roster, params, field, message,
                                                      django_capture_on_commit_callbacks):
    client.force_login(admin_a)
    response = client.get(LIST, params)
    assert response.status_code == 200
    html = response.content.decode()
    # Not the list unfiltered (or filtered by the rest): the user would take it for the filtered one.
    assert names(response) == [] and "暂无人员" in html
    assert f'<div class="invalid-feedback d-block" data-field-error="{field}">{message}</div>' in html
    assert 'data-testid="archive-rule"' not in html and " 年度</span>" not in html
    assert messages_of(response) == []
    # The export of the same query is empty too.
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("batch:export", args=["ce_archive"]) + "?" + urlencode(params))
    job = BatchJob.objects.get(spec="ce_archive")
    assert (job.status, job.total_rows) == (JobStatus.SUCCEEDED, 0), job.error


def test_an_absent_or_bad_page_is_this_years_whole_list(client, admin_a, roster):
    client.force_login(admin_a)
    for params in ({}, {"page": "x"}):
        response = client.get(LIST, params)
        assert names(response) == ["李录入", "王专技"] and messages_of(response) == []
        html = response.content.decode()
        assert f"{ce.this_year()} 年度</span>" in html and f'name="year" value="{ce.this_year()}"' in html


def test_the_archive_follows_the_person_to_a_new_unit(client, admin_a, admin_b, enterprise_a, pro_b):
    ce.hours_rule("410000", year=LAST)
    old = pro_b.staff_links.get()
    archive.credit_hours(old, by=admin_b, public=30, professional=60, year=LAST)
    client.force_login(admin_b)
    assert names(client.get(LIST, {"year": LAST})) == ["赵专技"]
    old.link_status, old.link_ended_at = StaffLink.ENDED, timezone.now()
    old.save(update_fields=["link_status", "link_ended_at"])
    ce.staff(enterprise_a, name="赵专技", account=pro_b)
    assert names(client.get(LIST, {"year": LAST})) == []  # 调离: the old unit no longer sees him
    client.force_login(admin_a)
    response = client.get(LIST, {"year": LAST})
    assert names(response) == ["赵专技"]
    assert 'data-result="passed">合格' in response.content.decode()


def test_departments_see_their_units(client, admin_a, roster, county_reviewer_a, county_reviewer_b, city_reviewer,
                                     industry_reviewer, supervised_unit, supervised_admin, enterprise_b, pro_b):
    ce.staff(supervised_unit, name="钱研究员")
    for reviewer, expected in ((county_reviewer_a, ["钱研究员", "李录入", "王专技"]),
                               (city_reviewer, ["钱研究员", "李录入", "王专技", "赵专技"]),
                               (county_reviewer_b, ["赵专技"]), (industry_reviewer, ["钱研究员"])):
        client.force_login(reviewer)
        response = client.get(LIST)
        assert response.status_code == 200
        assert sorted(names(response)) == sorted(expected), reviewer
    client.force_login(city_reviewer)
    assert names(client.get(LIST, {"unit": "甲企业"})) == ["李录入", "王专技"]
    assert "<th>单位</th>" in client.get(LIST).content.decode()


def test_who_may_not_open_the_archive(client, roster, trainer_a, member_a, pro_a, education_reviewer, admin_b,
                                      archivist_a, outsider):
    for user in (trainer_a, member_a, pro_a, education_reviewer, outsider):
        client.force_login(user)
        assert client.get(LIST).status_code == 403, user
    client.force_login(admin_b)
    assert names(client.get(LIST)) == []
    client.force_login(archivist_a)
    assert names(client.get(LIST)) == ["李录入", "王专技"]
    client.logout()
    assert client.get(LIST).status_code == 302


def test_no_rule_says_so(client, admin_a, roster):
    client.force_login(admin_a)
    response = client.get(LIST, {"year": ce.this_year() - 3})
    html = response.content.decode()
    assert "该年度尚未设置学时要求" in html
    assert html.count('data-result="no_rule">未设置') == 2


def test_queries_do_not_grow_with_the_rows(client, admin_a, enterprise_a, roster):
    client.force_login(admin_a)
    with CaptureQueriesContext(connection) as few:
        client.get(LIST)
    for number in range(6):
        member = ce.staff(enterprise_a, name=f"新员工{number}")
        archive.credit_hours(member, by=admin_a, public=10, professional=number)
    with CaptureQueriesContext(connection) as many:
        assert len(names(client.get(LIST))) == 8
    assert len(many) == len(few)


def test_the_export_holds_the_list(client, admin_a, roster, django_capture_on_commit_callbacks):
    client.force_login(admin_a)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("batch:export", args=["ce_archive"]) + "?result=in_progress")
    assert response.status_code == 302
    job = BatchJob.objects.get(spec="ce_archive")
    assert job.status == JobStatus.SUCCEEDED, job.error
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert rows[0] == ["单位", "培训年度", "姓名", "身份证号", "性别", "职称等级", "公需科目学时", "专业科目学时",
                       "总学时", "面授培训学时", "网络培训学时", "学时申报学时", "认定结果", "尚缺学时"]
    assert len(rows) == 2
    row = rows[1]
    assert (row[0], int(row[1]), row[2]) == ("甲企业有限公司", ce.this_year(), "李录入")
    assert row[3] == roster["typed"].id_number  # whole, as on the administrator's screen
    assert [Decimal(str(value)) for value in row[6:12]] == [0] * 6
    assert row[12:] == ["进行中", "公需 30，专业 60，合计 90"]


def test_the_export_is_refused_to_those_refused_the_list(client, trainer_a):
    client.force_login(trainer_a)
    assert client.post(reverse("batch:export", args=["ce_archive"])).status_code == 403
    assert not BatchJob.objects.exists()




def test_the_export_masks_id_numbers_for_those_who_see_them_masked(client, archivist_a, roster,
                                                                   django_capture_on_commit_callbacks):
    client.force_login(archivist_a)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("batch:export", args=["ce_archive"]) + "?name=李录入")
    job = BatchJob.objects.get(spec="ce_archive")
    rows = read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert [row[2] for row in rows[1:]] == ["李录入"]
    assert rows[1][3] != roster["typed"].id_number and rows[1][3].endswith(roster["typed"].id_number[-4:])
