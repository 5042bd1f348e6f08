"""查看考勤 (by teacher, by trainee with the rate, by course, down to the records, the cross-check) and recording
attendance on screen and by import (the named institution; the enterprise for an "other" institution)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import AttendanceMark, AttendanceSession, FilingStatus, Mark, RuleSet
from apprenticeships.services.attendance import record_attendance
from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from batch.registry import get_import
from tests.apprenticeships import factories as ap
from tests.batch.helpers import upload, xlsx_bytes

pytestmark = pytest.mark.django_db

TODAY = timezone.localdate()
DAY = datetime.timedelta(days=1)


def _messages(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


@pytest.fixture
def course(filing_a, enterprise_a):
    """filing_a's offline course, configured from 10 days ago to 10 days ahead."""
    item = filing_a.courses.get(name="电工基础")
    item.starts_on, item.ends_on, item.venue = TODAY - 10 * DAY, TODAY + 10 * DAY, ap.venue(enterprise_a)
    item.save()
    return item


def _post(course, day, marks, *, teacher=True, present=True, session=""):
    data = {"day": day.isoformat(), "teacher": course.teacher_id if teacher else "", "session": session}
    if present:
        data["teacher_present"] = "on"
    data.update({f"mark_{trainee.pk}": mark for trainee, mark in marks.items()})
    return data


def _record(course, actor, day, marks, teacher_present=True):
    return record_attendance(course=course, actor=actor, day=day, teacher=course.teacher,
                             teacher_present=teacher_present, marks={t.pk: m for t, m in marks.items()})


# --- recording on screen ----------------------------------------------------------------------------------------


def test_the_institution_records_a_day_and_edits_it(client, institution_admin, filing_a, course):
    first, second = filing_a.trainees.order_by("id")
    client.force_login(institution_admin)
    url = reverse("apprenticeships:attendance_record", args=[course.pk])
    page = client.get(url)
    assert page.status_code == 200 and page.context["day"] == TODAY
    response = client.post(url, _post(course, TODAY - DAY, {first: Mark.PRESENT, second: Mark.LEAVE}))
    assert response.status_code == 302
    session = AttendanceSession.objects.get(course=course)
    assert (session.day, session.teacher, session.teacher_present, session.recorded_by) == (
        TODAY - DAY, course.teacher, True, institution_admin)
    assert dict(session.marks.values_list("trainee_id", "mark")) == {first.pk: "present", second.pk: "leave"}
    assert AuditEntry.objects.filter(action="apprenticeships.attendance_recorded").count() == 1
    # editing the day: the page opens the existing session, the form carries its id
    page = client.get(url, {"day": (TODAY - DAY).isoformat()})
    assert page.context["session"] == session and page.context["form"].initial["session"] == session.pk
    response = client.post(url, _post(course, TODAY - DAY, {first: Mark.ABSENT, second: Mark.LEAVE},
                                      present=False, session=session.pk))
    assert response.status_code == 302
    session.refresh_from_db()
    assert session.teacher_present is False
    assert dict(session.marks.values_list("trainee_id", "mark")) == {first.pk: "absent", second.pk: "leave"}
    assert AttendanceSession.objects.count() == 1
    assert AuditEntry.objects.filter(action="apprenticeships.attendance_updated").count() == 1


def test_a_second_new_recording_of_the_same_day_is_refused(client, institution_admin, filing_a, course):
    marks = {trainee: Mark.PRESENT for trainee in filing_a.trainees.all()}
    client.force_login(institution_admin)
    url = reverse("apprenticeships:attendance_record", args=[course.pk])
    assert client.post(url, _post(course, TODAY, marks)).status_code == 302
    response = client.post(url, _post(course, TODAY, {t: Mark.ABSENT for t in marks}))
    assert response.status_code == 200
    assert "该课程当天的考勤已记录，请修改已有记录" in response.context["form"].non_field_errors()
    assert set(AttendanceMark.objects.values_list("mark", flat=True)) == {"present"}


