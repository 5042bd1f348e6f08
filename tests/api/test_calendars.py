"""工作日历 and 最低工资标准 through /api/v1/calendars/ and /api/v1/minimum-wages/: the pages' selectors, forms and
services, for provincial HR holding calendars.manage / calendars.manage_wages; everyone else refused."""

import datetime
from decimal import Decimal

import pytest

from audit.models import AuditEntry
from calendars.models import CalendarYear, DayKind, MinimumWage, SpecialDay, YearStatus
from calendars.rules import MANAGE, MANAGE_WAGES
from organisations.models import Authority
from regions.models import RegionLevel
from tests import factories
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
CALENDARS = "/api/v1/calendars/"
DAYS = "/api/v1/calendars/days/"
WAGES = "/api/v1/minimum-wages/"
D = datetime.date


def holder(organisation, permission, username):
    user = factories.UserFactory(organisation=organisation, username=username, real_name=username)
    user.roles.add(organisation.roles.create(name=f"角色{username}", permissions=[permission]))
    return user


@pytest.fixture
def keeper(province_hr, province_reviewer):
    """A sub-administrator of the province's HR department holding calendars.manage only (its administrator,
    province_reviewer, issues the key)."""
    return holder(province_hr, MANAGE, "calendar_keeper")


@pytest.fixture
def wage_keeper(province_hr, province_reviewer):
    return holder(province_hr, MANAGE_WAGES, "wage_keeper")


@pytest.fixture
def henan_wage(province_reviewer):
    return MinimumWage.objects.create(region=factories.region("410000"), valid_from=D(2025, 1, 1),
                                      monthly=Decimal("2100"), source="豫政〔2024〕12号", set_by=province_reviewer)


@pytest.fixture
def guangdong_keeper(db):
    guangdong = factories.GovernmentFactory(name="广东省人力资源和社会保障厅", gov_level=RegionLevel.PROVINCE,
                                            authority=Authority.HUMAN_RESOURCES, region=factories.region("440000"))
    factories.org_admin(guangdong, username="gd_admin")  # issues the keeper's key
    return holder(guangdong, MANAGE_WAGES, "gd_keeper")


@pytest.fixture
def draft_day(db):
    year = CalendarYear.objects.create(year=2027)
    return SpecialDay.objects.create(calendar_year=year, date=D(2027, 1, 1), kind=DayKind.HOLIDAY, name="元旦")


def call(client, user, method, url, body=None, scopes=None, **headers):
    return getattr(client, method)(url, body, content_type="application/json",
                                   **auth(token_for(user, scopes=scopes)), **headers)


# --- 工作日历 ----------------------------------------------------------------------------------------------------

def test_the_province_registers_edits_deletes_and_publishes_a_year(client, keeper):
    years = call(client, keeper, "get", CALENDARS)
    assert years.status_code == 200
    assert [(row["year"], row["status"]) for row in years.json()["results"]] == [(2026, "published")]

    created = call(client, keeper, "post", DAYS, {"date": "2027-01-01", "kind": "holiday", "name": "元旦"})
    assert created.status_code == 201, created.json()
    day = SpecialDay.objects.get(date=D(2027, 1, 1))
    assert created.json() == {"id": day.pk, "year": 2027, "date": "2027-01-01", "weekday": 5, "kind": "holiday",
                              "kind_display": "放假", "name": "元旦"}
    assert AuditEntry.objects.get(action="calendars.day_added").actor == keeper

    url = f"{DAYS}{day.pk}/"
    etag = call(client, keeper, "get", url)["ETag"]
    change = {"date": "2027-01-02", "kind": "makeup_workday", "name": "元旦"}
    assert call(client, keeper, "put", url, change).status_code == 428
    assert call(client, keeper, "put", url, change, HTTP_IF_MATCH='"stale"').status_code == 412
    changed = call(client, keeper, "put", url, change, HTTP_IF_MATCH=etag)
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["date"], changed.json()["kind"]) == ("2027-01-02", "makeup_workday")
    assert changed["ETag"] != etag
    assert call(client, keeper, "put", url, change, HTTP_IF_MATCH=etag).status_code == 412  # now stale
    assert call(client, keeper, "delete", url, HTTP_IF_MATCH=etag).status_code == 412
    assert SpecialDay.objects.filter(pk=day.pk).exists()
    assert call(client, keeper, "delete", url, HTTP_IF_MATCH=changed["ETag"]).status_code == 204
    assert AuditEntry.objects.get(action="calendars.day_deleted").before["date"] == "2027-01-02"

    publish = f"{CALENDARS}2027/publish/"
    empty = call(client, keeper, "post", publish)
    assert (empty.status_code, empty.json()["message"]) == (400, "2027年还没有登记放假或调休上班日期，不能发布")
    call(client, keeper, "post", DAYS, {"date": "2027-01-01", "kind": "holiday", "name": "元旦"})
    published = call(client, keeper, "post", publish)
    assert published.status_code == 200, published.json()
    body = published.json()
    assert (body["status"], body["holidays"], body["makeup_days"], [d["date"] for d in body["days"]]) == (
        "published", 1, 0, ["2027-01-01"])
    assert CalendarYear.objects.get(year=2027).published_by == keeper
    assert call(client, keeper, "get", f"{CALENDARS}2027/").json() == body


