"""batch.xlsx's fast path (regular expressions over the sheet's text) against the element tree it stands in for:
the same rows, values, row numbers and refusals for every file, plain or not, whatever the chunk size."""

import datetime
import io
import random
import zipfile

import pytest

from batch import xlsx
from batch.xlsx import XlsxSheet
from tests.batch.helpers import STAFF_HEADERS, id_number, xlsx_bytes

MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
X14AC = "http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac"
DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
ROOT = f'<worksheet xmlns="{MAIN}" xmlns:r="{REL}" xmlns:x14ac="{X14AC}">'
STYLES = ('<numFmts><numFmt numFmtId="164" formatCode="h:mm"/></numFmts>'
          '<cellXfs><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="164"/></cellXfs>')
STRINGS = ["姓名", "身份证号", "张伟", id_number(), "技术部", " 前后空格 ", "a_x000D_b", "工程师"]
CHUNKS = [64, 97, 1000, 1 << 16]


def workbook(rows: str, preamble: str = DECLARATION + ROOT + '<dimension ref="A1:K9"/>', after: str = "",
             end: str = "</worksheet>", strings=STRINGS) -> bytes:
    sheet = f"{preamble}<sheetData>{rows}</sheetData>{after}{end}"
    parts = {
        "[Content_Types].xml": "<Types/>",
        "xl/workbook.xml": f'<workbook xmlns="{MAIN}" xmlns:r="{REL}"><sheets>'
                           f'<sheet name="名单" sheetId="1" r:id="rId1"/></sheets></workbook>',
        "xl/_rels/workbook.xml.rels": (
            f'<Relationships xmlns="{PKG}">'
            f'<Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/>'
            f'<Relationship Id="rId2" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/>'
            f'<Relationship Id="rId3" Type="{REL}/styles" Target="styles.xml"/></Relationships>'),
        "xl/sharedStrings.xml": f'<sst xmlns="{MAIN}">' + "".join(f"<si><t>{text}</t></si>" for text in strings)
                                + "</sst>",
        "xl/styles.xml": f'<styleSheet xmlns="{MAIN}">{STYLES}</styleSheet>',
    }
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, text in parts.items():
            archive.writestr(name, text.encode("utf-8") if isinstance(text, str) else text)
        archive.writestr("xl/worksheets/sheet1.xml", sheet.encode("utf-8"))
    return buffer.getvalue()


def outcome(content: bytes, fast: bool):
    """(rows as (number, [(type, value, reason)]), the refusal as (type, message) or None): rows handed out
    before a refusal count too, since the import keeps them."""
    rows, refusal = [], None
    try:
        with XlsxSheet(io.BytesIO(content), fast=fast) as sheet:
            for number, values in sheet.rows():
                rows.append((number, [(type(value).__name__, value, getattr(value, "reason", None))
                                      for value in values]))
    except xlsx.XlsxProblem as problem:
        refusal = (type(problem).__name__, str(problem) if isinstance(problem, xlsx.XlsxLimit) else "")
    return rows, refusal


@pytest.fixture
def fallbacks(monkeypatch):
    """The number of row elements each fall-back to the tree path skipped (one entry per fall-back)."""
    calls = []
    original = XlsxSheet._tree_rows

    def recorded(self, skip=0):
        if self.fast:
            calls.append(skip)
        return original(self, skip)

    monkeypatch.setattr(XlsxSheet, "_tree_rows", recorded)
    return calls


def assert_same(content: bytes, monkeypatch, chunks=CHUNKS):
    results = []
    for chunk in chunks:
        monkeypatch.setattr(xlsx.ChildStream, "CHUNK", chunk)
        fast, tree = outcome(content, True), outcome(content, False)
        assert fast == tree, chunk
        results.append(fast)
    return results[-1]


