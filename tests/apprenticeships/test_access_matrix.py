"""The programme's access matrix: every URL pattern of the namespace "apprenticeships" that names an object,
requested by every persona, answers exactly the status written here; a pattern in neither table fails the suite
(tests/core/test_access_matrix.py leaves this namespace to this file).

Personas: the object's owner (tests/apprenticeships/world.py; enterprise A's administrator unless it says
otherwise), enterprise B's administrator (another enterprise), enterprise A's sub-administrator holding only the
claim permission, enterprise A's sub-administrator with no role, the training institution named by the filing,
an institution not named, 金水区 HR (the enterprise's county), 二七区 HR (another county), 郑州市 HR (the city),
洛阳市 HR (another city), 郑州市教育局 (another line of government), an individual, an anonymous visitor.

Statuses: 200 shown, 302 redirected (the sign-in page for anonymous visitors; the next page after a form),
403 visible but not allowed (or a screen the role does not open), 404 not visible, 405 wrong method.
"""

import pytest

from tests.apprenticeships.world import build_world
from tests.matrix import check_foreign_posts, check_gets, completeness, namespace_patterns

NAMESPACE = "apprenticeships"
PERSONAS = ("owner", "enterprise_b", "claimer", "member", "institution", "institution_b", "county", "county_b",
            "city", "other_city", "education", "individual", "anonymous")

