"""培训对接管理 (manual 004 §3.3): 面授培训点 and 网授平台 (docking details required when docked), one in use
cannot be deleted; and the forced completion (§二): a unit with a docked platform whose details predate the
current list is sent to the completion page before any screen of the programme opens."""

import pytest

from audit.models import AuditEntry
from continuing_education import rules
from continuing_education.models import ClassStatus, OnlinePlatform, TrainingSite
from tests.continuing_education import factories as ce
from tests.continuing_education.fixtures_catalogue import platform_data, site_data, texts, url

pytestmark = pytest.mark.django_db


# --- 面授培训点 -------------------------------------------------------------------------------------------------


def test_add_edit_and_delete_a_site(client, trainer_a, enterprise_a):
    client.force_login(trainer_a)
    assert client.get(url("site_new")).context["form"].initial["region"] == enterprise_a.region_id
    response = client.post(url("site_new"), site_data())
    assert texts(response) == ["面授培训点“金水培训中心”已新增"]
    site = TrainingSite.objects.get()
    assert (site.organisation, site.region_id, site.address, site.capacity) == (
        enterprise_a, "410105", "郑州市金水区花园路8号", 80)
    response = client.post(url("site_edit", site), site_data(name="二七培训中心", region="410103", capacity="120"))
    assert texts(response)[-1:] == ["面授培训点“二七培训中心”已保存"]
    site.refresh_from_db()
    assert (site.name, site.region_id, site.capacity) == ("二七培训中心", "410103", 120)
    page = client.get(url("sites")).content.decode()
    assert "二七培训中心" in page and 'data-testid="docking-tabs"' in page
    response = client.post(url("site_delete", site))
    assert texts(response)[-1:] == ["面授培训点“二七培训中心”已删除"]
    assert not TrainingSite.objects.exists()
    assert [entry.action for entry in AuditEntry.objects.filter(action__contains="site_").order_by("id")] == [
        "continuing_education.site_created", "continuing_education.site_updated", "continuing_education.site_deleted"]


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"name": ""}, "name", "请填写培训点名称"),
    ({"address": ""}, "address", "请填写详细地址"),
    ({"capacity": "0"}, "capacity", "可容纳人数至少为1人"),
    ({"capacity": "x"}, "capacity", "请填写整数"),
    ({"region": "", "region__city": ""}, "region", "请选择到区县一级"),
])
def test_bad_site_input_is_a_message_beside_the_field(client, admin_a, changes, field, message):
    client.force_login(admin_a)
    response = client.post(url("site_new"), site_data(**changes))
    assert response.context["form"].errors[field] == [message]
    assert not TrainingSite.objects.exists()


def test_a_site_used_by_a_class_cannot_be_deleted(client, admin_a, enterprise_a):
    site = ce.site(enterprise_a, name="主会场")
    ce.training_class(enterprise_a, by=admin_a, name="春季班", training_site=site, status=ClassStatus.PENDING)
    client.force_login(admin_a)
    response = client.post(url("site_delete", site))
    assert texts(response) == ["该培训点已被培训班“春季班”使用，不能删除"]
    assert TrainingSite.objects.filter(pk=site.pk).exists()


# --- 网授平台 -----------------------------------------------------------------------------------------------------


def test_add_a_platform_not_docked(client, admin_a, enterprise_a):
    client.force_login(admin_a)
    response = client.post(url("platform_new"), platform_data())
    assert texts(response) == ["网授平台“中原专技学习网”已新增"]
    platform = OnlinePlatform.objects.get()
    assert (platform.organisation, platform.is_docked, platform.docking_details, platform.docking_version) == (
        enterprise_a, False, {}, 0)


def test_a_docked_platform_needs_every_docking_field(client, admin_a):
    client.force_login(admin_a)
    response = client.post(url("platform_new"), platform_data(docked=True, security_officer="", mlps_record=""))
    errors = response.context["form"].errors
    assert errors["security_officer"] == ["已对接的平台须填写数据安全负责人"]
    assert errors["mlps_record"] == ["已对接的平台须填写网络安全等级保护备案号"]
    assert not OnlinePlatform.objects.exists()
    response = client.post(url("platform_new"), platform_data(docked=True))
    assert response.status_code == 302
    platform = OnlinePlatform.objects.get()
    assert platform.is_docked and platform.docking_version == rules.DOCKING_FIELDS_VERSION
    assert platform.docking_details == {"interface_url": "https://learn.example.cn/api/",
                                        "security_officer": "王安全", "security_officer_phone": "13800001111",
                                        "mlps_record": "41010543001-00001"}
    assert platform.docking_updated_by == admin_a


