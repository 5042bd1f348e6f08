"""操作日志 through /api/v1/audit/: the log page's jurisdiction (platform staff everything, an organisation's holders
of organisations.view_logs their own people's entries), its filters, its before/after rows masked as on the page,
and a constant number of queries however many rows."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from audit.models import AuditEntry
from audit.services import record
from tests import factories
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
AUDIT = "/api/v1/audit/"


@pytest.fixture(autouse=True)
def unlabelled_codes_allowed(settings):
    """A historical code (no label any more) is written to test the filter on it."""
    settings.AUDIT_REQUIRE_LABELS = False


def entry(actor, action="organisations.profile_saved", target=None, before=None, after=None, ip="10.1.2.3",
          at=None):
    created = record(actor=actor, action=action, target=target, before=before, after=after, ip_address=ip)
    if at is not None:
        AuditEntry.objects.filter(pk=created.pk).update(created_at=at)
    return created


@pytest.fixture
def log(admin_a, member_a, admin_b, county_reviewer_a, enterprise_a):
    return {
        "a_profile": entry(admin_a, target=enterprise_a, before={"contact_person": "李红", "mobile": "13812345678"},
                           after={"contact_person": "王芳", "mobile": "13987654321"}),
        "a_member": entry(member_a, action="accounts.password_changed", ip="10.9.9.9",
                          at=timezone.now() - datetime.timedelta(days=10)),
        "a_old": entry(member_a, action="legacy.removed_code", ip="10.9.9.8"),
        "b_profile": entry(admin_b, ip="192.168.1.5"),
        "county": entry(county_reviewer_a, action="reviews.decide", ip="172.16.0.1"),
    }


def ids(client, user, query="", session=False):
    if session:
        client.force_login(user)
        response = client.get(AUDIT + query)
    else:
        response = client.get(AUDIT + query, **auth(token_for(user)))
    assert response.status_code == 200, response.json()
    # The key's issue and the API's own calls are logged too (api.*): leave them out of what is compared.
    return [row["id"] for row in response.json()["results"] if not row["action"].startswith("api.")]


def test_an_organisation_reads_what_its_own_people_did(client, admin_a, admin_b, log):
    response = client.get(AUDIT, **auth(token_for(admin_a)))
    rows = {row["id"]: row for row in response.json()["results"]}
    assert {pk for pk in rows if not rows[pk]["action"].startswith("api.")} == {
        log["a_profile"].pk, log["a_member"].pk, log["a_old"].pk}
    row = rows[log["a_profile"].pk]
    assert {key: row[key] for key in ("actor_name", "actor_org_name", "action", "action_label", "target_type",
                                      "target_type_label", "target_repr", "ip_address")} == {
        "actor_name": "甲管理员", "actor_org_name": "甲企业有限公司", "action": "organisations.profile_saved",
        "action_label": "保存单位信息", "target_type": "organisations.Organisation",
        "target_type_label": "单位", "target_repr": "甲企业有限公司", "ip_address": "10.1.2.3"}
    changes = {change["field"]: change for change in row["changes"]}
    assert changes["联系人（contact_person）"] == {
        "field": "联系人（contact_person）", "before": "李红", "after": "王芳", "changed": True}
    assert (changes["mobile"]["before"], changes["mobile"]["after"]) == ("13812345678", "13987654321")
    assert ids(client, admin_b) == [log["b_profile"].pk]
    assert ids(client, log["county"].actor) == [log["county"].pk]


def test_personal_data_is_masked_without_the_permission(client, member_a, enterprise_a, log):
    member_a.roles.add(enterprise_a.roles.create(name="审计员", permissions=["organisations.view_logs"]))
    rows = client.get(AUDIT, **auth(token_for(member_a))).json()["results"]
    [row] = [row for row in rows if row["id"] == log["a_profile"].pk]
    mobile = next(change for change in row["changes"] if change["field"] == "mobile")
    assert (mobile["before"], mobile["after"], mobile["changed"]) == ("138****5678", "139****4321", True)


def test_platform_staff_read_everything(client, log):
    staff = factories.UserFactory(kind="platform", is_staff=True, organisation=None, username="platform")
    assert set(ids(client, staff, session=True)) == {item.pk for item in log.values()}


def test_the_pages_filters(client, admin_a, log):
    assert ids(client, admin_a, "?action=accounts.password_changed") == [log["a_member"].pk]
    assert ids(client, admin_a, "?action=legacy.removed_code") == [log["a_old"].pk]  # a code the log holds
    assert ids(client, admin_a, "?actor=甲职员") == [log["a_old"].pk, log["a_member"].pk]
    assert ids(client, admin_a, "?ip=10.9.") == [log["a_old"].pk, log["a_member"].pk]
    assert ids(client, admin_a, "?target_type=organisations.Organisation") == [log["a_profile"].pk]
    today = timezone.localdate()
    assert ids(client, admin_a, f"?date_from={today}") == [log["a_old"].pk, log["a_profile"].pk]
    assert ids(client, admin_a, f"?date_to={today - datetime.timedelta(days=5)}") == [log["a_member"].pk]


@pytest.mark.parametrize(("query", "field"), [
    ("?date_from=2026-05-02&date_to=2026-05-01", "date_to"),
    ("?date_from=yesterday", "date_from"),
    ("?ip=10.0.0.0/8", "ip"),
    ("?action=no.such_code", "action"),
    ("?action=reviews.decide", "action"),  # in the log, but not this organisation's
    ("?target_type=nothing.Here", "target_type"),
    ("?actor=" + "x" * 65, "actor"),
])
def test_refused_filters_are_a_400_naming_the_field(client, admin_a, log, query, field):
    response = client.get(AUDIT + query, **auth(token_for(admin_a)))
    assert (response.status_code, response.json()["field"]) == (400, field)


@pytest.mark.parametrize("persona", ["member_a", "outsider"])
def test_who_may_not_read_the_log(client, request, persona, log):
    user = request.getfixturevalue(persona)
    if user.organisation_id:
        response = client.get(AUDIT, **auth(token_for(user)))
    else:
        client.force_login(user)
        response = client.get(AUDIT)
    assert response.status_code == 403


def test_the_list_does_not_grow_with_the_page(client, admin_a, member_a, enterprise_a):
    headers = auth(token_for(admin_a))

    def queries() -> int:
        counts = []
        for _ in range(3):  # see tests/api/queries.py: a minute may turn between two calls
            with CaptureQueriesContext(connection) as context:
                assert client.get(AUDIT + "?page_size=200", **headers).status_code == 200
            counts.append(len(context.captured_queries))
        return min(counts)

    entry(admin_a, target=enterprise_a, before={"mobile": "13812345678"}, after={"mobile": "13987654321"})
    few = queries()
    for number in range(30):
        entry(member_a if number % 2 else admin_a, target=enterprise_a, action="accounts.password_changed",
              after={"number": number})
    assert queries() == few


def test_a_recorded_count_of_a_reverse_relation_is_listed(client, admin_a):
    """发布年度工作日历 records the year's number of days under "days", the name of the year's reverse relation
    to its dates (which has no verbose_name): listed under its key, not a 500."""
    from calendars.models import CalendarYear

    year = CalendarYear.objects.create(year=2029)
    logged = entry(admin_a, action="calendars.year_published", target=year, before={"status": "draft"},
                   after={"status": "published", "days": 3})
    [row] = [row for row in client.get(AUDIT, **auth(token_for(admin_a))).json()["results"] if row["id"] == logged.pk]
    assert [(change["field"], change["after"]) for change in row["changes"]] == [
        ("状态（status）", "published"), ("days", "3")]
