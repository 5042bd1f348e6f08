import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from audit.labels import label_for, register_action
from audit.models import AuditEntry
from audit.services import record, snapshot
from tests import factories


@pytest.fixture(autouse=True)
def unlabelled_codes_allowed(settings):
    """These tests write entries with made-up or historical codes to test the log's screens; the rule that
    every code has a label is tested in test_labels.py."""
    settings.AUDIT_REQUIRE_LABELS = False


@pytest.fixture
def staff(db):
    return factories.UserFactory(kind="platform", is_staff=True, organisation=None, username="platform")


def entry(actor, action="organisations.update_profile", target=None, before=None, after=None, ip="10.1.2.3",
          at=None):
    created = record(actor=actor, action=action, target=target, before=before, after=after, ip_address=ip)
    if at is not None:
        AuditEntry.objects.filter(pk=created.pk).update(created_at=at)
    return created


def listed(response) -> list[int]:
    return [row["entry"].pk for row in response.context["rows"]]


@pytest.fixture
def log(admin_a, member_a, admin_b, county_reviewer_a, enterprise_a):
    return {
        "a_profile": entry(
            admin_a, target=enterprise_a, before={"contact_person": "李红", "address": "旧址"},
            after={"contact_person": "王芳", "address": "旧址"},
        ),
        "a_member": entry(member_a, action="accounts.password_change", ip="10.9.9.9"),
        "b_profile": entry(admin_b, ip="192.168.1.5"),
        "county": entry(county_reviewer_a, action="reviews.decide", ip="172.16.0.1"),
    }


def test_staff_see_every_entry(client, staff, log):
    client.force_login(staff)
    response = client.get(reverse("audit:list"))
    assert response.status_code == 200
    assert sorted(listed(response)) == sorted(item.pk for item in log.values())
    assert response.context["show_org"] is True


def test_an_organisation_admin_sees_only_their_organisations_entries(client, admin_a, log):
    client.force_login(admin_a)
    response = client.get(reverse("audit:list"))
    assert response.status_code == 200
    assert sorted(listed(response)) == sorted([log["a_profile"].pk, log["a_member"].pk])
    assert response.context["show_org"] is False


def test_a_government_admin_sees_only_their_departments_entries(client, county_reviewer_a, log):
    client.force_login(county_reviewer_a)
    assert listed(client.get(reverse("audit:list"))) == [log["county"].pk]


def test_a_member_with_the_log_role_may_read(client, member_a, enterprise_a, log):
    role = enterprise_a.roles.create(name="审计员", permissions=["organisations.view_logs"])
    member_a.roles.add(role)
    client.force_login(member_a)
    assert sorted(listed(client.get(reverse("audit:list")))) == sorted([log["a_profile"].pk, log["a_member"].pk])


@pytest.mark.parametrize("persona", ["member_a", "student", "outsider"])
def test_users_without_the_log_permission_get_403(client, request, persona, log):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(reverse("audit:list")).status_code == 403


def test_anonymous_users_are_sent_to_sign_in(client):
    response = client.get(reverse("audit:list"))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_filters(client, staff, log, admin_a):
    client.force_login(staff)
    url = reverse("audit:list")
    assert listed(client.get(url, {"actor": "甲管理"})) == [log["a_profile"].pk]
    assert listed(client.get(url, {"actor": "member_a"})) == [log["a_member"].pk]
    assert listed(client.get(url, {"action": "reviews.decide"})) == [log["county"].pk]
    assert listed(client.get(url, {"target_type": "organisations.Organisation"})) == [log["a_profile"].pk]
    assert listed(client.get(url, {"ip": "192.168."})) == [log["b_profile"].pk]
    assert listed(client.get(url, {"ip": "10.9.9.9"})) == [log["a_member"].pk]


def test_date_range_filter_uses_local_dates(client, staff, admin_a):
    tz = timezone.get_current_timezone()
    old = entry(admin_a, at=datetime.datetime(2026, 1, 10, 23, 30, tzinfo=tz))
    new = entry(admin_a, at=datetime.datetime(2026, 1, 11, 0, 30, tzinfo=tz))
    client.force_login(staff)
    url = reverse("audit:list")
    assert listed(client.get(url, {"date_from": "2026-01-11"})) == [new.pk]
    assert listed(client.get(url, {"date_to": "2026-01-10"})) == [old.pk]
    assert listed(client.get(url, {"date_from": "2026-01-10", "date_to": "2026-01-11"})) == [new.pk, old.pk]


