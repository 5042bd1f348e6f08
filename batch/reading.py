"""Reading uploaded spreadsheets: check what the file really is, match the header row to the template, and
turn each row into the text a screen form would receive.

.xlsx is streamed by batch.xlsx, whose memory stays flat however long the sheet is (python-calamine decodes
the whole sheet and keeps every shared string in memory first). .xls is read with python-calamine: that
format stops at 65,536 rows and the upload at 20 MB, so its memory is bounded by the format itself.
"""

import datetime
import decimal
import struct
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass

import olefile
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _lazy
from python_calamine import CalamineError, CalamineWorkbook

from batch.registry import ImportSpec
from batch.xlsx import UnreadableCell, XlsxLimit, XlsxProblem, XlsxSheet, check_archive, check_member_count

MAX_UPLOAD_BYTES = 20 * 1024 * 1024
MAX_DATA_ROWS = 500_000  # a 20 MB upload holds about 300,000 roster rows; the bench measures 200,000
XLS_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE2 compound document
ZIP_SIGNATURE = b"PK\x03\x04"
ALLOWED_EXTENSIONS = (".xlsx", ".xls")
NOT_A_WORKBOOK = _lazy("文件内容不是 Excel 表格（.xlsx 或 .xls），请使用下载的模板填写后上传")


class WorkbookProblem(Exception):
    """The file as a whole cannot be imported; the message is shown to the user."""


def sniff_format(fileobj) -> str | None:
    """'xlsx' or 'xls' judged by content (never by the name), or None.

    Reads only the signature and the zip's central directory, never a member's content, so it is cheap
    enough for the upload request; raises WorkbookProblem for an archive beyond the bounds of batch.xlsx
    (members unpacking to far more than a workbook, a zip-bomb ratio, thousands of members).
    """
    fileobj.seek(0)
    head = fileobj.read(8)
    fileobj.seek(0)
    if head == XLS_SIGNATURE:
        return "xls"
    if head[:4] == ZIP_SIGNATURE:
        try:
            check_member_count(fileobj)
            with zipfile.ZipFile(fileobj) as archive:
                check_archive(archive)
                names = set(archive.namelist())
        except XlsxLimit as limit:
            raise WorkbookProblem(str(limit)) from None
        except (zipfile.BadZipFile, ValueError, EOFError, OSError):
            return None
        finally:
            fileobj.seek(0)
        return "xlsx" if "xl/workbook.xml" in names else None
    return None


def _too_many_rows() -> str:
    return _("文件超过 %(rows)d 行数据的上限，请分成几个文件导入") % {"rows": MAX_DATA_ROWS}


def _unreadable() -> str:
    return _("无法读取文件内容，文件可能已损坏或设置了密码")


# python-calamine builds a dense grid from the first to the last cell of the sheet: a 6 KB .xls with one cell
# in A1 and one in IV65536 would take a gigabyte. The widest real file (65,535 rows of a 12-column template)
# has under a million cells; the extent is read from the cell records before calamine sees the file.
MAX_XLS_CELLS = 2_000_000
# BIFF8 records that carry a cell: (first row, first column) at offsets 0 and 2 of the record data;
# MULRK and MULBLANK end with their last column.
_XLS_CELL_RECORDS = {0x0006, 0x00D6, 0x00FD, 0x0201, 0x0203, 0x0204, 0x0205, 0x027E}
_XLS_MULTI_RECORDS = {0x00BD, 0x00BE}


