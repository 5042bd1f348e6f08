"""HR screens of the apprenticeship programme: 生态链企业认定 (city HR keeps, province reads), 辖区学徒制备案 and
its export, 学徒制统计 (figures exact on a small world, malformed filters → a message)."""

import datetime
from decimal import Decimal

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import EcosystemRecognition, EcosystemRole
from apprenticeships.rules import RECOGNITION, REVIEW
from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus
from claims.models import Claim, ClaimLine, ClaimStatus, LineKind
from tests import factories
from tests.apprenticeships import factories as ap
from tests.batch.helpers import read_rows, response_bytes

pytestmark = pytest.mark.django_db

NEW = reverse("apprenticeships:recognition_new")
LIST = reverse("apprenticeships:recognitions")


def texts(response) -> list[str]:
    return [str(message) for message in get_messages(response.wsgi_request)]


def recognition_data(**overrides):
    data = {"enterprise": "", "role": EcosystemRole.CHAIN_LEADER, "chain_name": "智能装备产业技能生态链",
            "valid_from": "2026-01-01", "valid_to": "2027-12-31", "source": "郑人社〔2026〕8号"}
    data.update(overrides)
    return data


@pytest.fixture
def export(client, django_capture_on_commit_callbacks):
    def run(key, query="", expect_rows=True):
        url = reverse("batch:export", args=[key]) + (f"?{query}" if query else "")
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(url)
        if not expect_rows:
            return response
        job = BatchJob.objects.filter(kind="export", spec=key).latest("id")
        assert job.status == JobStatus.SUCCEEDED, job.error
        return read_rows(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))

    return run


# --- 生态链企业认定 -------------------------------------------------------------------------------------------------


def test_city_creates_a_recognition_by_credit_code(client, city_reviewer, enterprise_a):
    client.force_login(city_reviewer)
    assert client.get(NEW).status_code == 200
    response = client.post(NEW, recognition_data(enterprise=enterprise_a.credit_code))
    assert response.status_code == 302 and response["Location"] == LIST
    item = EcosystemRecognition.objects.get()
    assert (item.organisation, item.city_id, item.role, item.valid_to) == (
        enterprise_a, "410100", EcosystemRole.CHAIN_LEADER, datetime.date(2027, 12, 31))
    assert item.created_by == city_reviewer
    log = AuditEntry.objects.get(action="apprenticeships.recognition_created")
    assert log.actor == city_reviewer and log.after["chain_name"] == "智能装备产业技能生态链"
    page = client.get(LIST).content.decode()
    assert enterprise_a.name in page and "郑人社〔2026〕8号" in page


def test_recognition_by_name_and_errors_beside_the_fields(client, city_reviewer, enterprise_a, enterprise_b):
    luoyang = factories.OrganisationFactory(name="洛阳某企业", region=factories.region("410302"))
    client.force_login(city_reviewer)
    response = client.post(NEW, recognition_data(enterprise=luoyang.name))
    assert response.status_code == 200
    assert "本市没有名称或统一社会信用代码为“洛阳某企业”的企业" in response.context["form"].errors["enterprise"][0]
    response = client.post(NEW, recognition_data(enterprise=enterprise_a.name, valid_from="2027-01-01",
                                                 valid_to="2026-01-01"))
    assert response.context["form"].errors["valid_to"] == ["有效期止不能早于有效期起"]
    assert not EcosystemRecognition.objects.exists()
    response = client.post(NEW, recognition_data(enterprise=enterprise_b.name, role=EcosystemRole.MEMBER))
    assert response.status_code == 302
    assert EcosystemRecognition.objects.get().organisation == enterprise_b


