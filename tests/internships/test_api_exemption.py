"""The position's 夜班/加班特殊要求备案 file through /api/v1/internships/positions/<id>/exemption/: the enterprise
uploads it (multipart, If-Match) as the edit form's upload does, the night shift then passes the checks; a
published position goes back to 未发布; the upload rules at the field; everyone else refused."""

import pytest

from audit.models import AuditEntry
from internships.models import Overtime, Position, PositionStatus
from tests.api.keys import auth, token_for
from tests.attachments.files import pdf_bytes, upload
from tests.internships import factories as f

pytestmark = pytest.mark.django_db
POSITIONS = "/api/v1/internships/positions/"
SCOPES = ["internships:read", "internships:write"]


def url(position, action=""):
    return f"{POSITIONS}{position.pk}/{action + '/' if action else ''}"


def exemption_file():
    return upload("夜班备案.pdf", pdf_bytes(), "application/pdf")


def test_the_enterprise_files_the_exemption_and_publishes(client, host_a, admin_a):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT, night_shift=True)
    headers = auth(token_for(admin_a, scopes=SCOPES))
    assert client.post(url(position, "publish"), **headers).status_code == 400  # no exemption: night shift refused
    missing = client.post(url(position, "exemption"), {"file": exemption_file()}, **headers)
    assert missing.status_code == 428
    etag = client.get(url(position), **headers)["ETag"]
    uploaded = client.post(url(position, "exemption"), {"file": exemption_file()}, HTTP_IF_MATCH=etag, **headers)
    assert uploaded.status_code == 200, uploaded.json()
    body = uploaded.json()
    assert (body["id"], body["has_exemption"], body["status"]) == (position.pk, True, PositionStatus.DRAFT)
    position.refresh_from_db()
    assert position.exemption.purpose == "internship_exemption" and position.exemption.owner_org == host_a
    assert AuditEntry.objects.filter(action="internships.position_updated", target_id=str(position.pk)).exists()
    # the old tag is stale now
    assert client.post(url(position, "exemption"), {"file": exemption_file()}, HTTP_IF_MATCH=etag,
                       **headers).status_code == 412
    published = client.post(url(position, "publish"), **headers)
    assert published.status_code == 200, published.json()
    assert published.json()["status"] == PositionStatus.PUBLISHED


def test_a_new_file_on_a_published_position_means_publishing_again(client, host_a, admin_a):
    position = f.position(host_a, admin_a, overtime=Overtime.FREQUENT)
    headers = auth(token_for(admin_a, scopes=SCOPES))
    etag = client.get(url(position), **headers)["ETag"]
    uploaded = client.post(url(position, "exemption"), {"file": exemption_file()}, HTTP_IF_MATCH=etag, **headers)
    assert uploaded.status_code == 200, uploaded.json()
    assert (uploaded.json()["status"], uploaded.json()["has_exemption"]) == (PositionStatus.DRAFT, True)
    assert Position.objects.get(pk=position.pk).status == PositionStatus.DRAFT


def test_the_upload_rules_are_answered_at_the_field(client, host_a, admin_a):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT, night_shift=True)
    headers = auth(token_for(admin_a, scopes=SCOPES))
    for data in ({}, {"file": upload("a.pdf", b"MZ\x90\x00", "application/pdf")}):
        refused = client.post(url(position, "exemption"), data, HTTP_IF_MATCH="*", **headers)
        assert refused.status_code == 400 and refused.json()["field"] == "file", refused.json()
    as_json = client.post(url(position, "exemption"), {"file": "x"}, content_type="application/json",
                          HTTP_IF_MATCH="*", **headers)
    assert as_json.status_code == 415
    assert Position.objects.get(pk=position.pk).exemption is None


def test_others_cannot_upload(client, host_a, admin_a, admin_b, staff_manager_a, school_admin, education_reviewer):
    position = f.position(host_a, admin_a, status=PositionStatus.DRAFT, night_shift=True)
    deleted = f.position(host_a, admin_a, status=PositionStatus.DELETED, night_shift=True)
    for user, status in ((admin_b, 404), (staff_manager_a, 403), (school_admin, 403), (education_reviewer, 403)):
        response = client.post(url(position, "exemption"), {"file": exemption_file()}, HTTP_IF_MATCH="*",
                               **auth(token_for(user)))
        assert response.status_code == status, user
    headers = auth(token_for(admin_a, scopes=SCOPES))
    assert client.post(url(deleted, "exemption"), {"file": exemption_file()}, HTTP_IF_MATCH="*",
                       **headers).status_code == 404
    read_only = client.post(url(position, "exemption"), {"file": exemption_file()}, HTTP_IF_MATCH="*",
                            **auth(token_for(admin_a, scopes=["internships:read"])))
    assert read_only.status_code == 403 and read_only.json()["code"] == "scope_missing"
    assert not Position.objects.exclude(exemption=None).exists()
