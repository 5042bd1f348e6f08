"""我的见习 through /api/v1/traineeships/my/…, by session: the trainee reads the registration, asks to leave and
withdraws the request; the unit answers a request with a key; nobody else reaches the trainee's pages."""

import pytest

from tests.api.keys import auth, token_for
from tests.traineeships.test_placements import on_post_placement
from traineeships.models import DepartureStatus, PlacementStatus

pytest_plugins = ["tests.traineeships.test_placements"]
pytestmark = pytest.mark.django_db
MINE = "/api/v1/traineeships/my/placement/"


@pytest.fixture
def placement(application, admin_a, county_reviewer_a, wage):
    return on_post_placement(application, admin_a, county_reviewer_a)


def test_the_trainee_asks_to_leave_and_the_unit_answers(client, placement, admin_a, admin_b):
    client.force_login(placement.person)
    mine = client.get(MINE)
    assert mine.status_code == 200 and mine.json()["id"] == placement.pk
    assert mine.json()["status"] == PlacementStatus.ON_POST and mine.json()["departures"] == []
    no_reason = client.post(f"{MINE}departures/", {"left_on": "2026-06-20"}, content_type="application/json")
    assert no_reason.status_code == 400 and no_reason.json()["errors"][0]["message"] == "请填写申请离岗的原因"
    asked = client.post(f"{MINE}departures/", {"left_on": "2026-06-20", "note": "找到正式工作"},
                        content_type="application/json")
    assert asked.status_code == 201 and asked.json()["status"] == DepartureStatus.REQUESTED
    departure_id = asked.json()["id"]
    withdrawn = client.post(f"/api/v1/traineeships/my/departures/{departure_id}/withdraw/", {},
                            content_type="application/json")
    assert withdrawn.status_code == 200 and withdrawn.json()["status"] == DepartureStatus.CANCELLED
    again = client.post(f"{MINE}departures/", {"left_on": "2026-06-20", "note": "找到正式工作"},
                        content_type="application/json").json()["id"]
    client.logout()
    answer = f"/api/v1/traineeships/departures/{again}/answer/"
    assert client.post(answer, {"answer": "agree"}, content_type="application/json",
                       **auth(token_for(admin_b))).status_code == 404
    refuse = client.post(answer, {"answer": "refuse"}, content_type="application/json", **auth(token_for(admin_a)))
    assert refuse.status_code == 400 and refuse.json()["errors"][0]["field"] == "reply"
    agreed = client.post(answer, {"answer": "agree", "reply": "同意"}, content_type="application/json",
                         **auth(token_for(admin_a)))
    assert agreed.status_code == 200 and agreed.json()["status"] == DepartureStatus.REGISTERED
    client.force_login(placement.person)
    assert client.get(MINE).json()["status"] == PlacementStatus.LEAVING
    late = client.post(f"/api/v1/traineeships/my/departures/{again}/withdraw/", {}, content_type="application/json")
    assert late.status_code == 400 and late.json()["message"] == "单位已处理该申请，不能撤回"


def test_nobody_else_reaches_the_trainees_pages(client, placement, admin_a, outsider):
    assert client.get(MINE, **auth(token_for(admin_a))).status_code == 403
    client.force_login(outsider)
    assert client.get(MINE).status_code == 404
    assert client.post(f"{MINE}departures/", {"left_on": "2026-06-20", "note": "x"},
                       content_type="application/json").status_code == 404
