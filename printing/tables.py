"""A long table (a roster of hundreds or thousands of lines) drawn straight into a PDF.

WeasyPrint lays out every cell of every line through its CSS box model and Pango: about 9 ms a line, so a
1,000-line roster took 8–12 s (bench/README.md, "pdf.py"). A roster needs none of that machinery: fixed columns,
plain text in one font, rows that wrap only in their widest column. Here each character's width comes from the
shipped font's own metrics, rows are measured and paginated in Python, and the pages are written with pydyf and
the font subset with fontTools (both already brought by WeasyPrint). The look follows printing/base_print.html
(A4 landscape, its margins, fonts, borders and footer) so a roster prints like the other documents.
"""

import io
import re
from dataclasses import dataclass
from functools import lru_cache

import pydyf
from fontTools import subset
from fontTools.ttLib import TTFont

from printing.pdf import FONT_FILE, read_shipped

MM = 72 / 25.4
PAGE_WIDTH, PAGE_HEIGHT = 297 * MM, 210 * MM  # A4 landscape
MARGIN_TOP, MARGIN_RIGHT, MARGIN_BOTTOM, MARGIN_LEFT = 18 * MM, 16 * MM, 20 * MM, 16 * MM
LINE_HEIGHT = 1.45  # as base_print.html
TABLE_SIZE, BODY_SIZE, TITLE_SIZE, NOTE_SIZE, FOOTER_SIZE = 9, 10.5, 18, 9, 8
PAD_X, PAD_Y = 2 * MM, 1.5 * MM
BORDER = 0.6
BLACK, GREY, HEADING_FILL = 0.0, 0x55 / 255, 0xF2 / 255
SIGNATURE_HEIGHT, SIGNATURE_GAP = 28 * MM, 8 * MM

# A run of Latin letters or digits (an amount, a date, an ID number) stays on one line, as in the browser; closing
# punctuation never starts a line.
_TOKENS = re.compile(r"(?:[0-9A-Za-z.,:%/+\-]+|\s|.)[，。、：；）」”%]*")


@dataclass(frozen=True)
class Column:
    heading: str
    width: float  # mm; 0: what the other columns leave
    nowrap: bool = False


@dataclass(frozen=True)
class Cell:
    """A cell spanning columns or aligned otherwise; a row's plain strings are left-aligned single cells."""

    text: str
    span: int = 1
    align: str = "left"
    grey: bool = False


@dataclass(frozen=True)
class TableDocument:
    title: str
    subtitle: str
    note: str
    columns: tuple[Column, ...]
    rows: list  # each a list of str ("\n" breaks a line) or Cell
    signatures: tuple[str, ...]  # boxes after the table, each with "年　月　日" in its corner
    footer: str  # bottom left of every page; bottom right: 第 N 页 / 共 M 页


class _Font:
    """The shipped CID-keyed OpenType font: character → CID and advance width (in 1/1000 em)."""

    def __init__(self):
        font = TTFont(io.BytesIO(read_shipped(FONT_FILE)), lazy=True)
        scale = 1000 / font["head"].unitsPerEm
        self.cmap = font.getBestCmap()
        self.metrics = font["hmtx"].metrics
        self.scale = scale
        self.ascent = font["hhea"].ascent * scale
        self.descent = -font["hhea"].descent * scale
        self.glyphs: dict[str, tuple[int, float, str]] = {}

    def glyph(self, char: str) -> tuple[int, float, str]:
        """(CID, advance, glyph name); a character the font lacks is its empty glyph 0."""
        found = self.glyphs.get(char)
        if found is None:
            name = self.cmap.get(ord(char), ".notdef")
            cid = int(name[3:]) if name.startswith("cid") else 0
            found = self.glyphs[char] = (cid, self.metrics[name][0] * self.scale, name)
        return found

    def width(self, text: str, size: float) -> float:
        return sum(self.glyph(char)[1] for char in text) * size / 1000


@lru_cache(maxsize=1)
def _font() -> _Font:
    return _Font()


