"""Sub-administrators act by their roles: a unit member without 见习基地申请与见习岗位管理 gets 403 on every unit
screen of placements, departures, reports and the roster, one holding it does the work; an HR department
member without 审核 sees neither statistics nor rosters. Anonymous visitors are sent to sign in."""

import pytest
from django.urls import reverse

from tests.traineeships.test_placements import on_post_placement, terms_form
from tests.traineeships.test_register import member_with
from traineeships.models import Placement, PlacementStatus

pytest_plugins = ["tests.traineeships.test_placements"]


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    return on_post_placement(application, admin_a, county_reviewer_a)


def unit_screens(placement):
    return [
        ("get", reverse("traineeships:placements")),
        ("get", reverse("traineeships:reports")),
        ("get", reverse("traineeships:roster")),
        ("get", reverse("traineeships:departure_create", args=[placement.pk])),
        ("post", reverse("traineeships:placement_retain", args=[placement.pk])),
        ("post", reverse("traineeships:placement_upload", args=[placement.pk])),
        ("post", reverse("traineeships:placement_submit", args=[placement.pk])),
        ("post", reverse("traineeships:placement_cancel", args=[placement.pk])),
    ]


@pytest.mark.django_db
def test_unit_member_without_the_role_gets_403(client, enterprise_a, member_a, placement):
    client.force_login(member_a)
    for method, url in unit_screens(placement):
        assert getattr(client, method)(url).status_code == 403, url
    placement.refresh_from_db()
    assert placement.status == PlacementStatus.ON_POST and placement.retained_on is None


@pytest.mark.django_db
def test_unit_member_with_the_role_onboards_and_sees_the_roster(client, enterprise_a, application, wage):
    clerk = member_with(enterprise_a, "trainee_clerk", "traineeships.manage_base")
    client.force_login(clerk)
    assert f'data-application="{application.pk}"' in client.get(reverse("traineeships:placements")).content.decode()
    response = client.post(reverse("traineeships:placement_create", args=[application.pk]), terms_form())
    placement = Placement.objects.get()
    assert response.status_code == 302 and placement.created_by == clerk
    assert client.get(reverse("traineeships:roster")).status_code == 200
    assert client.get(reverse("traineeships:reports")).status_code == 200


@pytest.mark.django_db
def test_hr_member_without_review_role_sees_no_statistics_or_roster(client, county_hr_a, placement):
    client.force_login(member_with(county_hr_a, "hr_clerk"))
    assert client.get(reverse("traineeships:statistics")).status_code == 403
    assert client.get(reverse("traineeships:roster"), {"base": placement.base_id}).status_code == 403
    with_role = member_with(county_hr_a, "hr_reviewer", "traineeships.review")
    client.force_login(with_role)
    assert client.get(reverse("traineeships:statistics")).status_code == 200
    page = client.get(reverse("traineeships:roster"), {"base": placement.base_id, "first_month": "2026-03",
                                                        "last_month": "2026-03"}).content.decode()
    assert f'<tr data-trainee="{placement.pk}">' in page


@pytest.mark.django_db
def test_anonymous_is_sent_to_sign_in(client, placement):
    for _method, url in unit_screens(placement)[:3] + [
        ("get", reverse("traineeships:statistics")), ("get", reverse("traineeships:my_placement")),
        ("get", reverse("traineeships:placement_detail", args=[placement.pk])),
        ("get", reverse("traineeships:my_applications")),
    ]:
        response = client.get(url)
        assert response.status_code == 302 and "login" in response["Location"], url
