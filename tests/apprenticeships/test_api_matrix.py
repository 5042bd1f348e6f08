"""The API access matrix of /api/v1/apprenticeships/ (tests/api/matrix.py explains rows and scopes), with the
programme's own world and personas (tests/apprenticeships/world.py, in the order of its screen matrix): the
owner (enterprise A's administrator, or the object's owner), enterprise B, A's claim-only sub-admin, A's member
without a role, the named institution, another institution, 金水区 HR, 二七区 HR, 郑州市 HR, 洛阳市 HR,
郑州市教育局, an individual, anonymous.

Writes carry no If-Match, so an allowed edit answers 428; 备案变更申请 checks the filing permission first, as
its screens do (403 before 404); a JSON body to the upload answers 415."""

import datetime

import pytest
from django.utils import timezone

from apprenticeships.models import AttendanceSession, Course
from tests.api.matrix import check_api
from tests.apprenticeships.test_access_matrix import PERSONAS
from tests.apprenticeships.world import Thing, build_world

API_MATRIX = {
    # --- filings
    "api:apprenticeships:filings": (None, "GET", None,
        "200 200 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:hr_filings": (None, "GET", None,
        "403 403 403 403 403 403 200 200 200 200 403 403 401"),
    "api:apprenticeships:filing_create": (None, "POST", {},
        "400 400 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:filing_detail": ("filing", "GET", None,
        "200 404 200 404 200 404 200 404 200 404 404 404 401"),
    "api:apprenticeships:filing_info": ("draft", "PUT", {},
        "428 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:filing_institution": ("draft", "PUT", {},
        "428 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:filing_class": ("draft", "PUT", {},
        "428 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:filing_material_upload": ("draft", "POST", None,
        "415 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:filing_submit": ("draft", "POST", {},
        "428 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:filing_withdraw": ("filing", "POST", {},
        "409 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:filing_delete": ("draft", "POST", {},
        "204 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:filing_print": ("filing", "GET", None,
        "200 404 200 404 200 404 200 404 200 404 404 404 401"),
    # --- after approval
    "api:apprenticeships:tracking": (None, "GET", None,
        "200 200 403 403 200 200 200 200 200 200 403 403 401"),
    "api:apprenticeships:institution_filings": (None, "GET", None,
        "403 403 403 403 200 200 403 403 403 403 403 403 401"),
    "api:apprenticeships:filing_cancel": ("filing", "POST", {},
        "400 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:trainee_lost": ("trainee", "POST", {},
        "400 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:trainee_certificate": ("trainee", "PUT", {},
        "428 404 403 404 403 404 403 404 403 404 404 404 401"),
    # --- the filing's people
    "api:apprenticeships:filing_teachers": ("filing", "GET", None,
        "200 404 200 404 200 404 200 404 200 404 404 404 401"),
    "api:apprenticeships:filing_teacher_create": ("draft", "POST", {},
        "400 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:teacher_update": ("teacher", "PUT", {},
        "428 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:teacher_delete": ("teacher", "POST", {},
        "409 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:filing_trainees": ("filing", "GET", None,
        "200 404 200 404 200 404 200 404 200 404 404 404 401"),
    "api:apprenticeships:filing_trainee_create": ("draft", "POST", {},
        "400 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:trainee_update": ("draft_trainee", "PUT", {},
        "428 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:trainee_delete": ("draft_trainee", "POST", {},
        "204 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:filing_courses": ("filing", "GET", None,
        "200 404 200 404 200 404 200 404 200 404 404 404 401"),
    "api:apprenticeships:filing_course_create": ("draft", "POST", {},
        "400 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:course_update": ("draft_course", "PUT", {},
        "428 404 403 404 403 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:course_delete": ("draft_course", "POST", {},
        "204 404 403 404 403 404 403 404 403 404 404 404 401"),
    # --- 备案变更申请
    "api:apprenticeships:changes": (None, "GET", None,
        "200 200 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:class_dates": ("filing", "GET", None,
        "200 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:class_dates_change": ("filing", "POST", {},
        "400 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:course_configure": ("course", "PUT", {},
        "428 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:change_records": ("filing", "GET", None,
        "200 404 200 404 200 404 200 404 200 404 404 404 401"),
    # --- 师资信息变更 (the world has no open change: the owner's edits answer 404, 发起 answers 200)
    "api:apprenticeships:teacher_change": ("filing", "GET", None,
        "404 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:teacher_change_open": ("filing", "POST", {},
        "200 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:teacher_change_teacher_add": ("filing", "POST", {},
        "404 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:teacher_change_teacher_remove": ({"pk": 999999, "teacher_id": 1}, "POST", {},
        "404 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:teacher_change_swap": ("filing", "POST", {},
        "404 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:teacher_change_swap_remove": ({"pk": 999999, "swap_id": 1}, "POST", {},
        "404 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:teacher_change_submit": ("filing", "POST", {},
        "404 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:teacher_change_withdraw": ("filing", "POST", {},
        "404 404 403 403 403 403 403 403 403 403 403 403 401"),
    # --- claims
    "api:apprenticeships:claims": (None, "GET", None,
        "200 200 200 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:claim_create": (None, "POST", {},
        "400 400 400 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:claim_detail": ("claim", "GET", None,
        "200 404 200 404 404 404 200 404 200 404 404 404 401"),
    "api:apprenticeships:claim_basics": ("claim_draft", "PUT", {},
        "428 404 428 404 404 404 404 404 404 404 404 404 401"),
    "api:apprenticeships:claim_people_add": ("claim_draft", "POST", {},
        "400 404 400 404 404 404 404 404 404 404 404 404 401"),
    "api:apprenticeships:claim_attachment_add": ("claim_draft", "POST", None,
        "415 404 415 404 404 404 404 404 404 404 404 404 401"),
    "api:apprenticeships:claim_person_remove": ("claim_draft_entry", "POST", {},
        "200 404 200 404 404 404 404 404 404 404 404 404 401"),
    "api:apprenticeships:claim_attachment_remove": ("claim_draft_material", "POST", {},
        "200 404 200 404 404 404 404 404 404 404 404 404 401"),
    "api:apprenticeships:claim_submit": ("claim_draft", "POST", {},
        "428 404 428 404 404 404 404 404 404 404 404 404 401"),
    "api:apprenticeships:claim_withdraw": ("claim", "POST", {},
        "409 404 409 404 404 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:claim_delete": ("claim_draft", "POST", {},
        "204 404 204 404 404 404 404 404 404 404 404 404 401"),
    "api:apprenticeships:claim_pdf": ("claim", "GET", None,
        "200 404 200 404 404 404 200 404 200 404 404 404 401"),
    "api:apprenticeships:claim_roster_pdf": ("claim", "GET", None,
        "200 404 200 404 404 404 200 404 200 404 404 404 401"),
    # --- 拨付登记 (the city; the world's claim is submitted, not approved: the empty body answers first)
    "api:apprenticeships:claim_pay": ("claim", "POST", {},
        "403 404 403 404 404 404 403 404 400 404 404 404 401"),
    # --- 单位培训人员查询 (each enterprise its own)
    "api:apprenticeships:trainees": (None, "GET", None,
        "200 200 403 403 403 403 403 403 403 403 403 403 401"),
    # --- 查看考勤 (whoever tracks the class) and recording (the institution's recorders; the owner is one)
    "api:apprenticeships:attendance": ("filing", "GET", None,
        "200 404 403 404 200 404 200 404 200 404 404 404 401"),
    "api:apprenticeships:attendance_records": ("filing", "GET", None,
        "200 404 403 404 200 404 200 404 200 404 404 404 401"),
    "api:apprenticeships:attendance_record": ("attendance_course", "POST", {},
        "400 404 403 403 400 404 403 404 403 404 404 404 401"),
    "api:apprenticeships:attendance_session": ("attendance_session", "GET", None,
        "200 404 403 403 200 404 403 404 403 404 404 404 401"),
    # --- 培训场地维护 (the enterprise's filers; the world's venue is used by a course: 删除 answers 409)
    "api:apprenticeships:venues": (None, "GET", None,
        "200 200 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:venue_create": (None, "POST", {},
        "400 400 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:venue_update": ("venue", "PUT", {},
        "428 404 403 403 403 403 403 403 403 403 403 403 401"),
    "api:apprenticeships:venue_delete": ("venue", "POST", {},
        "409 404 403 403 403 403 403 403 403 403 403 403 401"),
    # --- 学徒制参数 (city and province HR; the owner is 郑州市 HR, 洛阳 keeps its own)
    "api:apprenticeships:standards": (None, "GET", None,
        "403 403 403 403 403 403 403 403 200 200 403 403 401"),
    "api:apprenticeships:standard_create": (None, "POST", {},
        "403 403 403 403 403 403 403 403 400 400 403 403 401"),
    "api:apprenticeships:standard_update": ("standard", "PUT", {},
        "428 403 403 403 403 403 403 403 428 404 403 403 401"),
    "api:apprenticeships:shortages": (None, "GET", None,
        "403 403 403 403 403 403 403 403 200 200 403 403 401"),
    "api:apprenticeships:shortage_create": (None, "POST", {},
        "403 403 403 403 403 403 403 403 400 400 403 403 401"),
    "api:apprenticeships:shortage_update": ("shortage", "PUT", {},
        "428 403 403 403 403 403 403 403 428 404 403 403 401"),
    "api:apprenticeships:rulesets": (None, "GET", None,
        "403 403 403 403 403 403 403 403 200 200 403 403 401"),
    "api:apprenticeships:ruleset_create": (None, "POST", {},
        "403 403 403 403 403 403 403 403 400 400 403 403 401"),
    "api:apprenticeships:ruleset_update": ("ruleset", "PUT", {},
        "428 403 403 403 403 403 403 403 428 404 403 403 401"),
    # --- 生态链企业认定 (city and province HR read; the city keeps; the owner is 郑州市 HR; the row of the detail
    # route is its PUT, the write) and 学徒制统计 (every HR reviewer, its own region)
    "api:apprenticeships:recognitions": (None, "GET", None,
        "403 403 403 403 403 403 403 403 200 200 403 403 401"),
    "api:apprenticeships:recognition_create": (None, "POST", {},
        "403 403 403 403 403 403 403 403 400 400 403 403 401"),
    "api:apprenticeships:recognition_detail": ("recognition", "PUT", {},
        "428 403 403 403 403 403 403 403 428 404 403 403 401"),
    "api:apprenticeships:recognition_revoke": ("recognition", "POST", {},
        "400 403 403 403 403 403 403 403 400 404 403 403 401"),
    "api:apprenticeships:statistics": (None, "GET", None,
        "403 403 403 403 403 403 200 200 200 200 403 403 401"),
}


@pytest.fixture
def api_world(enterprise_a, admin_a, institution, city_reviewer):
    world = build_world(enterprise_a=enterprise_a, admin_a=admin_a, institution=institution,
                        city_reviewer=city_reviewer)
    # A day of the attendance course already recorded by the institution's recorder (its owner).
    course = Course.objects.get(pk=world["attendance_course"].pk)
    recorder = world["attendance_course"].owner
    session = AttendanceSession.objects.create(course=course, day=timezone.localdate() - datetime.timedelta(days=1),
                                               teacher=course.teacher, teacher_present=True, recorded_by=recorder)
    world["attendance_session"] = Thing(session.pk, recorder)
    return world


@pytest.fixture
def api_people(admin_a, admin_b, claimer_a, member_a, institution_admin, institution_b_admin, county_reviewer_a,
               county_reviewer_b, city_reviewer, other_city_reviewer, education_reviewer, outsider):
    return {"owner": admin_a, "enterprise_b": admin_b, "claimer": claimer_a, "member": member_a,
            "institution": institution_admin, "institution_b": institution_b_admin, "county": county_reviewer_a,
            "county_b": county_reviewer_b, "city": city_reviewer, "other_city": other_city_reviewer,
            "education": education_reviewer, "individual": outsider, "anonymous": None}


@pytest.mark.django_db
def test_api_matrix(client, api_world, api_people):
    def user_for(persona, key):
        if persona == "owner" and key is not None:
            return api_world[key].owner
        return api_people[persona]

    wrong = check_api(client, rows=API_MATRIX, personas=PERSONAS, world=api_world, user_for=user_for)
    assert not wrong, "\n".join(wrong)
