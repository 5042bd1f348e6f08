"""报名人员 and 上报培训成果 through the API: add, set a result under If-Match, remove, report once; and who may not."""

import pytest

from continuing_education.models import ArchiveYear, ClassStatus, Participant, ResultsStatus
from tests import factories
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_classes import past_dates

pytestmark = pytest.mark.django_db
API = "/api/v1/continuing-education/"


@pytest.fixture
def held(admin_a):
    """An approved 暂不上报 class that has ended: its results may be entered and reported."""
    starts_on, ends_on = past_dates()
    return ce.training_class(admin_a.organisation, by=admin_a, status=ClassStatus.APPROVED, starts_on=starts_on,
                             ends_on=ends_on, year=starts_on.year)


def test_the_unit_enters_and_reports_the_results(client, admin_a, held, staff_a):
    headers = auth(token_for(admin_a))
    added = client.post(f"{API}classes/{held.pk}/participants/", {"name": staff_a.name, "id_number": staff_a.id_number},
                        content_type="application/json", **headers)
    assert added.status_code == 201, added.json()
    assert (added.json()["name"], added.json()["hours"], added.json()["assessment"]) == (staff_a.name, None, "")
    url = f"{API}participants/{added.json()['id']}/"
    body = {"hours": "20", "assessment": "passed"}
    assert client.put(url, body, content_type="application/json", **headers).status_code == 428
    etag = client.get(url, **headers)["ETag"]
    too_many = client.put(url, {"hours": "999", "assessment": "passed"}, content_type="application/json",
                          HTTP_IF_MATCH=etag, **headers)
    assert too_many.status_code == 400 and too_many.json()["field"] == "hours"
    result = client.put(url, body, content_type="application/json", HTTP_IF_MATCH=etag, **headers)
    assert result.status_code == 200, result.json()
    assert (result.json()["hours"], result.json()["assessment"]) == ("20.0", "passed")
    stale = client.put(url, {"hours": "10", "assessment": "passed"}, content_type="application/json",
                       HTTP_IF_MATCH=etag, **headers)
    assert stale.status_code == 412
    listed = client.get(f"{API}classes/{held.pk}/participants/", **headers).json()["results"]
    assert [(row["name"], row["hours"]) for row in listed] == [(staff_a.name, "20.0")]

    reported = client.post(f"{API}classes/{held.pk}/report-results/", **headers)
    assert reported.status_code == 200, reported.json()
    assert reported.json()["results_status"] == ResultsStatus.REPORTED
    assert ArchiveYear.objects.get(id_number_hash=staff_a.id_number_hash).class_hours == 20
    again = client.post(f"{API}classes/{held.pk}/report-results/", **headers)
    assert again.status_code == 409
    closed = client.delete(url, **headers)
    assert closed.status_code == 400
    assert closed.json()["message"] == "培训成果已上报，不能再修改报名人员；如需更正请联系培训班审核部门"


def test_a_participant_is_removed(client, admin_a, held, staff_a):
    person = ce.participant(held, member=staff_a)
    assert client.delete(f"{API}participants/{person.pk}/", **auth(token_for(admin_a))).status_code == 204
    assert not Participant.objects.exists()


def test_others_may_not_touch_the_participants(client, admin_a, admin_b, trainer_a, county_reviewer_a, held, staff_a):
    person = ce.participant(held, member=staff_a)
    url = f"{API}participants/{person.pk}/"
    assert client.delete(url, **auth(token_for(admin_b))).status_code == 404  # another unit
    assert client.delete(url, **auth(token_for(trainer_a))).status_code == 403  # 培训管理 only
    assert client.delete(url, **auth(token_for(county_reviewer_a))).status_code == 403  # its department
    response = client.post(f"{API}classes/{held.pk}/participants/", {"name": "某人", "id_number": staff_a.id_number},
                           content_type="application/json", **auth(token_for(admin_b)))
    assert response.status_code == 404
    assert list(Participant.objects.values_list("pk", flat=True)) == [person.pk]


def test_staff_are_picked_from_the_roster_at_once(client, admin_a, held, staff_a, enterprise_b):
    other = ce.staff(admin_a.organisation, name="李同事", id_number=factories.make_id_number("19900305"))
    ce.participant(held, member=other)
    url = f"{API}classes/{held.pk}/participants/pick/"
    headers = auth(token_for(admin_a))
    picked = client.post(url, {"staff": [staff_a.pk, other.pk]}, content_type="application/json", **headers)
    assert picked.status_code == 200, picked.json()
    assert picked.json() == {"added": 1, "skipped": 1}
    assert sorted(held.participants.values_list("name", flat=True)) == sorted(["李同事", staff_a.name])
    foreign = ce.staff(enterprise_b, name="乙员工", id_number=factories.make_id_number("19910101"))
    refused = client.post(url, {"staff": [foreign.pk]}, content_type="application/json", **headers)
    assert refused.status_code == 400 and refused.json()["field"] == "staff"
    assert client.post(url, {"staff": []}, content_type="application/json", **headers).status_code == 400
    assert held.participants.count() == 2


def test_others_may_not_pick_staff(client, admin_a, admin_b, trainer_a, held, staff_a):
    url = f"{API}classes/{held.pk}/participants/pick/"
    body = {"staff": [staff_a.pk]}
    assert client.post(url, body, content_type="application/json", **auth(token_for(admin_b))).status_code == 404
    assert client.post(url, body, content_type="application/json", **auth(token_for(trainer_a))).status_code == 403
    pending = ce.training_class(admin_a.organisation, by=admin_a, status=ClassStatus.PENDING, name="审核中培训班")
    closed = client.post(f"{API}classes/{pending.pk}/participants/pick/", body, content_type="application/json",
                         **auth(token_for(admin_a)))
    assert closed.status_code == 400  # the service: a 暂不上报 class takes people once approved
    assert not Participant.objects.exists()
