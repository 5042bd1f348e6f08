"""The API access matrix of /api/v1/traineeships/ (tests/api/matrix.py explains rows and personas)."""

import pytest

from tests.api.fixtures import user_for
from tests.api.matrix import check_api
from tests.core.test_access_matrix import PERSONAS

# The world's waiting applicant (my_application) has no traineeship profile: 403, as the screen sends them to the
# sign-in (302); the signed-in trainee's own applications are tested in test_api_applications.py. No persona is a
# provincial or city department: 已备案基地, 报省厅备案 and 拨付登记 by them are tested in test_api_hr.py / _claims.py.
API_MATRIX = {
    "api:traineeships:own_base": (None, "GET", None, "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:own_base_submit": (None, "POST", {}, "428 403 403 400 403 403 403 403 401"),
    "api:traineeships:own_base_withdraw": (None, "POST", {}, "409 403 403 404 403 403 403 403 401"),
    "api:traineeships:own_base_upload": ({"slot": "rules_file"}, "POST", None, "415 403 403 415 403 403 403 403 401"),
    "api:traineeships:bases": (None, "GET", None, "403 200 403 403 200 403 403 403 401"),
    "api:traineeships:base_detail": ("base", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:base_pdf": ("base", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:posts": (None, "GET", None, "200 403 403 200 403 403 403 403 401"),
    "api:traineeships:post_detail": ("post", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:post_unpublish": ("post", "POST", {}, "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:applications": (None, "GET", None, "200 403 403 200 403 403 403 403 401"),
    "api:traineeships:application_detail": ("application", "GET", None, "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:application_decide": ("application", "POST", {"decision": "approve"},
        "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:application_release": ("application", "POST", {"reason": "岗位调整"},
        "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:my_applications": (None, "GET", None, "403 403 403 403 403 403 403 403 401"),
    "api:traineeships:my_application": ("my_application", "GET", None, "403 403 403 403 403 403 403 403 401"),
    "api:traineeships:my_application_withdraw": ("my_application", "POST", {}, "403 403 403 403 403 403 403 403 401"),
    "api:traineeships:placements": (None, "GET", None, "200 403 403 200 403 403 403 403 401"),
    "api:traineeships:placement_create": ("application", "POST", {}, "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:placement_detail": ("placement", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:placement_upload": ("placement", "POST", None, "415 403 403 404 403 403 403 403 401"),
    "api:traineeships:placement_submit": ("placement", "POST", {}, "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:placement_cancel": ("placement", "POST", {}, "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:agreement_pdf": ("placement", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:departure_create": ("placement", "POST", {}, "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:departure_detail": ("departure", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:departure_upload": ("departure", "POST", None, "415 403 403 404 403 403 403 403 401"),
    "api:traineeships:departure_submit": ("departure", "POST", {}, "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:departure_cancel": ("departure", "POST", {}, "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:departure_answer": ("departure", "POST", {"answer": "agree"},
        "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:certificate_pdf": ("departure", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:claims": (None, "GET", None, "200 200 403 200 200 403 403 403 401"),
    "api:traineeships:claim_detail": ("claim", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:claim_refresh": ("claim", "POST", {}, "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:claim_submit": ("claim", "POST", {}, "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:claim_withdraw": ("claim", "POST", {}, "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:claim_pdf": ("claim", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:base_file_with_province": ("base", "POST", {}, "403 403 404 404 404 404 404 404 401"),
    "api:traineeships:filed_bases": (None, "GET", None, "403 403 403 403 403 403 403 403 401"),
    "api:traineeships:publishing": ("parameter", "GET", None, "200 403 403 403 403 403 403 403 401"),
    "api:traineeships:publishing_change": ("parameter", "POST", {"post_ids": [], "action": "publish"},
        "400 403 403 403 403 403 403 403 401"),
    "api:traineeships:placement_retain": ("placement", "POST", {"retained_on": "2026-06-20", "contract": "HT-1"},
                                          "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:placement_not_retained": ("placement", "POST", {}, "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:claim_correct": ("claim", "POST", {}, "400 403 403 404 403 403 403 403 401"),
    "api:traineeships:claim_pay": ("claim", "POST", {"paid_on": "2026-07-01", "voucher_number": "V1"},
        "403 403 404 404 404 404 404 404 401"),
    "api:traineeships:my_placement": ("my_departure", "GET", None, "200 403 403 403 403 403 403 404 401"),
    "api:traineeships:my_departure_request": ("my_departure", "POST", {"left_on": "2026-06-20", "note": "x"},
        "400 403 403 403 403 403 403 404 401"),
    "api:traineeships:my_departure_withdraw": ("my_departure", "POST", {}, "400 403 403 403 403 403 403 404 401"),
    # The published posts are for any signed-in caller; 感兴趣 and 见习意向 need a traineeship profile, which no
    # persona has (the trainee's own are tested in test_api_public.py).
    "api:traineeships:public_posts": (None, "GET", None, "200 200 200 200 200 200 200 200 401"),
    "api:traineeships:public_post": ("post", "GET", None, "200 200 200 200 200 200 200 200 401"),
    "api:traineeships:public_post_interest": ("post", "POST", {"interested": True},
                                              "403 403 403 403 403 403 403 403 401"),
    "api:traineeships:my_intention": (None, "GET", None, "403 403 403 403 403 403 403 403 401"),
    "api:traineeships:graduates": (None, "GET", None, "403 200 403 403 200 200 403 403 401"),
    "api:traineeships:graduate_detail": ("graduate", "GET", None, "200 404 403 403 404 200 403 403 401"),
    "api:traineeships:parameters": (None, "GET", None, "403 200 403 403 200 403 403 403 401"),
    "api:traineeships:parameter_detail": ("parameter", "GET", None, "200 404 403 403 404 403 403 403 401"),
    # 岗位查询, the profiles, 见习匹配结果 and 上报记录, the claim's .xlsx; 花名册 without a period is a 400 for whoever
    # may read one (the unit without a base: 本单位还没有见习基地; HR: no ?base=), its figures are in test_api_roster.py
    # with 统计分析 (another county's reviewer reads its own county's).
    "api:traineeships:post_query": (None, "GET", None, "200 403 403 200 403 403 403 403 401"),
    "api:traineeships:post_query_people": ("post", "GET", None, "200 403 403 404 403 403 403 403 401"),
    "api:traineeships:unit_profile": ("organisation", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:trainee_profile": ("placement", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:traineeships:match_drafts": (None, "GET", None, "200 403 403 200 403 403 403 403 401"),
    "api:traineeships:match_scans": (None, "POST", None, "415 403 403 415 403 403 403 403 401"),
    "api:traineeships:match_submit": (None, "POST", {"action": "ready"}, "400 403 403 400 403 403 403 403 401"),
    "api:traineeships:match_records": (None, "GET", None, "200 403 403 200 403 403 403 403 401"),
    "api:traineeships:reports": (None, "GET", None, "200 403 403 200 403 403 403 403 401"),
    "api:traineeships:roster": (None, "GET", None, "400 400 403 400 400 403 403 403 401"),
    "api:traineeships:roster_xlsx": (None, "GET", None, "400 400 403 400 400 403 403 403 401"),
    "api:traineeships:roster_pdf": (None, "GET", None, "400 400 403 400 400 403 403 403 401"),
    "api:traineeships:statistics": (None, "GET", None, "403 200 403 403 200 403 403 403 401"),
    "api:traineeships:claim_xlsx": ("claim", "GET", None, "200 200 404 404 404 404 404 404 401"),
}


@pytest.mark.django_db
def test_api_matrix(client, api_world, api_people):
    wrong = check_api(client, rows=API_MATRIX, personas=PERSONAS, world=api_world,
                      user_for=user_for(api_world, api_people))
    assert not wrong, "\n".join(wrong)