def test_a_published_year_is_final(client, keeper):
    day = SpecialDay.objects.filter(calendar_year__year=2026).first()
    url = f"{DAYS}{day.pk}/"
    assert call(client, keeper, "get", url).status_code == 200
    edit = call(client, keeper, "put", url, {"date": f"{day.date}", "kind": day.kind, "name": "改名"},
                HTTP_IF_MATCH="*")
    assert (edit.status_code, edit.json()["message"]) == (409, "2026年工作日历已发布，不能再修改")
    assert call(client, keeper, "delete", url).status_code == 409
    again = call(client, keeper, "post", f"{CALENDARS}2026/publish/")
    assert (again.status_code, again.json()["code"]) == (409, "conflict")
    into = call(client, keeper, "post", DAYS, {"date": "2026-12-31", "kind": "holiday", "name": "跨年"})
    assert (into.status_code, into.json()["field"], into.json()["message"]) == (
        400, "date", "2026年工作日历已发布，不能再修改")
    assert not SpecialDay.objects.filter(date=D(2026, 12, 31)).exists()


def test_the_form_refuses_what_the_page_refuses(client, keeper, draft_day):
    weekday = call(client, keeper, "post", DAYS, {"date": "2027-01-04", "kind": "makeup_workday", "name": "x"})
    assert (weekday.status_code, weekday.json()["field"]) == (400, "kind")
    assert weekday.json()["message"] == "调休上班日应为周六或周日，2027-01-04 本来就是工作日"
    duplicate = call(client, keeper, "post", DAYS, {"date": "2027-01-01", "kind": "holiday", "name": "元旦"})
    assert (duplicate.status_code, duplicate.json()["message"]) == (400, "2027-01-01 已登记，请修改原有记录")
    missing = call(client, keeper, "post", DAYS, {"date": "2027-13-01", "kind": "day_off"})
    assert missing.status_code == 400
    assert {problem["field"] for problem in missing.json()["errors"]} == {"date", "kind", "name"}
    not_json = call(client, keeper, "post", DAYS, ["2027-01-05"])
    assert not_json.status_code == 400
    assert call(client, keeper, "get", f"{CALENDARS}2031/").status_code == 404
    assert call(client, keeper, "get", f"{DAYS}999999/").status_code == 404
    assert SpecialDay.objects.count() == 1 + SpecialDay.objects.filter(calendar_year__year=2026).count()


@pytest.mark.parametrize("persona", ["county_reviewer_a", "city_reviewer", "admin_a", "wage_keeper",
                                     "education_province"])
def test_only_the_provincial_hr_department_keeps_the_calendar(client, request, persona, draft_day):
    if persona == "education_province":
        bureau = factories.GovernmentFactory(name="河南省教育厅", gov_level=RegionLevel.PROVINCE,
                                             authority=Authority.EDUCATION, region=factories.region("410000"))
        user = factories.org_admin(bureau, username="edu_province")
    else:
        user = request.getfixturevalue(persona)
    url = f"{DAYS}{draft_day.pk}/"
    for method, path, body in (("get", CALENDARS, None), ("get", f"{CALENDARS}2027/", None), ("get", url, None),
                               ("post", DAYS, {"date": "2027-01-02", "kind": "holiday", "name": "x"}),
                               ("put", url, {"date": "2027-01-01", "kind": "holiday", "name": "x"}),
                               ("delete", url, None), ("post", f"{CALENDARS}2027/publish/", None)):
        assert call(client, user, method, path, body, HTTP_IF_MATCH="*").status_code == 403, (method, path)
    assert (SpecialDay.objects.filter(calendar_year__year=2027).count(),
            CalendarYear.objects.get(year=2027).status) == (1, YearStatus.DRAFT)


def test_a_key_without_the_write_scope_only_reads(client, keeper):
    read_only = call(client, keeper, "post", DAYS, {"date": "2027-01-01", "kind": "holiday", "name": "元旦"},
                     scopes=["organisations:read"])
    assert (read_only.status_code, read_only.json()["code"]) == (403, "scope_missing")
    assert call(client, keeper, "get", CALENDARS, scopes=["organisations:read"]).status_code == 200


