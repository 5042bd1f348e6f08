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
from django.utils.translation import gettext as _

from batch.registry import Column, ImportSpec

FAILURE_HEADER = "失败原因"
MAX_EXCEL_ROW = 1_048_575
# Characters that make a spreadsheet read the rest of the cell as a formula (OWASP "CSV injection").
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
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
        if isinstance(value, str):
            if value.startswith(FORMULA_TRIGGERS) and cell_format is None:
                cell_format = self.quoted
            sheet.write_string(row, col, value, cell_format)
        elif isinstance(value, bool):
            sheet.write_string(row, col, "是" if value else "否", cell_format)
        elif isinstance(value, (int, float)):
            sheet.write_number(row, col, value, cell_format)
        elif isinstance(value, decimal.Decimal):
            sheet.write_number(row, col, float(value), cell_format)
        elif isinstance(value, datetime.datetime):
            # Stored in UTC; shown, like on the page, in the site's time zone.
            if timezone.is_aware(value):
                value = timezone.localtime(value)
            value = value.replace(tzinfo=None)
            fmt = self.date if value.time() == datetime.time(0, 0) else self.datetime
            sheet.write_datetime(row, col, value, cell_format or fmt)
        elif isinstance(value, datetime.date):
            sheet.write_datetime(row, col, datetime.datetime.combine(value, datetime.time()),
                                 cell_format or self.date)
        else:
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
        row = self.next_row
        for index, value in enumerate(values):
            self.cells.cell(self.sheet, row, index, value)
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
