"""The access matrix: every URL pattern of the project that names an object, requested by every persona, answers
exactly the status written here. A URL pattern that is in neither table below fails the suite, so a new screen
cannot be added without deciding who may open it.

Personas (tests/conftest.py): the object's owner (enterprise A's administrator, or the person or department the
object belongs to), 金水区 HR (the jurisdiction over A, with its reviewer role), A's sub-administrator whose only
role is 人员管理员, enterprise B's administrator (other organisation), 二七区 HR (other county), 郑州市教育局 and
郑州市工信局 (other lines of government over A's city), an individual with no relation, and an anonymous visitor.

Statuses: 200 shown, 302 redirected (the sign-in page for anonymous visitors; the next page after a form),
403 visible but not allowed (or a screen the role does not open), 404 not visible, 405 wrong method.
"""

import pytest

from tests.core.access_world import build_world
from tests.matrix import check_foreign_posts, check_gets, completeness, url_patterns

PERSONAS = ("owner", "reviewer", "staff_manager", "other_org", "other_county", "education", "industry",
            "individual", "anonymous")

# URL name -> (the object its id names, the GET status per persona in PERSONAS order).
MATRIX = {
    "api_keys:revoke": ("api_key", "200 404 403 404 404 404 404 403 302"),
    "api_keys:rotate": ("api_key", "200 404 403 404 404 404 404 403 302"),
    "attachments:download": ("attachment", "200 200 404 404 404 404 404 404 302"),
    "attachments:preview": ("attachment", "200 200 404 404 404 404 404 404 302"),
    "calendars:year": ("calendar_year", "200 403 403 403 403 403 403 403 302"),
    "calendars:publish": ("calendar_year", "405 405 405 405 405 405 405 405 405"),
    "calendars:day_edit": ("calendar_day", "200 403 403 403 403 403 403 403 302"),
    "calendars:day_delete": ("calendar_day", "200 403 403 403 403 403 403 403 302"),
    "calendars:wage_edit": ("minimum_wage", "200 403 403 403 403 403 403 403 302"),
    "batch:detail": ("job", "200 404 404 404 404 404 404 404 302"),
    "batch:download_failed": ("job", "404 404 404 404 404 404 404 404 302"),
    "batch:download_result": ("job", "404 404 404 404 404 404 404 404 302"),
    "batch:download_source": ("job", "404 404 404 404 404 404 404 404 302"),
    "batch:progress": ("job", "200 404 404 404 404 404 404 404 302"),
    "notifications:open": ("notification", "302 404 404 404 404 404 404 404 302"),
    "organisations:account_active": ("account", "405 405 405 405 405 405 405 405 405"),
    "organisations:account_edit": ("account", "200 404 403 404 404 404 404 403 302"),
    "organisations:account_password": ("account", "200 404 403 404 404 404 404 403 302"),
    "organisations:department_delete": ("department", "405 405 405 405 405 405 405 405 405"),
    "organisations:department_edit": ("department", "200 404 403 404 404 404 404 403 302"),
    "organisations:detail": ("organisation", "200 200 200 404 404 404 404 404 302"),
    "organisations:preregister_done": ("preregistered", "200 200 403 403 404 404 404 403 302"),
    "organisations:role_delete": ("role", "200 404 403 404 404 404 404 403 302"),
    "organisations:role_edit": ("role", "200 404 403 404 404 404 404 403 302"),
    "printing:organisation_registration": ("organisation", "200 200 200 404 404 404 404 404 302"),
    "reviews:decide": ("review", "405 405 405 405 405 405 405 405 405"),
    "reviews:detail": ("review", "200 200 404 404 404 404 404 404 302"),
    "reviews:revoke": ("review", "405 405 405 405 405 405 405 405 405"),
    "reviews:withdraw": ("review", "405 405 405 405 405 405 405 405 405"),
    "staff:delete": ("staff", "200 404 200 404 404 404 404 403 302"),
    "staff:edit": ("staff", "200 404 200 404 404 404 404 403 302"),
    "traineeships:agreement_pdf": ("placement", "200 200 404 404 404 404 404 404 302"),
    "traineeships:application_decide": ("application", "405 405 405 405 405 405 405 405 405"),
    "traineeships:application_release": ("application", "405 405 405 405 405 405 405 405 405"),
    "traineeships:application_review": ("application", "200 403 403 404 403 403 403 403 302"),
    "traineeships:base_detail": ("base", "200 200 404 404 404 404 404 404 302"),
    "traineeships:base_file_with_province": ("base", "405 405 405 405 405 405 405 405 405"),
    "traineeships:base_pdf": ("base", "200 200 404 404 404 404 404 404 302"),
    "traineeships:certificate_pdf": ("departure", "200 200 404 404 404 404 404 404 302"),
    "traineeships:claim_correct": ("claim", "405 405 405 405 405 405 405 405 405"),
    "traineeships:claim_delete": ("claim", "405 405 405 405 405 405 405 405 405"),
    "traineeships:claim_detail": ("claim", "200 200 404 404 404 404 404 404 302"),
    "traineeships:claim_pay": ("claim", "403 403 404 404 404 404 404 404 302"),
    "traineeships:claim_pdf": ("claim", "200 200 404 404 404 404 404 404 302"),
    "traineeships:claim_refresh": ("claim", "405 405 405 405 405 405 405 405 405"),
    "traineeships:claim_submit": ("claim", "405 405 405 405 405 405 405 405 405"),
    "traineeships:claim_withdraw": ("claim", "405 405 405 405 405 405 405 405 405"),
    "traineeships:claim_xlsx": ("claim", "200 200 404 404 404 404 404 404 302"),
    "traineeships:departure_answer": ("departure", "405 405 405 405 405 405 405 405 405"),
    "traineeships:departure_cancel": ("departure", "405 405 405 405 405 405 405 405 405"),
    "traineeships:departure_create": ("placement", "302 403 403 404 403 403 403 403 302"),
    "traineeships:departure_detail": ("departure", "200 200 404 404 404 404 404 404 302"),
    "traineeships:departure_edit": ("departure", "200 403 403 404 403 403 403 403 302"),
    "traineeships:departure_submit": ("departure", "405 405 405 405 405 405 405 405 405"),
    "traineeships:departure_upload": ("departure", "405 405 405 405 405 405 405 405 405"),
    "traineeships:graduate_edit": ("graduate", "200 404 403 403 404 200 403 403 302"),
    "traineeships:individual_apply": ("post", "405 405 405 405 405 405 405 405 405"),
    "traineeships:individual_interest": ("post", "405 405 405 405 405 405 405 405 405"),
    "traineeships:individual_post": ("post", "403 403 403 403 403 403 403 302 302"),
    "traineeships:my_application": ("my_application", "302 403 403 403 403 403 403 302 302"),
    "traineeships:my_application_withdraw": ("my_application", "405 405 405 405 405 405 405 405 405"),
    "traineeships:my_departure_withdraw": ("my_departure", "405 405 405 405 405 405 405 405 405"),
    "traineeships:parameter_edit": ("parameter", "200 404 403 403 404 403 403 403 302"),
    "traineeships:placement_cancel": ("placement", "405 405 405 405 405 405 405 405 405"),
    "traineeships:placement_create": ("application", "200 403 403 404 403 403 403 403 302"),
    "traineeships:placement_detail": ("placement", "200 200 404 404 404 404 404 404 302"),
    "traineeships:trainee_profile": ("placement", "200 200 404 404 404 404 404 404 302"),
    "traineeships:unit_profile": ("organisation", "200 200 404 404 404 404 404 404 302"),
    "traineeships:placement_edit": ("placement", "302 403 403 404 403 403 403 403 302"),
    "traineeships:placement_retain": ("placement", "405 405 405 405 405 405 405 405 405"),
    "traineeships:placement_not_retained": ("placement", "405 405 405 405 405 405 405 405 405"),
    "traineeships:placement_submit": ("placement", "405 405 405 405 405 405 405 405 405"),
    "traineeships:placement_upload": ("placement", "405 405 405 405 405 405 405 405 405"),
    "traineeships:post_delete": ("post", "405 405 405 405 405 405 405 405 405"),
    "traineeships:post_detail": ("post", "200 200 404 404 404 404 404 404 302"),
    "traineeships:post_edit": ("post", "302 403 403 404 403 403 403 403 302"),
    "traineeships:post_unpublish": ("post", "405 405 405 405 405 405 405 405 405"),
    "traineeships:public_post": ("post", "200 200 200 200 200 200 200 200 200"),
    "webhooks:edit": ("subscription", "200 404 403 404 404 404 404 403 302"),
    "webhooks:delete": ("subscription", "200 404 403 404 404 404 404 403 302"),
    "webhooks:rotate": ("subscription", "405 405 405 405 405 405 405 405 405"),
    # Without a secret just issued in the session, the owner is sent back to the list.
    "webhooks:secret": ("subscription", "302 404 403 404 404 404 404 403 302"),
    "webhooks:deliveries": ("subscription", "200 404 403 404 404 404 404 403 302"),
    "webhooks:delivery": ("delivery", "200 404 403 404 404 404 404 403 302"),
    "webhooks:resend": ("delivery", "405 405 405 405 405 405 405 405 405"),
}

