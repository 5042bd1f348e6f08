"""Spreadsheet builders and readers for the batch tests."""

import datetime
import io
import zipfile

import xlsxwriter
from django.core.files.uploadedfile import SimpleUploadedFile
from python_calamine import CalamineWorkbook

from core.identifiers import id_check_char

STAFF_HEADERS = ["姓名", "身份证号", "性别", "手机号", "部门", "岗位/职称", "参加工作时间", "月工资（元）", "学历",
                 "职称等级", "职称系列"]
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def id_number(birth="19900307", seq=123, region="410105") -> str:
    first17 = f"{region}{birth}{seq:03d}"
    return first17 + id_check_char(first17)


def xlsx_bytes(rows, headers=STAFF_HEADERS) -> bytes:
    """A workbook whose first row is `headers`; values are written as given (str as text, numbers as numbers)."""
    buffer = io.BytesIO()
    workbook = xlsxwriter.Workbook(buffer, {"in_memory": True})
    sheet = workbook.add_worksheet()
    date_format = workbook.add_format({"num_format": "yyyy-mm-dd"})
    for col, title in enumerate(headers):
        sheet.write_string(0, col, title)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if value is None or value == "":
                continue
            if isinstance(value, str):
                sheet.write_string(r, col, value)
            elif isinstance(value, datetime.date):
                sheet.write_datetime(r, col, datetime.datetime(value.year, value.month, value.day), date_format)
            else:
                sheet.write_number(r, col, value)
    workbook.close()
    return buffer.getvalue()


def xls_bytes(rows, headers=STAFF_HEADERS) -> bytes:
    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    date_style = xlwt.easyxf(num_format_str="YYYY-MM-DD")
    for col, title in enumerate(headers):
        sheet.write(0, col, title)
    for r, row in enumerate(rows, start=1):
        for col, value in enumerate(row):
            if isinstance(value, datetime.date):
                sheet.write(r, col, value, date_style)
            elif value not in (None, ""):
                sheet.write(r, col, value)
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def upload(content: bytes, name="人员.xlsx", content_type=XLSX_TYPE):
    return SimpleUploadedFile(name, content, content_type=content_type)


def read_rows(content: bytes, sheet=0) -> list[list]:
    workbook = CalamineWorkbook.from_filelike(io.BytesIO(content))
    return workbook.get_sheet_by_index(sheet).to_python()


def response_bytes(response) -> bytes:
    return b"".join(response.streaming_content) if response.streaming else response.content


def sheet_xml(content: bytes, name="xl/worksheets/sheet1.xml") -> str:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return archive.read(name).decode("utf-8")


MAIN_NS = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
DATE_STYLES = '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs>'  # style 1: a date


def crafted_xlsx(rows_xml, strings_xml=(), dimension="", styles=DATE_STYLES) -> bytes:
    """A workbook written part by part, as an attacker would: `rows_xml` and `strings_xml` are iterables of
    str pieces streamed into the zip members (so a test can pack hundreds of MB without holding them)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("xl/workbook.xml", f'<workbook xmlns="{MAIN_NS}" xmlns:r="{_REL}"><sheets>'
                                            f'<sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>')
        archive.writestr("xl/_rels/workbook.xml.rels", (
            f'<Relationships xmlns="{_PKG}">'
            f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{_REL}/styles" Target="styles.xml"/></Relationships>'))
        archive.writestr("xl/styles.xml", f'<styleSheet xmlns="{MAIN_NS}">{styles}</styleSheet>')
        with archive.open("xl/sharedStrings.xml", "w", force_zip64=True) as member:
            member.write(f'<sst xmlns="{MAIN_NS}">'.encode())
            for piece in strings_xml:
                member.write(piece.encode())
            member.write(b"</sst>")
        with archive.open("xl/worksheets/sheet1.xml", "w", force_zip64=True) as member:
            member.write(f'<worksheet xmlns="{MAIN_NS}">'.encode())
            if dimension:
                member.write(f'<dimension ref="{dimension}"/>'.encode())
            member.write(b"<sheetData>")
            for piece in rows_xml:
                member.write(piece.encode())
            member.write(b"</sheetData></worksheet>")
    return buffer.getvalue()


def inline_row(number: int, values) -> str:
    """<row> of inline-string cells A, B, C… (values given as str)."""
    cells = "".join(
        f'<c r="{chr(65 + index)}{number}" t="inlineStr"><is><t>{value}</t></is></c>'
        for index, value in enumerate(values) if value != ""
    )
    return f'<row r="{number}">{cells}</row>'
