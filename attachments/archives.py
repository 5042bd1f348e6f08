"""A .zip of uploads (e.g. one agreement scan per person), read within fixed bounds.

Nothing is extracted to disk under the member's name: a member is read into a spooled temporary file (memory up
to SPOOL_BYTES, then an unlinked temporary file) and handed to the caller as an UploadedFile, which then goes
through attachments.services.store_upload like any single upload (the purpose's types, size and content checks).

The whole archive is refused (ValidationError, Chinese) when it is not a zip, is too large, or announces too many
entries: checked from the end-of-central-directory record before zipfile builds an object per entry. Each member
is refused on its own, with a Chinese reason, for a path (sub-folder, "..", absolute), encryption, an unusual
compression method, a declared size above the per-file limit, a suspicious compression ratio, or a stream that
unpacks to more than it declared or fails its CRC; the sizes are counted while reading, whatever the directory
says, and the decompressed total of the archive is capped too.
"""

import tempfile
import zipfile
import zlib
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.utils.translation import gettext as _

from attachments.validation import format_size
from core.zipfiles import announced_entries

MAX_ARCHIVE_BYTES = 50 * 1024 * 1024
MAX_ENTRIES = 100
MAX_TOTAL_BYTES = 120 * 1024 * 1024  # decompressed, all members together
MAX_RATIO = 100  # decompressed / compressed; scans (PDF, JPG, PNG) barely compress
RATIO_FREE_BYTES = 1024 * 1024  # small members may compress well (a blank page) without suspicion
SPOOL_BYTES = 1024 * 1024
READ_CHUNK = 64 * 1024
_ALLOWED_METHODS = (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED)
_READ_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, NotImplementedError, ValueError, OSError)
# What file managers add by themselves; not the user's files, so skipped without a word.
_SYSTEM_NAMES = ("__MACOSX/", ".DS_Store", "Thumbs.db", "desktop.ini")


@dataclass(frozen=True)
class ArchiveLimits:
    max_archive_bytes: int = MAX_ARCHIVE_BYTES
    max_entries: int = MAX_ENTRIES
    max_total_bytes: int = MAX_TOTAL_BYTES
    max_member_bytes: int = 10 * 1024 * 1024
    max_ratio: int = MAX_RATIO
    ratio_free_bytes: int = RATIO_FREE_BYTES


@dataclass
class Entry:
    """One member of the archive: its name as the user wrote it (folders included) and, when the directory
    alone already refuses it, why."""

    name: str
    info: zipfile.ZipInfo
    problem: str = ""

    @property
    def file_name(self) -> str:
        return self.name.replace("\\", "/").rsplit("/", 1)[-1]


def _decoded_name(info: zipfile.ZipInfo) -> str:
    """Windows' built-in zip writes names in the local code page (GBK in China) without the UTF-8 flag, which
    zipfile then reads as CP437: undo that so the user sees the name they gave."""
    if info.flag_bits & 0x800:
        return info.filename
    try:
        return info.filename.encode("cp437").decode("gbk")
    except (UnicodeEncodeError, UnicodeDecodeError):
        return info.filename