def test_invalid_filters_show_errors_next_to_the_fields(client, staff, log):
    client.force_login(staff)
    response = client.get(reverse("audit:list"), {"date_from": "2026-02-01", "date_to": "2026-01-01", "ip": "1.2.3.x"})
    assert response.status_code == 200
    form = response.context["form"]
    assert form.errors["date_to"] == ["结束日期不能早于开始日期"]
    assert form.errors["ip"] == ["IP 地址只能包含数字、字母 a–f、点和冒号"]
    html = response.content.decode()
    assert '<div class="invalid-feedback d-block" data-field-error="date_to">结束日期不能早于开始日期</div>' in html
    assert listed(response) == []


def test_an_organisation_cannot_filter_its_way_to_other_entries(client, admin_a, log):
    client.force_login(admin_a)
    response = client.get(reverse("audit:list"), {"ip": "192.168."})
    assert listed(response) == []
    # Action choices only offer what the organisation's own log contains.
    codes = [code for code, _ in response.context["form"].fields["action"].choices]
    assert "reviews.decide" not in codes


def test_rows_show_labels_and_the_before_after_difference(client, staff, log):
    register_action("organisations.update_profile", "修改单位信息")
    client.force_login(staff)
    response = client.get(reverse("audit:list"), {"action": "organisations.update_profile", "actor": "甲"})
    row = response.context["rows"][0]
    assert row["action_label"] == "修改单位信息"
    assert row["target_type_label"] == "单位"
    # In the model's field order, whatever order the database returns the JSON keys in.
    assert row["diff"] == [
        {"field": "详细地址（address）", "before": "旧址", "after": "旧址", "changed": False},
        {"field": "联系人（contact_person）", "before": "李红", "after": "王芳", "changed": True},
    ]
    html = response.content.decode()
    assert "修改单位信息" in html
    assert f'id="diff-{log["a_profile"].pk}"' in html
    assert '<tr class="table-warning" data-changed="1">' in html
    assert "10.1.2.3" in html


def test_unknown_action_codes_are_shown_as_they_are(client, staff, admin_a):
    entry(admin_a, action="something.unlabelled")
    client.force_login(staff)
    response = client.get(reverse("audit:list"))
    assert response.context["rows"][0]["action_label"] == "something.unlabelled"
    assert label_for("something.unlabelled") == "something.unlabelled"


def test_the_list_is_paginated(client, staff, admin_a):
    for _ in range(23):
        entry(admin_a)
    client.force_login(staff)
    response = client.get(reverse("audit:list"), {"page": 2, "actor": "甲"})
    assert response.context["page_obj"].number == 2
    assert len(response.context["rows"]) == 3
    assert "actor=%E7%94%B2&amp;page=1" in response.content.decode()


def test_the_menu_entry_follows_the_permission(client, admin_a, member_a):
    def labels(user):
        client.force_login(user)
        response = client.get(reverse("notifications:list"))
        return [item["label"] for section in response.context["nav_sections"] for item in section["items"]]

    assert "操作日志" in labels(admin_a)
    assert "操作日志" not in labels(member_a)


def test_the_request_address_is_recorded_automatically(client, admin_a, enterprise_a):
    client.force_login(admin_a)
    client.get(reverse("printing:organisation_registration", args=[enterprise_a.pk]), REMOTE_ADDR="203.0.113.7")
    assert AuditEntry.objects.get(action="printing.organisation_registration").ip_address == "203.0.113.7"


def test_entries_are_append_only(admin_a):
    created = entry(admin_a)
    with pytest.raises(RuntimeError):
        created.save()


def test_snapshot_makes_json_ready_values(enterprise_a):
    data = snapshot(enterprise_a, ["name", "region", "activated_at"])
    assert data["name"] == "甲企业有限公司"
    assert data["region"] == "410105"
    assert isinstance(data["activated_at"], str)