class _Text:
    """The characters a document shows: their CIDs for the content streams, the subset font and its maps."""

    def __init__(self, font: _Font):
        self.font = font
        self.used: dict[str, tuple[int, float, str]] = {}
        # A roster repeats its dates, amounts and phrases on every line: each is measured and encoded once per
        # document (not per process: the texts include names and ID numbers).
        self.advances: dict[str, float] = {}
        self.codes: dict[str, str] = {}

    def width(self, text: str, size: float) -> float:
        advance = self.advances.get(text)
        if advance is None:
            advance = self.advances[text] = self.font.width(text, 1000)
        return advance * size / 1000

    def hex(self, text: str) -> str:
        found = self.codes.get(text)
        if found is not None:
            return found
        codes = []
        for char in text:
            glyph = self.used.get(char)
            if glyph is None:
                glyph = self.used[char] = self.font.glyph(char)
            codes.append(f"{glyph[0]:04x}")
        found = self.codes[text] = "".join(codes)
        return found

    def embed(self, pdf: pydyf.PDF) -> pydyf.Dictionary:
        font = TTFont(io.BytesIO(read_shipped(FONT_FILE)), lazy=True)
        # Only the CFF outlines are embedded (the widths and the character map are the PDF's own): the other
        # tables are dropped before subsetting, so they are never even parsed.
        for tag in set(font.keys()) - {"GlyphOrder", "head", "hhea", "maxp", "hmtx", "CFF "}:
            del font[tag]
        options = subset.Options()
        options.layout_features, options.name_IDs, options.hinting, options.notdef_outline = [], [], False, True
        subsetter = subset.Subsetter(options)
        subsetter.populate(glyphs=sorted({name for _, _, name in self.used.values()} | {".notdef"}))
        subsetter.subset(font)
        cff = font["CFF "].compile(font)
        file = pydyf.Stream([cff], {"Subtype": "/CIDFontType0C"}, compress=True)
        pdf.add_object(file)
        widths = pydyf.Array()
        by_cid = sorted({cid: width for cid, width, _ in self.used.values()}.items())
        for cid, width in by_cid:
            widths.extend([cid, pydyf.Array([round(width)])])
        descriptor = pydyf.Dictionary({
            "Type": "/FontDescriptor", "FontName": "/PRAXIS+NotoSansSC-Regular", "Flags": 4,
            "FontBBox": pydyf.Array([-1000, -300, 2000, 1200]), "ItalicAngle": 0,
            "Ascent": round(self.font.ascent), "Descent": -round(self.font.descent), "CapHeight": 733, "StemV": 80,
            "FontFile3": file.reference,
        })
        pdf.add_object(descriptor)
        cid_font = pydyf.Dictionary({
            "Type": "/Font", "Subtype": "/CIDFontType0", "BaseFont": "/PRAXIS+NotoSansSC-Regular",
            "CIDSystemInfo": pydyf.Dictionary({
                "Registry": pydyf.String("Adobe"), "Ordering": pydyf.String("Identity"), "Supplement": 0}),
            "FontDescriptor": descriptor.reference, "DW": 1000, "W": widths,
        })
        pdf.add_object(cid_font)
        # Glyph 0 stands for every character the font lacks: it maps back to none of them.
        unicode = {cid: char for char, (cid, _, _) in self.used.items() if cid}
        to_unicode = pydyf.Stream([_cmap(unicode)], compress=True)
        pdf.add_object(to_unicode)
        type0 = pydyf.Dictionary({
            "Type": "/Font", "Subtype": "/Type0", "BaseFont": "/PRAXIS+NotoSansSC-Regular",
            "Encoding": "/Identity-H", "DescendantFonts": pydyf.Array([cid_font.reference]),
            "ToUnicode": to_unicode.reference,
        })
        pdf.add_object(type0)
        return type0


def _cmap(chars: dict[int, str]) -> bytes:
    """The ToUnicode map, so the text can be searched and copied (and read back by the tests)."""
    lines = ["/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap",
             "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def",
             "/CMapName /Adobe-Identity-UCS def", "/CMapType 2 def",
             "1 begincodespacerange", "<0000> <FFFF>", "endcodespacerange"]
    pairs = sorted(chars.items())
    for start in range(0, len(pairs), 100):
        block = pairs[start:start + 100]
        lines.append(f"{len(block)} beginbfchar")
        lines.extend(f"<{cid:04x}> <{char.encode('utf-16-be').hex()}>" for cid, char in block)
        lines.append("endbfchar")
    lines += ["endcmap", "CMapName currentdict /CIDFont defineresource pop", "end", "end"]
    return "\n".join(lines).encode()


