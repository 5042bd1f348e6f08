"""The one writer of every .xlsx the project produces: import templates, failed/successful rows, list exports
and report workbooks (e.g. the traineeship roster). No other module imports xlsxwriter (a test checks it).

Text stays text: every str is written with write_string, never as a formula, so a name such as
`=HYPERLINK("http://…"&C5,"张三")` is a string cell; a string Excel would treat as a formula when the cell is
edited (leading = + - @, tab, CR) also gets the quote prefix. The workbooks are opened with
strings_to_formulas/strings_to_numbers off so even a stray `sheet.write` cannot make a formula.

constant_memory mode flushes each row to disk as it is written, so a large export never sits in memory;
rows must then be written strictly top to bottom.
"""

import datetime
import decimal
import tempfile

import xlsxwriter
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from batch.registry import Column, ImportSpec

FAILURE_HEADER = "失败原因"
MAX_EXCEL_ROW = 1_048_575
# Characters that make a spreadsheet read the rest of the cell as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
FORMULA_TRIGGER_CHARS = frozenset(FORMULA_TRIGGERS)
WORKBOOK_OPTIONS = {"strings_to_formulas": False, "strings_to_numbers": False, "strings_to_urls": False}


def open_workbook(target, *, constant_memory: bool = False) -> xlsxwriter.Workbook:
    """A workbook at a path, or in memory when target is a BytesIO."""
    options = {**WORKBOOK_OPTIONS, "constant_memory": constant_memory}
    if not isinstance(target, (str, bytes)) and not hasattr(target, "__fspath__"):
        options["in_memory"] = True
    return xlsxwriter.Workbook(target, options)


class CellWriter:
    """Typed, formula-safe cell writes on the sheets of one workbook."""

    def __init__(self, workbook: xlsxwriter.Workbook):
        self.workbook = workbook
        self.text = workbook.add_format({"num_format": "@"})
        self.quoted = workbook.add_format({"num_format": "@", "quote_prefix": True})
        self.date = workbook.add_format({"num_format": "yyyy-mm-dd"})
        self.datetime = workbook.add_format({"num_format": "yyyy-mm-dd hh:mm:ss"})

    def cell(self, sheet, row: int, col: int, value, cell_format=None) -> None:
        if value is None or value == "":
            return
        write = self._by_type.get(type(value))
        if write is None:  # a subclass (an enum's str, a bool before int) or anything else
            write = self._for_instance(value)
        write(sheet, row, col, value, cell_format)

    @cached_property
    def _by_type(self) -> dict:
        """The write for each exact type: one dict lookup a cell instead of a chain of isinstance checks (an
        export writes a million cells)."""
        return {str: self._string, int: self._number, float: self._number, decimal.Decimal: self._decimal,
                bool: self._bool, datetime.datetime: self._datetime, datetime.date: self._date}

    def _for_instance(self, value):
        for kind in (str, bool, int, float, decimal.Decimal, datetime.datetime, datetime.date):
            if isinstance(value, kind):
                return self._by_type[kind]
        return self._other

    # The cells are written with xlsxwriter's _write_string / _write_number / _write_datetime: the public methods
    # only parse "A1"-style arguments first (a decorator call per cell, about a tenth of an export's time), and
    # every row and column here is already a number. xlsxwriter is pinned in requirements.txt;
    # tests/batch/test_writing.py reads the cells back.
    def _string(self, sheet, row, col, value, cell_format):
        if not value:
            return
        if cell_format is None and value[0] in FORMULA_TRIGGER_CHARS:
            cell_format = self.quoted
        sheet._write_string(row, col, value, cell_format)

    def _bool(self, sheet, row, col, value, cell_format):
        sheet._write_string(row, col, "是" if value else "否", cell_format)

    @staticmethod
    def _number(sheet, row, col, value, cell_format):
        sheet._write_number(row, col, value, cell_format)

    @staticmethod
    def _decimal(sheet, row, col, value, cell_format):
        sheet._write_number(row, col, float(value), cell_format)

    def _datetime(self, sheet, row, col, value, cell_format):
        # Stored in UTC; shown, like on the page, in the site's time zone.
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        value = value.replace(tzinfo=None)
        fmt = self.date if value.time() == datetime.time(0, 0) else self.datetime
        sheet._write_datetime(row, col, value, cell_format or fmt)

    def _date(self, sheet, row, col, value, cell_format):
        sheet._write_datetime(row, col, datetime.datetime.combine(value, datetime.time()), cell_format or self.date)

    def _other(self, sheet, row, col, value, cell_format):
        self.cell(sheet, row, col, str(value), cell_format)


