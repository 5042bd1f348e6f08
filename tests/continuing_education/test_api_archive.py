"""培训档案 through the API: 查看培训历程, 学时证明 (PDF, a certificate per printing), 我的培训档案."""

import pytest

from continuing_education.models import ArchiveYear, HoursCertificate
from tests.api.keys import auth, token_for
from tests.continuing_education import factories as ce
from tests.continuing_education.factories_archive import credit_hours

pytestmark = pytest.mark.django_db
ARCHIVE = "/api/v1/continuing-education/archive/"


@pytest.fixture
def year(staff_a, admin_a):
    credit_hours(staff_a, by=admin_a, public=30, professional=60)
    return ArchiveYear.objects.get(id_number_hash=staff_a.id_number_hash)


def test_the_archive_list_takes_the_screens_filters(client, year, admin_a, staff_a, trainer_a, county_reviewer_a,
                                                    county_reviewer_b):
    headers = auth(token_for(admin_a))
    rows = client.get(ARCHIVE, {"result": "passed"}, **headers).json()["results"]
    assert [(row["staff_id"], row["archive_id"], row["year"], row["total_hours"], row["result"], row["missing"])
            for row in rows] == [(staff_a.pk, year.pk, ce.this_year(), "90.0", "passed", None)]
    assert client.get(ARCHIVE, {"result": "failed"}, **headers).json()["results"] == []
    bad = client.get(ARCHIVE, {"year": "1999"}, **headers)
    assert bad.status_code == 400 and bad.json()["field"] == "year"
    assert client.get(ARCHIVE, **auth(token_for(trainer_a))).status_code == 403  # no 培训档案
    department = client.get(ARCHIVE, **auth(token_for(county_reviewer_a))).json()["results"]
    assert [row["staff_id"] for row in department] == [staff_a.pk]
    assert client.get(ARCHIVE, **auth(token_for(county_reviewer_b))).json()["results"] == []  # another county


def test_the_unit_reads_a_persons_year(client, year, admin_a, staff_a):
    response = client.get(f"{ARCHIVE}{year.pk}/", **auth(token_for(admin_a)))
    assert response.status_code == 200
    body = response.json()
    assert (body["year"], body["public_hours"], body["professional_hours"], body["total_hours"]) == (
        ce.this_year(), "30.0", "60.0", "90.0")
    assert (body["result"], body["result_display"], body["id_number"]) == ("passed", "合格", staff_a.id_number)
    assert body["missing"] == {"public": "0.0", "professional": "0.0", "total": "0.0"}
    assert [(entry["source"], entry["hours"]) for entry in body["entries"]] == [("online", "30.0"),
                                                                                ("online", "60.0")]


def test_the_person_prints_a_certificate_and_reads_their_archive(client, year, pro_a):
    client.force_login(pro_a)
    pdf = client.post(f"{ARCHIVE}{year.pk}/certificate/")
    assert pdf.status_code == 200 and pdf["Content-Type"] == "application/pdf"
    assert pdf.content.startswith(b"%PDF")
    assert HoursCertificate.objects.filter(archive=year, issued_by=pro_a).count() == 1
    mine = client.get("/api/v1/continuing-education/my-archive/")
    assert [(row["archive_id"], row["year"], row["result"]) for row in mine.json()] == [
        (year.pk, ce.this_year(), "passed")]


def test_others_do_not_see_the_year(client, year, admin_b, trainer_a, pro_b):
    assert client.get(f"{ARCHIVE}{year.pk}/", **auth(token_for(admin_b))).status_code == 404
    assert client.post(f"{ARCHIVE}{year.pk}/certificate/", **auth(token_for(trainer_a))).status_code == 403
    client.force_login(pro_b)
    assert client.post(f"{ARCHIVE}{year.pk}/certificate/").status_code == 404
    assert not HoursCertificate.objects.exists()
