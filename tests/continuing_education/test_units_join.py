"""Joining a unit (加入单位), 待审核的专技人员 (approve, reject, batch approve), 调离, one current unit per person, and
the deny cases, all through HTTP."""

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from notifications.models import Notification
from organisations.models import StaffLink, StaffMember
from tests import factories
from tests.continuing_education import factories as ce

JOIN = reverse("continuing_education:join")
CANCEL = reverse("continuing_education:join_cancel")
REQUESTS = reverse("continuing_education:staff_requests")
BATCH = reverse("continuing_education:staff_approve_batch")


def approve_url(member):
    return reverse("continuing_education:staff_approve", args=[member.pk])


def reject_url(member):
    return reverse("continuing_education:staff_reject", args=[member.pk])


def end_url(member):
    return reverse("continuing_education:staff_end", args=[member.pk])


def messages_of(response):
    return [str(m) for m in response.context["messages"]]


@pytest.mark.django_db
def test_search_finds_by_name_and_credit_code(client, pro_free, enterprise_a, enterprise_b):
    client.force_login(pro_free)
    html = client.get(JOIN, {"q": "甲企业"}).content.decode()
    assert "甲企业有限公司" in html and "乙企业有限公司" not in html
    response = client.get(JOIN, {"q": enterprise_b.credit_code})
    assert [unit.pk for unit in response.context["found"]] == [enterprise_b.pk]
    response = client.get(JOIN, {"q": "甲"})
    assert response.status_code == 200
    assert response.context["search"].errors == {"q": ["请至少输入 2 个字"]}
    response = client.get(JOIN, {"q": "x" * 500})
    assert response.status_code == 200 and "q" in response.context["search"].errors


@pytest.mark.django_db
def test_request_creates_a_roster_row_then_admin_approves(client, pro_free, enterprise_a, admin_a):
    client.force_login(pro_free)
    response = client.post(JOIN, {"organisation": enterprise_a.pk}, follow=True)
    assert messages_of(response) == ["已向甲企业有限公司提交加入申请，请等待单位管理员审核"]
    member = StaffMember.objects.get(account=pro_free)
    assert (member.organisation, member.link_status, member.name) == (enterprise_a, StaffLink.REQUESTED, "孙专技")
    assert member.id_number == pro_free.id_number
    assert Notification.objects.filter(recipient=admin_a, title="新的加入单位申请：孙专技").count() == 1
    page = client.get(JOIN).content.decode()
    assert "甲企业有限公司" in page and "待审核" in page and "撤回申请" in page

    client.force_login(admin_a)
    response = client.get(REQUESTS)
    assert [row.pk for row in response.context["object_list"]] == [member.pk]
    html = response.content.decode()
    assert f'name="ids" value="{member.pk}" form="batch-approve"' in html and "批量通过所选" in html
    assert reverse("continuing_education:staff_reject", args=[member.pk]) in html
    response = client.post(approve_url(member), follow=True)
    assert messages_of(response) == ["已通过孙专技的加入申请"]
    member.refresh_from_db()
    assert member.link_status == StaffLink.LINKED and member.linked_at is not None
    assert Notification.objects.filter(recipient=pro_free, title="您已加入甲企业有限公司").count() == 1
    entry = AuditEntry.objects.filter(action="staff.link_status").latest("id")
    assert (entry.before, entry.after) == ({"link_status": "requested", "linked_at": None},
                                           {"link_status": "linked", "linked_at": entry.after["linked_at"]})
    # The link gives no administrator rights.
    pro_free.refresh_from_db()
    assert pro_free.organisation_id is None and not pro_free.is_org_admin


@pytest.mark.django_db
def test_a_roster_row_typed_before_is_linked_not_duplicated(client, pro_free, enterprise_a):
    typed = ce.staff(enterprise_a, name="孙专技", id_number=pro_free.id_number)
    client.force_login(pro_free)
    client.post(JOIN, {"organisation": enterprise_a.pk})
    assert StaffMember.objects.filter(organisation=enterprise_a).count() == 1
    typed.refresh_from_db()
    assert (typed.account, typed.link_status) == (pro_free, StaffLink.REQUESTED)


@pytest.mark.django_db
def test_one_current_unit_second_request_refused(client, pro_a, enterprise_b):
    client.force_login(pro_a)
    response = client.post(JOIN, {"organisation": enterprise_b.pk}, follow=True)
    assert messages_of(response) == ["您已加入或正在申请加入其他单位，请先办理调离"]
    assert not StaffMember.objects.filter(organisation=enterprise_b, account=pro_a).exists()


