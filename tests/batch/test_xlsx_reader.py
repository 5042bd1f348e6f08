"""batch.xlsx, the streaming .xlsx reader: cell types as calamine gives them, with flat memory."""

import datetime
import io
import zipfile

import pytest
from python_calamine import CalamineWorkbook

from batch import xlsx
from batch.xlsx import XlsxProblem, XlsxSheet, column_index, is_date_format
from tests.batch.helpers import STAFF_HEADERS, xlsx_bytes

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"


def workbook(sheet_rows: str, strings=(), styles="", date1904=False, sheet_target="worksheets/data.xml",
             prefix="") -> bytes:
    """A hand-written workbook whose first sheet is stored under an unusual name, as some tools do."""
    p = f"{prefix}:" if prefix else ""
    ns = f'xmlns{":" + prefix if prefix else ""}="{MAIN}"'
    parts = {
        "[Content_Types].xml": "<Types/>",
        "xl/workbook.xml": (
            f'<{p}workbook {ns} xmlns:r="{REL}"><{p}workbookPr date1904="{int(date1904)}"/>'
            f'<{p}sheets><{p}sheet name="名单" sheetId="1" r:id="rId7"/>'
            f'<{p}sheet name="其他" sheetId="2" r:id="rId8"/></{p}sheets></{p}workbook>'
        ),
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId8" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId7" Type="{REL}/worksheet" Target="{sheet_target}"/>'
            f'<Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId4" Type="{REL}/styles" Target="styles.xml"/></Relationships>'
        ),
        "xl/worksheets/sheet1.xml": f'<{p}worksheet {ns}><{p}sheetData/></{p}worksheet>',
        "xl/" + sheet_target: f'<{p}worksheet {ns}><{p}dimension ref="A1:D9"/><{p}sheetData>{sheet_rows}'
                              f'</{p}sheetData></{p}worksheet>',
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">' + "".join(strings) + "</sst>",
        "xl/styles.xml": f'<styleSheet xmlns="{MAIN}">{styles}</styleSheet>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text)
    return buffer.getvalue()


def read(content: bytes) -> list:
    with XlsxSheet(io.BytesIO(content)) as sheet:
        return list(sheet.rows())


STYLES = (
    '<numFmts><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/>'
    '<numFmt numFmtId="165" formatCode="#,##0.00&quot;元&quot;"/><numFmt numFmtId="166" formatCode="h:mm"/></numFmts>'
    '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="31"/>'
    '<xf numFmtId="22"/><xf numFmtId="166"/></cellXfs>'
)


def test_cell_types_missing_cells_and_first_sheet_by_relationship():
    rows = (
        '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'
        # a gap of one row; C2 missing; an inline string with two runs; a number with a money format
        '<row r="3"><c r="A3" t="inlineStr"><is><r><t>张</t></r><r><t xml:space="preserve">伟 </t></r></is></c>'
        '<c r="B3" t="s"><v>2</v></c><c r="D3" s="3"><v>6500.5</v></c></row>'
        # dates by style: builtin 14, custom with 年月日, CJK builtin 31, datetime 22, time-only custom
        '<row r="4"><c r="A4" s="1"><v>42186</v></c><c r="B4" s="2"><v>42186</v></c><c r="C4" s="4"><v>1</v></c>'
        '<c r="D4" s="5"><v>42186.5</v></c><c r="E4" s="6"><v>0.75</v></c></row>'
        # booleans, an error, a formula's text result, an ISO date cell, an empty value, rich shared string
        '<row r="5"><c r="A5" t="b"><v>1</v></c><c r="B5" t="b"><v>0</v></c><c r="C5" t="e"><v>#N/A</v></c>'
        '<c r="D5" t="str"><v>公式_x000D_结果</v></c><c r="E5" t="d"><v>2015-07-01T00:00:00</v></c>'
        '<c r="F5"/><c r="G5" t="s"><v>3</v></c></row>'
        # no r attributes at all: positions follow on
        '<row><c t="s"><v>0</v></c><c><v>3</v></c></row>'
    )
    strings = ["<si><t>姓名</t></si>", "<si><t>身份证号</t></si>", "<si><t>41010519900307123X</t></si>",
               '<si><r><rPr/><t>技术</t></r><r><t>部</t></r><rPh><t>ぎじゅつ</t></rPh></si>']
    assert read(workbook(rows, strings, STYLES)) == [
        (1, ["姓名", "身份证号"]),
        (3, ["张伟 ", "41010519900307123X", "", 6500.5]),
        (4, [datetime.date(2015, 7, 1), datetime.date(2015, 7, 1), datetime.date(1900, 1, 1),
             datetime.datetime(2015, 7, 1, 12, 0), datetime.time(18, 0)]),
        (5, [True, False, "#N/A", "公式\r结果", datetime.date(2015, 7, 1), "", "技术部"]),
        (6, ["姓名", 3.0]),
    ]


