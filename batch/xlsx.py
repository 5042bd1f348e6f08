"""A streaming .xlsx reader whose memory does not grow with the file.

python-calamine decodes the whole sheet before the first row is handed out, and both it and its streaming fork
python-calamine-plus keep the whole shared-strings table in memory. A roster's names, ID numbers and mobiles
are nearly all distinct, so the table grows with the file. Here:

- the sheet XML is fed 64 KB at a time from the zip member to the standard library's C parser
  (ElementTree.XMLPullParser), and finished rows are detached from the tree as they are read (ChildStream);
- the shared-strings table is parsed the same way, lazily and in step with the sheet (Excel writes strings
  in order of first use), into an unlinked temporary file of UTF-8 text plus one of 8-byte end offsets.
  The last few thousand strings parsed stay in memory (nearly every lookup is one of them); any other is
  read back with two `pread`s behind a small bounded cache.

Cells come back as calamine gives them: str, float, bool, datetime.date / datetime.datetime / datetime.time,
and "" for an empty or missing cell.
"""

import datetime
import functools
import os
import posixpath
import re
import tempfile
import xml.etree.ElementTree as ET
import xml.parsers.expat as expat
import zipfile
import zlib
from array import array
from collections.abc import Iterator

from django.utils.translation import gettext as _

from core.zipfiles import announced_entries

MAIN_NS = "{http://schemas.openxmlformats.org/spreadsheetml/2006/main}"
REL_NS = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}"
PKG_REL_NS = "{http://schemas.openxmlformats.org/package/2006/relationships}"
ROW, CELL, VALUE, INLINE, TEXT, RUN = (MAIN_NS + tag for tag in ("row", "c", "v", "is", "t", "r"))
SHEET_DATA = MAIN_NS + "sheetData"

# Bounds on what a hostile file can make the reader hold or do; each refusal has a Chinese reason (XlsxLimit).
# An upload is at most 20 MB, which as a real workbook unpacks to roughly 150 MB; far more is a zip bomb.
MAX_MEMBER_BYTES = 512 * 1024 * 1024  # the worksheet or shared strings, decompressed (streamed)
MAX_PART_BYTES = 16 * 1024 * 1024  # workbook.xml, styles.xml, .rels: parsed whole, so kept small
MAX_RATIO = 200  # decompressed / compressed, for members above RATIO_FREE_BYTES (real sheets: 5–50)
RATIO_FREE_BYTES = 16 * 1024 * 1024
MAX_ARCHIVE_MEMBERS = 10_000  # a workbook has a few dozen; each costs a ZipInfo before anything is read
MAX_COLUMNS = 16_384  # Excel's last column, XFD
MAX_ROW_NUMBER = 1_048_576  # Excel's last row
MAX_CELL_CHARS = 32_767  # Excel's limit for one cell's text
# XML of one row (or one shared string) still open: the tree holds it until it ends. A real row of the widest
# template is a few KB; Excel's 16,384 columns of short values stay under 1 MB.
MAX_CHILD_BYTES = 2 * 1024 * 1024
MAX_PREAMBLE_BYTES = 16 * 1024 * 1024  # XML before <sheetData> / the first shared string

# Built-in number formats that show a date or time: 14–22 and 45–47 everywhere, 27–36 and 50–58 in the
# Chinese, Japanese and Korean locales (Excel in zh-CN saves "yyyy年m月d日" as 31, for example).
BUILTIN_DATE_FORMATS = frozenset([*range(14, 23), *range(27, 37), *range(45, 48), *range(50, 59)])
BUILTIN_TIME_ONLY = frozenset([18, 19, 20, 21, 45, 46, 47])
_QUOTED_OR_BRACKETED = re.compile(r'"[^"]*"|\[[^\]]*\]|\\.|_.|\*.')
_ESCAPED_CHAR = re.compile(r"_x([0-9A-Fa-f]{4})_")
_DIMENSION = re.compile(rb'<(?:\w+:)?dimension\s+ref="([A-Z]+)?(\d+)?(?::[A-Z]+(\d+))?"')
STRING_CACHE_SIZE = 4096
WINDOW_SIZE = 8192  # shared strings kept in memory behind the parse position (twice this at most)
MAX_WINDOW_CHARS = 4 * 1024 * 1024  # ... and at most this many characters of them


# What a damaged or hostile file raises while being read (a bad zip, a broken deflate stream, XML that does not
# parse, an unsupported zip compression, a number that is not one).
READ_ERRORS = (zipfile.BadZipFile, zlib.error, NotImplementedError, ET.ParseError, expat.ExpatError, KeyError,
               ValueError, EOFError, OverflowError)


