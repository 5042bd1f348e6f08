"""attachments.archives: a zip of scans read within bounds, each refused member with its Chinese reason."""

import io
import struct
import zipfile

import pytest
from django.core.exceptions import ValidationError

from attachments.archives import ArchiveLimits, ScanArchive
from tests.attachments.files import pdf_bytes, upload

LIMITS = ArchiveLimits(max_member_bytes=10 * 1024 * 1024)


def zip_bytes(members: dict, compression=zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def patch_central(data: bytes, offset: int, fmt: str, value) -> bytes:
    """Overwrite one field of the (first) central directory entry: what a hand-made hostile zip declares."""
    at = data.rfind(b"PK\x01\x02")
    size = struct.calcsize(fmt)
    return data[:at + offset] + struct.pack(fmt, value) + data[at + offset + size:]


def reasons(data: bytes, limits=LIMITS) -> list[tuple[str, str]]:
    result = []
    with ScanArchive(upload("a.zip", data), limits) as archive:
        for entry in archive.entries:
            try:
                content = archive.read(entry)
            except ValidationError as error:
                result.append((entry.name, error.messages[0]))
            else:
                result.append((entry.name, f"OK {content.size}"))
    return result


def test_good_members_are_read_and_system_files_skipped():
    data = zip_bytes({"a.pdf": pdf_bytes(), "__MACOSX/._a.pdf": b"x", ".DS_Store": b"x", "dir/": b""})
    assert reasons(data) == [("a.pdf", f"OK {len(pdf_bytes())}")]


def test_a_member_that_unpacks_to_more_than_it_declares_is_refused():
    # 2 MB of zeros declared as 1,000 bytes: reading stops at the declared size and the CRC fails.
    data = patch_central(zip_bytes({"a.pdf": bytes(2 * 1024 * 1024)}), 24, "<I", 1000)
    assert reasons(data) == [("a.pdf", "文件已损坏，无法解压")]


def test_a_suspicious_ratio_and_the_archive_total_are_bounded():
    assert reasons(zip_bytes({"a.pdf": bytes(5 * 1024 * 1024)})) == [
        ("a.pdf", "文件压缩比异常（解压后是压缩大小的 100 倍以上），疑似恶意文件，已拒绝")]
    small = ArchiveLimits(max_member_bytes=1000, max_total_bytes=1500, max_ratio=1000)
    assert reasons(zip_bytes({"a.pdf": b"1" * 900, "b.pdf": b"2" * 900}), small) == [
        ("a.pdf", "OK 900"), ("b.pdf", "压缩包解压后总大小超过 1.5 KB，该文件未处理，请分成几个压缩包上传")]


def test_encrypted_members_and_unusual_compression_are_refused():
    encrypted = patch_central(zip_bytes({"a.pdf": pdf_bytes()}), 8, "<H", 0x1)
    assert reasons(encrypted) == [("a.pdf", "文件已加密，请去掉密码后重新打包")]
    assert reasons(zip_bytes({"a.pdf": pdf_bytes()}, zipfile.ZIP_BZIP2)) == [
        ("a.pdf", "不支持的压缩方式，请用常用的压缩工具重新打包为 zip")]


def test_names_from_windows_zip_are_read_as_gbk_and_unsafe_paths_refused():
    # Windows' own zip writes the GBK bytes of the name without the UTF-8 flag.
    gbk = "协议.pdf".encode("gbk")
    data = zip_bytes({"abcd.pdf": pdf_bytes(), "/etc/passwd": b"x", "C:\\temp\\a.pdf": b"x"})
    data = data.replace(b"abcd.pdf", gbk)
    assert [name for name, _reason in reasons(data)] == ["协议.pdf", "/etc/passwd", "C:\\temp\\a.pdf"]
    assert [reason for _name, reason in reasons(data)][1:] == [
        "文件路径不安全（绝对路径或含“..”），已拒绝"] * 2


@pytest.mark.parametrize(("data", "message"), [
    (b"%PDF-1.4", "上传的文件不是 zip 压缩包，请将扫描件打包为 .zip 后上传"),
    (b"PK\x03\x04broken", "上传的文件不是 zip 压缩包，请将扫描件打包为 .zip 后上传"),
    (b"PK\x05\x06" + b"\x00" * 6 + struct.pack("<H", 0xFFFF) + b"\x00" * 10,
     "压缩包内文件过多（65535 个），一次最多 100 个，请分成几个压缩包上传"),
])
def test_the_whole_archive_is_refused(data, message):
    with pytest.raises(ValidationError) as raised:
        ScanArchive(upload("a.zip", data), LIMITS)
    assert raised.value.messages == [message]


def test_an_archive_above_the_size_limit_is_refused_unread():
    with pytest.raises(ValidationError) as raised:
        ScanArchive(upload("a.zip", zip_bytes({"a.pdf": pdf_bytes()})), ArchiveLimits(max_archive_bytes=100))
    assert raised.value.messages[0].startswith("压缩包过大：不超过 100 字节")