@pytest.mark.parametrize(("day", "message"), [
    (TODAY + DAY, "不能记录未来日期"),
    (TODAY - 11 * DAY, "日期应在课程培训日期"),
])
def test_a_future_day_or_one_outside_the_course_is_refused(client, institution_admin, filing_a, course, day,
                                                           message):
    client.force_login(institution_admin)
    response = client.post(reverse("apprenticeships:attendance_record", args=[course.pk]),
                           _post(course, day, {t: Mark.PRESENT for t in filing_a.trainees.all()}))
    assert response.status_code == 200
    assert any(message in error for error in response.context["form"].errors["day"])
    assert not AttendanceSession.objects.exists()


def test_a_lost_trainee_is_not_offered_and_refused(client, institution_admin, filing_a, course):
    first, lost = filing_a.trainees.order_by("id")
    lost.lost_on, lost.lost_reason, lost.holds_place = TODAY - 5 * DAY, "离职", False
    lost.save()
    client.force_login(institution_admin)
    url = reverse("apprenticeships:attendance_record", args=[course.pk])
    page = client.get(url)
    assert [trainee for trainee, _field in page.context["form"].mark_fields()] == [first]
    response = client.post(url, _post(course, TODAY, {first: Mark.PRESENT, lost: Mark.PRESENT}))
    assert response.status_code == 200
    assert "培训人员 学徒2 已流失，不能记录考勤" in response.context["form"].non_field_errors()
    assert not AttendanceSession.objects.exists()
    # a day before the trainee was lost may still be recorded for them
    page = client.get(url, {"day": (TODAY - 6 * DAY).isoformat()})
    assert len(page.context["form"].mark_fields()) == 2
    # the service refuses a lost trainee too
    from django.core.exceptions import ValidationError
    with pytest.raises(ValidationError, match="已于"):
        _record(course, institution_admin, TODAY, {first: Mark.PRESENT, lost: Mark.PRESENT})


def test_a_cancelled_class_takes_no_attendance(client, institution_admin, filing_a, course):
    filing_a.status, filing_a.cancel_reason = FilingStatus.CANCELLED, "停办"
    filing_a.save()
    client.force_login(institution_admin)
    url = reverse("apprenticeships:attendance_record", args=[course.pk])
    for response in (client.get(url), client.post(url, _post(course, TODAY, {}))):
        assert response.status_code == 302
        assert "该培训班已注销，不能再记录考勤" in _messages(response)
    assert not AttendanceSession.objects.exists()


def test_an_unconfigured_course_takes_no_attendance(client, institution_admin, filing_a):
    online = filing_a.courses.get(name="安全规程（线上）")
    client.force_login(institution_admin)
    response = client.get(reverse("apprenticeships:attendance_record", args=[online.pk]))
    assert response.status_code == 302
    assert "该课程尚未配置培训日期，不能记录考勤" in _messages(response)


def test_who_may_record(client, filing_a, course, institution_b_admin, institution_member, institution_recorder,
                        admin_a, county_reviewer_a):
    url = reverse("apprenticeships:attendance_record", args=[course.pk])
    marks = {t: Mark.PRESENT for t in filing_a.trainees.all()}
    for user, status in ((institution_b_admin, 404), (institution_member, 403), (admin_a, 403),
                         (county_reviewer_a, 403)):
        client.force_login(user)
        assert client.get(url).status_code == status
        assert client.post(url, _post(course, TODAY, marks)).status_code == status
    assert not AttendanceSession.objects.exists()
    client.force_login(institution_recorder)
    assert client.post(url, _post(course, TODAY, marks)).status_code == 302
    assert AttendanceSession.objects.count() == 1


