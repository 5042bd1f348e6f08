"""工作桌面's cards link only to pages their reader may open."""

import pytest
from django.urls import reverse

from tests import factories

pytestmark = pytest.mark.django_db
MINE = f'href="{reverse("reviews:mine")}"'


def test_the_submissions_card_is_the_menus_rule(client, admin_a, county_reviewer_a):
    client.force_login(admin_a)
    page = client.get("/").content.decode()
    assert "审核中的申报" in page and MINE in page
    assert client.get(reverse("reviews:mine")).status_code == 200


def test_platform_staff_get_no_card_to_a_page_refused_to_them(client):
    # Platform staff hold every permission but have no submissions page: the card led to a 403.
    staff = factories.UserFactory(kind="platform", is_staff=True, organisation=None, username="platform")
    client.force_login(staff)
    page = client.get("/").content.decode()
    assert client.get(reverse("reviews:mine")).status_code == 403
    assert "审核中的申报" not in page and MINE not in page
