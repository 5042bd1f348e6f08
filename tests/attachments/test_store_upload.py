import hashlib

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.utils import timezone

from attachments import services
from attachments.models import Attachment
from audit.models import AuditEntry
from tests.attachments.files import image_bytes, pdf_bytes, png_upload, upload


def test_stores_the_file_through_storage_with_its_facts(admin_a, enterprise_a):
    content = image_bytes("PNG")

    attachment = services.store_upload(
        purpose="business_licence", uploaded_file=upload("营业执照.png", content), actor=admin_a, owner_org=enterprise_a
    )

    attachment.refresh_from_db()
    assert attachment.purpose == "business_licence"
    assert attachment.original_name == "营业执照.png"
    assert attachment.content_type == "image/png"
    assert attachment.size == len(content)
    assert attachment.sha256 == hashlib.sha256(content).hexdigest()
    assert attachment.owner_org == enterprise_a
    assert attachment.uploaded_by == admin_a
    now = timezone.now()
    # The stored name never contains the user's file name.
    assert attachment.file.name == f"attachments/business_licence/{now:%Y/%m}/{attachment.id.hex}"
    with default_storage.open(attachment.file.name, "rb") as handle:
        assert handle.read() == content


def test_the_upload_is_recorded_in_the_audit_log(admin_a, enterprise_a):
    attachment = services.store_upload(
        purpose="business_licence", uploaded_file=png_upload(), actor=admin_a, owner_org=enterprise_a
    )
    entry = AuditEntry.objects.get(action="attachments.upload")
    assert entry.actor == admin_a
    assert entry.actor_org == enterprise_a
    assert entry.target_type == "attachments.Attachment"
    assert entry.target_id == str(attachment.pk)
    assert entry.target_repr == "营业执照：营业执照.png"
    assert entry.after == {
        "purpose": "business_licence",
        "original_name": "营业执照.png",
        "content_type": "image/png",
        "size": attachment.size,
        "sha256": attachment.sha256,
        "owner_org": enterprise_a.pk,
    }


@pytest.mark.parametrize(
    "given, content, expected",
    [
        ("../../etc/营业执照.PNG", image_bytes("PNG"), "营业执照.PNG"),
        ("C:\\Users\\王\\桌面\\执照.jpeg", image_bytes("JPEG"), "执照.jpeg"),
        ("licence.pdf", image_bytes("PNG"), "licence.png"),
        ("licence.html", image_bytes("GIF"), "licence.gif"),
        ("营业执照", image_bytes("BMP"), "营业执照.bmp"),
    ],
)
def test_the_original_name_is_cleaned_and_ends_in_the_real_type(admin_a, enterprise_a, given, content, expected):
    attachment = services.store_upload(
        purpose="business_licence", uploaded_file=upload(given, content), actor=admin_a, owner_org=enterprise_a
    )
    assert attachment.original_name == expected


def test_a_missing_name_gets_a_generic_one():
    assert services.clean_original_name("", "jpg") == "附件.jpg"
    assert services.clean_original_name("/", "pdf") == "附件.pdf"


def test_a_refused_upload_leaves_nothing_behind(admin_a, enterprise_a, settings, tmp_path):
    with pytest.raises(ValidationError) as caught:
        services.store_upload(
            purpose="business_licence", uploaded_file=upload("a.png", pdf_bytes()), actor=admin_a,
            owner_org=enterprise_a,
        )
    assert caught.value.messages == ["文件类型不符：营业执照须为 JPG、PNG、GIF 或 BMP 图片，上传的文件实际是 PDF"]
    assert Attachment.objects.count() == 0
    assert AuditEntry.objects.count() == 0
    assert not (tmp_path / "media").exists() or not any((tmp_path / "media").rglob("*.*"))


def test_a_failure_after_saving_removes_the_stored_file(admin_a, enterprise_a, monkeypatch, tmp_path):
    def broken_record(**kwargs):
        raise RuntimeError("audit unavailable")

    monkeypatch.setattr(services, "record", broken_record)
    with pytest.raises(RuntimeError):
        services.store_upload(
            purpose="business_licence", uploaded_file=png_upload(), actor=admin_a, owner_org=enterprise_a
        )
    assert Attachment.objects.count() == 0
    media = tmp_path / "media"
    assert [path for path in media.rglob("*") if path.is_file()] == []


def test_an_unknown_purpose_is_a_programming_error(admin_a, enterprise_a):
    with pytest.raises(LookupError):
        services.store_upload(purpose="nonsense", uploaded_file=png_upload(), actor=admin_a, owner_org=enterprise_a)


def test_any_storage_backend_works(admin_a, enterprise_a, settings, client):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"}}
    content = image_bytes("PNG")

    attachment = services.store_upload(
        purpose="business_licence", uploaded_file=upload("a.png", content), actor=admin_a, owner_org=enterprise_a
    )

    client.force_login(admin_a)
    response = client.get(f"/files/{attachment.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
