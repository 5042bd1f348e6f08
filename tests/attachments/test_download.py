"""/files/<uuid>/ and its inline preview: only for those who may see what the file belongs to; everyone
else gets the same 404 as for a file that does not exist."""

import uuid

import pytest
from django.core.files.storage import default_storage
from django.urls import reverse

from attachments import purposes, services
from audit.models import AuditEntry
from tests import factories
from tests.attachments.files import image_bytes, pdf_bytes, upload

LICENCE_NAME = "营业执照.png"
ENCODED_NAME = "%E8%90%A5%E4%B8%9A%E6%89%A7%E7%85%A7.png"


@pytest.fixture
def licence(admin_a, enterprise_a):
    return services.store_upload(
        purpose="business_licence", uploaded_file=upload(LICENCE_NAME, image_bytes("PNG")), actor=admin_a,
        owner_org=enterprise_a,
    )


@pytest.fixture
def staff(db):
    return factories.UserFactory(kind="platform", is_staff=True, organisation=None, username="platform")


def fetch(client, user, attachment, name="attachments:download"):
    client.force_login(user)
    return client.get(reverse(name, args=[attachment.pk]))


@pytest.mark.parametrize(
    "persona", ["admin_a", "member_a", "county_reviewer_a", "city_reviewer", "province_reviewer", "staff"]
)
def test_allowed_users_download_the_file_under_its_original_name(client, request, licence, persona):
    response = fetch(client, request.getfixturevalue(persona), licence)

    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f"attachment; filename*=utf-8''{ENCODED_NAME}"
    assert response["Content-Length"] == str(licence.size)
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert b"".join(response.streaming_content) == image_bytes("PNG")


@pytest.mark.parametrize("persona", ["admin_b", "county_reviewer_b", "school_admin", "student", "outsider"])
@pytest.mark.parametrize("view", ["attachments:download", "attachments:preview"])
def test_everyone_else_gets_404(client, request, licence, persona, view):
    response = fetch(client, request.getfixturevalue(persona), licence, view)
    assert response.status_code == 404
    assert not AuditEntry.objects.filter(action="attachments.download").exists()


def test_an_inactive_member_gets_404(client, licence, member_a):
    member_a.is_active = False
    member_a.save()
    client.force_login(member_a)
    # A deactivated account is signed out on its next request.
    assert client.get(reverse("attachments:download", args=[licence.pk])).status_code == 302


def test_a_file_that_does_not_exist_is_404(client, admin_a):
    client.force_login(admin_a)
    assert client.get(reverse("attachments:download", args=[uuid.uuid4()])).status_code == 404
    assert client.get(reverse("attachments:preview", args=[uuid.uuid4()])).status_code == 404


def test_a_file_lost_from_storage_is_404(client, admin_a, licence):
    default_storage.delete(licence.file.name)
    assert fetch(client, admin_a, licence).status_code == 404


def test_anonymous_users_are_sent_to_sign_in(client, licence):
    response = client.get(reverse("attachments:download", args=[licence.pk]))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_downloads_are_recorded(client, county_reviewer_a, licence):
    fetch(client, county_reviewer_a, licence)
    entry = AuditEntry.objects.get(action="attachments.download")
    assert entry.actor == county_reviewer_a
    assert entry.target_id == str(licence.pk)


def test_images_preview_inline(client, county_reviewer_a, licence):
    response = fetch(client, county_reviewer_a, licence, "attachments:preview")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    assert response["Content-Disposition"] == f"inline; filename*=utf-8''{ENCODED_NAME}"
    assert "sandbox" in response["Content-Security-Policy"]
    assert b"".join(response.streaming_content) == image_bytes("PNG")


def test_an_ascii_name_uses_the_plain_filename_parameter(client, admin_a, enterprise_a):
    attachment = services.store_upload(
        purpose="business_licence", uploaded_file=upload("licence.jpg", image_bytes("JPEG")), actor=admin_a,
        owner_org=enterprise_a,
    )
    response = fetch(client, admin_a, attachment)
    assert response["Content-Disposition"] == 'attachment; filename="licence.jpg"'
    assert response["Content-Type"] == "image/jpeg"


@pytest.fixture
def agreement_purpose():
    """A purpose another app would register: a PDF or image, visible only to the uploader's school."""

    def school_only(user, attachment):
        return user.organisation_id is not None and user.organisation.kind == "school"

    purposes.register_purpose(
        "test_agreement", label="见习协议", allowed={"pdf", "jpeg"}, max_bytes=4 * 1024 * 1024, can_view=school_only
    )
    yield "test_agreement"
    purposes._purposes.pop("test_agreement")


def test_a_purpose_decides_who_sees_its_files(client, agreement_purpose, admin_a, enterprise_a, school_admin):
    attachment = services.store_upload(
        purpose=agreement_purpose, uploaded_file=upload("协议.pdf", pdf_bytes()), actor=admin_a,
        owner_org=enterprise_a,
    )
    assert attachment.content_type == "application/pdf"
    assert fetch(client, school_admin, attachment).status_code == 200
    # The owner organisation itself is not on this purpose's list.
    assert fetch(client, admin_a, attachment).status_code == 404


def test_a_pdf_previews_inline_in_a_same_origin_frame(client, agreement_purpose, admin_a, enterprise_a,
                                                        school_admin):
    """Review pages show an uploaded scan beside the generated document, so PDFs open inline in a frame of
    this site (and only this site); who may see it is unchanged."""
    attachment = services.store_upload(
        purpose=agreement_purpose, uploaded_file=upload("协议.pdf", pdf_bytes()), actor=admin_a,
        owner_org=enterprise_a,
    )
    response = fetch(client, school_admin, attachment, "attachments:preview")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"].startswith("inline")
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert fetch(client, admin_a, attachment, "attachments:preview").status_code == 404


def test_a_purpose_mentions_all_its_types_in_messages(agreement_purpose, admin_a, enterprise_a):
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError) as caught:
        services.store_upload(
            purpose=agreement_purpose, uploaded_file=upload("a.pdf", image_bytes("PNG")), actor=admin_a,
            owner_org=enterprise_a,
        )
    assert caught.value.messages == ["文件类型不符：见习协议须为 JPG 或 PDF 文件，上传的文件实际是 PNG"]


def test_files_of_a_retired_purpose_fall_back_to_the_organisation_rule(client, licence, admin_a, admin_b):
    type(licence).objects.filter(pk=licence.pk).update(purpose="retired_purpose")
    assert fetch(client, admin_a, licence).status_code == 200
    assert fetch(client, admin_b, licence).status_code == 404


def test_a_personal_upload_is_visible_to_its_uploader_and_staff_only(client, student, outsider, staff):
    attachment = services.store_upload(
        purpose="business_licence", uploaded_file=upload("a.png", image_bytes("PNG")), actor=student, owner_org=None
    )
    assert fetch(client, student, attachment).status_code == 200
    assert fetch(client, staff, attachment).status_code == 200
    assert fetch(client, outsider, attachment).status_code == 404


def test_registering_unknown_kinds_is_refused():
    with pytest.raises(ValueError):
        purposes.register_purpose("x", label="x", allowed={"exe"}, max_bytes=10)
