"""开班信息变更 (manual 003 §3.2.1.4): only before the class starts, at most 3 accepted changes, at least 5 whole
working days on the official calendar before the earlier of the current and the new start, the duration rule
kept, the configured courses contained; a refused attempt writes nothing. The list 备案变更申请 and the live
preview ("还可变更 2 次，最早可改至 2026-02-28")."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from apprenticeships.models import ChangeKind, ChangeRecord, DateChange, FilingStatus
from apprenticeships.selectors.parameters import rules_for
from apprenticeships.services import changes as services
from audit.models import AuditEntry
from tests.apprenticeships import factories as ap

pytestmark = pytest.mark.django_db

D = datetime.date


def _filing(enterprise, admin, starts_on, ends_on=None, **kwargs):
    ends_on = ends_on or starts_on.replace(year=starts_on.year + 1) - datetime.timedelta(days=1)
    return ap.complete_filing(enterprise, by=admin, starts_on=starts_on, ends_on=ends_on, **kwargs)


def _class(filing):
    filing.training_class.refresh_from_db()
    return filing.training_class


def _refusal(error) -> str:
    return "；".join(error.messages)


def _nothing_written(filing, before):
    training_class = _class(filing)
    assert (training_class.starts_on, training_class.ends_on) == before
    assert not DateChange.objects.filter(training_class=training_class).exists()
    assert not ChangeRecord.objects.filter(filing=filing).exists()
    assert not AuditEntry.objects.filter(action="apprenticeships.class_dates_changed").exists()


# ------------------------------------------------------------------------------------------------ the service


def test_a_request_on_13_february_allows_28_february_not_27(enterprise_a, admin_a):
    """2026-02-14 is a make-up working day and 15–23 February the Spring Festival: the five whole working days
    after Friday 13 February are 02-14, 02-24, 02-25, 02-26 and 02-27, so 02-28 is the earliest start."""
    filing = _filing(enterprise_a, admin_a, D(2026, 3, 20))
    rules = rules_for(filing.region, D(2026, 2, 13))
    assert services.earliest_allowed_start(D(2026, 2, 13), rules) == D(2026, 2, 28)
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 2, 27), ends_on=D(2027, 2, 26),
                                    today=D(2026, 2, 13))
    assert refused.value.message_dict == {"starts_on": ["新的开始日期距今不足5个工作日，最早可改至 2026-02-28"]}
    _nothing_written(filing, (D(2026, 3, 20), D(2027, 3, 19)))

    change = services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 2, 28),
                                         ends_on=D(2027, 2, 27), reason="设备到货延迟", today=D(2026, 2, 13))
    assert (change.sequence, change.earliest_allowed, change.requested_on) == (1, D(2026, 2, 28), D(2026, 2, 13))
    assert (change.old_starts_on, change.old_ends_on) == (D(2026, 3, 20), D(2027, 3, 19))
    assert (_class(filing).starts_on, _class(filing).ends_on) == (D(2026, 2, 28), D(2027, 2, 27))
    record = ChangeRecord.objects.get(filing=filing)
    assert record.kind == ChangeKind.CLASS_DATES and record.actor == admin_a
    assert record.before == {"starts_on": "2026-03-20", "ends_on": "2027-03-19"}
    assert record.after == {"starts_on": "2026-02-28", "ends_on": "2027-02-27"}
    entry = AuditEntry.objects.get(action="apprenticeships.class_dates_changed")
    assert entry.after["sequence"] == 1 and entry.after["reason"] == "设备到货延迟"


def test_four_working_days_ahead_is_refused_naming_the_earliest_date(enterprise_a, admin_a):
    # Monday 2026-03-02: 03-03, 03-04, 03-05, 03-06 are four working days before Monday 03-09.
    filing = _filing(enterprise_a, admin_a, D(2026, 4, 1))
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 3, 9), ends_on=D(2027, 3, 8),
                                    today=D(2026, 3, 2))
    assert "最早可改至 2026-03-10" in _refusal(refused.value)
    services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 3, 10), ends_on=D(2027, 3, 9),
                                today=D(2026, 3, 2))
    assert _class(filing).starts_on == D(2026, 3, 10)


def test_the_current_start_too_close_refuses_even_a_later_start(enterprise_a, admin_a):
    filing = _filing(enterprise_a, admin_a, D(2026, 3, 6))
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 5, 4), ends_on=D(2027, 5, 3),
                                    today=D(2026, 3, 2))
    assert "当前开班日期 2026-03-06 已不足5个工作日" in _refusal(refused.value)
    assert "2026-03-10" in _refusal(refused.value)


def test_no_change_once_the_class_has_started(enterprise_a, admin_a):
    filing = _filing(enterprise_a, admin_a, D(2026, 3, 2))
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 6, 1), ends_on=D(2027, 5, 31),
                                    today=D(2026, 3, 2))
    assert _refusal(refused.value) == "培训班已于 2026-03-02 开班，开班后不能变更开班信息"
    _nothing_written(filing, (D(2026, 3, 2), D(2027, 3, 1)))


def test_three_changes_at_most_and_refused_attempts_use_no_quota(enterprise_a, admin_a):
    filing = _filing(enterprise_a, admin_a, D(2026, 6, 1))
    today = D(2026, 3, 2)
    with pytest.raises(ValidationError):  # too early: refused, no quota used
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 3, 4), ends_on=D(2027, 3, 3),
                                    today=today)
    for index, start in enumerate([D(2026, 6, 2), D(2026, 6, 3), D(2026, 6, 4)], start=1):
        change = services.change_class_dates(filing=filing, actor=admin_a, starts_on=start,
                                             ends_on=start.replace(year=2027) - datetime.timedelta(days=1),
                                             today=today)
        assert change.sequence == index
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 6, 5), ends_on=D(2027, 6, 4),
                                    today=today)
    assert _refusal(refused.value) == "开班信息最多可变更3次，本班已变更3次，不能再变更"
    assert DateChange.objects.filter(training_class__filing=filing).count() == 3
    assert _class(filing).starts_on == D(2026, 6, 4)
    assert ChangeRecord.objects.filter(filing=filing, kind=ChangeKind.CLASS_DATES).count() == 3


def test_the_duration_rule_is_kept(enterprise_a, admin_a):
    filing = _filing(enterprise_a, admin_a, D(2026, 6, 1))
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 6, 15), ends_on=D(2027, 1, 31),
                                    today=D(2026, 3, 2))
    assert refused.value.message_dict == {"ends_on": ["培训期不得少于12个月"]}
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 6, 15), ends_on=D(2028, 12, 1),
                                    today=D(2026, 3, 2))
    assert refused.value.message_dict == {"ends_on": ["培训期超过24个月的，须填写原因"]}
    _nothing_written(filing, (D(2026, 6, 1), D(2027, 5, 31)))


def test_new_dates_contain_every_configured_course(enterprise_a, admin_a):
    filing = _filing(enterprise_a, admin_a, D(2026, 6, 1))
    course = filing.courses.get(delivery="offline")
    course.starts_on, course.ends_on = D(2026, 6, 10), D(2026, 6, 12)
    course.save()
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 6, 11), ends_on=D(2027, 6, 10),
                                    today=D(2026, 3, 2))
    assert "已配置的课程“电工基础”（2026-06-10至2026-06-12）不在新的培训期间内" in _refusal(refused.value)
    services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 6, 10), ends_on=D(2027, 6, 9),
                                today=D(2026, 3, 2))


def test_a_window_into_an_unpublished_year_is_refused_naming_the_year(enterprise_a, admin_a):
    # From Monday 2026-12-28 the fifth working day falls in 2027, whose calendar is not published.
    filing = _filing(enterprise_a, admin_a, D(2027, 3, 1))
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2027, 2, 1), ends_on=D(2028, 1, 31),
                                    today=D(2026, 12, 28))
    assert "2027年的工作日历尚未发布" in _refusal(refused.value)
    _nothing_written(filing, (D(2027, 3, 1), D(2028, 2, 29)))
    ap.publish_year(2027)
    change = services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2027, 2, 1),
                                         ends_on=D(2028, 1, 31), today=D(2026, 12, 28))
    # 12-29, 12-30, 12-31, 2027-01-01 (no holidays in the test's 2027), 01-04 → 01-05 at the earliest.
    assert change.earliest_allowed == D(2027, 1, 5)


def test_only_approved_filings_of_the_own_enterprise(enterprise_a, admin_a, admin_b, filer_a, claimer_a):
    draft = _filing(enterprise_a, admin_a, D(2026, 6, 1), status=FilingStatus.DRAFT)
    with pytest.raises(ValidationError) as refused:
        services.change_class_dates(filing=draft, actor=admin_a, starts_on=D(2026, 6, 15), ends_on=D(2027, 6, 14),
                                    today=D(2026, 3, 2))
    assert _refusal(refused.value) == "只有审核通过的备案可以办理变更（当前状态：未提交）"
    cancelled = _filing(enterprise_a, admin_a, D(2026, 6, 1), status=FilingStatus.CANCELLED, cancel_reason="企业停产")
    with pytest.raises(ValidationError):
        services.change_class_dates(filing=cancelled, actor=admin_a, starts_on=D(2026, 6, 15),
                                    ends_on=D(2027, 6, 14), today=D(2026, 3, 2))
    filing = _filing(enterprise_a, admin_a, D(2026, 6, 1))
    for outsider in (admin_b, claimer_a):
        with pytest.raises(PermissionDenied):
            services.change_class_dates(filing=filing, actor=outsider, starts_on=D(2026, 6, 15),
                                        ends_on=D(2027, 6, 14), today=D(2026, 3, 2))
    services.change_class_dates(filing=filing, actor=filer_a, starts_on=D(2026, 6, 15), ends_on=D(2027, 6, 14),
                                today=D(2026, 3, 2))


def test_preview_counts_the_quota_and_the_earliest_start(enterprise_a, admin_a):
    filing = _filing(enterprise_a, admin_a, D(2026, 3, 20))
    services.change_class_dates(filing=filing, actor=admin_a, starts_on=D(2026, 3, 21), ends_on=D(2027, 3, 20),
                                today=D(2026, 2, 13))
    preview = services.date_change_preview(filing=filing, today=D(2026, 2, 13))
    assert (preview["remaining"], preview["earliest"], preview["problems"]) == (2, D(2026, 2, 28), [])
    preview = services.date_change_preview(filing=filing, starts_on=D(2026, 2, 27), ends_on=D(2027, 2, 26),
                                           today=D(2026, 2, 13))
    assert preview["problems"] == ["新的开始日期距今不足5个工作日，最早可改至 2026-02-28"] and not preview["ok"]
    preview = services.date_change_preview(filing=filing, starts_on=D(2026, 2, 28), ends_on=D(2027, 2, 27),
                                           today=D(2026, 2, 13))
    assert preview["ok"] and preview["problems"] == []


# ------------------------------------------------------------------------------------------------ the screens


def _earliest():
    today = timezone.localdate()
    return services.earliest_allowed_start(today, rules_for(ap.factories.region("410105"), today))


def test_list_shows_approved_filings_with_unconfigured_courses(client, filing_a, draft_a, filing_b, admin_a):
    client.force_login(admin_a)
    response = client.get(reverse("apprenticeships:changes"))
    assert response.status_code == 200
    rows = response.context["rows"]
    assert [row["filing"].pk for row in rows] == [filing_a.pk]
    assert rows[0]["unconfigured"] == 2
    body = response.content.decode()
    assert "未配置" in body and reverse("apprenticeships:class_dates", args=[filing_a.pk]) in body
    assert reverse("apprenticeships:change_records", args=[filing_a.pk]) in body


def test_list_filters_and_malformed_filters(client, filing_a, admin_a):
    client.force_login(admin_a)
    response = client.get(reverse("apprenticeships:changes"), {"number": filing_a.number[-6:]})
    assert [row["filing"].pk for row in response.context["rows"]] == [filing_a.pk]
    response = client.get(reverse("apprenticeships:changes"), {"number": "nothing"})
    assert response.context["rows"] == []
    response = client.get(reverse("apprenticeships:changes"), {"starts_from": "²", "starts_until": "0001-01",
                                                               "page": "%ff", "occupation": "x" * 100})
    assert response.status_code == 200
    body = response.content.decode()
    assert "日期格式应为 2026-03-01" in body and "培训职业最多64个字" in body
    assert [row["filing"].pk for row in response.context["rows"]] == [filing_a.pk]


@pytest.mark.parametrize("persona", ["claimer_a", "member_a", "county_reviewer_a", "institution_admin", "outsider"])
def test_the_list_is_for_filing_users(client, persona, request):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("apprenticeships:changes")).status_code == 403


def test_change_dates_through_the_screen(client, filing_a, admin_a):
    earliest = _earliest()
    client.force_login(admin_a)
    url = reverse("apprenticeships:class_dates", args=[filing_a.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert f"还可变更 3 次，最早可改至 {earliest.isoformat()}" in response.content.decode()
    too_early = earliest - datetime.timedelta(days=1)
    response = client.post(url, {"starts_on": too_early.isoformat(),
                                 "ends_on": (too_early.replace(year=too_early.year + 1)
                                             - datetime.timedelta(days=1)).isoformat()})
    assert response.status_code == 400
    assert response.context["form"].errors["starts_on"] == [
        f"新的开始日期距今不足5个工作日，最早可改至 {earliest.isoformat()}"]
    assert not DateChange.objects.exists()
    end = earliest.replace(year=earliest.year + 1) - datetime.timedelta(days=1)
    response = client.post(url, {"starts_on": earliest.isoformat(), "ends_on": end.isoformat(), "reason": "调整"},
                           follow=True)
    assert f"开班信息已变更（第1次）：{earliest.isoformat()}至{end.isoformat()}" in response.content.decode()
    assert _class(filing_a).starts_on == earliest


def test_change_dates_form_errors_stay_beside_the_fields(client, filing_a, admin_a):
    client.force_login(admin_a)
    url = reverse("apprenticeships:class_dates", args=[filing_a.pk])
    response = client.post(url, {"starts_on": "2027-13-01", "ends_on": ""})
    assert response.status_code == 400
    assert response.context["form"].errors == {"starts_on": ["日期格式应为 2026-03-01"],
                                               "ends_on": ["请填写新的培训结束日期"]}


def test_preview_partial(client, filing_a, admin_a):
    earliest = _earliest()
    client.force_login(admin_a)
    url = reverse("apprenticeships:class_dates_preview", args=[filing_a.pk])
    response = client.get(url, {"starts_on": earliest.isoformat(),
                                "ends_on": (earliest.replace(year=earliest.year + 1)
                                            - datetime.timedelta(days=1)).isoformat()})
    body = response.content.decode()
    assert response.status_code == 200 and "<html" not in body
    assert f"还可变更 3 次，最早可改至 {earliest.isoformat()}" in body and "所填日期符合变更规则" in body
    response = client.get(url, {"starts_on": "²", "ends_on": "9" * 30})
    body = response.content.decode()
    assert response.status_code == 200
    assert "新的培训开始日期：日期格式应为 2026-03-01" in body


def test_screens_refuse_the_wrong_state_and_other_people(client, draft_a, filing_b, filing_a, admin_a, admin_b,
                                                         county_reviewer_a):
    client.force_login(admin_a)
    response = client.get(reverse("apprenticeships:class_dates", args=[draft_a.pk]), follow=True)
    assert "只有审核通过的备案可以办理变更（当前状态：未提交）" in response.content.decode()
    assert client.get(reverse("apprenticeships:class_dates", args=[filing_b.pk])).status_code == 404
    client.force_login(admin_b)
    response = client.post(reverse("apprenticeships:class_dates", args=[filing_a.pk]),
                           {"starts_on": "2027-06-01", "ends_on": "2028-05-31"})
    assert response.status_code == 404
    client.force_login(county_reviewer_a)
    assert client.get(reverse("apprenticeships:class_dates", args=[filing_a.pk])).status_code == 403
    assert not DateChange.objects.exists()