def xls_cell_extent(fileobj) -> tuple[int, int]:
    """(rows, columns) spanned by the cells of the workbook's sheets, from the BIFF record stream."""
    fileobj.seek(0)
    try:
        with olefile.OleFileIO(fileobj) as ole:
            name = next((name for name in ("Workbook", "Book") if ole.exists(name)), None)
            if name is None:
                raise WorkbookProblem(_unreadable())
            stream = ole.openstream(name).read()
    except OSError as exc:  # olefile raises OSError subclasses for a damaged container
        raise WorkbookProblem(_unreadable()) from exc
    finally:
        fileobj.seek(0)
    rows = columns = 0
    offset, end = 0, len(stream)
    while offset + 4 <= end:
        kind, length = struct.unpack_from("<HH", stream, offset)
        data = offset + 4
        if data + length > end:
            break
        if kind in _XLS_CELL_RECORDS and length >= 4:
            row, column = struct.unpack_from("<HH", stream, data)
            rows, columns = max(rows, row + 1), max(columns, column + 1)
        elif kind in _XLS_MULTI_RECORDS and length >= 6:
            row, = struct.unpack_from("<H", stream, data)
            last, = struct.unpack_from("<H", stream, data + length - 2)
            rows, columns = max(rows, row + 1), max(columns, last + 1)
        offset = data + length
    return rows, columns


class _XlsRows:
    """The first sheet of an .xls file through python-calamine, as (row number, values) pairs."""

    def __init__(self, fileobj):
        rows, columns = xls_cell_extent(fileobj)
        if rows * columns > MAX_XLS_CELLS:
            raise WorkbookProblem(_("文件的单元格范围过大（%(rows)d 行 × %(columns)d 列），请删除多余的行和列，"
                                    "或另存为 .xlsx 后导入") % {"rows": rows, "columns": columns})
        fileobj.seek(0)
        try:
            workbook = CalamineWorkbook.from_filelike(fileobj)
            if not workbook.sheet_names:
                raise WorkbookProblem(_("文件中没有工作表"))
            self.sheet = workbook.get_sheet_by_index(0)
        except CalamineError as exc:
            raise WorkbookProblem(_unreadable()) from exc
        start = self.sheet.start
        self.first = (start[0] + 1) if start else 1
        self.estimated_last_row = self.first + self.sheet.height - 1 if self.sheet.height else 0

    def rows(self):
        return enumerate(self.sheet.iter_rows(), start=self.first)

    def close(self) -> None:
        self.sheet = None


class _XlsxRows:
    def __init__(self, fileobj):
        fileobj.seek(0)
        try:
            self.sheet = XlsxSheet(fileobj)
        except XlsxLimit as limit:
            raise WorkbookProblem(str(limit)) from None
        except XlsxProblem as exc:
            raise WorkbookProblem(_unreadable()) from exc
        self.estimated_last_row = self.sheet.estimated_last_row

    def rows(self):
        return self.sheet.rows()

    def close(self) -> None:
        self.sheet.close()


def _normalise_header(value) -> str:
    return cell_text(value).replace(" ", "").replace("\u3000", "").rstrip("*").removesuffix("（必填）")


def header_positions(spec: ImportSpec, header_row: list) -> list[int | None]:
    """For each spec column, its position in the uploaded header row; refuses a file missing a required column.

    Columns may be in any order, and unknown columns (such as 失败原因 in a failed-rows file) are ignored.
    """
    found = {}
    for position, value in enumerate(header_row):
        name = _normalise_header(value)
        if name and name not in found:
            found[name] = position
    positions = [found.get(column.header) for column in spec.columns]
    missing = [column.header for column, position in zip(spec.columns, positions) if position is None]
    if missing:
        raise WorkbookProblem(_("第1行表头缺少列：%(columns)s。请下载最新模板填写") % {"columns": "、".join(missing)})
    return positions