class XlsxProblem(Exception):
    """The file is not a readable workbook; the message is for the log, the caller shows its own."""


class XlsxLimit(XlsxProblem):
    """The file exceeds one of the bounds above; the message, in Chinese, is shown to the user as it is."""


class UnreadableCell(str):
    """A cell whose value cannot be converted (a number that is not one, a date out of range, a formula
    error): its raw text, and why. The reader makes it that row's error; the rest of the file goes on."""

    reason = ""

    def __new__(cls, text: str, reason: str):
        cell = super().__new__(cls, text[:200])
        cell.reason = reason
        return cell


def _mb(size: int) -> int:
    return size // (1024 * 1024)


def check_archive(archive: zipfile.ZipFile) -> None:
    """Refuse members that would unpack to far more than a real workbook, from the sizes in the central
    directory (a member cannot unpack to more than its recorded size: zipfile stops there and checks the CRC)."""
    for info in archive.infolist():
        if info.file_size > MAX_MEMBER_BYTES:
            raise XlsxLimit(_("文件解压后过大（%(part)s 超过 %(mb)d MB），请分成几个文件导入")
                            % {"part": info.filename[:60], "mb": _mb(MAX_MEMBER_BYTES)})
        if info.file_size > RATIO_FREE_BYTES and info.file_size > MAX_RATIO * max(info.compress_size, 1):
            raise XlsxLimit(
                _("文件压缩比异常（%(part)s 解压后是压缩大小的 %(ratio)d 倍以上），疑似恶意文件，已拒绝导入")
                % {"part": info.filename[:60], "ratio": MAX_RATIO})


def check_member_count(fileobj) -> None:
    """Refuse a zip whose end-of-central-directory record announces more members than a workbook has, before
    zipfile builds an object for each of them."""
    count = announced_entries(fileobj)
    if count is not None and count > MAX_ARCHIVE_MEMBERS:  # 0xFFFF (ZIP64) included: no workbook is that large
        raise XlsxLimit(_("文件包含的部件过多（%(count)d 个），不是有效的 Excel 表格") % {"count": count})


def column_index(reference: str) -> int:
    """'A1' -> 0, 'AB12' -> 27; refuses a reference beyond Excel's last column (XFD) or not a reference at all,
    such as 'ZZZZZZZZZZZZ2', which would otherwise make the row billions of cells wide."""
    letters = reference.rstrip("0123456789")
    index = _COLUMN_INDEXES.get(letters)
    if index is None:
        if not 0 < len(letters) <= 3 or not letters.isascii() or not letters.isalpha():
            raise XlsxLimit(_("单元格位置“%(cell)s”无效或超出 Excel 的最大列（XFD），不是有效的 Excel 表格")
                            % {"cell": reference[:20]})
        index = -1
        for char in letters.upper():
            index = (index + 1) * 26 + ord(char) - 65
        if index >= MAX_COLUMNS:
            raise XlsxLimit(_("单元格位置“%(cell)s”超出 Excel 的最大列（XFD），不是有效的 Excel 表格")
                            % {"cell": reference[:20]})
        _COLUMN_INDEXES[letters] = index  # at most 16,384 entries: the check above bounds the cache
    return index


_COLUMN_INDEXES: dict[str, int] = {}


def _unescape(text: str) -> str:
    # OOXML writes control characters as _xHHHH_ (e.g. a line break typed in a cell as _x000D_).
    return _ESCAPED_CHAR.sub(lambda match: chr(int(match.group(1), 16)), text) if "_x" in text else text


def is_date_format(code: str) -> bool:
    stripped = _QUOTED_OR_BRACKETED.sub("", code).lower()
    return any(char in stripped for char in "ymdhs") and "general" not in stripped


def is_time_only_format(code: str) -> bool:
    stripped = _QUOTED_OR_BRACKETED.sub("", code).lower()
    return not any(char in stripped for char in "yd") and ("h" in stripped or "s" in stripped)