def test_edit_and_revoke_are_audited(client, city_reviewer, enterprise_a):
    item = ap.recognition(enterprise_a, factories.region("410100"))
    edit = reverse("apprenticeships:recognition_edit", args=[item.pk])
    revoke = reverse("apprenticeships:recognition_revoke", args=[item.pk])
    client.force_login(city_reviewer)
    assert client.get(edit).status_code == 200
    response = client.post(edit, recognition_data(enterprise=enterprise_a.name, role=EcosystemRole.MEMBER,
                                                  valid_to="2026-12-31"))
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.role == EcosystemRole.MEMBER and item.valid_to == datetime.date(2026, 12, 31)
    log = AuditEntry.objects.get(action="apprenticeships.recognition_updated")
    assert log.before["role"] == "chain_leader" and log.after["role"] == "member"
    response = client.post(revoke, {"reason": ""})
    assert response.status_code == 200 and response.context["revoke_form"].errors["reason"] == ["请填写撤销原因"]
    response = client.post(revoke, {"reason": "企业退出生态链"})
    assert response.status_code == 302
    item.refresh_from_db()
    assert item.revoked_at is not None and item.revoked_by == city_reviewer and item.revoke_reason == "企业退出生态链"
    assert AuditEntry.objects.filter(action="apprenticeships.recognition_revoked").count() == 1
    response = client.post(edit, recognition_data(enterprise=enterprise_a.name))
    assert response.status_code == 302 and "该认定已撤销，不能修改" in texts(response)
    assert client.post(revoke, {"reason": "再次"}).context["revoke_form"].errors["__all__"] == ["该认定已撤销"]


def test_recognition_filters_and_malformed_values(client, city_reviewer, enterprise_a, enterprise_b):
    city = factories.region("410100")
    leader = ap.recognition(enterprise_a, city)
    member = ap.recognition(enterprise_b, city, role=EcosystemRole.MEMBER, valid_from=datetime.date(2025, 1, 1),
                            valid_to=datetime.date(2025, 12, 31))
    client.force_login(city_reviewer)

    def listed(query):
        response = client.get(LIST + query)
        assert response.status_code == 200
        return {item.pk for item in response.context["object_list"]}

    assert listed("") == {leader.pk, member.pk}
    assert listed("?role=member") == {member.pk}
    assert listed("?valid_on=2026-06-01") == {leader.pk}
    assert listed(f"?q={enterprise_b.credit_code}") == {member.pk}
    assert listed("?revoked=yes") == set()
    # A malformed filter: its message beside the field and no rows, not the list less filtered than asked.
    for query, errors in (
        ("?valid_on=2026-13-45&role=boss", {"role": "认定类型不正确，请从列表中选择",
                                            "valid_on": "有效日期格式不正确（如 2026-03-01）"}),
        ("?role=member&revoked=maybe", {"revoked": "撤销状态不正确，请从列表中选择"}),
        ("?q=" + "企" * 65, {"q": "查询内容不能超过64个字"}),
    ):
        response = client.get(LIST + query)
        assert response.status_code == 200 and list(response.context["object_list"]) == []
        html = response.content.decode()
        for field, message in errors.items():
            assert f'<div class="invalid-feedback d-block" data-field-error="{field}">{message}</div>' in html
        assert html.count("data-field-error=") == len(errors) and "data-recognition=" not in html
        assert texts(response) == []
    # What was typed stays in the boxes.
    html = client.get(LIST + "?role=member&valid_on=2026-06-01").content.decode()
    assert '<option value="member" selected>' in html and 'value="2026-06-01"' in html


def test_who_may_see_and_keep_recognitions(client, enterprise_a, admin_a, county_reviewer_a, city_reviewer,
                                           province_reviewer, other_city_reviewer, education_reviewer, city_hr):
    item = ap.recognition(enterprise_a, factories.region("410100"))
    edit = reverse("apprenticeships:recognition_edit", args=[item.pk])
    revoke = reverse("apprenticeships:recognition_revoke", args=[item.pk])
    for user in (admin_a, county_reviewer_a, education_reviewer):
        client.force_login(user)
        assert client.get(LIST).status_code == 403, user
        assert client.get(NEW).status_code == 403
        assert client.get(edit).status_code == 403
    client.force_login(other_city_reviewer)
    assert client.get(LIST).status_code == 200
    assert list(client.get(LIST).context["object_list"]) == []
    assert client.get(edit).status_code == 404
    assert client.post(revoke, {"reason": "x"}).status_code == 404
    # The province reads every city's recognitions of the province; it does not keep them.
    client.force_login(province_reviewer)
    page = client.get(LIST)
    assert page.status_code == 200 and [row.pk for row in page.context["object_list"]] == [item.pk]
    assert 'data-testid="add-recognition"' not in page.content.decode()
    assert client.get(NEW).status_code == 403
    assert client.get(edit).status_code == 403
    assert client.post(revoke, {"reason": "x"}).status_code == 403
    # A city HR user without the recognition permission.
    reviewer_only = factories.UserFactory(organisation=city_hr, username="city_reviewer_only")
    reviewer_only.roles.add(city_hr.roles.create(name="学徒制审核", permissions=[REVIEW]))
    client.force_login(reviewer_only)
    assert client.get(LIST).status_code == 403
    keeper = factories.UserFactory(organisation=city_hr, username="city_keeper")
    keeper.roles.add(city_hr.roles.create(name="认定维护", permissions=[RECOGNITION]))
    client.force_login(keeper)
    assert client.get(edit).status_code == 200
    item.refresh_from_db()
    assert item.revoked_at is None and not AuditEntry.objects.filter(action__startswith="apprenticeships.").exists()


