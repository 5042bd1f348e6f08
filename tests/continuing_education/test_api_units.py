"""加入单位 (a professional's session), 待审核的专技人员 with 批量通过, 不通过 and 调离 (the unit's keys), and 用人单位
(departments) through /api/v1/continuing-education/: success, the form's 400s, the wrong state, and the deny cases."""

import pytest

from continuing_education.rules import STAFF
from notifications.models import Notification
from organisations.models import StaffLink, StaffMember
from tests import factories
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db
API = "/api/v1/continuing-education"


def fields(response) -> list:
    return [(error["field"], error["message"]) for error in response.json()["errors"]]


def requested(unit, username, real_name) -> StaffMember:
    return ce.professional(username=username, real_name=real_name, unit=unit, linked=False).staff_links.get()


def test_a_professional_finds_a_unit_and_asks_to_join_it(client, pro_free, enterprise_a, enterprise_b, admin_a):
    client.force_login(pro_free)
    state = client.get(f"{API}/join/").json()
    assert state == {"current": None, "history": [], "may_register_unit": state["may_register_unit"]}
    found = client.get(f"{API}/joinable-units/", {"q": "甲企业"})
    assert [unit["id"] for unit in found.json()] == [enterprise_a.pk]
    assert [unit["id"] for unit in client.get(f"{API}/joinable-units/", {"q": enterprise_b.credit_code}).json()] == [
        enterprise_b.pk]
    short = client.get(f"{API}/joinable-units/", {"q": "甲"})
    assert short.status_code == 400 and fields(short) == [("q", "请至少输入 2 个字")]

    created = client.post(f"{API}/join/", {"organisation": enterprise_a.pk}, content_type="application/json")
    assert created.status_code == 201, created.json()
    assert (created.json()["organisation_name"], created.json()["link_status"]) == ("甲企业有限公司", "requested")
    member = StaffMember.objects.get(account=pro_free)
    assert member.link_status == StaffLink.REQUESTED
    assert Notification.objects.filter(recipient=admin_a, title="新的加入单位申请：孙专技").count() == 1
    assert client.get(f"{API}/join/").json()["current"]["id"] == member.pk

    again = client.post(f"{API}/join/", {"organisation": enterprise_a.pk}, content_type="application/json")
    assert again.status_code == 400 and again.json()["message"] == "您已加入或已申请加入该单位"
    other = client.post(f"{API}/join/", {"organisation": enterprise_b.pk}, content_type="application/json")
    assert other.status_code == 400 and other.json()["message"] == "您已加入或正在申请加入其他单位，请先办理调离"


def test_joining_refuses_what_the_page_refuses(client, pro_free, county_hr_a, admin_a):
    client.force_login(pro_free)
    refused = "该单位不存在或不接受加入申请"
    for body, message in (({}, "请选择要加入的单位"), ({"organisation": county_hr_a.pk}, refused),
                          ({"organisation": "abc"}, refused)):
        response = client.post(f"{API}/join/", body, content_type="application/json")
        assert response.status_code == 400 and fields(response) == [("organisation", message)], body
    assert not StaffMember.objects.filter(account=pro_free).exists()
    # An organisation's member is no professional: the page is not theirs.
    assert client.get(f"{API}/join/", **auth(token_for(admin_a))).status_code == 403


def test_a_professional_withdraws_the_request(client, pro_free, enterprise_a):
    client.force_login(pro_free)
    client.post(f"{API}/join/", {"organisation": enterprise_a.pk}, content_type="application/json")
    cancelled = client.post(f"{API}/join/cancel/")
    assert cancelled.status_code == 200 and cancelled.json()["link_status"] == "none"
    again = client.post(f"{API}/join/cancel/")
    assert again.status_code == 400 and again.json()["message"] == "没有待审核的加入申请"


def test_the_unit_approves_rejects_and_ends_links(client, enterprise_a, admin_a, staff_a):
    headers = auth(token_for(admin_a))
    first, second = requested(enterprise_a, "pro_x", "钱专技"), requested(enterprise_a, "pro_y", "周专技")
    listed = client.get(f"{API}/staff-requests/", **headers).json()["results"]
    assert {row["id"] for row in listed} == {first.pk, second.pk}
    linked = client.get(f"{API}/staff-requests/", {"status": "linked"}, **headers).json()["results"]
    assert [row["id"] for row in linked] == [staff_a.pk]
    assert [row["id"] for row in client.get(f"{API}/staff-requests/", {"name": "钱"}, **headers).json()["results"]] \
        == [first.pk]

    approved = client.post(f"{API}/staff-requests/{first.pk}/approve/", **headers)
    assert approved.status_code == 200 and approved.json()["link_status"] == "linked"
    twice = client.post(f"{API}/staff-requests/{first.pk}/approve/", **headers)
    assert twice.status_code == 409

    no_reason = client.post(f"{API}/staff-requests/{second.pk}/reject/", {}, content_type="application/json",
                            **headers)
    assert no_reason.status_code == 400 and fields(no_reason) == [("reason", "请填写不通过的原因")]
    rejected = client.post(f"{API}/staff-requests/{second.pk}/reject/", {"reason": "非本单位人员"},
                           content_type="application/json", **headers)
    assert rejected.status_code == 200
    assert (rejected.json()["link_status"], rejected.json()["link_reason"]) == ("rejected", "非本单位人员")

    no_reason = client.post(f"{API}/staff-requests/{staff_a.pk}/end/", {"reason": "  "},
                            content_type="application/json", **headers)
    assert no_reason.status_code == 400 and fields(no_reason) == [("reason", "请填写调离原因")]
    ended = client.post(f"{API}/staff-requests/{staff_a.pk}/end/", {"reason": "调往外单位"},
                        content_type="application/json", **headers)
    assert ended.status_code == 200 and ended.json()["link_status"] == "ended"
    # 调离 is for the linked: a rejected request is the wrong state.
    wrong = client.post(f"{API}/staff-requests/{second.pk}/end/", {"reason": "调离"},
                        content_type="application/json", **headers)
    assert wrong.status_code == 409