class ChildStream:
    """The finished children of one container element (<sheetData>, <sst>), read 64 KB of XML at a time.

    Each batch is detached from the tree before it is handed out, so the tree never holds more than one
    chunk's worth of children. Only "start" events are asked for (to find the container); the rest are
    dropped in bulk, which is much cheaper than walking every cell's events in Python.
    """

    CHUNK = 1 << 16

    def __init__(self, member, container_tag: str):
        self._member = member
        self._tag = container_tag
        self._parser = ET.XMLPullParser(events=("start",))
        self._root = None
        self._container = None
        self.finished = False
        # Input fed since a child was last completed (or since the start, before the container): the tree
        # holds that much at most, so it is what bounds memory.
        self._unfinished_bytes = 0

    def _discard_events(self) -> None:
        queue = getattr(self._parser, "_events_queue", None)
        if queue is not None:
            queue.clear()
        else:
            for _event in self._parser.read_events():
                pass

    def _stop_events(self) -> None:
        """Once the container is found no event is needed: stop the C parser queueing one per element (about
        17 per row) only for them to be thrown away. Private API, hence the guard; without it they are
        discarded as before."""
        parser = getattr(self._parser, "_parser", None)
        queue = getattr(self._parser, "_events_queue", None)
        if queue is not None and hasattr(parser, "_setevents"):
            parser._setevents(queue, ())

    def next_children(self) -> list:
        """The children completed by the next chunk of input (possibly none); sets `finished` at the end."""
        chunk = self._member.read(self.CHUNK)
        if chunk:
            self._parser.feed(chunk)
            self._unfinished_bytes += len(chunk)
        else:
            self._parser.close()
            self.finished = True
        if self._container is None:
            for _event, element in self._parser.read_events():
                if self._root is None:
                    self._root = element
                if element.tag == self._tag:
                    self._container = element
                    self._unfinished_bytes = 0
                    self._stop_events()
                    break
        self._discard_events()
        container = self._container
        if container is None:
            if self._unfinished_bytes > MAX_PREAMBLE_BYTES:
                raise XlsxLimit(_("文件结构异常（表格数据之前的内容超过 %(mb)d MB），已拒绝导入")
                                % {"mb": _mb(MAX_PREAMBLE_BYTES)})
            return []
        root = self._root
        if not self.finished and root is not container and root is not None and root[-1] is not container:
            # The container has ended (an element after it has begun): every child is complete, and what
            # follows (merged cells, print settings) is not needed, so it is never read into the tree.
            self.finished = True
        # The last child may still be open unless the input has ended.
        count = len(container) - (0 if self.finished else 1)
        if count <= 0:
            if self._unfinished_bytes > MAX_CHILD_BYTES:
                raise XlsxLimit(_("文件中一行（或一个单元格）的内容超过 %(mb)d MB，不是有效的模板数据，已拒绝导入")
                                % {"mb": _mb(MAX_CHILD_BYTES)})
            return []
        self._unfinished_bytes = 0
        done = container[:count]
        del container[:count]
        return done


