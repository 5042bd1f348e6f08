"""The API access matrix of /api/v1/internships/ (tests/api/matrix.py explains rows and checks), over the
programme's own world and personas (tests/internships/world.py, in the order of its screen matrix): the object's
owner, enterprise B, the school, another school, the student 张同学, another school's student, the region's
education department, another city's, 金水区 HR, enterprise A's sub-administrator without the programme's
permission, an individual, an anonymous caller. Organisation members call with a key, students with their
session. A route without an object names the world's object whose owner is the route's user (its "owner")."""

import pytest

from internships.models import Internship
from tests.api.matrix import check_api
from tests.internships.test_access_matrix import PERSONAS
from tests.internships.world import Thing, build_world

API_MATRIX = {
    "api:internships:positions": ("position", "GET", None, "200 200 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:position_detail": ("position", "GET", None, "200 404 200 200 200 200 200 404 404 404 404 401"),
    "api:internships:position_publish": ("draft_position", "POST", None,
                                         "200 404 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:position_close": ("position", "POST", None, "200 404 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:signing": ("position", "GET", None, "200 200 403 403 403 403 403 403 403 403 403 401"),
    # the school and the education department see the application, but only its enterprise decides
    "api:internships:signing_agree": ("application_to_decide", "POST", None,
                                      "200 404 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:signing_refuse": ("application_to_decide", "POST", {"reason": "岗位已满"},
                                       "200 404 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:school_applications": ("student", "GET", None, "200 403 200 200 403 403 403 403 403 403 403 401"),
    # the student's own lists: every student gets theirs (student_b's is empty), anyone else 403
    "api:internships:student_positions": ("application", "GET", None,
                                          "200 403 403 403 200 200 403 403 403 403 403 401"),
    # enterprise A is admitted and self-registered: in the pool of both schools
    "api:internships:student_position": ("position", "GET", None, "403 403 403 403 200 200 403 403 403 403 403 401"),
    "api:internships:student_applications": ("application", "GET", None,
                                             "200 403 403 403 200 200 403 403 403 403 403 401"),
    # the school and the region's education department see the application (403), the others do not (404)
    "api:internships:student_withdraw": ("application", "POST", None,
                                         "200 404 403 404 200 404 403 404 404 404 404 401"),
    "api:internships:my_internships": ("application", "GET", None, "200 403 403 403 200 200 403 403 403 403 403 401"),
    # the education departments' list (the registry record's owner is the region's department): another
    # city's department gets its own, empty, list
    "api:internships:arrivals": ("position", "GET", None, "200 200 403 403 403 403 403 403 403 403 403 401"),
    # only the host enterprise confirms (an empty form: 400); the school and the department see the internship
    "api:internships:arrival_confirm": ("internship_at_host", "POST", {},
                                        "400 404 403 404 404 404 403 404 404 404 404 401"),
    # every role that evaluates or reads evaluations gets its own list (others' are empty)
    "api:internships:evaluations": ("internship", "GET", None, "200 200 200 200 200 200 200 200 403 403 403 401"),
    "api:internships:evaluation_detail": ("internship", "GET", None,
                                          "200 404 200 404 404 404 200 404 404 404 404 401"),
    # 查看学生评价: every host enterprise its own (enterprise B's is empty), nobody else
    "api:internships:enterprise_evaluations": ("position", "GET", None,
                                               "200 200 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:supervision": ("registry_record", "GET", None, "200 403 403 403 403 403 200 200 403 403 403 401"),
    "api:internships:internship_detail": ("internship", "GET", None,
                                          "200 404 200 404 404 404 200 404 404 404 404 401"),
    # the school's actions on the internship: the region's education department sees it (403), others do not
    "api:internships:agreement_terms": ("signed_internship", "PUT", {},
                                        "428 404 428 404 404 404 403 404 404 404 404 401"),
    # only the internship's student confirms (a stale digest: 400); the school and the department see it
    "api:internships:agreement_confirm": ("internship_to_confirm", "POST", {"digest": "0"},
                                          "400 404 403 404 404 404 403 404 404 404 404 401"),
    # uploads are multipart: a JSON body is 415 for those who may upload
    "api:internships:consent_upload": ("signed_internship", "POST", None,
                                       "415 404 415 404 404 404 403 404 404 404 404 401"),
    "api:internships:agreement_copy_upload": ("signed_internship", "POST", None,
                                              "415 404 415 404 404 404 403 404 404 404 404 401"),
    # not yet confirmed by the student, no consent form: the service refuses (400)
    "api:internships:agreement_sign": ("signed_internship", "POST", None,
                                       "400 404 400 404 404 404 403 404 404 404 404 401"),
    "api:internships:end_early": ("internship", "POST", {}, "400 404 400 404 404 404 403 404 404 404 404 401"),
    # 张同学 is not the signed student: the internship is not theirs
    "api:internships:agreement_pdf": ("signed_internship", "GET", None,
                                      "200 404 200 404 404 404 200 404 404 404 404 401"),
    # --- insurance: every filer and education department gets its own list (others' are empty); the
    # sub-administrator lacks the programme's permission
    "api:internships:policies": ("policy", "GET", None, "200 200 200 200 403 403 200 200 403 403 403 401"),
    "api:internships:policies_pdf": ("policy", "GET", None, "200 200 200 200 403 403 200 200 403 403 403 401"),
    "api:internships:policy_detail": ("policy", "GET", None, "200 404 200 404 404 404 200 404 404 404 404 401"),
    # only the filer adds students (no student chosen: 400); the department sees the policy (403)
    "api:internships:policy_students_add": ("policy", "POST", {}, "400 404 400 404 404 404 403 404 404 404 404 401"),
    # --- complaints and appeals
    # the lists: each role gets its own (others' are empty), everyone else 403
    "api:internships:student_complaints": ("complaint", "GET", None, "200 403 403 403 200 200 403 403 403 403 403 401"),
    "api:internships:enterprise_complaints": ("appeal", "GET", None,
                                              "200 200 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:school_complaints": ("internship", "GET", None,
                                          "200 403 200 200 403 403 403 403 403 403 403 401"),
    "api:internships:education_complaints": ("blacklisting", "GET", None,
                                             "200 403 403 403 403 403 200 200 403 403 403 401"),
    "api:internships:complaint_detail": ("complaint", "GET", None,
                                         "200 404 200 404 404 404 200 404 404 404 404 401"),
    # filing an appeal: enterprises only (an empty form: 400)
    "api:internships:enterprise_appeals": ("appeal", "POST", {}, "400 400 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:school_appeals": ("internship", "GET", None, "200 403 200 200 403 403 403 403 403 403 403 401"),
    "api:internships:appeal_detail": ("appeal", "GET", None, "200 404 200 404 404 404 200 404 404 404 404 401"),
    # --- blacklist
    # the education departments' list, a school's own proposals (empty for school_b)
    "api:internships:blacklist": ("blacklisting", "GET", None, "200 403 200 200 403 403 200 200 403 403 403 401"),
    "api:internships:blacklisting": ("blacklisting", "GET", None, "200 404 404 404 404 404 200 404 404 404 404 401"),
    # an empty reason: 400 for the departments who may remove (the owner is the region's department)
    "api:internships:blacklist_remove": ("blacklisting", "POST", {},
                                         "400 404 404 404 404 404 400 404 404 404 404 401"),
    # the enterprise does not propose itself; the schools and the department do (an empty form: 400)
    "api:internships:blacklist_propose": ("enterprise", "POST", {},
                                          "403 404 400 400 404 404 400 404 404 404 404 401"),
    # --- groups
    "api:internships:school_groups": ("group", "GET", None, "200 403 200 200 403 403 403 403 403 403 403 401"),
    # the enterprise and the department see the group (403 for the school's page), others do not
    "api:internships:school_group_detail": ("group", "GET", None, "200 404 200 404 404 404 403 404 404 404 404 401"),
    "api:internships:school_group_members": ("group", "PUT", {}, "428 404 428 404 404 404 403 404 404 404 404 401"),
    "api:internships:host_groups": ("host_group", "GET", None, "200 200 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:host_group_mentor": ("host_group", "PUT", {}, "428 404 403 404 404 404 403 404 404 404 404 401"),
    # in2
    # an edit of the enterprise's own position: If-Match first (428); another enterprise does not see it
    "api:internships:position_exemption_upload": ("position", "POST", None,
                                                  "428 404 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:education_complaint_counts": ("blacklisting", "GET", None,
                                                   "200 403 403 403 403 403 200 200 403 403 403 401"),
    # only the proposing organisation resubmits (the owner is the region's department, the proposer)
    "api:internships:blacklist_resubmit": ("blacklisting", "POST", {},
                                           "428 404 404 404 404 404 428 404 404 404 404 401"),
    # the public page: anyone signed in or with a key
    "api:internships:blacklist_public": ("blacklisting", "GET", None,
                                         "200 200 200 200 200 200 200 200 200 200 200 401"),
    # in1
    # --- the roll (学生名册): the school's own; a school member sees another school's student as nothing (404)
    "api:internships:students": ("student", "GET", None, "200 403 200 200 403 403 403 403 403 403 403 401"),
    "api:internships:student_detail": ("student", "GET", None, "200 403 200 404 403 403 403 403 403 403 403 401"),
    # --- recommendations and the pool: every school its own (an empty form: 400)
    "api:internships:recommendations": ("student", "GET", None, "200 403 200 200 403 403 403 403 403 403 403 401"),
    "api:internships:recommend_new": ("student", "POST", {}, "400 403 400 400 403 403 403 403 403 403 403 401"),
    "api:internships:recommend_existing": ("student", "POST", {},
                                           "400 403 400 400 403 403 403 403 403 403 403 401"),
    "api:internships:pool": ("student", "GET", None, "200 403 200 200 403 403 403 403 403 403 403 401"),
    # --- the enterprise's record as on screen (itself, the schools of its pool, its region's department);
    # the registry: the education departments that keep it
    "api:internships:enterprise_detail": ("enterprise", "GET", None,
                                          "200 404 200 200 404 404 200 404 404 404 404 401"),
    "api:internships:registry": ("registry_record", "GET", None, "200 403 403 403 403 403 200 200 403 403 403 401"),
    # the enterprise's own page: every host enterprise its own; both are admitted already (applying again: 400);
    # an empty staff form: 400
    "api:internships:enterprise": ("enterprise", "GET", None, "200 200 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:enterprise_apply": ("enterprise", "POST", None,
                                         "400 400 403 403 403 403 403 403 403 403 403 401"),
    "api:internships:enterprise_staff": ("enterprise", "PUT", {}, "400 400 403 403 403 403 403 403 403 403 403 401"),
    # the regional settings: the education departments' settings managers, each its own region
    "api:internships:settings": ("registry_record", "GET", None, "200 403 403 403 403 403 200 200 403 403 403 401"),
    # --- the overview and statistics: every school its own, every education department its region's
    "api:internships:school_overview": ("student", "GET", None, "200 403 200 200 403 403 403 403 403 403 403 401"),
    "api:internships:school_statistics": ("student", "GET", None, "200 403 200 200 403 403 403 403 403 403 403 401"),
    "api:internships:supervision_statistics": ("registry_record", "GET", None,
                                               "200 403 403 403 403 403 200 200 403 403 403 401"),
    # --- the insurers: everyone signed in reads the list; only its keeper (the province) edits one
    "api:internships:insurers": ("insurer", "GET", None, "200 200 200 200 200 200 200 200 200 200 200 401"),
    "api:internships:insurer_detail": ("insurer", "GET", None, "200 403 403 403 403 403 403 403 403 403 403 401"),
}


@pytest.fixture
def internships_api_world(host_a, admin_a, school, school_admin, student, student_record, education_reviewer):
    """The screen matrix's world, the application as its enterprise's (the one who decides it) and the
    internship waiting for its agreement as its student's (the one who confirms it), the internship as its
    host's (the one who confirms the arrival)."""
    world = build_world(host_a=host_a, admin_a=admin_a, school=school, school_admin=school_admin, student=student,
                        student_record=student_record, education_reviewer=education_reviewer)
    signed = Internship.objects.select_related("student__person").get(pk=world["signed_internship"].pk)
    return {**world, "application_to_decide": Thing(world["application"].pk, admin_a),
            "internship_to_confirm": Thing(signed.pk, signed.student.person),
            "internship_at_host": Thing(world["internship"].pk, admin_a)}


@pytest.fixture
def internships_api_people(host_b, admin_b, school_admin, school_b_admin, student, student_record, student_b_person,
               student_b_record, education_reviewer, education_other_reviewer, county_reviewer_a, staff_manager_a,
               outsider):
    return {"host_b": admin_b, "school": school_admin, "school_b": school_b_admin, "student": student,
            "student_b": student_b_person, "education": education_reviewer, "education_b": education_other_reviewer,
            "hr": county_reviewer_a, "sub_admin": staff_manager_a, "individual": outsider, "anonymous": None}


@pytest.mark.django_db
def test_api_matrix(client, internships_api_world, internships_api_people):
    world, people = internships_api_world, internships_api_people
    wrong = check_api(client, rows=API_MATRIX, personas=PERSONAS, world=world,
                      user_for=lambda persona, key: world[key].owner if persona == "owner" else people[persona])
    assert not wrong, "\n".join(wrong)
