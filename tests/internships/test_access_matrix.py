"""The programme's access matrix: every URL pattern of the namespace "internships" that names an object,
requested by every persona, answers exactly the status written here; a pattern in neither table fails the suite
(tests/core/test_access_matrix.py leaves this namespace to this file).

Personas: the object's owner (tests/internships/world.py), enterprise B's administrator (another host), the
school's administrator, another school's administrator, the student 张同学 (a student of the school, not
necessarily the one the object is about), a student of another school, 郑州市教育局 (the region's education
department), 洛阳市教育局 (another region), 金水区 HR (another line of government), enterprise A's
sub-administrator without the programme's permission, an individual with no relation, an anonymous visitor.

Statuses: 200 shown, 302 redirected (the sign-in page for anonymous visitors; the next page after a form),
403 visible but not allowed (or a screen the role does not open), 404 not visible, 405 wrong method.
"""

import pytest

from tests.internships.world import build_world
from tests.matrix import check_foreign_posts, check_gets, completeness, namespace_patterns

NAMESPACE = "internships"
PERSONAS = ("owner", "host_b", "school", "school_b", "student", "student_b", "education", "education_b", "hr",
            "sub_admin", "individual", "anonymous")

# URL name -> (the object its id names, the GET status per persona in PERSONAS order).
MATRIX = {
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------
    # enterprise A is self-registered and admitted: in every school's pool (school_b too)
    "internships:enterprise_detail": ("enterprise", "200 404 200 200 404 404 200 404 404 404 404 302"),
    "internships:blacklist_propose": ("enterprise", "403 404 200 200 404 404 200 404 404 404 404 302"),
    "internships:blacklisting": ("blacklisting", "200 404 404 404 404 404 200 404 404 404 404 302"),
    "internships:blacklist_remove": ("blacklisting", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:blacklist_resubmit": ("blacklisting", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:blacklist_withdraw": ("blacklisting", "405 405 405 405 405 405 405 405 405 405 405 405"),

    # --- positions -----------------------------------------------------------------------------------------
    "internships:position_detail": ("position", "200 404 200 200 200 200 200 404 404 404 404 302"),
    "internships:position_edit": ("position", "200 404 403 403 403 403 403 403 403 403 403 302"),
    "internships:position_edit_checklist": ("position", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:position_publish": ("draft_position", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:position_close": ("position", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:position_delete": ("draft_position", "405 405 405 405 405 405 405 405 405 405 405 405"),

    # --- students, applications, signing -------------------------------------------------------------------
    # The roll entry: its school edits it; the education department, the student and other roles do not
    # open the screen (403); another school does not see it (404).
    "internships:student_edit": ("student", "200 403 200 404 403 403 403 403 403 403 403 302"),
    "internships:student_delete": ("student", "405 405 405 405 405 405 405 405 405 405 405 405"),
    # A position of the open pool, for students only: enterprise A is self-registered and admitted, so it is in
    # every school's pool (internships.selectors.pool), the other school's student included.
    "internships:student_position": ("position", "403 403 403 403 200 200 403 403 403 403 403 302"),
    "internships:student_withdraw": ("application", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:signing_agree": ("application", "405 405 405 405 405 405 405 405 405 405 405 405"),
    # Only the enterprise decides: its student and every role without the host permission get 403, enterprise
    # B (host permission, another enterprise's application) 404.
    "internships:signing_refuse": ("application", "403 404 403 403 403 403 403 403 403 403 403 302"),

    # --- school: agreements, groups, early end, overview; education: internships ---------------------------
    "internships:internship_detail": ("internship", "200 404 200 404 404 404 200 404 404 404 404 302"),
    "internships:agreement_terms": ("signed_internship", "200 404 200 404 404 404 403 404 404 404 404 302"),
    "internships:agreement_confirm": ("signed_internship", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:consent_upload": ("signed_internship", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:agreement_copy_upload": ("signed_internship", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:agreement_sign": ("signed_internship", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:agreement_pdf": ("signed_internship", "200 404 200 404 404 404 200 404 404 404 404 302"),
    "internships:end_early": ("internship", "200 404 200 404 404 404 403 404 404 404 404 302"),
    "internships:school_group_detail": ("group", "200 404 200 404 404 404 403 404 404 404 404 302"),
    "internships:host_group_mentor": ("host_group", "200 404 403 404 404 404 403 404 404 404 404 302"),

    # --- insurance, arrival, evaluation --------------------------------------------------------------------
    "internships:policy_detail": ("policy", "200 404 200 404 404 404 200 404 404 404 404 302"),
    "internships:policy_add_students": ("policy", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:insurer_edit": ("insurer", "200 403 403 403 403 403 403 403 403 403 403 302"),
    "internships:arrival_confirm": ("internship", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:evaluation_detail": ("internship", "200 404 200 404 404 404 200 404 404 404 404 302"),

    # --- complaints and appeals ----------------------------------------------------------------------------
    "internships:complaint_detail": ("complaint", "200 404 200 404 404 404 200 404 404 404 404 302"),
    "internships:complaint_investigate": ("complaint", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:complaint_conclude": ("complaint", "405 405 405 405 405 405 405 405 405 405 405 405"),
    "internships:appeal_detail": ("appeal", "200 404 200 404 404 404 200 404 404 404 404 302"),
    "internships:appeal_decide": ("appeal", "405 405 405 405 405 405 405 405 405 405 405 405"),
}

# URL patterns that name no object of another user (lists, forms, one's own page). Covered by their own tests.
WITHOUT_OBJECT = {
    # --- entry, registry, pool, recommendations, blacklist, settings ----------------------------------------
    "internships:registry", "internships:enterprise", "internships:enterprise_apply", "internships:enterprise_staff",
    "internships:recommendations", "internships:recommend_new", "internships:recommend_existing", "internships:pool",
    "internships:settings", "internships:blacklist", "internships:blacklist_public",

    # --- positions -----------------------------------------------------------------------------------------
    "internships:positions",
    "internships:position_create",
    "internships:position_checklist",
    "internships:position_staff_on_duty",

    # --- students, applications, signing -------------------------------------------------------------------
    "internships:students",  # the school's own roll (tests/internships/test_students.py)
    "internships:student_create",  # a form of the school's own roll
    "internships:student_sign_in",  # accounts' name + ID number entry (tests/internships/test_student_sign_in.py)
    "internships:student_positions",  # the signed-in student's own school's pool
    "internships:student_choose",  # POST of the signed-in student's own choices
    "internships:student_applications",  # the signed-in student's own applications
    "internships:signing",  # the enterprise's own applications (tests/internships/test_signing.py)
    "internships:school_applications",  # the school's own students' applications

    # --- school: agreements, groups, early end, overview; education: internships ---------------------------
    "internships:my_internships",  # the student's own (tests/internships/test_school_agreement.py)
    "internships:school_groups",  # school's groups (tests/internships/test_school_groups.py)
    "internships:host_groups",  # the enterprise's groups (tests/internships/test_school_groups.py)
    "internships:school_overview",  # the school's roll (tests/internships/test_school_overview.py)
    "internships:school_statistics",  # the school's figures (tests/internships/test_school_overview.py)
    "internships:supervision",  # the department's region (tests/internships/test_school_overview.py)
    "internships:supervision_statistics",  # the department's region (tests/internships/test_school_overview.py)

    # --- insurance, arrival, evaluation --------------------------------------------------------------------
    "internships:insurance",  # policies of the user's organisation: tests/internships/test_insurance.py
    "internships:policy_create",  # files for the user's own organisation: test_insurance.py
    "internships:policy_print",  # the user's own policies: test_insurance.py
    "internships:insurers",  # everyone signed in: test_insurance.py
    "internships:insurer_create",  # provincial education department: test_insurance.py
    "internships:arrivals",  # the enterprise's own interns: test_arrivals.py
    "internships:evaluations",  # the user's own internships: test_evaluations.py

    # --- complaints and appeals ----------------------------------------------------------------------------
    "internships:student_complaints", "internships:complaint_create", "internships:enterprise_complaints",
    "internships:appeal_create", "internships:enterprise_appeals", "internships:school_complaints",
    "internships:school_appeals", "internships:education_complaints",
}

# POSTs by personas who may not act must write nothing: URL name -> (object, status per POST_PERSONAS; "-" skips).
POST_PERSONAS = ("host_b", "school_b", "student_b", "education_b", "hr", "sub_admin", "individual")
POSTS = {
    # --- sections add their state-changing URLs below ------------------------------------------------------
    "internships:student_delete": ("student", "403 404 403 403 403 403 403"),
    "internships:student_withdraw": ("application", "404 404 404 404 404 404 404"),
    "internships:signing_agree": ("application", "404 403 403 403 403 403 403"),
    "internships:signing_refuse": ("application", "404 403 403 403 403 403 403"),
    # entry, blacklist
    # school_b may propose (enterprise A is in its pool): the empty form answers 200 and writes nothing
    "internships:blacklist_propose": ("enterprise", "404 200 404 404 404 404 404"),
    "internships:blacklist_remove": ("blacklisting", "404 404 404 404 404 404 404"),
    "internships:blacklist_resubmit": ("blacklisting", "404 404 404 404 404 404 404"),
    "internships:blacklist_withdraw": ("blacklisting", "404 404 404 404 404 404 404"),
    "internships:agreement_terms": ("signed_internship", "404 404 404 404 404 404 404"),
    "internships:agreement_confirm": ("signed_internship", "404 404 404 404 404 404 404"),
    "internships:consent_upload": ("signed_internship", "404 404 404 404 404 404 404"),
    "internships:agreement_copy_upload": ("signed_internship", "404 404 404 404 404 404 404"),
    "internships:agreement_sign": ("signed_internship", "404 404 404 404 404 404 404"),
    "internships:end_early": ("internship", "404 404 404 404 404 404 404"),
    "internships:school_group_detail": ("group", "404 404 404 404 404 404 404"),
    "internships:host_group_mentor": ("host_group", "404 404 404 404 404 404 404"),
    # insurance, arrival, evaluation
    "internships:policy_add_students": ("policy", "404 404 404 404 404 404 404"),
    "internships:insurer_edit": ("insurer", "403 403 403 403 403 403 403"),
    "internships:arrival_confirm": ("internship", "404 404 404 404 404 404 404"),
    "internships:evaluation_detail": ("internship", "404 404 404 404 404 404 404"),
    # --- positions
    "internships:position_edit": ("position", "404 403 403 403 403 403 403"),
    "internships:position_edit_checklist": ("position", "404 403 403 403 403 403 403"),
    "internships:position_publish": ("draft_position", "404 403 403 403 403 403 403"),
    "internships:position_close": ("position", "404 403 403 403 403 403 403"),
    "internships:position_delete": ("draft_position", "404 403 403 403 403 403 403"),
    # complaints and appeals
    "internships:complaint_investigate": ("complaint", "404 404 404 404 404 404 404"),
    "internships:complaint_conclude": ("complaint", "404 404 404 404 404 404 404"),
    "internships:appeal_decide": ("appeal", "404 404 404 404 404 404 404"),
}


def test_every_url_pattern_has_a_row():
    problems = completeness(namespace_patterns(NAMESPACE), matrix=MATRIX, without_object=WITHOUT_OBJECT,
                            posts=POSTS)
    assert not problems, "tests/internships/test_access_matrix.py: " + "; ".join(problems)


@pytest.fixture
def world(host_a, admin_a, school, school_admin, student, student_record, education_reviewer):
    return build_world(host_a=host_a, admin_a=admin_a, school=school, school_admin=school_admin, student=student,
                       student_record=student_record, education_reviewer=education_reviewer)


@pytest.fixture
def people(host_b, admin_b, school_admin, school_b_admin, student, student_record, student_b_person,
           student_b_record, education_reviewer, education_other_reviewer, county_reviewer_a, staff_manager_a,
           outsider):
    return {"host_b": admin_b, "school": school_admin, "school_b": school_b_admin, "student": student,
            "student_b": student_b_person, "education": education_reviewer, "education_b": education_other_reviewer,
            "hr": county_reviewer_a, "sub_admin": staff_manager_a, "individual": outsider, "anonymous": None}


@pytest.mark.django_db
def test_get_matrix(client, world, people):
    wrong = check_gets(client, rows=MATRIX, personas=PERSONAS, patterns=namespace_patterns(NAMESPACE),
                       world=world, people=people)
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_foreign_posts_write_nothing(client, world, people):
    wrong = check_foreign_posts(client, rows=POSTS, personas=POST_PERSONAS, patterns=namespace_patterns(NAMESPACE),
                                world=world, people=people)
    assert not wrong, "\n".join(wrong)