def test_for_an_other_institution_the_enterprise_records(client, enterprise_a, admin_a, filer_a, claimer_a,
                                                         institution_admin):
    filing = ap.complete_filing(enterprise_a, by=admin_a, other_institution_name="某职业培训中心")
    course = filing.courses.get(name="电工基础")
    course.starts_on, course.ends_on, course.venue = TODAY - DAY, TODAY, ap.venue(enterprise_a)
    course.save()
    url = reverse("apprenticeships:attendance_record", args=[course.pk])
    client.force_login(claimer_a)
    assert client.get(url).status_code == 403
    client.force_login(institution_admin)
    assert client.get(url).status_code == 404
    client.force_login(filer_a)
    response = client.post(url, _post(course, TODAY, {t: Mark.PRESENT for t in filing.trainees.all()}))
    assert response.status_code == 302
    assert AttendanceSession.objects.get().recorded_by == filer_a


# --- 查看考勤 ------------------------------------------------------------------------------------------------------


def test_attendance_by_teacher_trainee_course_with_rates_and_cross_check(client, admin_a, institution_admin,
                                                                         filing_a, course):
    first, second = filing_a.trainees.order_by("id")
    _record(course, institution_admin, TODAY - 3 * DAY, {first: Mark.PRESENT, second: Mark.PRESENT})
    _record(course, institution_admin, TODAY - 2 * DAY, {first: Mark.PRESENT, second: Mark.ABSENT},
            teacher_present=False)
    _record(course, institution_admin, TODAY - DAY, {first: Mark.PRESENT, second: Mark.LEAVE})
    client.force_login(admin_a)
    url = reverse("apprenticeships:attendance", args=[filing_a.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = response.context["summary"]
    trainees = {row["trainee"]: row for row in data.trainees}
    assert (trainees[first]["present"], trainees[first]["total"], trainees[first]["rate_text"]) == (3, 3, "100.0%")
    assert (trainees[second]["present"], trainees[second]["absent"], trainees[second]["leave"],
            trainees[second]["rate_text"]) == (1, 1, 1, "33.3%")
    teacher = data.teachers[0]
    assert (teacher["teacher"], teacher["sessions"], teacher["present"], teacher["absent"]) == (
        course.teacher, 3, 2, 1)
    courses = {row["course"]: row for row in data.courses}
    assert (courses[course]["sessions"], courses[course]["teacher_present"], courses[course]["present"],
            courses[course]["marks"], courses[course]["rate_text"]) == (3, 2, 4, 6, "66.7%")
    assert [session.day for session in data.sessions_without_teacher] == [TODAY - 2 * DAY]
    content = response.content.decode()
    assert "有学员出勤但教师未到课的考勤" in content
    assert "出勤率提示线：本地区未设置" in content and data.below_threshold == []
    for tab in ("teachers", "courses"):
        assert client.get(url, {"tab": tab}).status_code == 200
    # the region sets a threshold: the trainee under it is flagged
    RuleSet.objects.update(attendance_threshold=Decimal("0.800"))
    response = client.get(url)
    assert [row["trainee"] for row in response.context["summary"].below_threshold] == [second]
    assert "低于提示线的学员：学徒2（33.3%）" in response.content.decode()


def test_the_attendance_tab_through_its_form(client, admin_a, institution_admin, filing_a, course):
    first, _second = filing_a.trainees.order_by("id")
    _record(course, institution_admin, TODAY - DAY, {first: Mark.PRESENT})
    client.force_login(admin_a)
    url = reverse("apprenticeships:attendance", args=[filing_a.pk])
    # absent: 培训学员考勤
    response = client.get(url)
    assert response.context["tab"] == "trainees" and f'data-trainee="{first.pk}"' in response.content.decode()
    # a good tab
    response = client.get(url, {"tab": "courses"})
    page = response.content.decode()
    assert response.context["tab"] == "courses" and f'data-course="{course.pk}"' in page
    assert "data-trainee=" not in page
    # tampered: the message above the tables, none of them shown
    response = client.get(url, {"tab": "grades"})
    page = response.content.decode()
    assert response.status_code == 200 and response.context["tab"] is None
    assert 'role="alert" data-field-error="tab">没有该考勤页签，请从页签中选择<' in page
    assert not any(f'data-{row}="' in page for row in ("trainee", "teacher", "course"))
    assert _messages(response) == []


def test_records_filtered_by_teacher_trainee_and_course(client, admin_a, county_reviewer_a, institution_admin,
                                                        filing_a, course, filing_b):
    first, second = filing_a.trainees.order_by("id")
    _record(course, institution_admin, TODAY - 2 * DAY, {first: Mark.PRESENT, second: Mark.ABSENT})
    _record(course, institution_admin, TODAY - DAY, {first: Mark.LEAVE})
    url = reverse("apprenticeships:attendance_records", args=[filing_a.pk])
    for user in (admin_a, county_reviewer_a, institution_admin):
        client.force_login(user)
        response = client.get(url)
        assert [session.day for session in response.context["object_list"]] == [TODAY - DAY, TODAY - 2 * DAY]
    response = client.get(url, {"trainee": second.pk})
    sessions = list(response.context["object_list"])
    assert [(s.day, s.present, s.absent, s.trainee_mark) for s in sessions] == [(TODAY - 2 * DAY, 1, 1, "absent")]
    response = client.get(url, {"teacher": course.teacher_id, "course": course.pk})
    assert len(response.context["object_list"]) == 2
    other_course = filing_b.courses.first()
    for params in ({"course": other_course.pk}, {"trainee": "abc"}, {"teacher": "999999"}):
        response = client.get(url, params)
        assert response.status_code == 200
        assert "查询条件有误，已忽略有误的条件" in _messages(response)


def test_attendance_pages_denied(client, filing_a, admin_b, claimer_a, county_reviewer_b, other_city_reviewer,
                                 institution_b_admin, institution_member):
    for name in ("apprenticeships:attendance", "apprenticeships:attendance_records"):
        url = reverse(name, args=[filing_a.pk])
        for user, status in ((admin_b, 404), (county_reviewer_b, 404), (other_city_reviewer, 404),
                             (institution_b_admin, 404), (institution_member, 404), (claimer_a, 403)):
            client.force_login(user)
            assert client.get(url).status_code == status, (name, user)


# --- import ----------------------------------------------------------------------------------------------------


def _headers():
    return [column.header for column in get_import("apprenticeship_attendance").columns]


def _import(client, course, rows, capture):
    with capture(execute=True):
        response = client.post(reverse("batch:import", args=["apprenticeship_attendance"]) + f"?parent={course.pk}",
                               {"file": upload(xlsx_bytes(rows, headers=_headers()), "考勤.xlsx")})
    assert response.status_code == 302
    return BatchJob.objects.order_by("-pk").first()


def test_import_good_and_bad_rows(client, institution_admin, filing_a, course, django_capture_on_commit_callbacks):
    first, second = filing_a.trainees.order_by("id")
    lost = ap.trainee(filing_a, name="流失者", lost_on=TODAY - 20 * DAY, lost_reason="离职", holds_place=False)
    client.force_login(institution_admin)
    page = client.get(reverse("batch:import", args=["apprenticeship_attendance"]) + f"?parent={course.pk}")
    assert page.status_code == 200
    day = (TODAY - DAY).isoformat()
    job = _import(client, course, [
        [day, first.id_number, first.name, "出勤", "是"],
        [day, second.id_number, "", "请假", ""],
        [(TODAY + DAY).isoformat(), first.id_number, "", "出勤", ""],
        [day, lost.id_number, "", "出勤", ""],
        [day, "110101199001011237", "", "出勤", ""],
        [day, first.id_number, "", "缺勤", ""],
        [day, second.id_number, "别人", "迟到", ""],
    ], django_capture_on_commit_callbacks)
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.PARTLY_FAILED, 2, 5)
    errors = {error.row_number: error.message for error in job.row_errors.all()}
    assert "不能记录未来日期" in errors[4]
    assert "已于" in errors[5] and "流失" in errors[5]
    assert "本备案的培训人员中没有该身份证号" in errors[6]
    assert "与第2行重复" in errors[7]
    assert "考勤" in errors[8]
    session = AttendanceSession.objects.get(course=course)
    assert (session.day, session.teacher, session.teacher_present) == (TODAY - DAY, course.teacher, True)
    assert dict(session.marks.values_list("trainee_id", "mark")) == {first.pk: "present", second.pk: "leave"}
    # importing a change of the same day updates the mark
    job = _import(client, course, [[day, second.id_number, "", "缺勤", "否"]], django_capture_on_commit_callbacks)
    assert (job.created_rows, job.updated_rows, job.failed_rows) == (0, 1, 0)
    session.refresh_from_db()
    assert session.teacher_present is False
    assert session.marks.get(trainee=second).mark == "absent"


def test_import_refused_for_others_and_for_a_cancelled_class(client, filing_a, course, institution_b_admin,
                                                             institution_member, institution_admin,
                                                             django_capture_on_commit_callbacks):
    url = reverse("batch:import", args=["apprenticeship_attendance"]) + f"?parent={course.pk}"
    client.force_login(institution_b_admin)
    assert client.get(url).status_code == 404
    client.force_login(institution_member)
    assert client.get(url).status_code == 403
    filing_a.status, filing_a.cancel_reason = FilingStatus.CANCELLED, "停办"
    filing_a.save()
    first = filing_a.trainees.first()
    client.force_login(institution_admin)
    job = _import(client, course, [[TODAY.isoformat(), first.id_number, "", "出勤", ""]],
                  django_capture_on_commit_callbacks)
    assert job.failed_rows == 1
    assert "该培训班已注销" in job.row_errors.get().message
    assert not AttendanceSession.objects.exists()


def test_the_tracking_list_flags_the_cross_check(client, admin_a, institution_admin, filing_a, course):
    first, second = filing_a.trainees.order_by("id")
    _record(course, institution_admin, TODAY - 2 * DAY, {first: Mark.PRESENT, second: Mark.ABSENT},
            teacher_present=False)
    _record(course, institution_admin, TODAY - DAY, {first: Mark.PRESENT, second: Mark.PRESENT})
    client.force_login(admin_a)
    response = client.get(reverse("apprenticeships:tracking"))
    row = next(row for row in response.context["rows"] if row["filing"] == filing_a)
    assert row["flags"] == {"no_teacher": 1, "below": None}
    assert "1 次学员出勤但教师未到课" in response.content.decode()
    RuleSet.objects.update(attendance_threshold=Decimal("0.6"))
    response = client.get(reverse("apprenticeships:tracking"))
    row = next(row for row in response.context["rows"] if row["filing"] == filing_a)
    assert row["flags"] == {"no_teacher": 1, "below": 1}
    assert "1 人出勤率低于提示线" in response.content.decode()


def test_a_teacher_present_needs_the_teacher_named(client, institution_admin, filing_a, course):
    client.force_login(institution_admin)
    response = client.post(reverse("apprenticeships:attendance_record", args=[course.pk]),
                           _post(course, TODAY, {t: Mark.PRESENT for t in filing_a.trainees.all()}, teacher=False))
    assert response.status_code == 200
    assert response.context["form"].errors["teacher"] == ["教师到课时请选择授课教师"]
    assert not AttendanceSession.objects.exists()


def test_the_import_template_has_the_columns(client, institution_admin, course):
    client.force_login(institution_admin)
    response = client.get(reverse("batch:template", args=["apprenticeship_attendance"]) + f"?parent={course.pk}")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/vnd.openxmlformats")
    assert _headers() == ["日期", "身份证号", "姓名", "考勤", "教师到课"]
