"""考勤 through /api/v1/apprenticeships/ with keys: 查看考勤 and 考勤记录 for whoever tracks the class, recording a
course's day (the named institution's recorders) and editing it under If-Match; and who may not (the enterprise
when an institution is named, another institution, the county, the wrong state, a future day, a lost trainee)."""

import datetime

import pytest
from django.utils import timezone

from apprenticeships.models import AttendanceSession, FilingStatus, Mark
from tests.api.keys import auth, token_for
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db
API = "/api/v1/apprenticeships"
JSON = "application/json"


@pytest.fixture
def course(filing_a, institution_admin):  # the admin issues the recorder's key
    today = timezone.localdate()
    return ap.course(filing_a, name="考勤课程", starts_on=today - datetime.timedelta(days=10),
                     ends_on=today + datetime.timedelta(days=10), teacher_=filing_a.teachers.first())


def _body(course, day, **marks):
    trainees = list(course.filing.trainees.order_by("id"))
    return {"day": day.isoformat(), "teacher": course.teacher_id, "teacher_present": True,
            "marks": {str(trainee.pk): marks.get(trainee.name, Mark.PRESENT) for trainee in trainees}}


def test_a_day_is_recorded_once_by_the_institution(client, course, admin_a, institution_recorder,
                                                   institution_b_admin, county_reviewer_a):
    url = f"{API}/people/courses/{course.pk}/attendance/"
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    body = _body(course, yesterday, 学徒2=Mark.LEAVE)
    assert client.post(url, body, content_type=JSON, **auth(token_for(admin_a))).status_code == 403
    assert client.post(url, body, content_type=JSON, **auth(token_for(county_reviewer_a))).status_code == 403
    assert client.post(url, body, content_type=JSON, **auth(token_for(institution_b_admin))).status_code == 404
    recorder = auth(token_for(institution_recorder))
    made = client.post(url, body, content_type=JSON, **recorder)
    assert made.status_code == 201, made.content.decode()
    data = made.json()
    assert (data["day"], data["teacher_id"], data["teacher_present"]) == (yesterday.isoformat(), course.teacher_id,
                                                                          True)
    assert [(row["name"], row["mark"], row["mark_display"]) for row in data["marks"]] == [
        ("学徒1", "present", "出勤"), ("学徒2", "leave", "请假")]
    again = client.post(url, body, content_type=JSON, **recorder)
    assert again.status_code == 409 and again.json()["message"] == "该课程当天的考勤已记录，请修改已有记录"
    assert AttendanceSession.objects.filter(course=course).count() == 1


def test_bad_days_and_marks_are_refused_by_field(client, course, institution_recorder):
    url = f"{API}/people/courses/{course.pk}/attendance/"
    recorder = auth(token_for(institution_recorder))
    today = timezone.localdate()
    future = client.post(url, _body(course, today + datetime.timedelta(days=1)), content_type=JSON, **recorder)
    assert future.status_code == 400 and future.json()["field"] == "day"
    before = client.post(url, _body(course, today - datetime.timedelta(days=20)), content_type=JSON, **recorder)
    assert before.status_code == 400 and before.json()["field"] == "day"
    first = course.filing.trainees.order_by("id").first()
    missing = _body(course, today)
    del missing["marks"][str(first.pk)]
    refused = client.post(url, missing, content_type=JSON, **recorder)
    assert refused.status_code == 400 and refused.json()["field"] == f"mark_{first.pk}"
    wrong = _body(course, today)
    wrong["marks"][str(first.pk)] = "sleeping"
    assert client.post(url, wrong, content_type=JSON, **recorder).json()["field"] == f"mark_{first.pk}"
    not_object = client.post(url, {**_body(course, today), "marks": ["present"]}, content_type=JSON, **recorder)
    assert not_object.status_code == 400 and not_object.json()["field"] == "marks"
    absent_teacher = client.post(url, {**_body(course, today), "teacher": None}, content_type=JSON, **recorder)
    assert absent_teacher.status_code == 400 and absent_teacher.json()["field"] == "teacher"
    assert not AttendanceSession.objects.exists()


def test_a_lost_trainee_is_not_marked(client, course, institution_recorder):
    lost = course.filing.trainees.order_by("id").last()
    lost.lost_on, lost.lost_reason, lost.holds_place = timezone.localdate() - datetime.timedelta(days=5), "离职", False
    lost.save(update_fields=["lost_on", "lost_reason", "holds_place"])
    url = f"{API}/people/courses/{course.pk}/attendance/"
    recorder = auth(token_for(institution_recorder))
    refused = client.post(url, _body(course, timezone.localdate()), content_type=JSON, **recorder)
    assert refused.status_code == 400 and "已流失" in refused.json()["message"]
    before_lost = client.post(url, _body(course, timezone.localdate() - datetime.timedelta(days=6)),
                              content_type=JSON, **recorder)
    assert before_lost.status_code == 201, before_lost.content.decode()
    body = _body(course, timezone.localdate())
    del body["marks"][str(lost.pk)]
    assert client.post(url, body, content_type=JSON, **recorder).status_code == 201