class SheetWriter:
    """One worksheet with a styled header row; cells are always written as text or typed values."""

    def __init__(self, path, columns: list[Column], extra_headers: tuple[str, ...] = (), sheet_name: str = "Sheet1",
                 constant_memory: bool = True):
        self.workbook = open_workbook(path, constant_memory=constant_memory)
        self.cells = CellWriter(self.workbook)
        self.sheet = self.workbook.add_worksheet(sheet_name)
        self.text = self.cells.text
        self.date = self.cells.date
        header = self.workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1})
        required = self.workbook.add_format({"bold": True, "bg_color": "#DDEBF7", "border": 1, "font_color": "#C00000"})
        for index, column in enumerate(columns):
            # Text-formatted columns stay text when the user types long digit strings into them.
            self.sheet.set_column(index, index, column.width, self.text if column.text else None)
        for offset, _title in enumerate(extra_headers):
            self.sheet.set_column(len(columns) + offset, len(columns) + offset, 40)
        titles = [column.header for column in columns] + list(extra_headers)
        for index, title in enumerate(titles):
            is_required = index < len(columns) and columns[index].required
            self.sheet.write_string(0, index, title, required if is_required else header)
        self.sheet.freeze_panes(1, 0)
        self.columns = columns
        self.next_row = 1

    def write(self, values) -> None:
        # CellWriter.cell, unrolled: this loop runs once per cell of an export.
        row, sheet, by_type, for_instance = self.next_row, self.sheet, self.cells._by_type, self.cells._for_instance
        for index, value in enumerate(values):
            if value is not None:
                (by_type.get(type(value)) or for_instance(value))(sheet, row, index, value, None)
        self.next_row += 1

    def close(self) -> None:
        self.workbook.close()


def write_template(spec: ImportSpec, path) -> None:
    """Header, one example row, drop-downs for coded columns, and a 填写说明 sheet."""
    # Validations and comments are placed after the rows, which constant_memory does not allow; it is tiny.
    writer = SheetWriter(path, list(spec.columns), constant_memory=False)
    sheet = writer.sheet
    for index, column in enumerate(spec.columns):
        value = column.example
        if column.choices and value in dict(column.choices):
            value = dict(column.choices)[value]
        writer.cells.cell(sheet, 1, index, value)
        if column.choices:
            sheet.data_validation(1, index, MAX_EXCEL_ROW, index, {
                "validate": "list",
                "source": [label for _value, label in column.choices],
                "error_title": _("输入值无效"),
                "error_message": _("请从下拉列表中选择%(column)s") % {"column": column.header},
            })
        if column.help_text or column.required:
            note = (_("必填。") if column.required else "") + column.help_text
            sheet.write_comment(0, index, note)
    guide = writer.workbook.add_worksheet(_("填写说明"))
    bold = writer.workbook.add_format({"bold": True})
    guide.set_column(0, 0, 16)
    guide.set_column(1, 3, 40)
    for index, title in enumerate([_("列名"), _("是否必填"), _("可选值"), _("说明")]):
        guide.write_string(0, index, title, bold)
    for row, column in enumerate(spec.columns, start=1):
        guide.write_string(row, 0, column.header)
        guide.write_string(row, 1, _("必填") if column.required else _("选填"))
        guide.write_string(row, 2, "、".join(label for _value, label in column.choices))
        guide.write_string(row, 3, column.help_text)
    guide.write_string(len(spec.columns) + 2, 0, _("第2行为示例，导入时自动忽略，可直接覆盖或删除。"))
    writer.close()


def write_failed_rows(spec: ImportSpec, row_errors, path) -> None:
    """The failed rows as they were uploaded, with the reason in the last column, ready to fix and re-import."""
    writer = SheetWriter(path, list(spec.columns), extra_headers=(FAILURE_HEADER,))
    for error in row_errors:
        writer.write([*error.values, error.message])
    writer.close()


def temporary_xlsx():
    return tempfile.NamedTemporaryFile(suffix=".xlsx", delete=False)
