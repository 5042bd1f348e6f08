"""加入单位 leads a person whose unit is not on the platform yet to 注册用人单位 (no other page linked it; found by the
browser journey), through HTTP."""

import pytest
from django.urls import reverse

JOIN = reverse("continuing_education:join")
REGISTER_UNIT = reverse("organisations:register_unit")


@pytest.mark.django_db
def test_a_person_with_no_unit_is_offered_register_unit(client, pro_free):
    client.force_login(pro_free)
    html = client.get(JOIN, {"q": "不存在的单位"}).content.decode()
    assert "没有找到该单位" in html
    assert 'data-testid="register-unit"' in html
    assert f'href="{REGISTER_UNIT}">注册用人单位</a>' in html
    assert client.get(REGISTER_UNIT).status_code == 200


@pytest.mark.django_db
def test_a_person_on_a_roster_is_not_offered_register_unit(client, pro_a):
    client.force_login(pro_a)
    response = client.get(JOIN)
    assert response.status_code == 200
    assert 'data-testid="register-unit"' not in response.content.decode()