@pytest.mark.django_db
def test_pending_request_elsewhere_also_blocks(client, pro_free, enterprise_a, enterprise_b):
    client.force_login(pro_free)
    client.post(JOIN, {"organisation": enterprise_a.pk}, follow=True)
    response = client.post(JOIN, {"organisation": enterprise_b.pk}, follow=True)
    assert messages_of(response) == ["您已加入或正在申请加入其他单位，请先办理调离"]
    response = client.post(JOIN, {"organisation": enterprise_a.pk}, follow=True)
    assert messages_of(response) == ["您已加入或已申请加入该单位"]


@pytest.mark.django_db
def test_the_database_holds_one_current_unit(pro_a, enterprise_b):
    from django.core.exceptions import ValidationError

    from organisations.staff_links import STAFF_LINK_STATES
    row = ce.staff(enterprise_b, name="王专技", id_number=pro_a.id_number)
    with pytest.raises(ValidationError) as raised:
        STAFF_LINK_STATES.move(row, StaffLink.REQUESTED, actor=pro_a, account=pro_a)
    assert raised.value.messages == ["您已加入或正在申请加入其他单位，请先办理调离"]


@pytest.mark.django_db
def test_malformed_and_foreign_unit_posts(client, pro_free, county_hr_a):
    client.force_login(pro_free)
    for value in ("", "abc", "999999", str(county_hr_a.pk)):
        response = client.post(JOIN, {"organisation": value}, follow=True)
        assert messages_of(response) in (["请选择要加入的单位"], ["该单位不存在或不接受加入申请"]), value
    assert not StaffMember.objects.filter(account=pro_free).exists()


@pytest.mark.django_db
def test_cancel_request(client, pro_free, enterprise_a, enterprise_b):
    client.force_login(pro_free)
    client.post(JOIN, {"organisation": enterprise_a.pk}, follow=True)
    response = client.post(CANCEL, follow=True)
    assert messages_of(response) == ["已撤回加入甲企业有限公司的申请"]
    member = StaffMember.objects.get(organisation=enterprise_a)
    assert (member.link_status, member.account) == (StaffLink.NONE, None)
    assert messages_of(client.post(CANCEL, follow=True)) == ["没有待审核的加入申请"]
    # Free again: another unit may be asked.
    client.post(JOIN, {"organisation": enterprise_b.pk})
    assert StaffMember.objects.get(account=pro_free).organisation == enterprise_b


@pytest.mark.django_db
def test_reject_needs_a_reason_then_person_may_ask_again(client, enterprise_a, admin_a):
    person = ce.professional(username="pro_join", real_name="钱专技", unit=enterprise_a, linked=False)
    member = person.staff_links.get()
    client.force_login(admin_a)
    assert client.get(reject_url(member)).status_code == 200
    response = client.post(reject_url(member), {"reason": "  "})
    assert response.context["form"].errors == {"reason": ["请填写不通过的原因"]}
    response = client.post(reject_url(member), {"reason": "查无此人"}, follow=True)
    assert messages_of(response) == ["已退回钱专技的加入申请"]
    member.refresh_from_db()
    assert (member.link_status, member.link_reason) == (StaffLink.REJECTED, "查无此人")
    assert Notification.objects.get(recipient=person).body == "查无此人"
    # Wrong state: approving a rejected request is refused.
    response = client.post(approve_url(member), follow=True)
    assert messages_of(response) == ["加入单位申请当前状态为“未通过”，不能变为“在职”"]
    client.force_login(person)
    assert "查无此人" in client.get(JOIN).content.decode()
    client.post(JOIN, {"organisation": enterprise_a.pk})
    member.refresh_from_db()
    assert (member.link_status, member.link_reason) == (StaffLink.REQUESTED, "")


@pytest.mark.django_db
def test_batch_approve(client, enterprise_a, admin_a):
    first = ce.professional(username="p1", real_name="甲一", unit=enterprise_a, linked=False).staff_links.get()
    second = ce.professional(username="p2", real_name="甲二", unit=enterprise_a, linked=False).staff_links.get()
    client.force_login(admin_a)
    response = client.post(BATCH, {}, follow=True)
    assert messages_of(response) == ["请勾选要通过的申请"]
    response = client.post(BATCH, {"ids": [first.pk, second.pk]}, follow=True)
    assert messages_of(response) == ["已通过 2 条加入申请"]
    assert set(StaffMember.objects.filter(pk__in=[first.pk, second.pk]).values_list("link_status", flat=True)) == {
        StaffLink.LINKED}
    response = client.post(BATCH, {"ids": [first.pk]}, follow=True)
    assert messages_of(response) == ["所选申请已处理或不存在，请刷新后重试"]