def cell(reference, value="", kind=None, style=None):
    attributes = f' r="{reference}"' + (f' s="{style}"' if style is not None else "") + (
        f' t="{kind}"' if kind else "")
    if kind == "inlineStr":
        return f'<c{attributes}><is><t xml:space="preserve">{value}</t></is></c>'
    return f'<c{attributes}><v>{value}</v></c>' if value != "" else f"<c{attributes}/>"


PLAIN_ROWS = "".join([
    '<row r="1" spans="1:11" x14ac:dyDescent="0.25">' + "".join(cell(f"{c}1", i, "s") for c, i in zip("AB", (0, 1)))
    + "</row>",
    # shared strings, a gap, numbers, dates by style (date, date-time, time only), inline text
    '<row r="2" spans="1:11">' + cell("A2", 2, "s") + cell("B2", 3, "s") + cell("D2", 4, "s") + cell("E2", 5, "s")
    + cell("F2", 6, "s") + cell("G2", 42186, style=1) + cell("H2", "6500.5") + cell("I2", "42186.5", style=2)
    + cell("J2", "0.75", style=3) + cell("K2", "13812345678", "n") + "</row>",
    # booleans, an error, formula text, an ISO date, an empty <v>, an empty cell, inline text with an escape
    '<row r="3">' + cell("A3", 1, "b") + cell("B3", 0, "b") + cell("C3", "#N/A", "e") + cell("D3", "公式_x000D_", "str")
    + cell("E3", "2015-07-01T00:00:00", "d") + cell("F3", "2015-07-01T08:30:00", "d") + '<c r="G3" t="s"><v></v></c>'
    + cell("H3") + cell("I3", "  张 伟 _x000A_", "inlineStr") + "</row>",
    # unreadable cells: a shared string past the table, not a number, a date out of range, a bad ISO date,
    # a style index that is not a date, a long number
    '<row r="4">' + cell("A4", 99, "s") + cell("B4", "abc") + cell("C4", "1e20", style=1)
    + cell("D4", "2015-13-01", "d") + cell("E4", "7", style=0)
    + cell("F4", "1.5E+17") + cell("G4", "x", "s") + "</row>",
    # empty rows (no cells, self-closing), a row without r (numbered after the previous)
    '<row r="5"></row><row r="6" spans="1:1"/><row>' + cell("A7", 7, "s") + "</row>",
    # cells out of order and a repeated position
    '<row r="9">' + cell("C9", 1, "s") + cell("A9", 2, "s") + cell("A9", 4, "s") + "</row>",
    # a wide row (column AA) and the last column
    '<row r="10">' + cell("AA10", 2, "s") + cell("XFD10", "5") + "</row>",
])


def test_plain_rows_are_read_by_the_fast_path_as_the_tree_reads_them(monkeypatch, fallbacks):
    rows, refusal = assert_same(workbook(PLAIN_ROWS), monkeypatch)
    assert refusal is None
    assert fallbacks == []  # every row above is a shape the fast path reads itself
    assert [number for number, _values in rows] == [1, 2, 3, 4, 7, 9, 10]
    assert rows[1][1][6] == ("date", datetime.date(2015, 7, 1), None)


def test_a_roster_written_by_xlsxwriter_is_read_alike_without_falling_back(monkeypatch, fallbacks):
    rng = random.Random(7)
    rows = []
    for index in range(300):
        rows.append([f"员工{index}", id_number(seq=index % 1000), rng.choice(["男", "女", ""]),
                     str(13800000000 + index), rng.choice(["技术部", "财务部", ""]), "",
                     datetime.date(2000 + index % 20, 1 + index % 12, 1 + index % 28), rng.random() * 10000,
                     "大学本科", rng.choice(["中级", ""]), "工程技术"])
    content = xlsx_bytes(rows)
    read, refusal = assert_same(content, monkeypatch)
    assert (len(read), refusal, fallbacks) == (301, None, [])
    assert [value for _type, value, _reason in read[0][1]] == STAFF_HEADERS