def wrap(measure: _Text, text: str, width: float, size: float) -> list[str]:
    """`text` broken into lines no wider than `width` (points): between any two Chinese characters, never
    inside a run of digits or Latin letters unless that run alone is too wide."""
    lines = []
    for paragraph in text.split("\n"):
        line, line_width = "", 0.0
        for token in _TOKENS.findall(paragraph):
            token_width = measure.width(token, size)
            if line and line_width + token_width > width:
                lines.append(line.rstrip())
                line, line_width = "", 0.0
                if token.isspace():
                    continue
            if token_width > width:
                for char in token:
                    char_width = measure.width(char, size)
                    if line and line_width + char_width > width:
                        lines.append(line)
                        line, line_width = "", 0.0
                    line, line_width = line + char, line_width + char_width
                continue
            line, line_width = line + token, line_width + token_width
        lines.append(line.rstrip())
    return lines


class _Page:
    def __init__(self):
        self.ops: list[str] = []

    def text(self, text: str, font: _Text, x: float, baseline: float, size: float, grey: float = BLACK,
             spacing: float = 0) -> None:
        if not text:
            return
        spacing_op = f"{spacing:.2f} Tc " if spacing else ""
        self.ops.append(f"{grey:.3f} g BT /F1 {size} Tf {spacing_op}1 0 0 1 {x:.2f} {baseline:.2f} Tm "
                        f"<{font.hex(text)}> Tj ET{' 0 Tc' if spacing else ''}")

    def box(self, x: float, top: float, width: float, height: float, fill: float | None = None) -> None:
        if fill is not None:
            self.ops.append(f"{fill:.3f} g {x:.2f} {top - height:.2f} {width:.2f} {height:.2f} re f")
        self.ops.append(f"{x:.2f} {top - height:.2f} {width:.2f} {height:.2f} re S")