class SharedStrings:
    """The shared-strings table on disk, read in step with the sheet; index -> str."""

    def __init__(self, archive: zipfile.ZipFile, name: str | None):
        # Closed by close(); unlinked from the start, so nothing is left behind even if close() never runs.
        self._data = tempfile.TemporaryFile(prefix="praxis-sst-")  # noqa: SIM115
        self._ends = tempfile.TemporaryFile(prefix="praxis-sst-")  # noqa: SIM115
        self._written = 0  # bytes of text on disk
        self._pending = bytearray()  # text not yet written
        self._pending_ends = array("Q")  # end offsets not yet written
        self._flushed_count = 0  # strings whose end offset is on disk
        self.count = 0
        # The most recently parsed strings stay in memory too: a sheet uses its strings in about the order
        # they were written, so nearly every lookup is answered here without touching the files.
        self._window: list[str] = []
        self._window_start = 0
        self._window_chars = 0
        self._member = archive.open(name) if name else None
        self._stream = ChildStream(self._member, MAIN_NS + "sst") if name else None
        self._from_disk = functools.lru_cache(maxsize=STRING_CACHE_SIZE)(self._read)

    def _read_until(self, index: int) -> None:
        while self.count <= index and self._stream is not None:
            window = self._window
            for element in self._stream.next_children():
                if len(element) == 1 and element[0].tag == TEXT:  # nearly every string: one plain <t>
                    text = element[0].text or ""
                else:
                    parts = []
                    for child in element:
                        if child.tag == TEXT:
                            parts.append(child.text or "")
                        elif child.tag == RUN:
                            parts.append(child.findtext(TEXT) or "")
                        # phonetic runs (rPh) are reading aids for East Asian text, not part of the value
                    text = "".join(parts)
                if "_x" in text:
                    text = _unescape(text)
                if len(text) > MAX_CELL_CHARS:
                    raise XlsxLimit(_("文件中有超过 %(chars)d 个字符的单元格（Excel 的上限），不是有效的 Excel 表格")
                                    % {"chars": MAX_CELL_CHARS})
                self._append(text)
                window.append(text)
                self._window_chars += len(text)
            if len(window) > 2 * WINDOW_SIZE or self._window_chars > MAX_WINDOW_CHARS:
                drop = len(window) // 2
                self._window_chars -= sum(map(len, window[:drop]))
                del window[:drop]
                self._window_start += drop
            if self._stream.finished:
                self._stream = None

    def _append(self, text: str) -> None:
        self._pending += text.encode("utf-8")
        self._pending_ends.append(self._written + len(self._pending))
        self.count += 1
        if len(self._pending) >= 1 << 20 or len(self._pending_ends) >= 1 << 16:
            self._flush()

    def _flush(self) -> None:
        self._data.write(self._pending)
        self._written += len(self._pending)
        self._pending.clear()
        self._ends.write(self._pending_ends.tobytes())
        self._flushed_count += len(self._pending_ends)
        self._pending_ends = array("Q")
        self._data.flush()
        self._ends.flush()

    def _bounds(self, index: int) -> tuple[int, int]:
        """(start, end) byte offsets of string `index` in the text file."""
        flushed = self._flushed_count
        if index > flushed:
            return self._pending_ends[index - flushed - 1], self._pending_ends[index - flushed]
        if index == flushed:
            start = int.from_bytes(os.pread(self._ends.fileno(), 8, (index - 1) * 8), "little") if index else 0
            return start, self._pending_ends[0]
        if index == 0:
            return 0, int.from_bytes(os.pread(self._ends.fileno(), 8, 0), "little")
        pair = os.pread(self._ends.fileno(), 16, (index - 1) * 8)
        return int.from_bytes(pair[:8], "little"), int.from_bytes(pair[8:], "little")

    def get(self, index: int) -> str:
        if index >= self.count:
            self._read_until(index)
            if index >= self.count:
                raise XlsxProblem(f"shared string {index} missing")
        if index < 0:
            raise XlsxProblem(f"shared string {index} missing")
        offset = index - self._window_start
        if offset >= 0:
            return self._window[offset]
        return self._from_disk(index)

    def _read(self, index: int) -> str:
        start, end = self._bounds(index)
        if start >= self._written:
            return self._pending[start - self._written:end - self._written].decode("utf-8")
        if end > self._written:
            self._flush()
        return os.pread(self._data.fileno(), end - start, start).decode("utf-8")

    def close(self) -> None:
        if self._member is not None:
            self._member.close()
        self._data.close()
        self._ends.close()


def read_part(archive: zipfile.ZipFile, name: str) -> bytes:
    """A small part parsed whole (workbook, relationships, styles): refused past MAX_PART_BYTES unpacked."""
    if archive.getinfo(name).file_size > MAX_PART_BYTES:
        raise XlsxLimit(_("文件解压后过大（%(part)s 超过 %(mb)d MB），不是有效的 Excel 表格")
                        % {"part": name[:60], "mb": _mb(MAX_PART_BYTES)})
    return archive.read(name)


def _relationships(archive: zipfile.ZipFile, part: str) -> dict[str, tuple[str, str]]:
    """Id -> (type, absolute member name) for a part's .rels file."""
    folder, name = posixpath.split(part)
    rels_name = posixpath.join(folder, "_rels", name + ".rels")
    try:
        root = ET.fromstring(read_part(archive, rels_name))
    except KeyError:
        return {}
    result = {}
    for rel in root.iter(PKG_REL_NS + "Relationship"):
        target = rel.get("Target", "")
        target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join(folder, target))
        result[rel.get("Id", "")] = (rel.get("Type", ""), target)
    return result


# The row and cell shapes the fast path reads (batch.xlsx.XlsxSheet._fast_rows): what Excel, WPS, xlsxwriter
# and openpyxl write for text, numbers and dates. Attribute values and text exclude "<", "&" (entities) and
# "\r" (which XML turns into "\n"), so the text matched is the text the element tree would give.
_ATTRIBUTE = r' [A-Za-z_][\w.-]*(?::[A-Za-z_][\w.-]*)?="[^"<&>]*"'
_CELL_TEMPLATE = (r'<c r="{g}[A-Z]{{1,3}}){g}[0-9]{{1,7}})"(?: s="{g}[0-9]{{1,9}})")?(?: t="{g}[a-zA-Z]{{1,9}})")?'
                  r'(?:/>|>(?:<v>{g}[^<&\r]*)</v>|<is><t(?: xml:space="preserve")?>{g}[^<&\r]*)</t></is>)?</c>)')