@pytest.mark.parametrize(("changes", "field", "message"), [
    ({"name": ""}, "name", "请填写平台名称"),
    ({"operator": ""}, "operator", "请填写运营单位"),
    ({"url": "not a url"}, "url", "请填写有效的网址，如 https://learn.example.cn/"),
    ({"contact_name": ""}, "contact_name", "请填写联系人"),
    ({"contact_phone": ""}, "contact_phone", "请填写联系电话"),
])
def test_bad_platform_input_is_a_message_beside_the_field(client, admin_a, changes, field, message):
    client.force_login(admin_a)
    response = client.post(url("platform_new"), platform_data(**changes))
    assert response.context["form"].errors[field] == [message]
    assert not OnlinePlatform.objects.exists()


def test_edit_and_delete_a_platform(client, trainer_a, enterprise_a):
    platform = ce.platform(enterprise_a, name="旧平台")
    client.force_login(trainer_a)
    assert client.get(url("platform_edit", platform)).context["form"].initial["name"] == "旧平台"
    response = client.post(url("platform_edit", platform), platform_data(name="新平台"))
    assert texts(response) == ["网授平台“新平台”已保存"]
    response = client.post(url("platform_delete", platform))
    assert texts(response)[-1:] == ["网授平台“新平台”已删除"]
    assert not OnlinePlatform.objects.exists()


def test_a_platform_with_online_results_cannot_be_deleted(client, admin_a, enterprise_a, staff_a):
    platform = ce.platform(enterprise_a, name="在用平台")
    ce.online_result(enterprise_a, by=admin_a, member=staff_a, on_platform=platform)
    client.force_login(admin_a)
    response = client.post(url("platform_delete", platform))
    assert texts(response) == ["该网授平台已有导入的网络培训成果，不能删除"]
    assert OnlinePlatform.objects.filter(pk=platform.pk).exists()


def test_another_unit_and_roles_without_the_permission_are_refused(client, admin_b, declarer_a, member_a,
                                                                    county_reviewer_a, industry_reviewer, pro_a,
                                                                    enterprise_a):
    site, platform = ce.site(enterprise_a), ce.platform(enterprise_a)
    client.force_login(admin_b)
    for name, thing in (("site_edit", site), ("platform_edit", platform)):
        assert client.get(url(name, thing)).status_code == 404
    assert client.post(url("site_delete", site)).status_code == 404
    assert client.post(url("platform_delete", platform)).status_code == 404
    for user in (declarer_a, member_a, county_reviewer_a, industry_reviewer, pro_a):
        client.force_login(user)
        for name in ("sites", "platforms", "site_new", "platform_new"):
            assert client.get(url(name)).status_code == 403, (user, name)
        assert client.post(url("site_delete", site)).status_code == 403
        assert client.post(url("platform_edit", platform), platform_data(name="改名")).status_code == 403
    assert TrainingSite.objects.count() == 1 and OnlinePlatform.objects.get().name == "专技学习网"


# --- forced completion (§二) -------------------------------------------------------------------------------------


@pytest.fixture
def new_docking_list(monkeypatch):
    """The province adds a docking field: the version goes up, and the list grows by one."""
    monkeypatch.setattr(rules, "DOCKING_FIELDS_VERSION", rules.DOCKING_FIELDS_VERSION + 1)
    monkeypatch.setattr(rules, "DOCKING_FIELDS", (*rules.DOCKING_FIELDS, ("data_format", "数据交换格式")))


def _complete(platform, **changes):
    data = {f"p{platform.pk}-{key}": value for key, value in {
        "interface_url": "https://learn.example.cn/api/v2/", "security_officer": "王安全",
        "security_officer_phone": "13800001111", "mlps_record": "41010543001-00001",
        "data_format": "JSON"}.items()}
    data.update({f"p{platform.pk}-{key}": value for key, value in changes.items()})
    return data


def test_an_up_to_date_or_undocked_platform_holds_nobody(client, admin_a, enterprise_a, new_docking_list):
    ce.platform(enterprise_a, name="未对接平台", docked=False)
    ce.platform(enterprise_a, name="已补充平台", docked=True, docking_version=rules.DOCKING_FIELDS_VERSION)
    client.force_login(admin_a)
    assert client.get(url("courses")).status_code == 200
    assert 'data-testid="docking-complete"' in client.get(url("docking_complete")).content.decode()