# State-changing URLs posted (with no data) by everyone who is not the object's owner or its reviewer:
# URL name -> the status per persona of POST_PERSONAS; "-" where the persona may act (人员管理员 on A's staff, the
# city education bureau on the shared graduate register) and is left to the URL's own tests. Nothing may be
# written (audit and review history).
POST_PERSONAS = ("staff_manager", "other_org", "other_county", "education", "industry", "individual")
POSTS = {
    "api_keys:revoke": ("api_key", "403 404 404 404 404 403"),
    "api_keys:rotate": ("api_key", "403 404 404 404 404 403"),
    "calendars:day_delete": ("calendar_day", "403 403 403 403 403 403"),
    "calendars:day_edit": ("calendar_day", "403 403 403 403 403 403"),
    "calendars:publish": ("calendar_year", "403 403 403 403 403 403"),
    "calendars:wage_edit": ("minimum_wage", "403 403 403 403 403 403"),
    "organisations:account_active": ("account", "403 404 404 404 404 403"),
    "organisations:account_edit": ("account", "403 404 404 404 404 403"),
    "organisations:account_password": ("account", "403 404 404 404 404 403"),
    "organisations:department_delete": ("department", "403 404 404 404 404 403"),
    "organisations:department_edit": ("department", "403 404 404 404 404 403"),
    "organisations:role_delete": ("role", "403 404 404 404 404 403"),
    "organisations:role_edit": ("role", "403 404 404 404 404 403"),
    "reviews:decide": ("review", "404 404 404 404 404 404"),
    "reviews:revoke": ("review", "404 404 404 404 404 404"),
    "reviews:withdraw": ("review", "404 404 404 404 404 404"),
    "staff:edit": ("staff", "- 404 404 404 404 403"),
    "staff:delete": ("staff", "- 404 404 404 404 403"),
    "traineeships:application_decide": ("application", "403 404 403 403 403 403"),
    "traineeships:application_release": ("application", "403 404 403 403 403 403"),
    "traineeships:base_file_with_province": ("base", "404 404 404 404 404 404"),
    "traineeships:claim_correct": ("claim", "403 404 403 403 403 403"),
    "traineeships:claim_delete": ("claim", "403 404 403 403 403 403"),
    "traineeships:claim_pay": ("claim", "404 404 404 404 404 404"),
    "traineeships:claim_refresh": ("claim", "403 404 403 403 403 403"),
    "traineeships:claim_submit": ("claim", "403 404 403 403 403 403"),
    "traineeships:claim_withdraw": ("claim", "403 404 403 403 403 403"),
    "traineeships:departure_answer": ("departure", "403 404 403 403 403 403"),
    "traineeships:departure_cancel": ("departure", "403 404 403 403 403 403"),
    "traineeships:departure_create": ("placement", "403 404 403 403 403 403"),
    "traineeships:departure_edit": ("departure", "403 404 403 403 403 403"),
    "traineeships:departure_submit": ("departure", "403 404 403 403 403 403"),
    "traineeships:departure_upload": ("departure", "403 404 403 403 403 403"),
    "traineeships:graduate_edit": ("graduate", "403 403 404 - 403 403"),
    "traineeships:individual_apply": ("post", "403 403 403 403 403 302"),
    "traineeships:individual_interest": ("post", "403 403 403 403 403 302"),
    "traineeships:my_application_withdraw": ("my_application", "403 403 403 403 403 302"),
    "traineeships:my_departure_withdraw": ("my_departure", "403 403 403 403 403 404"),
    "traineeships:parameter_edit": ("parameter", "403 403 404 403 403 403"),
    "traineeships:placement_cancel": ("placement", "403 404 403 403 403 403"),
    "traineeships:placement_create": ("application", "403 404 403 403 403 403"),
    "traineeships:placement_edit": ("placement", "403 404 403 403 403 403"),
    "traineeships:placement_retain": ("placement", "403 404 403 403 403 403"),
    "traineeships:placement_not_retained": ("placement", "403 404 403 403 403 403"),
    "traineeships:placement_submit": ("placement", "403 404 403 403 403 403"),
    "traineeships:placement_upload": ("placement", "403 404 403 403 403 403"),
    "traineeships:post_delete": ("post", "403 404 403 403 403 403"),
    "traineeships:post_edit": ("post", "403 404 403 403 403 403"),
    "traineeships:post_unpublish": ("post", "403 404 403 403 403 403"),
    "webhooks:edit": ("subscription", "403 404 404 404 404 403"),
    "webhooks:delete": ("subscription", "403 404 404 404 404 403"),
    "webhooks:rotate": ("subscription", "403 404 404 404 404 403"),
    "webhooks:resend": ("delivery", "403 404 404 404 404 403"),
}