# --- 辖区学徒制备案 -------------------------------------------------------------------------------------------------

FILINGS = reverse("apprenticeships:hr_filings")


def test_region_filings_by_county_and_city(client, filing_a, draft_a, filing_b, county_reviewer_a, city_reviewer,
                                           province_reviewer):
    client.force_login(county_reviewer_a)
    response = client.get(FILINGS)
    assert response.status_code == 200
    assert [item.pk for item in response.context["object_list"]] == [filing_a.pk]  # not the draft, not 二七区
    client.force_login(city_reviewer)
    assert {item.pk for item in client.get(FILINGS).context["object_list"]} == {filing_a.pk, filing_b.pk}
    client.force_login(province_reviewer)
    assert {item.pk for item in client.get(FILINGS).context["object_list"]} == {filing_a.pk, filing_b.pk}


def test_region_filings_filters(client, filing_a, filing_b, enterprise_a, admin_a, city_reviewer):
    returned = ap.complete_filing(enterprise_a, by=admin_a, status="returned", trainees=0)
    client.force_login(city_reviewer)

    def listed(query):
        response = client.get(FILINGS + query)
        assert response.status_code == 200
        return {item.pk for item in response.context["object_list"]}

    assert listed("?status=returned") == {returned.pk}
    assert listed(f"?q={filing_b.number}") == {filing_b.pk}
    assert listed("?q=甲企业") == {filing_a.pk, returned.pk}
    assert listed("?type=student") == set()
    month = timezone.localdate().strftime("%Y-%m")
    assert listed(f"?month={month}") == {filing_a.pk, filing_b.pk, returned.pk}
    assert listed("?month=2020-01") == set()
    assert listed("?page=zz") == {filing_a.pk, filing_b.pk, returned.pk}
    # A malformed filter: its message beside the field and no rows (nor an export of the unfiltered region).
    response = client.get(FILINGS + "?month=abc&status=nope&type=x&page=zz")
    assert response.status_code == 200 and list(response.context["object_list"]) == []
    html = response.content.decode()
    for field, message in (("status", "状态不正确，请从列表中选择"), ("type", "培训类型不正确，请从列表中选择"),
                           ("month", "月份格式不正确（如 2026-03）")):
        assert f'<div class="invalid-feedback d-block" data-field-error="{field}">{message}</div>' in html
    assert "data-filing=" not in html and texts(response) == []
    assert 'value="abc"' in html  # what was typed, beside its message
    export = reverse("batch:export", args=["apprenticeship_hr_filings"])
    assert f'action="{export}?month=abc&amp;status=nope&amp;type=x"' in html
    assert listed("?month=abc") == set() and listed("?status=draft") == set() and listed("?month=2026-13") == set()
    assert listed("?status=returned&q=" + "甲" * 65) == set()


def test_region_filings_export(client, export, filing_a, filing_b, county_reviewer_a, admin_a):
    client.force_login(county_reviewer_a)
    action = reverse("batch:export", args=["apprenticeship_hr_filings"])
    assert f'action="{action}' in client.get(FILINGS).content.decode()
    rows = export("apprenticeship_hr_filings")
    assert rows[0][:6] == ["备案编号", "企业名称", "统一社会信用代码", "备案地（参保地）", "学徒制培训类型", "状态"]
    assert [row[0] for row in rows[1:]] == [filing_a.number]
    assert rows[1][4:6] == ["企业新型学徒制培训", "审核通过"]
    assert export("apprenticeship_hr_filings", "status=submitted") == [rows[0]]
    assert export("apprenticeship_hr_filings", "status=nope") == [rows[0]]  # malformed: nothing, as on screen
    client.force_login(admin_a)
    assert export("apprenticeship_hr_filings", expect_rows=False).status_code == 403


