import datetime
import decimal

import pytest
from django.urls import reverse

from audit.models import AuditEntry
from organisations.models import Role, StaffMember
from tests.batch.helpers import id_number

ZHANG = id_number("19900307", 123)  # male
LI = id_number("19920512", 224)  # female


def staff(organisation, name, number, **extra):
    from core.identifiers import birth_date_from_id, gender_from_id

    return StaffMember.objects.create(
        organisation=organisation, name=name, id_number=number, gender=gender_from_id(number),
        birth_date=birth_date_from_id(number), **extra,
    )


def form_data(**overrides):
    data = {"name": "张伟", "id_number": ZHANG, "gender": "", "mobile": "13812345678", "department_name": "技术部",
            "job_title": "工程师", "hired_on": "2015-07-01", "monthly_wage": "6500.00"}
    data.update(overrides)
    return data


@pytest.fixture
def signed_in(client, admin_a):
    client.force_login(admin_a)
    return client


def test_list_shows_own_organisation_with_masked_identifiers_for_role_without_personal_data(
    client, enterprise_a, enterprise_b, member_a
):
    role = Role.objects.create(organisation=enterprise_a, name="人事专员", permissions=["organisations.manage_staff"])
    member_a.roles.add(role)
    staff(enterprise_a, "张伟", ZHANG, mobile="13812345678")
    staff(enterprise_b, "外单位人", LI)
    client.force_login(member_a)
    response = client.get(reverse("staff:list"))
    content = response.content.decode()
    assert response.status_code == 200
    assert [s.name for s in response.context["object_list"]] == ["张伟"]
    assert "外单位人" not in content
    assert f"{ZHANG[:4]}**********{ZHANG[-4:]}" in content and ZHANG not in content
    assert "138****5678" in content


def test_list_shows_whole_identifiers_to_admin(signed_in, enterprise_a):
    staff(enterprise_a, "张伟", ZHANG, mobile="13812345678")
    content = signed_in.get(reverse("staff:list")).content.decode()
    assert ZHANG in content and "13812345678" in content


def test_list_filters(signed_in, enterprise_a):
    staff(enterprise_a, "张伟", ZHANG, department_name="技术部")
    staff(enterprise_a, "李娜", LI, department_name="财务部")
    url = reverse("staff:list")

    def names(**params):
        return [s.name for s in signed_in.get(url, params).context["object_list"]]

    assert names() == ["张伟", "李娜"] or names() == sorted(["张伟", "李娜"])
    assert names(name="李") == ["李娜"]
    # ID numbers are encrypted at rest: the whole number finds the person (any case), a part of it does not.
    assert names(id_number=ZHANG) == ["张伟"]
    assert names(id_number=ZHANG.lower()) == ["张伟"]
    assert names(id_number=ZHANG[-6:]) == []
    assert names(department="财务") == ["李娜"]
    assert names(gender="male") == ["张伟"]
    assert names(gender="female", department="技术") == []


def test_list_paginates(signed_in, enterprise_a):
    for seq in range(25):
        staff(enterprise_a, f"员工{seq:02d}", id_number("19900101", 100 + seq))
    first = signed_in.get(reverse("staff:list"))
    assert len(first.context["object_list"]) == 20
    assert "第 1 / 2 页，共 25 条" in first.content.decode()
    assert len(signed_in.get(reverse("staff:list"), {"page": 2}).context["object_list"]) == 5


def test_menu_entry_for_admin_only(signed_in, client, member_a):
    labels = [i["label"] for s in signed_in.get(reverse("staff:list")).context["nav_sections"] for i in s["items"]]
    assert "人员信息" in labels


def test_create_derives_gender_and_birth_date_and_audits(signed_in, enterprise_a, admin_a):
    response = signed_in.post(reverse("staff:create"), form_data())
    assert response.status_code == 302 and response["Location"] == reverse("staff:list")
    member = StaffMember.objects.get()
    assert (member.organisation, member.gender, member.birth_date, member.hired_on, member.monthly_wage) == (
        enterprise_a, "male", datetime.date(1990, 3, 7), datetime.date(2015, 7, 1), decimal.Decimal("6500.00"),
    )
    entry = AuditEntry.objects.get(action="staff.create")
    assert (entry.actor, entry.target_id, entry.after["id_number"]) == (admin_a, str(member.pk), ZHANG)