# URL patterns that name no object of another user (lists, forms, one's own page), or that name something other
# than an object (a region code, a spec key, a captcha key). They are covered by their own tests.
WITHOUT_OBJECT = {
    "portal:home", "core:healthz", "accounts:login", "accounts:logout", "accounts:profile", "accounts:password_change",
    "accounts:password_reset", "accounts:password_reset_confirm", "accounts:send_sms", "accounts:sms_outbox",
    "accounts:login_log", "staff:list", "staff:create", "organisations:register", "organisations:activate",
    "organisations:preregister", "organisations:recommended", "organisations:recommend", "organisations:profile",
    "organisations:withdraw", "organisations:directory", "organisations:departments", "organisations:roles",
    "organisations:role_create", "organisations:accounts", "organisations:account_create", "regions:children",
    "regions:dataset", "reviews:index", "reviews:inbox", "reviews:mine", "batch:list", "batch:template",
    "batch:import", "batch:export", "notifications:list", "notifications:mark_all_read", "audit:list",
    "traineeships:base", "traineeships:base_upload", "traineeships:base_withdraw", "traineeships:posts",
    "traineeships:post_create", "traineeships:post_query", "traineeships:hr_bases", "traineeships:filed_bases",
    "traineeships:publishing", "traineeships:parameters", "traineeships:parameter_create",
    "traineeships:public_posts", "traineeships:public_regions", "traineeships:individual_sign_in",
    "traineeships:intention", "traineeships:individual_posts", "traineeships:my_applications",
    "traineeships:application_reviews", "traineeships:graduates", "traineeships:graduate_create",
    "traineeships:placements", "traineeships:my_placement", "traineeships:my_departure_request",
    "traineeships:reports", "traineeships:roster", "traineeships:statistics", "traineeships:claims",
    "traineeships:claim_create",
    "traineeships:match_drafts", "traineeships:match_scans", "traineeships:match_submit", "traineeships:match_records",
    "accounts:individual_sign_in", "accounts:individual_verify", "accounts:individual_resend",
    "accounts:individual_bind", "calendars:years", "calendars:day_create",
    "calendars:wages", "calendars:wage_create",
    "captcha-image", "captcha-image-2x", "captcha-audio", "captcha-refresh",
    "accounts:register", "organisations:register_unit", "organisations:register_unit_done",  # units: own tests
    "webhooks:list", "webhooks:create",
    "api_keys:list", "api_keys:issue", "api_keys:issued",  # tests/api/test_key_screens.py
}


