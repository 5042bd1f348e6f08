"""用人单位 (continuing_education:units, :unit_detail): the departments see the units in their scope (HR by region,
an industry department only the units naming it 主管部门), filter them, open one; everybody else is refused."""

import pytest
from django.urls import reverse

from tests.continuing_education import factories as ce

LIST = reverse("continuing_education:units")


def detail(unit):
    return reverse("continuing_education:unit_detail", args=[unit.pk])


def listed(client, user, **params):
    client.force_login(user)
    response = client.get(LIST, params)
    assert response.status_code == 200
    return response, [unit.name for unit in response.context["object_list"]]


@pytest.mark.django_db
def test_scope_per_department(client, enterprise_a, enterprise_b, supervised_unit, county_reviewer_a,
                              county_reviewer_b, city_reviewer, industry_reviewer, other_industry_reviewer):
    assert listed(client, county_reviewer_a)[1] == ["甲企业有限公司", "郑州市电子信息研究院"]
    assert listed(client, county_reviewer_b)[1] == ["乙企业有限公司"]
    assert listed(client, city_reviewer)[1] == ["乙企业有限公司", "甲企业有限公司", "郑州市电子信息研究院"]
    assert listed(client, industry_reviewer)[1] == ["郑州市电子信息研究院"]
    assert listed(client, other_industry_reviewer)[1] == []


@pytest.mark.django_db
def test_filters(client, enterprise_a, enterprise_b, supervised_unit, city_reviewer, county_hr_a, county_hr_b):
    assert listed(client, city_reviewer, name="研究院")[1] == ["郑州市电子信息研究院"]
    assert listed(client, city_reviewer, credit_code=enterprise_b.credit_code.lower())[1] == ["乙企业有限公司"]
    assert listed(client, city_reviewer, region="410103")[1] == ["乙企业有限公司"]
    assert listed(client, city_reviewer, hr_department=county_hr_a.pk)[1] == ["甲企业有限公司", "郑州市电子信息研究院"]
    response, names = listed(client, city_reviewer, region="zzz", hr_department="abc", name="x" * 300)
    assert set(response.context["filter_form"].errors) == {"region", "hr_department", "name"}
    assert response.context["filter_form"].errors["hr_department"] == ["请选择列表中的人社部门"]
    assert len(names) == 3


@pytest.mark.django_db
def test_detail_shows_profile_departments_and_counts(client, supervised_unit, county_reviewer_a, industry_reviewer):
    person = ce.professional(username="pro_s", real_name="研究员甲", unit=supervised_unit)
    ce.professional(username="pro_t", real_name="研究员乙", unit=supervised_unit, linked=False)
    for user in (county_reviewer_a, industry_reviewer):
        client.force_login(user)
        html = client.get(detail(supervised_unit)).content.decode()
        assert "郑州市电子信息研究院" in html and "金水区人力资源和社会保障局" in html
        assert "郑州市工业和信息化局" in html
        assert "人员信息 2 人，其中已关联个人账号（在职）1 人，待审核 1 人" in html
        assert person.id_number not in html


@pytest.mark.django_db
def test_deny(client, enterprise_a, admin_a, admin_b, member_a, trainer_a, county_reviewer_b, industry_reviewer,
              pro_a, education_reviewer):
    for user in (admin_b, county_reviewer_b, industry_reviewer, pro_a, education_reviewer, member_a):
        client.force_login(user)
        assert client.get(detail(enterprise_a)).status_code == 404, user
    for user in (admin_a, trainer_a):
        client.force_login(user)
        assert client.get(detail(enterprise_a)).status_code == 403, user
    for user in (admin_a, admin_b, member_a, pro_a, education_reviewer):
        client.force_login(user)
        assert client.get(LIST).status_code == 403, user
    client.logout()
    assert client.get(LIST).status_code == 302