def test_a_day_is_edited_under_if_match(client, course, institution_recorder, admin_a):
    recorder = auth(token_for(institution_recorder))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    made = client.post(f"{API}/people/courses/{course.pk}/attendance/", _body(course, yesterday),
                       content_type=JSON, **recorder).json()
    url = f"{API}/attendance/sessions/{made['id']}/"
    read = client.get(url, **recorder)
    assert read.status_code == 200 and read.json() == made
    assert client.get(url, **auth(token_for(admin_a))).status_code == 403
    edit = _body(course, yesterday, 学徒1=Mark.ABSENT)
    del edit["day"]
    assert client.put(url, edit, content_type=JSON, **recorder).status_code == 428
    assert client.put(url, edit, content_type=JSON, HTTP_IF_MATCH='"stale"', **recorder).status_code == 412
    saved = client.put(url, {**edit, "teacher_present": False}, content_type=JSON, HTTP_IF_MATCH=read["ETag"],
                       **recorder)
    assert saved.status_code == 200, saved.content.decode()
    assert (saved.json()["day"], saved.json()["teacher_present"]) == (yesterday.isoformat(), False)
    assert [row["mark"] for row in saved.json()["marks"]] == ["absent", "present"]
    assert client.put(url, edit, content_type=JSON, HTTP_IF_MATCH=read["ETag"], **recorder).status_code == 412
    assert client.get(f"{API}/attendance/sessions/999999/", **recorder).status_code == 404


def test_no_recording_before_approval_or_after_cancellation(client, enterprise_a, admin_a, institution,
                                                          institution_recorder, course):
    draft = ap.complete_filing(enterprise_a, by=admin_a, institution=institution, status=FilingStatus.DRAFT)
    today = timezone.localdate()
    draft_course = ap.course(draft, name="草稿课程", starts_on=today, ends_on=today)
    recorder = auth(token_for(institution_recorder))
    refused = client.post(f"{API}/people/courses/{draft_course.pk}/attendance/", _body(draft_course, today),
                          content_type=JSON, **recorder)
    assert refused.status_code == 409 and refused.json()["message"] == "备案审核通过后才能记录考勤"
    course.filing.status, course.filing.cancel_reason = FilingStatus.CANCELLED, "停办"
    course.filing.save(update_fields=["status", "cancel_reason"])
    cancelled = client.post(f"{API}/people/courses/{course.pk}/attendance/", _body(course, today),
                            content_type=JSON, **recorder)
    assert cancelled.status_code == 409 and cancelled.json()["message"] == "该培训班已注销，不能再记录考勤"


def test_the_summary_and_records_for_whoever_tracks(client, course, admin_a, admin_b, claimer_a, county_reviewer_a,
                                                    institution_recorder):
    recorder = auth(token_for(institution_recorder))
    yesterday = timezone.localdate() - datetime.timedelta(days=1)
    client.post(f"{API}/people/courses/{course.pk}/attendance/", _body(course, yesterday, 学徒2=Mark.ABSENT),
                content_type=JSON, **recorder)
    filing = course.filing
    url = f"{API}/filings/{filing.pk}/attendance/"
    assert client.get(url, **auth(token_for(admin_b))).status_code == 404
    assert client.get(url, **auth(token_for(claimer_a))).status_code == 403
    for user, can_record in ((admin_a, False), (county_reviewer_a, False), (institution_recorder, True)):
        data = client.get(url, **auth(token_for(user))).json()
        assert data["can_record"] is can_record
        assert [(row["name"], row["total"], row["present"], row["absent"], row["rate_text"])
                for row in data["trainees"]] == [("学徒1", 1, 1, 0, "100.0%"), ("学徒2", 1, 0, 1, "0.0%")]
        assert [(row["name"], row["sessions"]) for row in data["courses"] if row["sessions"]] == [("考勤课程", 1)]
    records = client.get(f"{url}records/", **auth(token_for(county_reviewer_a))).json()["results"]
    assert [(row["day"], row["present"], row["absent"], row["trainee_mark"]) for row in records] == [
        (yesterday.isoformat(), 1, 1, None)]
    second = filing.trainees.order_by("id").last()
    mine = client.get(f"{url}records/", {"trainee": second.pk}, **auth(token_for(admin_a))).json()["results"]
    assert [row["trainee_mark"] for row in mine] == ["absent"]
    other = ap.complete_filing(admin_b.organisation, by=admin_b).trainees.first()
    bad = client.get(f"{url}records/", {"trainee": other.pk}, **auth(token_for(admin_a)))
    assert bad.status_code == 400 and bad.json()["field"] == "trainee"
    assert client.get(f"{url}records/", {"course": "x"}, **auth(token_for(admin_a))).json()["field"] == "course"


def test_the_attendance_import_is_the_foundations(client, course, institution_recorder, admin_a,
                                                  django_capture_on_commit_callbacks):
    """导入考勤: the screen's import through /api/v1/imports/ with the course as its parent (the same job, form
    and service), and the recording rule holds there too."""
    trainee = course.filing.trainees.order_by("id").first()
    day = (timezone.localdate() - datetime.timedelta(days=2)).isoformat()
    body = {"parent": str(course.pk), "rows": [{"day": day, "id_number": trainee.id_number, "name": trainee.name,
                                                "mark": "出勤", "teacher_present": "是"}]}
    with django_capture_on_commit_callbacks(execute=True):
        started = client.post("/api/v1/imports/apprenticeship_attendance/", body, content_type=JSON,
                              **auth(token_for(institution_recorder)))
    assert started.status_code == 202, started.content.decode()
    job = client.get(f"/api/v1/jobs/{started.json()['id']}/", **auth(token_for(institution_recorder))).json()
    assert (job["status"], job["total_rows"]) == ("succeeded", 1), job
    session = AttendanceSession.objects.get(course=course)
    assert (session.day.isoformat(), list(session.marks.values_list("trainee_id", "mark"))) == (
        day, [(trainee.pk, "present")])
    with django_capture_on_commit_callbacks(execute=True):
        refused = client.post("/api/v1/imports/apprenticeship_attendance/", body, content_type=JSON,
                              **auth(token_for(admin_a)))
    assert refused.status_code == 403