def test_region_filings_denied(client, admin_a, education_reviewer, institution_admin, outsider, city_hr):
    member = factories.UserFactory(organisation=city_hr, username="city_member")
    for user in (admin_a, education_reviewer, institution_admin, outsider, member):
        client.force_login(user)
        assert client.get(FILINGS).status_code == 403, user
        assert client.get(reverse("apprenticeships:statistics")).status_code == 403


# --- 学徒制统计 ---------------------------------------------------------------------------------------------------

STATS = reverse("apprenticeships:statistics")


def _claim(organisation, by, trainee, *, status, amount, submitted, approved=None, paid=None, kind=LineKind.ADVANCE):
    claim = Claim.objects.create(
        programme="apprenticeships", organisation=organisation, number=f"XTBT-{trainee.pk}-{kind}",
        first_month=datetime.date(2026, 1, 1), last_month=datetime.date(2026, 1, 1), status=status,
        total=amount, created_by=by, submitted_at=submitted, approved_at=approved, paid_on=paid,
        voucher_number="PZ-1" if paid else "")
    ClaimLine.objects.create(claim=claim, programme="apprenticeships", organisation=organisation,
                             counted=True, kind=kind, person=trainee.person, subject=f"apprenticeships.trainee:"
                             f"{trainee.pk}", amount=amount, explanation="测试")
    return claim


def _approved(organisation, by, trainees, at):
    from apprenticeships.models import Filing

    item = ap.complete_filing(organisation, by=by, trainees=trainees)
    Filing.objects.filter(pk=item.pk).update(approved_at=at)
    return item


def _at(year, month, day=10):
    return timezone.make_aware(datetime.datetime(year, month, day, 10, 0))


@pytest.fixture
def statistics_world(enterprise_a, admin_a, enterprise_b, admin_b):
    """金水区: a filing approved in 2026-03 with 3 trainees (one lost in 2026-05) and an advance of 2,400 元
    submitted in 04, approved in 05, paid in 06; 二七区: one approved in 2026-05 with 1 trainee, an advance of
    2,000 submitted in 06 (pending); a filing still submitted (not counted); a 2025 approval (outside the year)."""
    first = _approved(enterprise_a, admin_a, 3, _at(2026, 3))
    lost = first.trainees.order_by("id").first()
    lost.lost_on, lost.lost_reason, lost.holds_place = datetime.date(2026, 5, 20), "离职", False
    lost.save()
    second = _approved(enterprise_b, admin_b, 1, _at(2026, 5))
    ap.complete_filing(enterprise_a, by=admin_a, status="submitted", trainees=2)
    _approved(enterprise_b, admin_b, 2, _at(2025, 11))
    kept = first.trainees.order_by("id")[1]
    _claim(enterprise_a, admin_a, kept, status=ClaimStatus.PAID, amount=Decimal("2400"), submitted=_at(2026, 4),
           approved=_at(2026, 5), paid=datetime.date(2026, 6, 2))
    _claim(enterprise_b, admin_b, second.trainees.get(), status=ClaimStatus.SUBMITTED, amount=Decimal("2000"),
           submitted=_at(2026, 6))
    _claim(enterprise_b, admin_b, second.trainees.get(), status=ClaimStatus.DRAFT, amount=Decimal("999"),
           submitted=None, kind=LineKind.BALANCE)
    return first, second


def test_statistics_by_county_and_month(client, statistics_world, city_reviewer, django_assert_max_num_queries):
    client.force_login(city_reviewer)
    with django_assert_max_num_queries(20):
        response = client.get(STATS + "?year=2026")
    assert response.status_code == 200
    stats = response.context["stats"]
    rows = {row.code: row for row in stats.rows}
    jinshui, erqi = rows["410105"], rows["410103"]
    assert (jinshui.enrolled, jinshui.lost, jinshui.lost_rate_text) == (3, 1, "33.3%")
    assert (jinshui.claimed, jinshui.approved, jinshui.paid) == (Decimal("2400"), Decimal("2400"), Decimal("2400"))
    assert (erqi.enrolled, erqi.lost, erqi.lost_rate_text, erqi.claimed, erqi.approved) == (
        1, 0, "0.0%", Decimal("2000"), Decimal("0"))
    assert rows["410100"].name == "郑州市（市本级）" and rows["410100"].lost_rate_text == "—"
    months = {row.name: row for row in stats.months}
    assert len(months) == 12
    assert months["2026-03"].enrolled == 3 and months["2026-05"].enrolled == 1 and months["2026-05"].lost == 1
    assert (months["2026-04"].claimed, months["2026-05"].approved, months["2026-06"].paid) == (
        Decimal("2400"), Decimal("2400"), Decimal("2400"))
    assert months["2026-06"].claimed == Decimal("2000")
    assert (stats.total.enrolled, stats.total.lost, stats.total.claimed, stats.total.paid) == (
        4, 1, Decimal("4400"), Decimal("2400"))
    # The month range narrows every figure.
    stats = client.get(STATS + "?year=2026&month_from=5&month_to=6").context["stats"]
    assert (stats.total.enrolled, stats.total.lost, stats.total.claimed, stats.total.approved) == (
        1, 1, Decimal("2000"), Decimal("2400"))
    assert [row.name for row in stats.months] == ["2026-05", "2026-06"]