@pytest.mark.parametrize(
    ("overrides", "field", "message"),
    [
        ({"name": ""}, "name", "请填写姓名"),
        ({"id_number": ZHANG[:17]}, "id_number", "身份证号应为18位，当前为17位"),
        ({"gender": "female"}, "gender", "性别与身份证号不符（身份证号显示为男）"),
        ({"mobile": "12345"}, "mobile", "请输入11位中国大陆手机号码"),
        ({"monthly_wage": "-5"}, "monthly_wage", "月工资不能为负数"),
        ({"hired_on": (datetime.date.today() + datetime.timedelta(days=1)).isoformat()}, "hired_on",
         "参加工作时间不能晚于今天"),
        ({"hired_on": "2000-01-01"}, "hired_on", "参加工作时间应在年满16周岁之后"),
    ],
)
def test_create_refuses_bad_input_next_to_field(signed_in, overrides, field, message):
    response = signed_in.post(reverse("staff:create"), form_data(**overrides))
    assert response.status_code == 200
    assert response.context["form"].errors == {field: [message]}
    assert f'data-field-error="{field}">{message}<' in response.content.decode()
    assert not StaffMember.objects.exists()


def test_create_refuses_duplicate_id_number_in_same_organisation_only(signed_in, enterprise_a, enterprise_b):
    staff(enterprise_b, "别家张伟", ZHANG)
    assert signed_in.post(reverse("staff:create"), form_data()).status_code == 302
    response = signed_in.post(reverse("staff:create"), form_data(name="张伟二"))
    assert response.context["form"].errors == {"id_number": ["本单位已有身份证号为该号码的人员"]}
    assert StaffMember.objects.filter(organisation=enterprise_a).count() == 1


def test_edit_updates_and_audits(signed_in, enterprise_a):
    member = staff(enterprise_a, "张伟", ZHANG)
    url = reverse("staff:edit", args=[member.pk])
    assert signed_in.get(url).status_code == 200
    response = signed_in.post(url, form_data(department_name="人事部"))
    assert response.status_code == 302
    member.refresh_from_db()
    assert member.department_name == "人事部"
    entry = AuditEntry.objects.get(action="staff.update")
    assert (entry.before["department_name"], entry.after["department_name"]) == ("", "人事部")


def test_delete_asks_then_deletes(signed_in, enterprise_a):
    member = staff(enterprise_a, "张伟", ZHANG)
    url = reverse("staff:delete", args=[member.pk])
    confirm = signed_in.get(url)
    assert "确定删除人员“张伟”吗？删除后不可恢复。" in confirm.content.decode()
    assert StaffMember.objects.exists()
    assert signed_in.post(url).status_code == 302
    assert not StaffMember.objects.exists()
    assert AuditEntry.objects.filter(action="staff.delete", target_id=str(member.pk)).exists()


def test_other_organisation_gets_404_on_staff_rows(client, enterprise_a, admin_b):
    member = staff(enterprise_a, "张伟", ZHANG)
    client.force_login(admin_b)
    for name in ("edit", "delete"):
        assert client.get(reverse(f"staff:{name}", args=[member.pk])).status_code == 404
        assert client.post(reverse(f"staff:{name}", args=[member.pk]), form_data()).status_code == 404
    assert StaffMember.objects.get().department_name == ""


def test_member_without_role_gets_403(client, enterprise_a, member_a):
    member = staff(enterprise_a, "张伟", ZHANG)
    client.force_login(member_a)
    assert client.get(reverse("staff:list")).status_code == 403
    assert client.get(reverse("staff:create")).status_code == 403
    assert client.post(reverse("staff:create"), form_data(id_number=LI)).status_code == 403
    assert client.post(reverse("staff:delete", args=[member.pk])).status_code == 403
    assert StaffMember.objects.count() == 1
    labels = [i["label"] for s in client.get(reverse("batch:list")).context["nav_sections"] for i in s["items"]]
    assert "人员信息" not in labels


def test_individual_user_gets_403(client, student):
    client.force_login(student)
    assert client.get(reverse("staff:list")).status_code == 403


def test_list_buttons_link_to_template_import_and_export_with_filters(signed_in):
    content = signed_in.get(reverse("staff:list"), {"name": "张", "page": "1"}).content.decode()
    assert reverse("batch:template", args=["staff"]) in content
    assert reverse("batch:import", args=["staff"]) in content
    assert f'action="{reverse("batch:export", args=["staff"])}?name=%E5%BC%A0"' in content