class _Layout:
    """Rows measured and placed on pages; the table's heading row is repeated at the top of every page."""

    def __init__(self, document: TableDocument):
        self.document = document
        self.font = _font()
        self.text = _Text(self.font)
        content_width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        fixed = sum(column.width * MM for column in document.columns)
        rest = content_width - fixed
        self.widths = [column.width * MM or rest for column in document.columns]
        self.lefts = [MARGIN_LEFT + sum(self.widths[:index]) for index in range(len(self.widths))]
        self.pages: list[_Page] = []
        self.line = TABLE_SIZE * LINE_HEIGHT

    def baseline(self, top: float, size: float) -> float:
        """Where text of `size` sits in a line box starting at `top` (half the leading above, as CSS does)."""
        leading = size * LINE_HEIGHT - (self.font.ascent + self.font.descent) * size / 1000
        return top - leading / 2 - self.font.ascent * size / 1000

    def cells(self, row: list) -> list[tuple[Cell, float, float, list[str]]]:
        """(cell, left, width, lines) of a row."""
        placed, column = [], 0
        for value in row:
            cell = value if isinstance(value, Cell) else Cell(value)
            width = sum(self.widths[column:column + cell.span])
            nowrap = cell.span == 1 and self.document.columns[column].nowrap
            inner = width - 2 * PAD_X
            lines = cell.text.split("\n") if nowrap else wrap(self.text, cell.text, inner, TABLE_SIZE)
            placed.append((cell, self.lefts[column], width, lines))
            column += cell.span
        return placed

    def draw_row(self, page: _Page, top: float, placed: list, height: float, fill: float | None = None) -> None:
        for cell, left, width, lines in placed:
            page.box(left, top, width, height, fill)
            baseline = self.baseline(top - PAD_Y, TABLE_SIZE)
            for line in lines:
                x = left + PAD_X
                if cell.align == "right":
                    x = left + width - PAD_X - self.text.width(line, TABLE_SIZE)
                page.text(line, self.text, x, baseline, TABLE_SIZE, GREY if cell.grey else BLACK)
                baseline -= self.line

    def row_height(self, placed: list) -> float:
        return max(len(lines) for _, _, _, lines in placed) * self.line + 2 * PAD_Y

    def new_page(self, heading: list | None) -> float:
        page = _Page()
        page.ops.append(f"{BORDER} w")
        self.pages.append(page)
        top = PAGE_HEIGHT - MARGIN_TOP
        if heading is not None:
            height = self.row_height(heading)
            self.draw_row(page, top, heading, height, HEADING_FILL)
            top -= height
        return top

    def run(self) -> None:
        document = self.document
        heading = self.cells([Cell(column.heading) for column in document.columns])
        top = self.new_page(None)
        top = self.head(self.pages[0], top)
        height = self.row_height(heading)
        self.draw_row(self.pages[0], top, heading, height, HEADING_FILL)
        top -= height
        for row in document.rows:
            placed = self.cells(row)
            height = self.row_height(placed)
            if top - height < MARGIN_BOTTOM:
                top = self.new_page(heading)
            self.draw_row(self.pages[-1], top, placed, height)
            top -= height
        self.sign(top)
        self.number()

    def head(self, page: _Page, top: float) -> float:
        """The title, subtitle and note above the table (h1, .subtitle and p of base_print.html)."""
        document, middle = self.document, PAGE_WIDTH / 2
        spacing = 4
        title_width = self.text.width(document.title, TITLE_SIZE) + spacing * len(document.title)
        page.text(document.title, self.text, middle - title_width / 2, self.baseline(top, TITLE_SIZE), TITLE_SIZE,
                  spacing=spacing)
        top -= TITLE_SIZE * LINE_HEIGHT + 2 * MM
        subtitle_x = middle - self.text.width(document.subtitle, NOTE_SIZE) / 2
        page.text(document.subtitle, self.text, subtitle_x, self.baseline(top, NOTE_SIZE), NOTE_SIZE, 0x33 / 255)
        top -= NOTE_SIZE * LINE_HEIGHT + 5 * MM + NOTE_SIZE
        for line in wrap(self.text, document.note, PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT, NOTE_SIZE):
            page.text(line, self.text, MARGIN_LEFT, self.baseline(top, NOTE_SIZE), NOTE_SIZE)
            top -= NOTE_SIZE * LINE_HEIGHT
        return top - NOTE_SIZE

    def sign(self, top: float) -> None:
        """The signature boxes side by side after the table, all on one page (page-break-inside: avoid)."""
        count = len(self.document.signatures)
        if not count:
            return
        height = SIGNATURE_HEIGHT + 4 * MM
        if top - SIGNATURE_GAP - height < MARGIN_BOTTOM:
            top = self.new_page(None) + SIGNATURE_GAP
        top -= SIGNATURE_GAP
        content_width = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT
        width = (content_width - SIGNATURE_GAP * (count - 1)) / count
        page, date = self.pages[-1], "年　　月　　日"
        for index, label in enumerate(self.document.signatures):
            left = MARGIN_LEFT + index * (width + SIGNATURE_GAP)
            page.box(left, top, width, height)
            page.text(label, self.text, left + 3 * MM, self.baseline(top - 2 * MM, BODY_SIZE), BODY_SIZE)
            date_x = left + width - 4 * MM - self.text.width(date, BODY_SIZE)
            date_top = top - height + 3 * MM + BODY_SIZE * LINE_HEIGHT
            page.text(date, self.text, date_x, self.baseline(date_top, BODY_SIZE), BODY_SIZE)

    def number(self) -> None:
        """The footer of every page, once the number of pages is known."""
        top = MARGIN_BOTTOM / 2 + FOOTER_SIZE * LINE_HEIGHT / 2
        baseline = self.baseline(top, FOOTER_SIZE)
        total = len(self.pages)
        for number, page in enumerate(self.pages, start=1):
            page.text(self.document.footer, self.text, MARGIN_LEFT, baseline, FOOTER_SIZE, GREY)
            label = f"第 {number} 页 / 共 {total} 页"
            x = PAGE_WIDTH - MARGIN_RIGHT - self.text.width(label, FOOTER_SIZE)
            page.text(label, self.text, x, baseline, FOOTER_SIZE, GREY)


def render_table_pdf(document: TableDocument) -> bytes:
    layout = _Layout(document)
    layout.run()
    pdf = pydyf.PDF()
    pdf.info["Title"] = pydyf.String(document.title)
    pdf.info["Producer"] = pydyf.String("Praxis")
    font = layout.text.embed(pdf)
    resources = pydyf.Dictionary({"Font": pydyf.Dictionary({"F1": font.reference})})
    pdf.add_object(resources)
    for page in layout.pages:
        content = pydyf.Stream(["\n".join(page.ops).encode()], compress=True)
        pdf.add_object(content)
        pdf.add_page(pydyf.Dictionary({
            "Type": "/Page", "MediaBox": pydyf.Array([0, 0, round(PAGE_WIDTH, 2), round(PAGE_HEIGHT, 2)]),
            "Resources": resources.reference, "Contents": content.reference,
        }))
    output = io.BytesIO()
    pdf.write(output, compress=True)
    return output.getvalue()