def test_statistics_query_count_does_not_grow(client, statistics_world, city_reviewer, enterprise_a, admin_a,
                                              django_assert_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(city_reviewer)
    with CaptureQueriesContext(connection) as before:
        client.get(STATS + "?year=2026")
    for _index in range(3):
        _approved(enterprise_a, admin_a, 2, _at(2026, 7))
    with CaptureQueriesContext(connection) as after:
        client.get(STATS + "?year=2026")
    assert len(after.captured_queries) == len(before.captured_queries)


def test_statistics_for_county_and_province(client, statistics_world, county_reviewer_a, province_reviewer):
    client.force_login(county_reviewer_a)
    stats = client.get(STATS + "?year=2026").context["stats"]
    assert [(row.name, row.enrolled, row.lost) for row in stats.rows] == [("金水区", 3, 1)]
    assert stats.total.claimed == Decimal("2400")
    client.force_login(province_reviewer)
    stats = client.get(STATS + "?year=2026").context["stats"]
    zhengzhou = next(row for row in stats.rows if row.code == "410100")
    assert (zhengzhou.enrolled, zhengzhou.lost, zhengzhou.claimed) == (4, 1, Decimal("4400"))
    assert stats.total.enrolled == 4


def test_statistics_malformed_filters_give_a_message_and_no_figures(client, statistics_world, city_reviewer):
    client.force_login(city_reviewer)
    # Absent: this year, every month.
    response = client.get(STATS)
    stats = response.context["stats"]
    assert (stats.year, stats.month_from, stats.month_to) == (timezone.localdate().year, 1, 12)
    assert f'value="{stats.year}"' in response.content.decode()
    # Malformed: the message beside the field and no figures, not this year's figures under the asked heading.
    for query, errors in (
        ("?year=abc&month_from=0&month_to=99", {"year": "年度应为数字", "month_from": "月份应为1到12",
                                                  "month_to": "月份应为1到12"}),
        ("?year=1999", {"year": "年度应在2000到2100之间"}),
        ("?year=2026&month_from=9&month_to=3", {"month_from": "起始月份不能晚于截止月份"}),
    ):
        response = client.get(STATS + query)
        assert response.status_code == 200 and response.context["stats"] is None
        html = response.content.decode()
        for field, message in errors.items():
            assert f'<div class="invalid-feedback d-block" data-field-error="{field}">{message}</div>' in html
        assert 'data-testid="statistics-regions"' not in html and texts(response) == []
    response = client.get(STATS + "?year=2026&month_from=3&month_to=5")
    stats = response.context["stats"]
    assert (stats.year, stats.month_from, stats.month_to) == (2026, 3, 5)
    html = response.content.decode()
    assert '<option value="3" selected>3月</option>' in html and '<option value="5" selected>5月</option>' in html


def test_statistics_export(client, export, statistics_world, city_reviewer, admin_a):
    client.force_login(city_reviewer)
    rows = export("apprenticeship_statistics", "year=2026&month_from=1&month_to=12")
    assert rows[0] == ["分类", "地区/月份", "备案在训人数", "流失人数", "流失率", "申领金额（元）",
                       "审核通过金额（元）", "已拨付金额（元）"]
    jinshui = next(row for row in rows if row[1] == "金水区")
    assert jinshui[:5] == ["按地区", "金水区", 3, 1, "33.3%"]
    total = next(row for row in rows if row[0] == "合计")
    assert total[2:4] == [4, 1]
    assert sum(1 for row in rows if row[0] == "按月份") == 12
    assert export("apprenticeship_statistics", "year=abc") == [rows[0]]  # malformed: nothing, as on screen
    client.force_login(admin_a)
    assert export("apprenticeship_statistics", expect_rows=False).status_code == 403
