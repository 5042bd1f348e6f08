"""The programme's access matrix: every URL pattern of the namespace "continuing_education" that names an object,
requested by every persona, answers exactly the status written here; a pattern in neither table fails the suite
(tests/core/test_access_matrix.py leaves this namespace to this file).

Personas: the object's owner (tests/continuing_education/world.py; enterprise A's administrator unless it says
otherwise), enterprise B's administrator (another unit), enterprise A's sub-administrator holding only 培训管理,
enterprise A's sub-administrator with no role, 王专技 (a professional on A's roster), 赵专技 (on B's roster),
金水区 HR (A's 所属人社部门), 二七区 HR (another county), 郑州市 HR (the city), 郑州市工信局 (an industry
department A does not name), 郑州市教育局 (another line of government), an individual with no unit, an anonymous
visitor.

Statuses: 200 shown, 302 redirected (the sign-in page for anonymous visitors; the next page after a form),
403 visible but not allowed (or a screen the role does not open), 404 not visible, 405 wrong method.
"""

import pytest

from tests.continuing_education.world import build_world
from tests.matrix import check_foreign_posts, check_gets, completeness, namespace_patterns

NAMESPACE = "continuing_education"
PERSONAS = ("owner", "enterprise_b", "trainer", "member", "professional", "professional_b", "county", "county_b",
            "city", "industry", "education", "individual", "anonymous")