class ScanArchive:
    """Use as a context manager; `entries` lists the members (directories and system files left out) and
    `read(entry)` returns one as an UploadedFile or raises ValidationError with the reason."""

    def __init__(self, uploaded_file, limits: ArchiveLimits):
        self.limits = limits
        self.total_read = 0
        not_zip = ValidationError(_("上传的文件不是 zip 压缩包，请将扫描件打包为 .zip 后上传"), code="not_zip")
        if uploaded_file.size > limits.max_archive_bytes:
            raise ValidationError(
                _("压缩包过大：不超过 %(limit)s，上传的文件为 %(size)s，请分成几个压缩包上传")
                % {"limit": format_size(limits.max_archive_bytes),
                   "size": format_size(uploaded_file.size, round_up=True)},
                code="too_large")
        uploaded_file.seek(0)
        if uploaded_file.read(4) not in (b"PK\x03\x04", b"PK\x05\x06"):
            raise not_zip
        count = announced_entries(uploaded_file)
        if count is None:
            raise not_zip
        if count > limits.max_entries:  # 0xFFFF (a ZIP64 count) included
            raise ValidationError(_("压缩包内文件过多（%(count)d 个），一次最多 %(max)d 个，请分成几个压缩包上传")
                                  % {"count": count, "max": limits.max_entries}, code="too_many")
        try:
            self.archive = zipfile.ZipFile(uploaded_file)
        except (zipfile.BadZipFile, zlib.error, ValueError, OSError, EOFError):
            raise not_zip from None
        infos = self.archive.infolist()
        if len(infos) > limits.max_entries:
            self.archive.close()
            raise ValidationError(_("压缩包内文件过多（%(count)d 个），一次最多 %(max)d 个，请分成几个压缩包上传")
                                  % {"count": len(infos), "max": limits.max_entries}, code="too_many")
        self.entries = [self._entry(info) for info in infos
                        if not info.is_dir() and not any(part in info.filename for part in _SYSTEM_NAMES)]

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.archive.close()

    def _entry(self, info: zipfile.ZipInfo) -> Entry:
        name = _decoded_name(info)
        entry = Entry(name=name, info=info)
        normalised = name.replace("\\", "/")
        limits = self.limits
        if (normalised.startswith("/") or ".." in normalised.split("/") or (len(name) > 1 and name[1] == ":")
                or "\x00" in name):
            entry.problem = _("文件路径不安全（绝对路径或含“..”），已拒绝")
        elif "/" in normalised:
            entry.problem = _("文件位于子文件夹中，请将扫描件直接放在压缩包的第一层")
        elif info.flag_bits & 0x1:
            entry.problem = _("文件已加密，请去掉密码后重新打包")
        elif info.compress_type not in _ALLOWED_METHODS:
            entry.problem = _("不支持的压缩方式，请用常用的压缩工具重新打包为 zip")
        elif info.file_size > limits.max_member_bytes:
            entry.problem = _("文件过大：单个文件不超过 %(limit)s，该文件解压后为 %(size)s") % {
                "limit": format_size(limits.max_member_bytes), "size": format_size(info.file_size, round_up=True)}
        elif info.file_size > limits.ratio_free_bytes and info.file_size > limits.max_ratio * max(
                info.compress_size, 1):
            entry.problem = _("文件压缩比异常（解压后是压缩大小的 %(ratio)d 倍以上），疑似恶意文件，已拒绝") % {
                "ratio": limits.max_ratio}
        elif not info.file_size:
            entry.problem = _("文件为空")
        return entry

    def read(self, entry: Entry) -> UploadedFile:
        """The member's content, counted as it is decompressed: more than it declared, more than one file may
        be, or more than the archive's remaining budget is refused without reading further."""
        if entry.problem:
            raise ValidationError(entry.problem, code="refused")
        limits = self.limits
        declared = entry.info.file_size
        if self.total_read + declared > limits.max_total_bytes:
            raise ValidationError(_("压缩包解压后总大小超过 %(limit)s，该文件未处理，请分成几个压缩包上传")
                                  % {"limit": format_size(limits.max_total_bytes)}, code="total")
        # Handed to the caller open (as the UploadedFile's file), so not a context manager here.
        spool = tempfile.SpooledTemporaryFile(max_size=SPOOL_BYTES)  # noqa: SIM115
        size = 0
        try:
            with self.archive.open(entry.info) as member:
                while chunk := member.read(READ_CHUNK):
                    size += len(chunk)
                    if size > declared or size > limits.max_member_bytes:
                        raise ValidationError(_("文件解压后的实际大小与记录不符，疑似恶意文件，已拒绝"), code="size")
                    spool.write(chunk)
        except ValidationError:
            spool.close()
            raise
        except _READ_ERRORS:
            spool.close()
            raise ValidationError(_("文件已损坏，无法解压"), code="broken") from None
        self.total_read += size
        spool.seek(0)
        return UploadedFile(file=spool, name=entry.file_name, content_type="application/octet-stream", size=size)
