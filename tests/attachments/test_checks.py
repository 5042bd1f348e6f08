"""Uploads are judged by their content and size, through the form field other apps use."""

import pytest
from django import forms

from attachments.forms import AttachmentField
from attachments.models import Attachment
from attachments.validation import format_size
from tests.attachments.files import image_bytes, pdf_bytes, upload


class LicenceForm(forms.Form):
    business_licence = AttachmentField(purpose="business_licence")


def errors_for(uploaded) -> list[str]:
    form = LicenceForm(data={}, files={"business_licence": uploaded})
    assert not form.is_valid()
    return form.errors["business_licence"]


@pytest.mark.parametrize("fmt", ["PNG", "JPEG", "GIF", "BMP"])
def test_each_image_type_is_accepted_whatever_its_name(fmt):
    uploaded = upload("scan.dat", image_bytes(fmt))
    form = LicenceForm(data={}, files={"business_licence": uploaded})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["business_licence"] is uploaded


def test_the_form_field_stores_nothing(db):
    form = LicenceForm(data={}, files={"business_licence": upload("a.png", image_bytes("PNG"))})
    assert form.is_valid()
    assert Attachment.objects.count() == 0


def test_a_pdf_named_like_an_image_is_refused():
    assert errors_for(upload("营业执照.jpg", pdf_bytes(), "image/jpeg")) == [
        "文件类型不符：营业执照须为 JPG、PNG、GIF 或 BMP 图片，上传的文件实际是 PDF"
    ]


def test_a_webp_image_is_not_among_the_allowed_types():
    assert errors_for(upload("a.png", image_bytes("WEBP"))) == [
        "文件类型不符：营业执照须为 JPG、PNG、GIF 或 BMP 图片，上传的文件实际是 WEBP"
    ]


def test_an_unrecognisable_file_is_refused():
    assert errors_for(upload("a.png", b"just some text, not a picture")) == [
        "文件类型不符：营业执照须为 JPG、PNG、GIF 或 BMP 图片，上传的文件不是可识别的图片或文档"
    ]


def test_another_known_type_is_named():
    zip_bytes = b"PK\x03\x04" + b"\x00" * 60
    assert errors_for(upload("a.png", zip_bytes)) == [
        "文件类型不符：营业执照须为 JPG、PNG、GIF 或 BMP 图片，上传的文件实际是 ZIP"
    ]


def test_a_too_large_file_is_refused_with_both_sizes():
    assert errors_for(upload("big.png", b"\x89PNG" + b"\x00" * (int(1.2 * 1024 * 1024) - 4))) == [
        "文件过大：营业执照不超过 200 KB，上传的文件为 1.2 MB"
    ]


def test_a_file_just_over_the_limit_does_not_read_as_the_limit():
    assert errors_for(upload("big.png", b"\x00" * (200 * 1024 + 1))) == [
        "文件过大：营业执照不超过 200 KB，上传的文件为 200.1 KB"
    ]


def test_exactly_the_limit_passes_the_size_check():
    content = image_bytes("BMP", size=(200, 200))  # an uncompressed bitmap, padded to the limit
    content = content + b"\x00" * (200 * 1024 - len(content))
    form = LicenceForm(data={}, files={"business_licence": upload("a.bmp", content)})
    assert form.is_valid(), form.errors


def test_a_truncated_image_is_refused():
    content = image_bytes("PNG", size=(300, 300))
    assert errors_for(upload("a.png", content[: len(content) // 3])) == [
        "文件已损坏：营业执照无法作为 PNG 图片打开，请重新扫描或拍照后上传"
    ]


def test_an_image_with_a_bomb_pixel_count_is_refused(settings, monkeypatch):
    from PIL import Image

    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1000)
    assert errors_for(upload("a.png", image_bytes("PNG", size=(100, 100)))) == [
        "图片尺寸过大：营业执照的像素数超出允许范围"
    ]


def test_an_empty_file_is_refused():
    assert errors_for(upload("a.png", b"")) == ["文件为空：请选择要上传的营业执照"]


def test_the_field_is_required_unless_told_otherwise():
    form = LicenceForm(data={}, files={})
    assert not form.is_valid()
    assert form.errors["business_licence"] == ["请上传营业执照"]


def test_the_field_tells_the_user_the_rules_and_limits_the_picker():
    html = str(LicenceForm()["business_licence"])
    assert 'accept="image/jpeg,image/png,image/gif,image/bmp"' in html
    field = LicenceForm().fields["business_licence"]
    assert field.label == "营业执照"
    assert str(field.help_text) == "JPG、PNG、GIF 或 BMP 图片，不超过 200 KB"


@pytest.mark.parametrize(
    "size, round_up, expected",
    [(512, False, "512 字节"), (200 * 1024, False, "200 KB"), (1536, False, "1.5 KB"),
     (4 * 1024 * 1024, False, "4 MB"), (1258291, True, "1.2 MB"), (204801, True, "200.1 KB")],
)
def test_format_size(size, round_up, expected):
    assert format_size(size, round_up=round_up) == expected
