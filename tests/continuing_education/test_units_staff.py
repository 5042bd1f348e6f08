"""人员信息 (staff:list) for issue 10: 学历, 职称等级, 职称系列 on the form and the list, the new filters (checked by
their form), the link status column, and a linked person's record keeping its ID number and not deleted."""

import pytest
from django.urls import reverse

from organisations.models import StaffLink, StaffMember
from tests import factories
from tests.continuing_education import factories as ce
from tests.organisations.test_staff import ZHANG, form_data

LIST = reverse("staff:list")


@pytest.fixture
def signed_in(client, admin_a):
    client.force_login(admin_a)
    return client


@pytest.mark.django_db
def test_create_with_education_and_title(signed_in, enterprise_a):
    data = form_data(education="master", title_level="senior", title_series="卫生技术")
    assert signed_in.post(reverse("staff:create"), data).status_code == 302
    member = StaffMember.objects.get(id_number=ZHANG)
    assert (member.education, member.title_level, member.title_series) == ("master", "senior", "卫生技术")
    response = signed_in.post(reverse("staff:create"), form_data(id_number=factories.make_id_number("19900101"),
                                                                 education="phd", title_level="top"))
    assert set(response.context["form"].errors) == {"education", "title_level"}


@pytest.mark.django_db
def test_list_columns_and_filters(signed_in, enterprise_a):
    import datetime

    senior = ce.staff(enterprise_a, name="高工", title_level="senior", education="master",
                      hired_on=datetime.date(2005, 7, 1))
    ce.staff(enterprise_a, name="助工", title_level="assistant", education="bachelor",
             hired_on=datetime.date(2020, 7, 1))
    pro = ce.professional(username="pro_l", real_name="在职者", unit=enterprise_a)
    html = signed_in.get(LIST).content.decode()
    for header in ("学历", "职称等级", "职称系列", "关联状态"):
        assert f"<th>{header}</th>" in html
    assert "在职" in html and "硕士研究生" in html and "副高级" in html

    def names(**params):
        response = signed_in.get(LIST, params)
        assert response.status_code == 200
        return sorted(member.name for member in response.context["object_list"])

    assert names(title_level="senior") == ["高工"]
    assert names(education="bachelor") == ["助工", "在职者"]
    assert names(hired_from="2010-01-01") == ["助工", "在职者"]
    assert names(hired_to="2010-01-01") == ["高工"]
    assert names(hired_from="2010-01-01", hired_to="2015-12-31") == ["在职者"]
    assert names(id_number=senior.id_number) == ["高工"]
    assert names(name="工") == ["助工", "高工"]
    assert pro.real_name == "在职者"
    response = signed_in.get(LIST, {"title_level": "x", "education": "y", "hired_from": "2020-13-45",
                                    "hired_to": "abc", "gender": "z"})
    assert response.status_code == 200
    assert response.context["filter_form"].errors == {
        "title_level": ["请选择列表中的职称等级"], "education": ["请选择列表中的学历"],
        "hired_from": ["请输入日期，如 2015-07-01"], "hired_to": ["请输入日期，如 2015-07-01"],
        "gender": ["请选择列表中的性别"]}
    response = signed_in.get(LIST, {"hired_from": "2020-01-01", "hired_to": "2019-01-01"})
    assert response.context["filter_form"].errors == {"hired_to": ["结束日期不能早于开始日期"]}


@pytest.mark.django_db
def test_linked_record_keeps_its_id_number_and_is_not_deleted(signed_in, enterprise_a, pro_a, staff_a):
    data = form_data(name=staff_a.name, id_number=factories.make_id_number("19900101"))
    response = signed_in.post(reverse("staff:edit", args=[staff_a.pk]), data)
    assert response.context["form"].errors["id_number"] == ["该人员已关联个人账号，身份证号不能修改"]
    response = signed_in.post(reverse("staff:delete", args=[staff_a.pk]), follow=True)
    refused = "该人员已关联个人账号或正在申请加入，请先办理调离或审核其申请"
    assert [str(m) for m in response.context["messages"]] == [refused]
    staff_a.refresh_from_db()
    assert (staff_a.id_number, staff_a.link_status) == (pro_a.id_number, StaffLink.LINKED)
    html = signed_in.get(LIST).content.decode()
    assert reverse("continuing_education:staff_end", args=[staff_a.pk]) in html