def cell_text(value) -> str:
    """A cell as the text a person would have typed into the form."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, float):
        # calamine returns every number as float: 3500.0 is "3500", 13812345678.0 is "13812345678"
        if value.is_integer():
            if abs(value) >= 1e15:
                # What Excel shows for a long number: 15 significant digits, the rest zeros.
                return f"{decimal.Decimal(format(value, '.15g')):f}"
            return str(int(value))
        return repr(value)
    if isinstance(value, datetime.datetime):
        if value.time() == datetime.time(0, 0):
            return value.date().isoformat()
        return value.isoformat(sep=" ")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return str(value).strip()


@dataclass
class SheetRow:
    number: int  # the row number the user sees in Excel
    values: list[str]  # the cells in template column order, as text
    data: dict  # form data keyed by field name
    problem: str = ""  # a reason the row cannot even reach the form (e.g. an ID typed as a number)


class SheetReader:
    """Validates the file and header on construction; then iterates the data rows.

    Holds temporary files while open: use it as a context manager (or call close()).
    """

    def __init__(self, spec: ImportSpec, fileobj):
        self.spec = spec
        kind = sniff_format(fileobj)
        if kind is None:
            raise WorkbookProblem(str(NOT_A_WORKBOOK))
        self.source = _XlsxRows(fileobj) if kind == "xlsx" else _XlsRows(fileobj)
        try:
            self._rows = iter(self.source.rows())
            header_number, header = self._header()
            self.positions = header_positions(spec, header)
        except BaseException:
            self.close()
            raise
        last = self.source.estimated_last_row
        self.estimated_rows = max(last - header_number, 0) if last else 0
        if self.estimated_rows > MAX_DATA_ROWS:
            self.close()
            raise WorkbookProblem(_too_many_rows())
        self.last_row_number = header_number
        self._example = [
            cell_text(dict(column.choices).get(column.example, column.example)) for column in spec.columns
        ]
        self._lookups = [
            {**{label: value for value, label in column.choices}, **{value: value for value, _l in column.choices}}
            if column.choices else None
            for column in spec.columns
        ]

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()

    def close(self) -> None:
        self.source.close()

    def _header(self) -> tuple[int, list]:
        """The first row with anything in it: the template's header row."""
        try:
            for number, raw in self._rows:
                if any(cell_text(value) for value in raw):
                    return number, raw
        except XlsxLimit as limit:
            raise WorkbookProblem(str(limit)) from None
        except XlsxProblem as exc:
            raise WorkbookProblem(_unreadable()) from exc
        raise WorkbookProblem(_("文件是空的：第1行应为模板表头"))

    def __iter__(self) -> Iterator[SheetRow]:
        try:
            yield from self._data_rows()
        except XlsxLimit as limit:
            raise WorkbookProblem(str(limit)) from None
        except XlsxProblem as exc:
            raise WorkbookProblem(_("第%(row)d行之后的内容无法读取，文件可能已损坏") % {
                "row": self.last_row_number,
            }) from exc

    def _data_rows(self) -> Iterator[SheetRow]:
        # The hot loop of a large import: everything about a column is looked up once, before the rows.
        plan = [
            (-1 if position is None else position, column.field_name, lookup, column.numbers_refused, column.header)
            for column, position, lookup in zip(self.spec.columns, self.positions, self._lookups)
        ]
        example = self._example
        date_type = datetime.date
        rows_left = MAX_DATA_ROWS
        for number, raw in self._rows:
            self.last_row_number = number
            width = len(raw)
            values = []
            data = {}
            problems = None
            for position, name, lookup, numbers_refused, header in plan:
                cell = raw[position] if 0 <= position < width else ""
                if type(cell) is str:  # most cells: skip the general conversion
                    text = cell.strip()
                    data[name] = lookup.get(text, text) if lookup else text
                else:
                    if numbers_refused and isinstance(cell, (int, float)) and not isinstance(cell, bool):
                        problems = problems or []
                        problems.append(_("%(column)s须以文本格式填写") % {"column": header})
                    elif type(cell) is UnreadableCell:
                        problems = problems or []
                        problems.append(_("%(column)s：%(reason)s（%(text)s）") % {
                            "column": header, "reason": cell.reason, "text": cell[:40]})
                    text = cell_text(cell)
                    if lookup:
                        data[name] = lookup.get(text, text)
                    else:
                        # A date cell goes to the form as a date (DateField accepts one) rather than re-parsed text.
                        data[name] = cell if type(cell) is date_type else text
                values.append(text)
            if not any(values) or values == example:
                continue  # blank lines and the template's example row are not data
            rows_left -= 1
            if rows_left < 0:
                raise WorkbookProblem(_too_many_rows())
            yield SheetRow(number=number, values=values, data=data, problem="；".join(problems) if problems else "")