_FAST_CELL = re.compile(_CELL_TEMPLATE.format(g="("), re.ASCII)
_FAST_ROW = re.compile(r'<row(?: r="([0-9]{1,7})")?((?:' + _ATTRIBUTE + r')*)(?:/>|>((?:'
                       + _CELL_TEMPLATE.format(g="(?:") + r')*)</row>)', re.ASCII)
_SHEET_DATA_NAME = MAIN_NS[1:-1] + "}sheetData"  # as expat names it with "}" as the namespace separator
_ELEMENT_START = re.compile(rb"<[A-Za-z_][^<>]*>")
_ENCODING = re.compile(rb'<\?xml[^>]*?encoding\s*=\s*["\']([^"\']*)["\']')


class _SheetScanner:
    """The worksheet XML fed through expat in the tree path's chunks and cut, after each chunk, into a region
    of the rows the tree path would hand out by then: every row begun except the last begun, or all of them
    once an element after <sheetData> has begun or the input has ended (ChildStream.next_children)."""

    def __init__(self, member):
        self._member = member
        self._parser = expat.ParserCreate(None, "}")  # as ElementTree.XMLParser creates it
        self._buffer = b""  # input not yet handed out as a region
        self._offset = 0  # where the buffer begins in the XML
        self._unfinished = 0
        self._depth = 0
        self._found = None  # (depth, byte offset) of the first <sheetData>

    def _on_start(self, name, _attributes) -> None:
        self._depth += 1
        if self._found is None and name == _SHEET_DATA_NAME:
            self._found = (self._depth, self._parser.CurrentByteIndex)

    def _on_end(self, _name) -> None:
        self._depth -= 1

    def start(self) -> bool:
        """Read up to <sheetData>; False if anything before it is not plain (then the tree path reads it)."""
        parser = self._parser
        parser.StartElementHandler, parser.EndElementHandler = self._on_start, self._on_end
        try:
            while self._found is None:
                chunk = self._member.read(ChildStream.CHUNK)
                if not chunk:
                    return False
                self._buffer += chunk
                parser.Parse(chunk, False)
                if self._found is None and len(self._buffer) > MAX_PREAMBLE_BYTES:
                    return False
        except expat.ExpatError:
            return False
        # From here on expat only checks the XML: no call back into Python per element.
        parser.StartElementHandler = parser.EndElementHandler = None
        depth, offset = self._found
        buffer, preamble = self._buffer, self._buffer[:self._found[1]]
        declared = _ENCODING.match(preamble.removeprefix(b"\xef\xbb\xbf"))
        if (depth != 2 or buffer[offset:offset + 11] != b"<sheetData>" or b"<!" in preamble
                or (declared and declared.group(1).lower() not in (b"utf-8", b"utf8"))):
            return False  # sheetData nested or prefixed, a DOCTYPE or comment, another encoding
        self._buffer = buffer[offset + 11:]
        self._offset = offset + 11
        return True

    def regions(self) -> Iterator[str | None]:
        """Text of whole rows, in order; None where the fast path must stop (the tree path takes over)."""
        parser = self._parser
        finished = broken = False
        fed = True  # the chunk that held <sheetData> is already in the buffer
        while True:
            limit = None
            if not fed:
                chunk = self._member.read(ChildStream.CHUNK)
                if chunk:
                    self._buffer += chunk
                    self._unfinished += len(chunk)
                    try:
                        parser.Parse(chunk, False)
                    except expat.ExpatError:
                        # The tree keeps what was built before the error and ChildStream drops the error's
                        # event: the rows begun before it are handed out as usual, the error comes at the end.
                        broken = True
                        limit = parser.ErrorByteIndex - self._offset
                else:
                    parser.Parse(b"", True)
                    finished = True
            fed = False
            buffer = self._buffer
            if limit is None:
                limit = len(buffer)
            end = buffer.find(b"</sheetData>", 0, limit)
            if not finished and end >= 0:
                finished = _ELEMENT_START.search(buffer, end + 12, limit) is not None
            if finished:
                if end < 0:
                    yield None
                    return
                cut = end
            else:
                if end >= 0:
                    limit = end
                cut = buffer.rfind(b"<row", 0, limit)
                while cut > 0 and buffer.find(b">", cut, limit) < 0:  # that row's start tag is not complete
                    cut = buffer.rfind(b"<row", 0, cut)
            if cut > 0:
                self._buffer = buffer[cut:]
                self._offset += cut
                self._unfinished = 0
                try:
                    text = buffer[:cut].decode("utf-8")
                except UnicodeDecodeError:
                    yield None
                    return
                yield text
            elif self._unfinished > MAX_CHILD_BYTES:
                yield None  # the tree path refuses the file at the same place
                return
            if finished:
                return
            if broken:
                # As ChildStream: read on to the end (where the parser's error is raised), nothing more is built.
                while chunk := self._member.read(ChildStream.CHUNK):
                    self._unfinished += len(chunk)
                    if self._unfinished > MAX_CHILD_BYTES:
                        yield None
                        return
                raise expat.ExpatError("not well-formed")