def test_batch_approval_takes_only_the_units_pending_requests(client, enterprise_a, enterprise_b, admin_a):
    headers = auth(token_for(admin_a))
    first, second = requested(enterprise_a, "pro_x", "钱专技"), requested(enterprise_a, "pro_y", "周专技")
    foreign = requested(enterprise_b, "pro_z", "吴专技")
    refused = client.post(f"{API}/staff-requests/approve/", {"ids": [first.pk, foreign.pk]},
                          content_type="application/json", **headers)
    assert refused.status_code == 400 and fields(refused) == [("ids", "所选申请已处理或不存在，请刷新后重试")]
    empty = client.post(f"{API}/staff-requests/approve/", {"ids": []}, content_type="application/json", **headers)
    assert empty.status_code == 400 and fields(empty) == [("ids", "请勾选要通过的申请")]
    done = client.post(f"{API}/staff-requests/approve/", {"ids": [first.pk, second.pk]},
                       content_type="application/json", **headers)
    assert done.status_code == 200 and done.json() == {"approved": 2}
    assert set(StaffMember.objects.filter(pk__in=[first.pk, second.pk]).values_list("link_status", flat=True)) == {
        StaffLink.LINKED}
    assert StaffMember.objects.get(pk=foreign.pk).link_status == StaffLink.REQUESTED


def test_link_decisions_are_the_units_own(client, enterprise_a, admin_a, admin_b, trainer_a, county_reviewer_a):
    member = requested(enterprise_a, "pro_x", "钱专技")
    url = f"{API}/staff-requests/{member.pk}/approve/"
    assert client.post(url, **auth(token_for(admin_b))).status_code == 404  # another unit
    assert client.post(url, **auth(token_for(trainer_a))).status_code == 403  # no 人员信息
    assert client.post(url, **auth(token_for(county_reviewer_a))).status_code == 403  # a department sees, not acts
    assert client.get(f"{API}/staff-requests/", **auth(token_for(trainer_a))).status_code == 403
    assert StaffMember.objects.get(pk=member.pk).link_status == StaffLink.REQUESTED


def test_identifiers_are_masked_without_personal_data(client, enterprise_a, admin_a, staff_a):
    # (admin_a issues the sub-administrator's key)
    keeper = factories.UserFactory(organisation=enterprise_a, username="staff_keeper", real_name="甲人事")
    keeper.roles.add(enterprise_a.roles.create(name="人事", permissions=[STAFF]))
    row = client.get(f"{API}/staff-requests/{staff_a.pk}/", **auth(token_for(keeper))).json()
    assert row["id_number"] != staff_a.id_number and "*" in row["id_number"]


def test_a_bad_filter_is_a_400(client, admin_a, county_reviewer_a):
    response = client.get(f"{API}/staff-requests/", {"status": "gone"}, **auth(token_for(admin_a)))
    assert response.status_code == 400 and fields(response) == [("status", "请选择列表中的状态")]
    for query, field in (({"region": "999999"}, "region"), ({"hr_department": "abc"}, "hr_department")):
        response = client.get(f"{API}/units/", query, **auth(token_for(county_reviewer_a)))
        assert response.status_code == 400 and [name for name, _message in fields(response)] == [field], query


def test_departments_see_the_units_in_their_scope(client, enterprise_a, enterprise_b, supervised_unit, staff_a,
                                                  county_reviewer_a, county_reviewer_b, industry_reviewer, admin_a,
                                                  county_hr_a):
    county = auth(token_for(county_reviewer_a))
    names = {row["name"] for row in client.get(f"{API}/units/", **county).json()["results"]}
    assert names == {"甲企业有限公司", "郑州市电子信息研究院"}
    filtered = client.get(f"{API}/units/", {"name": "研究院", "hr_department": county_hr_a.pk}, **county).json()
    assert [row["id"] for row in filtered["results"]] == [supervised_unit.pk]
    industry = {row["id"] for row in client.get(f"{API}/units/", **auth(token_for(industry_reviewer))).json()[
        "results"]}
    assert industry == {supervised_unit.pk}

    detail = client.get(f"{API}/units/{enterprise_a.pk}/", **county)
    assert detail.status_code == 200 and detail["ETag"]
    assert detail.json()["staff_counts"] == {"total": 1, "linked": 1, "requested": 0}
    assert detail.json()["hr_department_name"] == county_hr_a.name
    assert client.get(f"{API}/units/{enterprise_a.pk}/", **auth(token_for(county_reviewer_b))).status_code == 404
    assert client.get(f"{API}/units/{enterprise_b.pk}/", **county).status_code == 404
    assert client.get(f"{API}/units/{enterprise_a.pk}/", **auth(token_for(admin_a))).status_code == 403
    assert client.get(f"{API}/units/", **auth(token_for(admin_a))).status_code == 403