# URL name -> (the object its id names, the GET status per persona in PERSONAS order).
MATRIX = {
    # --- units -----------------------------------------------------------------------------------------------
    "continuing_education:staff_approve": ("staff_request", "405 405 405 405 405 405 405 405 405 405 405 405 302"),
    "continuing_education:staff_reject": ("staff_request", "200 404 403 404 404 404 403 404 403 404 404 404 302"),
    "continuing_education:staff_end": ("staff_linked", "200 404 403 404 404 404 403 404 403 404 404 404 302"),
    "continuing_education:unit_detail": ("unit", "403 404 403 404 404 404 200 404 200 404 404 404 302"),

    # --- catalogue -------------------------------------------------------------------------------------------
    "continuing_education:course_edit": ("course", "200 404 200 403 403 403 403 403 403 403 403 403 302"),
    "continuing_education:course_delete": ("course", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:teacher_edit": ("teacher", "200 404 200 403 403 403 403 403 403 403 403 403 302"),
    "continuing_education:teacher_delete": ("teacher", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:site_edit": ("site", "200 404 200 403 403 403 403 403 403 403 403 403 302"),
    "continuing_education:site_delete": ("site", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:platform_edit": ("platform", "200 404 200 403 403 403 403 403 403 403 403 403 302"),
    "continuing_education:platform_delete": ("platform", "405 405 405 405 405 405 405 405 405 405 405 405 405"),

    # --- classes ---------------------------------------------------------------------------------------------
    "continuing_education:class_detail": ("class_draft", "200 404 200 404 404 404 200 404 200 404 404 404 302"),
    "continuing_education:class_edit": ("class_draft", "200 404 403 404 404 404 403 404 403 404 404 404 302"),
    "continuing_education:class_materials": ("class_draft", "200 404 403 404 404 404 403 404 403 404 404 404 302"),
    "continuing_education:class_print": ("class_approved", "200 404 200 404 404 404 200 404 200 404 404 404 302"),
    "continuing_education:class_participants":
        ("class_approved", "200 404 403 404 404 404 403 404 403 404 404 404 302"),
    "continuing_education:class_submit": ("class_draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:class_withdraw": ("class_draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:class_delete": ("class_draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:class_material_delete":
        ("class_draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:participant_add": ("class_approved", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:participant_pick": ("class_approved", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:participant_result":
        ("class_approved", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:participant_remove":
        ("class_approved", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:class_report_results":
        ("class_approved", "405 405 405 405 405 405 405 405 405 405 405 405 405"),

    # --- hours -----------------------------------------------------------------------------------------------
    "continuing_education:declaration_detail": ("declaration", "200 404 200 404 200 404 200 404 200 404 404 404 302"),
    "continuing_education:declaration_edit": ("declaration", "200 404 403 404 200 404 403 404 403 404 404 404 302"),
    "continuing_education:declaration_submit": ("declaration", "405 405 405 405 405 405 405 405 405 405 405 405 302"),
    "continuing_education:declaration_withdraw": ("declaration", "405 405 405 405 405 405 405 405 405 405 405 405 302"),
    "continuing_education:declaration_delete": ("declaration", "405 405 405 405 405 405 405 405 405 405 405 405 302"),
    "continuing_education:inbox_decide": ("declaration", "405 405 405 405 405 405 405 405 405 405 405 405 302"),

    # --- archive ---------------------------------------------------------------------------------------------
    "continuing_education:archive_detail": ("archive_year", "200 404 403 403 200 404 200 404 200 404 404 404 302"),
    "continuing_education:certificate": ("archive_year", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "continuing_education:rule_edit": ("hours_rule", "200 403 403 403 403 403 403 403 403 403 403 403 302"),

    # --- correction ------------------------------------------------------------------------------------------
    "continuing_education:correction_new": ("class_reported", "200 404 403 404 404 404 403 404 403 404 404 404 302"),
}

# Pages that name no object (lists, forms for a new record): the navigation test opens them for every persona.
WITHOUT_OBJECT = {
    # --- desk ------------------------------------------------------------------------------------------------
    "continuing_education:desk", "continuing_education:statistics",

    # --- units -----------------------------------------------------------------------------------------------
    "continuing_education:join", "continuing_education:join_cancel", "continuing_education:staff_requests",
    "continuing_education:staff_approve_batch", "continuing_education:units",

    # --- catalogue -------------------------------------------------------------------------------------------
    "continuing_education:courses", "continuing_education:course_new", "continuing_education:teachers",
    "continuing_education:teacher_new", "continuing_education:sites", "continuing_education:site_new",
    "continuing_education:platforms", "continuing_education:platform_new", "continuing_education:docking_complete",

    # --- classes ---------------------------------------------------------------------------------------------
    "continuing_education:class_new", "continuing_education:declared", "continuing_education:classes",
    "continuing_education:reviewed_classes",

    # --- hours -----------------------------------------------------------------------------------------------
    "continuing_education:declarations", "continuing_education:declaration_new", "continuing_education:inbox",
    "continuing_education:hours_manage", "continuing_education:hours_new_for", "continuing_education:online_results",

    # --- archive ---------------------------------------------------------------------------------------------
    "continuing_education:archive", "continuing_education:my_archive", "continuing_education:certificate_verify",
    "continuing_education:rules", "continuing_education:rule_new",
}

# Writes by people who may not make them: the status, and nothing written (audit log and reviews unchanged).
POST_PERSONAS = ("enterprise_b", "trainer", "member", "professional_b", "county_b", "industry", "education",
                 "individual")
POSTS = {
    # --- units -----------------------------------------------------------------------------------------------
    "continuing_education:staff_approve": ("staff_request", "404 403 404 404 404 404 404 404"),
    "continuing_education:staff_reject": ("staff_request", "404 403 404 404 404 404 404 404"),
    "continuing_education:staff_end": ("staff_linked", "404 403 404 404 404 404 404 404"),

    # --- catalogue -------------------------------------------------------------------------------------------
    "continuing_education:course_edit": ("course", "404 - 403 403 403 403 403 403"),
    "continuing_education:course_delete": ("course", "404 - 403 403 403 403 403 403"),
    "continuing_education:teacher_edit": ("teacher", "404 - 403 403 403 403 403 403"),
    "continuing_education:teacher_delete": ("teacher", "404 - 403 403 403 403 403 403"),
    "continuing_education:site_edit": ("site", "404 - 403 403 403 403 403 403"),
    "continuing_education:site_delete": ("site", "404 - 403 403 403 403 403 403"),
    "continuing_education:platform_edit": ("platform", "404 - 403 403 403 403 403 403"),
    "continuing_education:platform_delete": ("platform", "404 - 403 403 403 403 403 403"),

    # --- classes ---------------------------------------------------------------------------------------------
    "continuing_education:class_edit": ("class_draft", "404 403 404 404 404 404 404 404"),
    "continuing_education:class_submit": ("class_draft", "404 403 404 404 404 404 404 404"),
    "continuing_education:class_withdraw": ("class_draft", "404 403 404 404 404 404 404 404"),
    "continuing_education:class_delete": ("class_draft", "404 403 404 404 404 404 404 404"),
    "continuing_education:class_materials": ("class_draft", "404 403 404 404 404 404 404 404"),
    "continuing_education:class_material_delete": ("class_draft", "404 403 404 404 404 404 404 404"),
    "continuing_education:participant_add": ("class_approved", "404 403 404 404 404 404 404 404"),
    "continuing_education:participant_pick": ("class_approved", "404 403 404 404 404 404 404 404"),
    "continuing_education:participant_result": ("class_approved", "404 403 404 404 404 404 404 404"),
    "continuing_education:participant_remove": ("class_approved", "404 403 404 404 404 404 404 404"),
    "continuing_education:class_report_results": ("class_approved", "404 403 404 404 404 404 404 404"),

    # --- hours -----------------------------------------------------------------------------------------------
    "continuing_education:declaration_submit": ("declaration", "404 403 404 404 404 404 404 404"),
    "continuing_education:declaration_withdraw": ("declaration", "404 403 404 404 404 404 404 404"),
    "continuing_education:declaration_delete": ("declaration", "404 403 404 404 404 404 404 404"),
    "continuing_education:inbox_decide": ("declaration", "404 403 404 404 404 404 404 404"),

    # --- archive ---------------------------------------------------------------------------------------------
    "continuing_education:certificate": ("archive_year", "404 403 403 404 404 404 404 404"),
    "continuing_education:rule_edit": ("hours_rule", "403 403 403 403 403 403 403 403"),

    # --- correction ------------------------------------------------------------------------------------------
    "continuing_education:correction_new": ("class_reported", "404 403 404 404 404 404 404 404"),
}


def test_every_url_pattern_has_a_row():
    problems = completeness(namespace_patterns(NAMESPACE), matrix=MATRIX, without_object=WITHOUT_OBJECT,
                            posts=POSTS)
    assert not problems, "tests/continuing_education/test_access_matrix.py: " + "; ".join(problems)


@pytest.fixture
def world(enterprise_a, admin_a, pro_a, supervised_unit, supervised_admin):
    return build_world(enterprise_a=enterprise_a, admin_a=admin_a, pro_a=pro_a, supervised_unit=supervised_unit,
                       supervised_admin=supervised_admin)


@pytest.fixture
def people(admin_b, trainer_a, member_a, pro_a, pro_b, county_reviewer_a, county_reviewer_b, city_reviewer,
           industry_reviewer, education_reviewer, outsider):
    return {"enterprise_b": admin_b, "trainer": trainer_a, "member": member_a, "professional": pro_a,
            "professional_b": pro_b, "county": county_reviewer_a, "county_b": county_reviewer_b,
            "city": city_reviewer, "industry": industry_reviewer, "education": education_reviewer,
            "individual": outsider, "anonymous": None}


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