def test_the_admin_is_sent_to_complete_the_docking_details_first(client, admin_a, enterprise_a, new_docking_list):
    platform = ce.platform(enterprise_a, name="对接平台", docked=True, docking_version=1)
    client.force_login(admin_a)
    for name in ("courses", "teachers", "sites", "platforms", "course_new"):
        response = client.get(url(name))
        assert (response.status_code, response["Location"]) == (302, url("docking_complete")), name
    response = client.get(url("courses"), headers={"HX-Request": "true"})
    assert response["HX-Redirect"] == url("docking_complete")
    # The rest of the site stays open.
    assert client.get("/tasks/").status_code == 200
    page = client.get(url("docking_complete")).content.decode()
    assert "对接平台" in page and "数据交换格式" in page
    # Incomplete: the message beside the field, nothing saved.
    response = client.post(url("docking_complete"), _complete(platform, data_format=""))
    assert response.status_code == 200
    assert response.context["forms"][0].errors["data_format"] == ["请填写数据交换格式"]
    platform.refresh_from_db()
    assert platform.docking_version == 1
    response = client.post(url("docking_complete"), _complete(platform))
    assert response["Location"] == url("platforms") and texts(response) == ["网授平台对接信息已补充完整"]
    platform.refresh_from_db()
    assert platform.docking_version == rules.DOCKING_FIELDS_VERSION
    assert (platform.docking_details["data_format"], platform.docking_details["interface_url"],
            platform.docking_updated_by) == ("JSON", "https://learn.example.cn/api/v2/", admin_a)
    entry = AuditEntry.objects.get(action="continuing_education.docking_completed")
    assert (entry.before["docking_version"], entry.after["docking_version"]) == (1, rules.DOCKING_FIELDS_VERSION)
    assert client.get(url("courses")).status_code == 200


def test_a_training_manager_may_complete_it_too(client, trainer_a, enterprise_a, new_docking_list):
    platform = ce.platform(enterprise_a, docked=True, docking_version=1)
    client.force_login(trainer_a)
    assert client.get(url("teachers"))["Location"] == url("docking_complete")
    assert client.post(url("docking_complete"), _complete(platform)).status_code == 302
    assert client.get(url("teachers")).status_code == 200


@pytest.mark.parametrize("persona", ["declarer_a", "member_a", "hours_manager_a"])
def test_other_members_are_told_the_administrator_must_complete_it(client, request, enterprise_a, persona,
                                                                   new_docking_list):
    platform = ce.platform(enterprise_a, docked=True, docking_version=1)
    client.force_login(request.getfixturevalue(persona))
    response = client.get(url("courses"))
    assert response["Location"] == url("docking_complete")
    response = client.get(url("docking_complete"))
    assert response.status_code == 403
    assert "须由单位管理员（或具有培训管理权限的子管理员）补充完整对接信息" in response.content.decode()
    assert client.post(url("docking_complete"), _complete(platform)).status_code == 403
    platform.refresh_from_db()
    assert platform.docking_version == 1


def test_other_units_and_departments_are_not_held(client, admin_b, county_reviewer_a, pro_a, enterprise_a,
                                                  new_docking_list):
    ce.platform(enterprise_a, docked=True, docking_version=1)
    for user in (admin_b, county_reviewer_a, pro_a):
        client.force_login(user)
        assert client.get(url("docking_complete")).status_code == 200
        assert client.get(url("courses")).status_code in (200, 403)
        assert "Location" not in client.get(url("courses"))


def test_malformed_parameters_are_messages_never_errors(client, admin_a, enterprise_a, new_docking_list):
    """Every list's filter and the completion page's fields, fed garbage: a Chinese message, never a 500."""
    garbage = {"name": "x" * 300, "subject_type": "\x00", "specialty": ["a", "b"] * 100, "page": "-1"}
    client.force_login(admin_a)
    for name in ("courses", "teachers", "sites", "platforms"):
        response = client.get(url(name), garbage)
        assert response.status_code == 200, name
        assert texts(response)[-1] == "查询条件有误，已忽略有误的条件"
    platform = ce.platform(enterprise_a, docked=True, docking_version=1)
    response = client.post(url("docking_complete"), {f"p{platform.pk}-interface_url": "y" * 300})
    assert response.status_code == 200
    assert response.context["forms"][0].errors["interface_url"] == ["数据对接接口地址不能超过255个字"]
    platform.refresh_from_db()
    assert platform.docking_version == 1