@pytest.mark.parametrize("unusual", [
    '<c r="C{n}"><f>1+1</f><v>2</v></c>',  # a formula
    '<c r="C{n}" t="inlineStr"><is><r><t>张</t></r><r><t>伟</t></r></is></c>',  # rich inline text
    '<c r="C{n}" t="inlineStr"><is><t>A&amp;B &lt;x&gt; &#13;</t></is></c>',  # entities
    '<c r="C{n}"><v>1</v></c>\n  ',  # whitespace between cells
    '<!-- a comment --><c r="C{n}"><v>1</v></c>',
    '<c r="C{n}" t="inlineStr"><is><t><![CDATA[</row><x>]]></t></is></c>',
    '<c t="s"><v>2</v></c>',  # no reference
    '<c r="c{n}"><v>3</v></c>',  # a lower-case reference
    "<c r='C{n}'><v>4</v></c>",  # single quotes
    '<c r="C{n}" cm="1"><v>5</v></c>',  # an attribute the expressions do not know
    '<c r="C{n}" t="s" s="1"><v>2</v></c>',  # attributes in another order
    '<c r="C{n}" t=""><v>6</v></c>',
    '<c r="C{n}" s=""><v>6</v></c>',
    '<c r="C{n}"><v>1\r\n2</v></c>',  # a carriage return XML turns into a line feed
    '<c r="C{n}" t="inlineStr"><is><t xml:space="preserve">a\rb</t></is></c>',
    '<?pi data?><c r="C{n}"><v>7</v></c>',
])
def test_anything_unusual_hands_the_rest_to_the_tree_with_the_same_result(monkeypatch, fallbacks, unusual):
    rows = []
    for n in range(2, 60):
        extra = unusual.format(n=n) if n == 41 else ""
        rows.append(f'<row r="{n}">' + cell(f"A{n}", n % 8, "s") + cell(f"B{n}", f"{n}.5") + extra + "</row>")
    content = workbook("".join(rows))
    read, refusal = assert_same(content, monkeypatch)
    assert refusal is None
    assert [number for number, _values in read] == list(range(2, 60))
    assert fallbacks and all(0 < skip < 41 for skip in fallbacks)


@pytest.mark.parametrize("row_start", [
    '<row r="41" r="42">',  # a repeated attribute: not XML
    '<row spans="1:2" r="41">',  # r after another attribute
    f'<row r="41" xmlns="{MAIN}">',
    '<row r="41" ht="15" customHeight="1">',
    "<row r='41'>",
    '<row  r="41">',
    '<row r="41" foo:bar="1">',  # an undeclared prefix: not XML
    '<row r="">',
    '<row r="0">',
    '<row r="2000000">',
])
def test_unusual_rows_and_refusals_are_the_same(monkeypatch, row_start):
    rows = []
    for n in range(2, 60):
        start = row_start if n == 41 else f'<row r="{n}">'
        rows.append(start + cell(f"A{n}", n % 8, "s") + cell(f"B{n}", f"{n}") + "</row>")
    assert_same(workbook("".join(rows)), monkeypatch)


@pytest.mark.parametrize("preamble", [
    ROOT,  # no declaration
    "\ufeff" + DECLARATION + ROOT,
    '<?xml version="1.0" encoding="utf-8"?>' + ROOT,
    f'<x:worksheet xmlns:x="{MAIN}">',  # a prefix for the main namespace
    DECLARATION + ROOT + "<!-- 注释 -->",
    DECLARATION + '<!DOCTYPE worksheet [<!ENTITY name "张伟">]>' + ROOT,
    DECLARATION + ROOT + '<sheetPr><sheetData/></sheetPr>',  # a sheetData nested before the real one
    DECLARATION + ROOT.replace(">", ' mc:Ignorable="x14ac">'),  # an undeclared prefix: not XML
])
def test_unusual_beginnings_are_read_as_the_tree_reads_them(monkeypatch, preamble):
    prefix = "x:" if "x:worksheet" in preamble else ""
    rows = "".join(f'<{prefix}row r="{n}"><{prefix}c r="A{n}" t="s"><{prefix}v>{n % 8}</{prefix}v></{prefix}c>'
                   f'</{prefix}row>' for n in range(1, 40))
    content = workbook(rows, preamble=preamble, end=f"</{prefix}worksheet>").replace(
        b"<sheetData>", f"<{prefix}sheetData>".encode()).replace(b"</sheetData>", f"</{prefix}sheetData>".encode())
    assert_same(content, monkeypatch)


