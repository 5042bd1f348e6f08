"""我申报的 (the unit's declarations by status) and the departments' list of classes in scope."""

import pytest
from django.urls import reverse

from continuing_education.models import ClassStatus
from tests.continuing_education import factories as ce

pytestmark = pytest.mark.django_db


def _names(response):
    return sorted(item.name for item in response.context["object_list"])


def test_declared_by_status(client, admin_a, enterprise_a, enterprise_b, admin_b):
    ce.training_class(enterprise_a, by=admin_a, name="草稿")
    ce.training_class(enterprise_a, by=admin_a, name="待审", status=ClassStatus.PENDING)
    ce.training_class(enterprise_a, by=admin_a, name="通过", status=ClassStatus.APPROVED)
    ce.training_class(enterprise_b, by=admin_b, name="乙的草稿")
    client.force_login(admin_a)
    response = client.get(reverse("continuing_education:declared"))
    assert _names(response) == ["待审", "草稿", "通过"]
    assert [item.deletable for item in response.context["object_list"] if item.name == "草稿"] == [True]
    response = client.get(reverse("continuing_education:declared"), {"status": "pending"})
    assert _names(response) == ["待审"]
    response = client.get(reverse("continuing_education:declared"), {"status": "nonsense"})
    assert response.status_code == 200
    assert response.context["form"].errors["status"] == ["请选择有效的审核状态"]
    assert _names(response) == ["待审", "草稿", "通过"]


def test_department_list_in_scope(client, admin_a, enterprise_a, admin_b, enterprise_b, supervised_unit,
                                  supervised_admin, county_reviewer_a, county_reviewer_b, industry_reviewer,
                                  education_reviewer):
    ce.training_class(enterprise_a, by=admin_a, name="甲待审", status=ClassStatus.PENDING)
    ce.training_class(enterprise_a, by=admin_a, name="甲草稿")
    ce.training_class(enterprise_b, by=admin_b, name="乙通过", status=ClassStatus.APPROVED)
    ce.training_class(supervised_unit, by=supervised_admin, name="研究院待审", status=ClassStatus.PENDING)
    url = reverse("continuing_education:reviewed_classes")
    client.force_login(county_reviewer_a)
    assert _names(client.get(url)) == ["甲待审", "研究院待审"]
    assert _names(client.get(url, {"unit": "研究院"})) == ["研究院待审"]
    assert _names(client.get(url, {"status": "approved"})) == []
    client.force_login(county_reviewer_b)
    assert _names(client.get(url)) == ["乙通过"]
    client.force_login(industry_reviewer)
    assert _names(client.get(url)) == ["研究院待审"]
    client.force_login(education_reviewer)
    assert client.get(url).status_code == 403
    client.force_login(admin_a)
    assert client.get(url).status_code == 403


def test_declared_needs_the_permission(client, trainer_a, declarer_a, pro_a):
    for user, status in ((trainer_a, 403), (pro_a, 403), (declarer_a, 200)):
        client.force_login(user)
        assert client.get(reverse("continuing_education:declared")).status_code == status