# Programmes whose personas differ from the ones above keep their own matrix with the same completeness check.
# tests/<programme>/test_access_matrix.py
OWN_MATRIX_NAMESPACES = ("internships:", "apprenticeships:", "continuing_education:", "api:")
# Patterns in WITHOUT_OBJECT whose argument names no object.
NOT_OBJECTS = {"traineeships:base_upload", "batch:template", "batch:import", "batch:export",
               # a programme's key, not an object
               "accounts:individual_sign_in", "accounts:individual_verify", "accounts:individual_resend",
               "accounts:individual_bind"}


def test_every_url_pattern_has_a_row():
    problems = completeness(dict(url_patterns()), matrix=MATRIX, without_object=WITHOUT_OBJECT,
                            left_to=OWN_MATRIX_NAMESPACES, not_objects=NOT_OBJECTS)
    assert not problems, "tests/core/test_access_matrix.py: " + "; ".join(problems)


@pytest.fixture
def world(enterprise_a, admin_a, member_a, county_hr_a, county_reviewer_a, city_hr, city_reviewer):
    return build_world(enterprise_a=enterprise_a, admin_a=admin_a, member_a=member_a, county_hr_a=county_hr_a,
                       county_reviewer_a=county_reviewer_a, city_hr=city_hr, city_reviewer=city_reviewer)


@pytest.fixture
def people(county_reviewer_a, staff_manager_a, admin_b, county_reviewer_b, education_reviewer, industry_reviewer,
           outsider):
    return {"reviewer": county_reviewer_a, "staff_manager": staff_manager_a, "other_org": admin_b,
            "other_county": county_reviewer_b, "education": education_reviewer, "industry": industry_reviewer,
            "individual": outsider, "anonymous": None}


@pytest.mark.django_db
def test_get_matrix(client, world, people):
    wrong = check_gets(client, rows=MATRIX, personas=PERSONAS, patterns=dict(url_patterns()), world=world,
                       people=people)
    assert not wrong, "\n".join(wrong)


@pytest.mark.django_db
def test_foreign_posts_write_nothing(client, world, people):
    # Sign-ins are audited; nothing else may have been.
    wrong = check_foreign_posts(client, rows=POSTS, personas=POST_PERSONAS, patterns=dict(url_patterns()),
                                world=world, people=people)
    assert not wrong, "\n".join(wrong)