def test_a_sheet_in_another_encoding_is_left_to_the_tree(monkeypatch, fallbacks):
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="inlineStr"><is><t>caf\u00e9 {n}</t></is></c></row>'
                   for n in range(1, 30))
    sheet = f'<?xml version="1.0" encoding="ISO-8859-1"?>{ROOT}<sheetData>{rows}</sheetData></worksheet>'
    content = bytearray(workbook(""))
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(bytes(content))) as source, zipfile.ZipFile(buffer, "w") as target:
        for info in source.infolist():
            data = sheet.encode("latin-1") if info.filename.endswith("sheet1.xml") else source.read(info)
            target.writestr(info.filename, data)
    rows, refusal = assert_same(buffer.getvalue(), monkeypatch)
    assert (rows[0][1][0][1], refusal) == ("café 1", None)
    assert set(fallbacks) == {0}


def numbered(first: int, last: int) -> str:
    return "".join(f'<row r="{n}"><c r="A{n}"><v>{n}</v></c></row>' for n in range(first, last))


@pytest.mark.parametrize(("rows", "after", "end"), [
    # broken XML part way: the rows handed out before the refusal are the same (the import keeps them)
    (numbered(1, 80) + '<row r="80"><c r="A80"><v>1</v></row>' + numbered(81, 120), "", "</worksheet>"),
    (numbered(1, 80), "", ""),  # cut short
    # after the sheet data the tree stops reading at the next element: what follows it is not checked
    (numbered(1, 80), '<pageMargins left="0.7"/>' + "<broken" * 200, ""),
    (numbered(1, 80), " " * 300 + "<broken", ""),
    (numbered(1, 50) + '<row r="50"><c r="ZZZ50"><v>1</v></c></row>', "", "</worksheet>"),  # beyond XFD
    ("", "", "</worksheet>"),  # no rows at all
])
def test_broken_and_refused_files_break_off_at_the_same_row(monkeypatch, rows, after, end):
    assert_same(workbook(rows, after=after, end=end), monkeypatch)


def test_a_row_larger_than_the_bound_is_refused_alike(monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_CHILD_BYTES", 2000)
    wide = '<row r="3">' + "".join(cell(f"{chr(65 + i // 26) if i >= 26 else ''}{chr(65 + i % 26)}3", i)
                                   for i in range(200)) + "</row>"
    rows = '<row r="1"><c r="A1"><v>1</v></c></row><row r="2"><c r="A2"><v>2</v></c></row>' + wide
    _rows, refusal = assert_same(workbook(rows), monkeypatch, chunks=[64, 500])
    assert refusal[0] == "XlsxLimit"


def test_shared_strings_read_in_step_with_the_fast_path(monkeypatch, fallbacks):
    monkeypatch.setattr(xlsx, "WINDOW_SIZE", 4)
    monkeypatch.setattr(xlsx, "STRING_CACHE_SIZE", 2)
    strings = [f"名字{index}" for index in range(300)]
    order = [299, 0, 150, 7, 298, 3, 150]
    rows = "".join(f'<row r="{n}"><c r="A{n}" t="s"><v>{i}</v></c></row>' for n, i in enumerate(order, start=1))
    read, _refusal = assert_same(workbook(rows, strings=strings), monkeypatch)
    assert [values[0][1] for _n, values in read] == [f"名字{i}" for i in order]
    assert fallbacks == []