# URL name -> (the object its id names, the GET status per persona in PERSONAS order).
MATRIX = {
    # --- filing ----------------------------------------------------------------------------------------------
    "apprenticeships:filing_detail": ("filing", "200 404 200 404 200 404 200 404 200 404 404 404 302"),
    "apprenticeships:filing_print": ("filing", "200 404 200 404 200 404 200 404 200 404 404 404 302"),
    "apprenticeships:filing_edit": ("draft", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_institution": ("draft", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_class": ("draft", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_materials": ("draft", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_submit": ("draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:filing_withdraw": ("filing", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:filing_delete": ("draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),

    # --- people ----------------------------------------------------------------------------------------------
    # Whoever sees the filing reads its tabs (the claim-only sub-admin, the named institution, the county and the
    # city read-only); only the enterprise's filers write (403 for the other readers). Deletes are POST only.
    "apprenticeships:filing_teachers": ("filing", "200 404 200 404 200 404 200 404 200 404 404 404 302"),
    "apprenticeships:filing_teacher_create": ("draft", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_teacher_edit": ("teacher", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_teacher_delete": ("teacher", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:filing_trainees": ("filing", "200 404 200 404 200 404 200 404 200 404 404 404 302"),
    "apprenticeships:filing_trainee_create": ("draft", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_trainee_edit": ("draft_trainee", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_trainee_delete": ("draft_trainee", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:trainee_lost": ("trainee", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:trainee_certificate": ("trainee", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_courses": ("filing", "200 404 200 404 200 404 200 404 200 404 404 404 302"),
    "apprenticeships:filing_course_create": ("draft", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_course_edit": ("draft_course", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_course_delete": ("draft_course", "405 405 405 405 405 405 405 405 405 405 405 405 405"),

    # --- changes ---------------------------------------------------------------------------------------------
    "apprenticeships:class_dates": ("filing", "200 404 403 403 403 403 403 403 403 403 403 403 302"),
    "apprenticeships:class_dates_preview": ("filing", "200 404 403 403 403 403 403 403 403 403 403 403 302"),
    "apprenticeships:course_configure": ("course", "200 404 403 403 403 403 403 403 403 403 403 403 302"),
    "apprenticeships:teacher_change": ("filing", "200 404 403 403 403 403 403 403 403 403 403 403 302"),
    "apprenticeships:teacher_change_teacher": ("filing", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:teacher_change_teacher_delete": ("filing", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:teacher_change_swap": ("filing", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:teacher_change_swap_delete": ("filing", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:teacher_change_submit": ("filing", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:teacher_change_withdraw": ("filing", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    # 【查看变更内容】: the access rule (members with a programme permission, the named institution, HR of the region).
    "apprenticeships:change_records": ("filing", "200 404 200 404 200 404 200 404 200 404 404 404 302"),

    # --- tracking --------------------------------------------------------------------------------------------
    # Enterprise B, another county, another city and an institution not named: 404; the enterprise's claim
    # sub-admin and (for recording) its members, the county and the city: 403 (they see the filing).
    "apprenticeships:attendance": ("filing", "200 404 403 404 200 404 200 404 200 404 404 404 302"),
    "apprenticeships:attendance_records": ("filing", "200 404 403 404 200 404 200 404 200 404 404 404 302"),
    "apprenticeships:attendance_record": ("attendance_course", "200 404 403 403 200 404 403 404 403 404 404 404 302"),
    "apprenticeships:filing_cancel": ("filing", "200 404 403 404 403 404 403 404 403 404 404 404 302"),
    "apprenticeships:venue_edit": ("venue", "200 404 403 403 403 403 403 403 403 403 403 403 302"),
    "apprenticeships:venue_delete": ("venue", "405 405 405 405 405 405 405 405 405 405 405 405 405"),

    # --- claims ----------------------------------------------------------------------------------------------
    "apprenticeships:claim_edit": ("claim", "200 404 200 404 404 404 200 404 200 404 404 404 302"),
    "apprenticeships:claim_pdf": ("claim", "200 404 200 404 404 404 200 404 200 404 404 404 302"),
    "apprenticeships:claim_roster_pdf": ("claim", "200 404 200 404 404 404 200 404 200 404 404 404 302"),
    "apprenticeships:claim_basics": ("claim_draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:claim_people_add": ("claim_draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:claim_person_remove": ("claim_draft_entry", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:claim_attachment_add": ("claim_draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:claim_attachment_remove": ("claim_draft_material",
                                                "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:claim_submit": ("claim_draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:claim_withdraw": ("claim", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:claim_delete": ("claim_draft", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:claim_pay": ("claim", "405 405 405 405 405 405 405 405 405 405 405 405 405"),

    # --- hr --------------------------------------------------------------------------------------------------
    "apprenticeships:recognition_edit": ("recognition", "200 403 403 403 403 403 403 403 200 404 403 403 302"),
    "apprenticeships:recognition_revoke": ("recognition", "405 405 405 405 405 405 405 405 405 405 405 405 405"),
    "apprenticeships:standard_edit": ("standard", "200 403 403 403 403 403 403 403 200 404 403 403 302"),
    "apprenticeships:shortage_edit": ("shortage", "200 403 403 403 403 403 403 403 200 404 403 403 302"),
    "apprenticeships:ruleset_edit": ("ruleset", "200 403 403 403 403 403 403 403 200 404 403 403 302"),
}

# Pages that name no object (lists, forms for a new record): the navigation test opens them for every persona.
WITHOUT_OBJECT = {
    # --- filing ----------------------------------------------------------------------------------------------
    "apprenticeships:filing_new", "apprenticeships:filings",

    # --- people ----------------------------------------------------------------------------------------------
    "apprenticeships:trainees",

    # --- changes ---------------------------------------------------------------------------------------------
    "apprenticeships:changes",

    # --- tracking --------------------------------------------------------------------------------------------
    "apprenticeships:tracking", "apprenticeships:institution_filings", "apprenticeships:venues",
    "apprenticeships:venue_new",

    # --- claims ----------------------------------------------------------------------------------------------
    "apprenticeships:claim_new", "apprenticeships:claims",

    # --- hr --------------------------------------------------------------------------------------------------
    "apprenticeships:hr_filings", "apprenticeships:statistics", "apprenticeships:recognitions",
    "apprenticeships:recognition_new", "apprenticeships:parameters", "apprenticeships:standard_new",
    "apprenticeships:shortage_new", "apprenticeships:ruleset_new",
}

# Writes by people who may not make them: the status, and nothing written (audit log and reviews unchanged).
POST_PERSONAS = ("enterprise_b", "claimer", "member", "institution_b", "county_b", "other_city", "education",
                 "individual")
POSTS = {
    # --- filing ----------------------------------------------------------------------------------------------
    "apprenticeships:filing_edit": ("draft", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_institution": ("draft", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_class": ("draft", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_materials": ("draft", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_submit": ("draft", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_withdraw": ("filing", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_delete": ("draft", "404 403 404 404 404 404 404 404"),

    # --- people ----------------------------------------------------------------------------------------------
    "apprenticeships:filing_teacher_create": ("draft", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_teacher_edit": ("teacher", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_teacher_delete": ("teacher", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_trainee_create": ("draft", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_trainee_edit": ("draft_trainee", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_trainee_delete": ("draft_trainee", "404 403 404 404 404 404 404 404"),
    "apprenticeships:trainee_lost": ("trainee", "404 403 404 404 404 404 404 404"),
    "apprenticeships:trainee_certificate": ("trainee", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_course_create": ("draft", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_course_edit": ("draft_course", "404 403 404 404 404 404 404 404"),
    "apprenticeships:filing_course_delete": ("draft_course", "404 403 404 404 404 404 404 404"),

    # --- changes ---------------------------------------------------------------------------------------------
    "apprenticeships:class_dates": ("filing", "404 403 403 403 403 403 403 403"),
    "apprenticeships:course_configure": ("course", "404 403 403 403 403 403 403 403"),
    "apprenticeships:teacher_change": ("filing", "404 403 403 403 403 403 403 403"),
    "apprenticeships:teacher_change_teacher": ("filing", "404 403 403 403 403 403 403 403"),
    "apprenticeships:teacher_change_teacher_delete": ("filing", "404 403 403 403 403 403 403 403"),
    "apprenticeships:teacher_change_swap": ("filing", "404 403 403 403 403 403 403 403"),
    "apprenticeships:teacher_change_swap_delete": ("filing", "404 403 403 403 403 403 403 403"),
    "apprenticeships:teacher_change_submit": ("filing", "404 403 403 403 403 403 403 403"),
    "apprenticeships:teacher_change_withdraw": ("filing", "404 403 403 403 403 403 403 403"),

    # --- tracking --------------------------------------------------------------------------------------------
    "apprenticeships:filing_cancel": ("filing", "404 403 404 404 404 404 404 404"),
    "apprenticeships:attendance_record": ("attendance_course", "404 403 403 404 404 404 404 404"),
    "apprenticeships:venue_edit": ("venue", "404 403 403 403 403 403 403 403"),
    "apprenticeships:venue_delete": ("venue", "404 403 403 403 403 403 403 403"),

    # --- claims ----------------------------------------------------------------------------------------------
    # claimer (enterprise A's claim sub-admin) may make most of these on the draft: "-" skips it.
    "apprenticeships:claim_basics": ("claim_draft", "404 - 404 404 404 404 404 404"),
    "apprenticeships:claim_people_add": ("claim_draft", "404 - 404 404 404 404 404 404"),
    "apprenticeships:claim_person_remove": ("claim_draft_entry", "404 - 404 404 404 404 404 404"),
    "apprenticeships:claim_attachment_add": ("claim_draft", "404 - 404 404 404 404 404 404"),
    "apprenticeships:claim_attachment_remove": ("claim_draft_material", "404 - 404 404 404 404 404 404"),
    "apprenticeships:claim_submit": ("claim_draft", "404 - 404 404 404 404 404 404"),
    "apprenticeships:claim_withdraw": ("claim", "404 - 404 404 404 404 404 404"),
    "apprenticeships:claim_delete": ("claim_draft", "404 - 404 404 404 404 404 404"),
    "apprenticeships:claim_pay": ("claim", "404 403 404 404 404 404 404 404"),

    # --- hr --------------------------------------------------------------------------------------------------
    "apprenticeships:recognition_edit": ("recognition", "403 403 403 403 403 404 403 403"),
    "apprenticeships:recognition_revoke": ("recognition", "403 403 403 403 403 404 403 403"),
    "apprenticeships:standard_edit": ("standard", "403 403 403 403 403 404 403 403"),
    "apprenticeships:shortage_edit": ("shortage", "403 403 403 403 403 404 403 403"),
    "apprenticeships:ruleset_edit": ("ruleset", "403 403 403 403 403 404 403 403"),
}


def test_every_url_pattern_has_a_row():
    problems = completeness(namespace_patterns(NAMESPACE), matrix=MATRIX, without_object=WITHOUT_OBJECT,
                            posts=POSTS)
    assert not problems, "tests/apprenticeships/test_access_matrix.py: " + "; ".join(problems)


@pytest.fixture
def world(enterprise_a, admin_a, institution, city_reviewer):
    return build_world(enterprise_a=enterprise_a, admin_a=admin_a, institution=institution,
                       city_reviewer=city_reviewer)


@pytest.fixture
def people(admin_b, claimer_a, member_a, institution_admin, institution_b_admin, county_reviewer_a,
           county_reviewer_b, city_reviewer, other_city_reviewer, education_reviewer, outsider):
    return {"enterprise_b": admin_b, "claimer": claimer_a, "member": member_a, "institution": institution_admin,
            "institution_b": institution_b_admin, "county": county_reviewer_a, "county_b": county_reviewer_b,
            "city": city_reviewer, "other_city": other_city_reviewer, "education": education_reviewer,
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
