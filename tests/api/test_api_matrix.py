"""The API access matrix of the foundation's routes (tests/api/matrix.py explains rows and personas)."""

import pytest

from tests.api.fixtures import user_for
from tests.api.matrix import check_api
from tests.core.test_access_matrix import PERSONAS

# The world's review is enterprise A's approved 见习基地 (decided by the county and the city): deciding or
# withdrawing it is a 409 for the sides that see it, revoking a 409 for the county (the city decided after it).
# The world's job is an export without a file yet (404 as on screen). Departments hold organisations.manage_staff
# for their own roster, so they may import and export staff like any unit.
API_MATRIX = {
    "api:me": (None, "GET", None, "200 200 200 200 200 200 200 200 401"),
    "api:reviews_inbox": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:reviews_submissions": (None, "GET", None, "200 200 200 200 200 200 200 200 401"),
    "api:review_detail": ("review", "GET", None, "200 200 404 404 404 404 404 404 401"),
    "api:review_decide": ("review", "POST", {"decision": "approve"}, "409 409 404 404 404 404 404 404 401"),
    "api:review_withdraw": ("review", "POST", {}, "409 403 404 404 404 404 404 404 401"),
    "api:review_revoke": ("review", "POST", {}, "403 409 404 404 404 404 404 404 401"),
    "api:imports": (None, "GET", None, "200 200 200 200 200 200 200 200 401"),
    "api:import_start": ({"spec_key": "staff"}, "POST", {"rows": [{"姓名": "钱导入", "身份证号": "x"}]},
                         "202 202 202 202 202 202 202 403 401"),
    "api:exports": (None, "GET", None, "200 200 200 200 200 200 200 200 401"),
    "api:export_start": ({"spec_key": "staff"}, "POST", {"params": {}}, "202 202 202 202 202 202 202 403 401"),
    "api:jobs": (None, "GET", None, "200 200 200 200 200 200 200 200 401"),
    "api:job_detail": ("job", "GET", None, "200 404 404 404 404 404 404 404 401"),
    "api:job_errors": ("job", "GET", None, "200 404 404 404 404 404 404 404 401"),
    "api:job_file": ("job", "GET", None, "404 404 404 404 404 404 404 404 401"),
    "api:staff": (None, "GET", None, "200 200 200 200 200 200 200 403 401"),
    "api:staff_detail": ("staff", "GET", None, "200 404 200 404 404 404 404 403 401"),
    "api:own_organisation": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:organisations": (None, "GET", None, "403 200 403 403 200 403 403 403 401"),
    "api:organisation_detail": ("organisation", "GET", None, "200 200 200 404 404 404 404 404 401"),
    "api:notifications": (None, "GET", None, "200 200 200 200 200 200 200 200 401"),
    "api:notification_read": ("notification", "POST", None, "200 404 404 404 404 404 404 404 401"),
    "api:webhooks": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:webhook_events": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:webhook_detail": ("subscription", "GET", None, "200 404 403 404 404 404 404 403 401"),
    "api:webhook_rotate": ("subscription", "POST", None, "200 404 403 404 404 404 404 403 401"),
    "api:webhook_deliveries": ("subscription", "GET", None, "200 404 403 404 404 404 404 403 401"),
    "api:webhook_resend": ("delivery", "POST", None, "200 404 403 404 404 404 404 403 401"),
    # Every organisation (departments included) manages its own departments, roles and accounts; the world has
    # no pending verification, so withdrawing it is a 409.
    "api:own_verification": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:own_verification_withdraw": (None, "POST", {}, "409 409 403 409 409 409 409 403 401"),
    "api:departments": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:department_detail": ("department", "GET", None, "200 404 403 404 404 404 404 403 401"),
    "api:roles": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:role_permissions": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:role_detail": ("role", "GET", None, "200 404 403 404 404 404 404 403 401"),
    "api:accounts": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:account_detail": ("account", "GET", None, "200 404 403 404 404 404 404 403 401"),
    "api:account_password": ("account", "POST", {"password1": "Sub#Pass2026x", "password2": "Sub#Pass2026x"},
                             "204 404 403 404 404 404 404 403 401"),
    "api:account_deactivate": ("account", "POST", None, "200 404 403 404 404 404 404 403 401"),
    "api:account_reactivate": ("account", "POST", None, "200 404 403 404 404 404 404 403 401"),
    "api:login_log": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
    "api:organisation_verification": ("organisation", "GET", None, "200 200 200 404 404 404 404 404 401"),
    # fb: the calendar and the minimum wages are platform staff's (the owner of those objects, by session) and a
    # provincial HR department's (none of the other personas: the province's keys are in test_calendars.py); the
    # log is every organisation's own.
    "api:calendar_years": (None, "GET", None, "403 403 403 403 403 403 403 403 401"),
    "api:calendar_year": ("calendar_year", "GET", None, "200 403 403 403 403 403 403 403 401"),
    "api:calendar_publish": ("calendar_year", "POST", None, "200 403 403 403 403 403 403 403 401"),
    "api:calendar_days": (None, "POST", {"date": "2027-01-02", "kind": "makeup_workday", "name": "元旦"},
                          "403 403 403 403 403 403 403 403 401"),
    "api:calendar_day": ("calendar_day", "GET", None, "200 403 403 403 403 403 403 403 401"),
    "api:minimum_wages": (None, "GET", None, "403 403 403 403 403 403 403 403 401"),
    "api:minimum_wage": ("minimum_wage", "GET", None, "200 403 403 403 403 403 403 403 401"),
    "api:audit_entries": (None, "GET", None, "200 200 403 200 200 200 200 403 401"),
}


@pytest.mark.django_db
def test_api_matrix(client, api_world, api_people):
    wrong = check_api(client, rows=API_MATRIX, personas=PERSONAS, world=api_world,
                      user_for=user_for(api_world, api_people))
    assert not wrong, "\n".join(wrong)