@pytest.mark.django_db
def test_batch_approve_ignores_another_units_rows(client, admin_a, enterprise_b):
    other = ce.professional(username="p3", real_name="乙三", unit=enterprise_b, linked=False).staff_links.get()
    client.force_login(admin_a)
    response = client.post(BATCH, {"ids": [other.pk]}, follow=True)
    assert messages_of(response) == ["所选申请已处理或不存在，请刷新后重试"]
    other.refresh_from_db()
    assert other.link_status == StaffLink.REQUESTED


@pytest.mark.django_db
def test_end_link_then_join_another_unit(client, admin_a, pro_a, staff_a, enterprise_b):
    client.force_login(admin_a)
    response = client.get(REQUESTS, {"status": "linked"})
    assert [row.pk for row in response.context["object_list"]] == [staff_a.pk]
    response = client.post(end_url(staff_a), {"reason": ""})
    assert response.context["form"].errors == {"reason": ["请填写调离原因"]}
    response = client.post(end_url(staff_a), {"reason": "调往乙企业"})
    assert response["Location"] == REQUESTS + "?status=ended"
    staff_a.refresh_from_db()
    assert (staff_a.link_status, staff_a.link_reason) == (StaffLink.ENDED, "调往乙企业")
    assert staff_a.link_ended_at is not None
    assert Notification.objects.filter(recipient=pro_a, title="您已从甲企业有限公司调离").count() == 1
    # 调离 twice: the state is checked.
    response = client.post(end_url(staff_a), {"reason": "again"})
    assert response.context["form"].non_field_errors() == ["加入单位申请当前状态为“已调离”，不能变为“已调离”"]
    client.force_login(pro_a)
    client.post(JOIN, {"organisation": enterprise_b.pk})
    assert StaffMember.objects.get(account=pro_a, link_status=StaffLink.REQUESTED).organisation == enterprise_b


@pytest.mark.django_db
def test_filter_of_requests_is_checked(client, admin_a):
    client.force_login(admin_a)
    response = client.get(REQUESTS, {"status": "bogus", "name": "x" * 100})
    assert response.status_code == 200
    assert response.context["filter_form"].errors == {"status": ["请选择列表中的状态"],
                                                      "name": ["不能超过 64 个字"]}


@pytest.mark.django_db
def test_linked_person_cannot_open_unit_admin_pages(client, pro_a, staff_a):
    client.force_login(pro_a)
    for url in (REQUESTS, reverse("staff:list"), reverse("organisations:profile"), end_url(staff_a)):
        assert client.get(url).status_code in (403, 404), url
    assert client.post(approve_url(staff_a)).status_code == 404


@pytest.mark.django_db
def test_deny_cases(client, enterprise_a, admin_b, trainer_a, member_a, county_reviewer_b, industry_reviewer, pro_b,
                    staff_manager_a):
    member = ce.professional(username="pro_join", real_name="钱专技", unit=enterprise_a, linked=False).staff_links.get()
    expected = {admin_b: 404, trainer_a: 403, member_a: 404, county_reviewer_b: 404, industry_reviewer: 404,
                pro_b: 404}
    for user, status in expected.items():
        client.force_login(user)
        assert client.post(approve_url(member)).status_code == status, user
        assert client.post(reject_url(member), {"reason": "x"}).status_code == status, user
    for user in (trainer_a, member_a, county_reviewer_b, pro_b):
        client.force_login(user)
        assert client.get(REQUESTS).status_code == 403, user
        assert client.post(BATCH, {"ids": [member.pk]}).status_code == 403, user
    member.refresh_from_db()
    assert member.link_status == StaffLink.REQUESTED
    # A sub-administrator holding 人员信息 may decide.
    client.force_login(staff_manager_a)
    assert client.post(approve_url(member)).status_code == 302
    member.refresh_from_db()
    assert member.link_status == StaffLink.LINKED


@pytest.mark.django_db
def test_who_may_join(client, admin_a, county_reviewer_a):
    for user in (admin_a, county_reviewer_a):
        client.force_login(user)
        assert client.get(JOIN).status_code == 403
        assert client.post(JOIN, {"organisation": 1}).status_code == 403
    no_id = factories.individual(username="noid", real_name="无证", id_number=None)
    client.force_login(no_id)
    assert client.get(JOIN).status_code == 403
    client.logout()
    assert client.get(JOIN).status_code == 302
