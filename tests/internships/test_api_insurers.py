"""购买实习专用险 through the API: everyone signed in reads the insurers shown, the provincial education department
keeps the list (adds, edits under If-Match, hides, sees the hidden); the form's refusals; everyone else refused."""

import pytest

from audit.models import AuditEntry
from internships.models import Insurer
from tests.api.keys import auth, token_for

pytestmark = pytest.mark.django_db
API = "/api/v1/internships"
PINGAN = {"name": "中国平安财产保险股份有限公司", "product": "学生实习责任保险", "contact_phone": "95511",
          "website": "https://www.pingan.com", "description": "每人每年保费约 100 元", "active": True}


def test_everyone_signed_in_reads_the_insurers_shown(client, student, admin_a, school_admin):
    Insurer.objects.create(name="中国人寿财产保险股份有限公司", product="实习责任险", contact_phone="95519")
    Insurer.objects.create(name="已停办保险公司", product="实习责任险", contact_phone="95500", active=False)
    for key in (auth(token_for(admin_a)), auth(token_for(school_admin))):
        rows = client.get(f"{API}/insurers/", **key).json()["results"]
        assert [(row["name"], row["active"]) for row in rows] == [("中国人寿财产保险股份有限公司", True)]
    client.force_login(student)
    assert [row["name"] for row in client.get(f"{API}/insurers/").json()["results"]] == ["中国人寿财产保险股份有限公司"]
    client.logout()
    assert client.get(f"{API}/insurers/").status_code == 401


def test_the_province_keeps_the_insurers(client, province_education_reviewer):
    key = auth(token_for(province_education_reviewer, scopes=["internships:read", "internships:write"]))
    created = client.post(f"{API}/insurers/", PINGAN, content_type="application/json", **key)
    assert created.status_code == 201, created.json()
    insurer = Insurer.objects.get()
    assert (created.json()["id"], created.json()["website"], insurer.active) == (
        insurer.pk, "https://www.pingan.com", True)
    url = f"{API}/insurers/{insurer.pk}/"
    hidden = {**PINGAN, "website": "", "description": "", "active": False}
    assert client.put(url, hidden, content_type="application/json", **key).status_code == 428
    etag = client.get(url, **key)["ETag"]
    edited = client.put(url, hidden, content_type="application/json", HTTP_IF_MATCH=etag, **key)
    assert edited.status_code == 200 and edited.json()["active"] is False
    insurer.refresh_from_db()
    assert not insurer.active
    stale = client.put(url, PINGAN, content_type="application/json", HTTP_IF_MATCH=etag, **key)
    assert stale.status_code == 412
    assert AuditEntry.objects.filter(action="internships.insurer_saved").count() == 2
    # the keeper sees the hidden ones too
    assert [row["active"] for row in client.get(f"{API}/insurers/", **key).json()["results"]] == [False]


def test_the_form_refuses(client, province_education_reviewer):
    key = auth(token_for(province_education_reviewer))
    Insurer.objects.create(name=PINGAN["name"], product="x", contact_phone="1")
    taken = client.post(f"{API}/insurers/", PINGAN, content_type="application/json", **key)
    assert (taken.status_code, taken.json()["field"], taken.json()["message"]) == (400, "name", "该保险公司已在列表中")
    bad = client.post(f"{API}/insurers/", {**PINGAN, "name": "另一家", "website": "not a url", "product": ""},
                      content_type="application/json", **key)
    assert bad.status_code == 400
    assert {problem["field"] for problem in bad.json()["errors"]} == {"website", "product"}
    assert Insurer.objects.count() == 1


@pytest.mark.parametrize("who", ["education_reviewer", "school_admin", "admin_a"])
def test_only_the_province_keeps_the_insurers(client, request, who):
    insurer = Insurer.objects.create(name="甲保险", product="实习责任险", contact_phone="95500")
    key = auth(token_for(request.getfixturevalue(who)))
    assert client.post(f"{API}/insurers/", {**PINGAN, "name": "乙保险"}, content_type="application/json",
                       **key).status_code == 403
    url = f"{API}/insurers/{insurer.pk}/"
    assert client.get(url, **key).status_code == 403
    assert client.put(url, {**PINGAN, "name": "甲保险"}, content_type="application/json", HTTP_IF_MATCH="*",
                      **key).status_code == 403
    assert list(Insurer.objects.values_list("name", "active")) == [("甲保险", True)]


def test_the_scope_and_an_unknown_insurer(client, province_education_reviewer):
    reader = auth(token_for(province_education_reviewer, scopes=["internships:read"]))
    missing = client.post(f"{API}/insurers/", PINGAN, content_type="application/json", **reader)
    assert (missing.status_code, missing.json()["code"]) == (403, "scope_missing")
    assert client.get(f"{API}/insurers/999999/", **reader).status_code == 404
    assert not Insurer.objects.exists()