class XlsxSheet:
    """The first worksheet of an .xlsx file, streamed. Use as a context manager, or call close()."""

    def __init__(self, fileobj, fast: bool = True):
        # fast=False reads every row through the element tree (the fast path's reference in the tests).
        self.fast = fast
        try:
            check_member_count(fileobj)
            self.archive = zipfile.ZipFile(fileobj)
            check_archive(self.archive)
            workbook_part = "xl/workbook.xml"
            workbook = ET.fromstring(read_part(self.archive, workbook_part))
            rels = _relationships(self.archive, workbook_part)
            sheets = workbook.find(MAIN_NS + "sheets")
            first = sheets[0] if sheets is not None and len(sheets) else None
            if first is None:
                raise XlsxProblem("no worksheet")
            self.sheet_part = rels.get(first.get(REL_NS + "id"), ("", "xl/worksheets/sheet1.xml"))[1]
            properties = workbook.find(MAIN_NS + "workbookPr")
            date1904 = properties is not None and properties.get("date1904", "") in ("1", "true")
            by_type = {kind.rsplit("/", 1)[-1]: target for kind, target in rels.values()}
            names = set(self.archive.namelist())
            for part in (self.sheet_part, by_type.get("sharedStrings")):
                if part and part in names and self.archive.getinfo(part).file_size > MAX_MEMBER_BYTES:
                    raise XlsxLimit(_("文件解压后过大（超过 %(mb)d MB），请分成几个文件导入")
                                    % {"mb": _mb(MAX_MEMBER_BYTES)})
            if self.sheet_part not in names:
                raise XlsxProblem("worksheet missing")
            self.date_styles, self.time_styles = self._date_styles(by_type.get("styles"), names)
            self.estimated_last_row = self._dimension_last_row()
            strings_part = by_type.get("sharedStrings")
            self.strings = SharedStrings(self.archive, strings_part if strings_part in names else None)
        except READ_ERRORS as exc:
            raise XlsxProblem(str(exc)) from exc
        self.epoch = datetime.datetime(1904, 1, 1) if date1904 else datetime.datetime(1899, 12, 30)
        self.date1904 = date1904
        # Dates repeat (hire dates, birthdays): convert each serial once, in a cache as small as the others.
        self._to_date = functools.lru_cache(maxsize=STRING_CACHE_SIZE)(self._serial_to_date)

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self) -> None:
        self.strings.close()
        self.archive.close()

    def _date_styles(self, part, names) -> tuple[frozenset[int], frozenset[int]]:
        """Indexes into cellXfs (the `s` attribute of a cell) whose number format shows a date / only a time."""
        if not part or part not in names:
            return frozenset(), frozenset()
        root = ET.fromstring(read_part(self.archive, part))
        custom = {}
        formats = root.find(MAIN_NS + "numFmts")
        for fmt in formats if formats is not None else ():
            custom[int(fmt.get("numFmtId", "0"))] = fmt.get("formatCode", "")
        dates, times = set(), set()
        cell_xfs = root.find(MAIN_NS + "cellXfs")
        for index, xf in enumerate(cell_xfs if cell_xfs is not None else ()):
            number_format = int(xf.get("numFmtId", "0"))
            if number_format in custom:
                if is_date_format(custom[number_format]):
                    dates.add(index)
                    if is_time_only_format(custom[number_format]):
                        times.add(index)
            elif number_format in BUILTIN_DATE_FORMATS:
                dates.add(index)
                if number_format in BUILTIN_TIME_ONLY:
                    times.add(index)
        return frozenset(dates), frozenset(times)

    def _dimension_last_row(self) -> int:
        """The last row in <dimension ref="A1:H100001"/> near the top of the sheet, or 0 if absent."""
        with self.archive.open(self.sheet_part) as member:
            head = member.read(4096)
        match = _DIMENSION.search(head)
        if not match:
            return 0
        return int(match.group(3) or match.group(2) or 0)

    def _serial_to_date(self, serial: float, time_only: bool):
        if time_only and 0 <= serial < 1:
            seconds = round(serial * 86400)
            return datetime.time(seconds // 3600 % 24, seconds // 60 % 60, seconds % 60)
        if not self.date1904 and serial < 60:
            # Excel counts a 29 February 1900 that never was; serials before it are one day off.
            serial += 1
        moment = self.epoch + datetime.timedelta(days=serial)
        moment = moment.replace(microsecond=0) + datetime.timedelta(seconds=round(moment.microsecond / 1e6))
        if moment.time() == datetime.time(0, 0):
            return moment.date()
        return moment

    def rows(self) -> Iterator[tuple[int, list]]:
        """(row number as Excel shows it, [cell values]) for each row element that has at least one cell."""
        if self.fast:
            return self._fast_rows()
        return self._tree_rows()

    def _tree_rows(self, skip: int = 0) -> Iterator[tuple[int, list]]:
        """The rows through the element tree; the first `skip` row elements (already handed out by the fast
        path) only advance the row numbering."""
        previous_number = 0
        try:
            with self.archive.open(self.sheet_part) as member:
                stream = ChildStream(member, SHEET_DATA)
                while not stream.finished:
                    for element in stream.next_children():
                        if element.tag != ROW:
                            continue
                        reference = element.get("r")
                        number = int(reference) if reference else previous_number + 1
                        if not 0 < number <= MAX_ROW_NUMBER:
                            raise XlsxLimit(_("行号 %(row)d 超出 Excel 的最大行数（%(max)d），不是有效的 Excel 表格")
                                            % {"row": number, "max": MAX_ROW_NUMBER})
                        previous_number = number
                        if skip:
                            skip -= 1
                            continue
                        values = self._row_values(element)
                        if values:
                            yield number, values
        except READ_ERRORS as exc:
            raise XlsxProblem(str(exc)) from exc

    def _fast_rows(self) -> Iterator[tuple[int, list]]:
        """The rows by regular expressions over the sheet's text, for the shapes Excel, WPS and xlsxwriter write.

        The same chunks go through expat first, with no handlers once <sheetData> is found, so the file is
        checked for well-formedness exactly where the tree path checks it (a broken file fails at the same
        chunk), and the rows handed out after each chunk are the ones the tree path would hand out (all
        begun rows but the last, until the sheet data has ended). Anything the expressions do not match
        exactly (a formula, a comment, an entity, whitespace between cells, a cell without a reference, an
        unusual attribute) hands the rest of the sheet to the tree path, which reads the sheet again from
        the start and skips the rows already handed out. About a fifth of the tree path's time.
        """
        consumed = 0  # row elements handed out (or empty) so far: the tree path skips them on a fallback
        fallback = True
        try:
            with self.archive.open(self.sheet_part) as member:
                scanner = _SheetScanner(member)
                if scanner.start():
                    previous_number = 0
                    columns = _COLUMN_INDEXES
                    for region in scanner.regions():
                        if region is None:
                            break  # something the expressions do not read: the tree path takes over
                        expected = 0
                        for match in _FAST_ROW.finditer(region):
                            if match.start() != expected:
                                break
                            reference, attributes, cells = match.groups()
                            if attributes and (' r="' in attributes or "xmlns" in attributes):
                                break
                            expected = match.end()
                            number = int(reference) if reference else previous_number + 1
                            if not 0 < number <= MAX_ROW_NUMBER:
                                raise XlsxLimit(
                                    _("行号 %(row)d 超出 Excel 的最大行数（%(max)d），不是有效的 Excel 表格")
                                    % {"row": number, "max": MAX_ROW_NUMBER})
                            previous_number = number
                            consumed += 1
                            if cells:
                                yield number, self._fast_values(cells, columns)
                        if expected != len(region):
                            break
                    else:
                        fallback = False
        except READ_ERRORS as exc:
            raise XlsxProblem(str(exc)) from exc
        if fallback:
            yield from self._tree_rows(skip=consumed)

    def _fast_values(self, cells: str, columns: dict) -> list:
        # _row_values for the cell shapes _FAST_CELL matches, value for value (tests compare the two paths).
        get_string = self.strings.get
        date_styles = self.date_styles
        values = []
        append = values.append
        for letters, digits, style, kind, text, inline in _FAST_CELL.findall(cells):
            position = columns.get(letters)
            if position is None:
                position = column_index(letters + digits)
            if position != len(values):
                if position > len(values):
                    values.extend([""] * (position - len(values)))
                else:
                    values = values[:position]
                    append = values.append
            if kind == "s":
                if text:
                    try:
                        append(get_string(int(text)))
                    except XlsxLimit:
                        raise
                    except (ValueError, XlsxProblem):
                        append(UnreadableCell(text, _("共享字符串编号无效")))
                else:
                    append("")
            elif kind == "inlineStr":
                text = _unescape(inline)
                append(text if len(text) <= MAX_CELL_CHARS else UnreadableCell(text, _("内容超过32767个字符")))
            elif not text:
                append("")
            elif not kind or kind == "n":
                append(self._number_value(text, int(style) if style else None, date_styles))
            else:
                append(self._other_value(kind, text))
        return values

    def _number_value(self, text: str, style: int | None, date_styles):
        """A number cell's value: the number, a date where its style is a date format, or why it is unreadable."""
        try:
            number = float(text)
        except ValueError:
            return UnreadableCell(text, _("不是有效的数字"))
        if style is not None and style in date_styles:
            try:
                return self._to_date(number, style in self.time_styles)
            except (OverflowError, ValueError):
                return UnreadableCell(text, _("日期超出范围"))
        return number

    @staticmethod
    def _other_value(kind: str, text: str):
        """A non-empty <v> of a boolean, ISO date, error or formula-text cell, as _row_values converts it."""
        if kind == "b":
            return text == "1"
        if kind == "d":
            try:
                value = datetime.datetime.fromisoformat(text)
            except ValueError:
                return UnreadableCell(text, _("不是有效的日期"))
            return value.date() if value.time() == datetime.time(0, 0) else value
        if kind == "e":
            return UnreadableCell(text, _("公式计算错误"))
        text = _unescape(text)
        return text if len(text) <= MAX_CELL_CHARS else UnreadableCell(text, _("内容超过32767个字符"))

    def _row_values(self, element) -> list:
        # The hot loop of a 100,000-row import: locals and inlined lookups on purpose. A cell that cannot be
        # converted becomes an UnreadableCell (that row's error), never an exception that ends the import.
        get_string = self.strings.get
        date_styles = self.date_styles
        columns = _COLUMN_INDEXES
        values = []
        append = values.append
        for cell in element:
            reference = cell.get("r")
            if reference is not None:
                position = columns.get(reference.rstrip("0123456789"))
                if position is None:
                    position = column_index(reference)
                if position != len(values):
                    if position > len(values):
                        values.extend([""] * (position - len(values)))
                    else:  # cells out of order: Excel never writes this, but the format allows it
                        values = values[:position]
                        append = values.append
            elif len(values) >= MAX_COLUMNS:
                raise XlsxLimit(_("一行超过 %(columns)d 列（Excel 的上限），不是有效的 Excel 表格")
                                % {"columns": MAX_COLUMNS})
            kind = cell.get("t")
            if kind == "s":
                text = cell.findtext(VALUE)
                try:
                    append(get_string(int(text)) if text else "")
                except XlsxLimit:
                    raise
                except (ValueError, XlsxProblem):
                    append(UnreadableCell(text, _("共享字符串编号无效")))
                continue
            if kind == "inlineStr":
                inline = cell.find(INLINE)
                text = "" if inline is None else _unescape("".join(
                    (child.text or "") if child.tag == TEXT else (child.findtext(TEXT) or "")
                    for child in inline if child.tag in (TEXT, RUN)
                ))
                append(text if len(text) <= MAX_CELL_CHARS else UnreadableCell(text, _("内容超过32767个字符")))
                continue
            text = cell.findtext(VALUE)
            if not text:
                append("")
            elif kind is None or kind == "n":
                style = cell.get("s")
                append(self._number_value(text, int(style) if style is not None and style.isdigit() else None,
                                          date_styles))
            elif kind == "b":
                append(text == "1")
            elif kind == "d":
                try:
                    value = datetime.datetime.fromisoformat(text)
                except ValueError:
                    append(UnreadableCell(text, _("不是有效的日期")))
                    continue
                append(value.date() if value.time() == datetime.time(0, 0) else value)
            elif kind == "e":  # a formula error such as #N/A or #REF!
                append(UnreadableCell(text, _("公式计算错误")))
            else:  # "str": a formula's text result
                text = _unescape(text)
                append(text if len(text) <= MAX_CELL_CHARS else UnreadableCell(text, _("内容超过32767个字符")))
        return values