def test_prefixed_namespace_and_1904_dates():
    rows = '<x:row r="2"><x:c r="B2" s="1"><x:v>0</x:v></x:c></x:row>'
    content = workbook(rows, (), STYLES, date1904=True, prefix="x")
    assert read(content) == [(2, ["", datetime.date(1904, 1, 1)])]


def test_same_values_as_calamine_for_a_written_roster():
    rows = [["张伟", "41010519900307123X", "男", "13812345678", "技术部", "", datetime.date(2015, 7, 1), 6500.5,
             "大学本科", "中级", "工程技术"],
            ["李娜", "41010519920512224X", "", 13912345678, "", "工程师", "2016/3/1", 5200, "硕士研究生", "副高级",
             "经济"]]
    content = xlsx_bytes(rows)
    calamine = CalamineWorkbook.from_filelike(io.BytesIO(content)).get_sheet_by_index(0).to_python()
    assert [values for _number, values in read(content)] == calamine
    assert calamine[0] == STAFF_HEADERS


def test_shared_strings_spill_to_disk_and_are_read_back_in_any_order(monkeypatch):
    # Small window and cache so most lookups go to the temporary files.
    monkeypatch.setattr(xlsx, "WINDOW_SIZE", 4)
    monkeypatch.setattr(xlsx, "STRING_CACHE_SIZE", 2)
    monkeypatch.setattr(xlsx.ChildStream, "CHUNK", 64)
    strings = [f"<si><t>名字{index}</t></si>" for index in range(300)]
    order = [299, 0, 150, 7, 298, 3, 150]
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>{i}</v></c></row>' for n, i in enumerate(order, start=1))
    assert [values[0] for _n, values in read(workbook(rows, strings))] == [f"名字{i}" for i in order]


def test_a_shared_string_index_past_the_table_is_that_cells_problem():
    # Not the whole file: the reader makes that row's error of it and goes on.
    rows = '<row r="1"><c r="A1" t="s"><v>5</v></c><c r="B1" t="s"><v>0</v></c></row>'
    [(number, [bad, good])] = read(workbook(rows, ["<si><t>一</t></si>"]))
    assert (number, type(bad), bad, bad.reason, good) == (1, xlsx.UnreadableCell, "5", "共享字符串编号无效", "一")


def test_broken_xml_is_a_problem():
    with pytest.raises(XlsxProblem):
        read(workbook('<row r="1"><c r="A1"><v>1</v></row>'))


def test_zip_bomb_is_refused(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_MEMBER_BYTES", 100)
    with pytest.raises(XlsxProblem):
        XlsxSheet(io.BytesIO(workbook("".join(f'<row r="{n}"><c r="A{n}"><v>1</v></c></row>' for n in range(1, 50)))))


@pytest.mark.parametrize(("code", "is_date"), [
    ("yyyy-mm-dd", True), ('yyyy"年"m"月"d"日"', True), ("h:mm:ss", True),
    ('#,##0.00"元"', False), ("0.00_);[Red](0.00)", False), ("General", False), ("@", False),
    ("[DBNum1][$-804]yyyy\"年\"m\"月\"", True),
])
def test_date_format_detection(code, is_date):
    assert is_date_format(code) is is_date


def test_column_index():
    assert [column_index(ref) for ref in ("A1", "Z9", "AA10", "AB12", "XFD1048576")] == [0, 25, 26, 27, 16383]


def test_damaged_compressed_data_is_a_problem():
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>第{n}行内容</t></is></c></row>'
                   for n in range(1, 3000))
    content = bytearray(workbook(rows))
    with zipfile.ZipFile(io.BytesIO(bytes(content))) as archive:
        info = archive.getinfo("xl/worksheets/data.xml")
    start = info.header_offset + 30 + len(info.filename.encode()) + len(info.extra)
    for offset in range(start + 200, start + 260):
        content[offset] ^= 0x5A
    with pytest.raises(XlsxProblem):
        read(bytes(content))
