"""高校毕业生信息库 through /api/v1/traineeships/graduates/: the departments that keep it add, list (the screen's
filters, ID numbers masked without view_personal_data) and edit under If-Match within their jurisdiction; units,
individuals and sub-admins without the permission get 403, another county's record 404."""

import pytest

from audit.models import AuditEntry
from tests.api.keys import auth, token_for
from tests.traineeships.test_register import LI, ZHANG, form_data, member_with
from traineeships.models import GraduateRecord

pytestmark = pytest.mark.django_db
GRADUATES = "/api/v1/traineeships/graduates/"


def test_a_department_adds_lists_and_edits(client, county_reviewer_a, county_hr_a):
    headers = auth(token_for(county_reviewer_a))
    created = client.post(GRADUATES, form_data(), content_type="application/json", **headers)
    assert created.status_code == 201, created.json()
    graduate = GraduateRecord.objects.get()
    assert (graduate.name, graduate.id_number, graduate.imported_by_org) == ("张三", ZHANG, county_hr_a)
    assert (created.json()["id_number"], created.json()["imported_by_org_name"]) == (ZHANG, county_hr_a.name)
    duplicate = client.post(GRADUATES, form_data(name="张三三"), content_type="application/json", **headers)
    assert duplicate.status_code == 400 and duplicate.json()["errors"][0]["field"] == "id_number"
    assert [row["name"] for row in client.get(GRADUATES, {"school": "郑州"}, **headers).json()["results"]] == ["张三"]
    assert client.get(GRADUATES, {"graduation_year": "2023"}, **headers).json()["results"] == []
    assert client.get(GRADUATES, {"graduation_year": "abc"}, **headers).status_code == 400
    url = f"{GRADUATES}{graduate.pk}/"
    etag = client.get(url, **headers)["ETag"]
    edited = client.put(url, form_data(major="网络工程"), content_type="application/json", HTTP_IF_MATCH=etag,
                        **headers)
    assert edited.status_code == 200 and edited.json()["major"] == "网络工程"
    assert client.put(url, form_data(major="别的"), content_type="application/json", HTTP_IF_MATCH=etag,
                      **headers).status_code == 412
    assert client.put(url, form_data(), content_type="application/json", **headers).status_code == 428
    entry = AuditEntry.objects.get(action="traineeships.graduate_updated")
    assert (entry.before["major"], entry.after["major"]) == ("软件工程", "网络工程")


def test_jurisdiction_masking_and_refusals(client, county_hr_a, county_hr_b, county_reviewer_a, admin_a, student):
    GraduateRecord.objects.create(name="张三", id_number=ZHANG, school="郑州大学", major="软件工程",
                                  education="bachelor", graduation_year=2024, imported_by_org=county_hr_a)
    other = GraduateRecord.objects.create(name="李四", id_number=LI, school="河南大学", major="会计",
                                          education="bachelor", graduation_year=2023, imported_by_org=county_hr_b)
    clerk = auth(token_for(member_with(county_hr_a, "register_clerk", "traineeships.import_graduates")))
    rows = client.get(GRADUATES, **clerk).json()["results"]
    assert [(row["name"], row["id_number"]) for row in rows] == [("张三", f"{ZHANG[:4]}**********{ZHANG[-4:]}")]
    headers = auth(token_for(county_reviewer_a))
    assert client.get(f"{GRADUATES}{other.pk}/", **headers).status_code == 404
    assert client.put(f"{GRADUATES}{other.pk}/", form_data(id_number=LI), content_type="application/json",
                      HTTP_IF_MATCH="*", **headers).status_code == 404
    without_role = auth(token_for(member_with(county_hr_a, "no_register", "traineeships.review")))
    unit = auth(token_for(admin_a))
    for refused in (without_role, unit):
        assert client.get(GRADUATES, **refused).status_code == 403
        assert client.post(GRADUATES, form_data(id_number=ZHANG[:-1]), content_type="application/json",
                           **refused).status_code == 403
    client.force_login(student)
    assert client.get(GRADUATES).status_code == 403
    assert GraduateRecord.objects.count() == 2