# --- 最低工资标准 ------------------------------------------------------------------------------------------------

def wage(**overrides):
    return {"region": "410100", "valid_from": "2027-01", "valid_to": "", "monthly": "2300", "hourly": "22.5",
            "source": "豫政〔2026〕30号", **overrides}


def test_the_province_keeps_the_minimum_wage(client, wage_keeper, henan_wage):
    listed = call(client, wage_keeper, "get", WAGES).json()["results"]
    assert [row["region_id"] for row in listed] == ["410000"]

    created = call(client, wage_keeper, "post", WAGES, wage())
    assert created.status_code == 201, created.json()
    row = MinimumWage.objects.get(region_id="410100")
    assert created.json() == {
        "id": row.pk, "region_id": "410100", "region_name": "河南省 郑州市", "valid_from": "2027-01-01",
        "valid_to": None, "monthly": "2300.00", "hourly": "22.50", "source": "豫政〔2026〕30号",
        "set_by_name": "wage_keeper", "created_at": created.json()["created_at"]}
    assert AuditEntry.objects.filter(action="calendars.wage_created", actor=wage_keeper).count() == 1

    url = f"{WAGES}{row.pk}/"
    etag = call(client, wage_keeper, "get", url)["ETag"]
    assert etag == created["ETag"]
    change = wage(monthly="2350", valid_to="2027-12")
    assert call(client, wage_keeper, "put", url, change).status_code == 428
    assert call(client, wage_keeper, "put", url, change, HTTP_IF_MATCH='"stale"').status_code == 412
    changed = call(client, wage_keeper, "put", url, change, HTTP_IF_MATCH=etag)
    assert changed.status_code == 200, changed.json()
    assert (changed.json()["monthly"], changed.json()["valid_to"]) == ("2350.00", "2027-12-31")
    assert call(client, wage_keeper, "put", url, wage(monthly="2400"), HTTP_IF_MATCH=etag).status_code == 412
    row.refresh_from_db()
    assert (row.monthly, row.valid_to) == (Decimal("2350"), D(2027, 12, 31))
    assert AuditEntry.objects.get(action="calendars.wage_updated").before["monthly"] == "2300.00"


def test_the_wage_form_refuses_what_the_page_refuses(client, wage_keeper, henan_wage):
    call(client, wage_keeper, "post", WAGES, wage())
    overlap = call(client, wage_keeper, "post", WAGES, wage(valid_from="2027-06", monthly="2400"))
    assert (overlap.status_code, overlap.json()["field"], overlap.json()["message"]) == (
        400, "valid_from", "河南省 郑州市在2027-01 至 长期已有最低工资标准，期间不能重叠")
    elsewhere = call(client, wage_keeper, "post", WAGES, wage(region="440100"))
    assert (elsewhere.json()["field"], elsewhere.json()["message"]) == ("region", "只能选择本省的地区")
    backwards = call(client, wage_keeper, "post", WAGES, wage(region="410105", valid_from="2027-06",
                                                              valid_to="2027-01"))
    assert (backwards.status_code, backwards.json()["field"]) == (400, "valid_to")
    bad = call(client, wage_keeper, "post", WAGES, wage(region="", valid_from="2027/01", monthly="0"))
    assert {problem["field"] for problem in bad.json()["errors"]} == {"region", "valid_from", "monthly"}
    assert MinimumWage.objects.count() == 2


def test_who_may_not_keep_the_minimum_wage(client, henan_wage, keeper, city_reviewer, admin_a,
                                           guangdong_keeper):
    row = henan_wage
    url = f"{WAGES}{row.pk}/"
    city_holder = holder(city_reviewer.organisation, MANAGE_WAGES, "city_wages")
    for user in (keeper, city_reviewer, admin_a, city_holder):
        for method, path, body in (("get", WAGES, None), ("post", WAGES, wage()), ("get", url, None),
                                   ("put", url, wage())):
            assert call(client, user, method, path, body, HTTP_IF_MATCH="*").status_code == 403, (user, path)
    # Another province sees nothing of this one.
    assert call(client, guangdong_keeper, "get", WAGES).json()["results"] == []
    assert call(client, guangdong_keeper, "get", url).status_code == 404
    assert call(client, guangdong_keeper, "put", url, wage(region="440100"), HTTP_IF_MATCH="*").status_code == 404
    assert MinimumWage.objects.count() == 1 and MinimumWage.objects.get().monthly == row.monthly
