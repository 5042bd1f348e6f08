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

import pydyf

from printing.embedded_font import DocumentText, shipped_font

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


def wrap(measure: DocumentText, text: str, width: float, size: float) -> list[str]:
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

    def text(self, text: str, font: DocumentText, x: float, baseline: float, size: float, grey: float = BLACK,
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
        self.font = shipped_font()
        self.text = DocumentText(self.font)
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

    def new_page(self, heading: list | None, title: bool = False) -> float:
        """A new page, with the title on the first and the heading row on those of the table: where to go on."""
        page = _Page()
        page.ops.append(f"{BORDER} w")
        self.pages.append(page)
        top = PAGE_HEIGHT - MARGIN_TOP
        if title:
            top = self.head(page, top)
        if heading is not None:
            height = self.row_height(heading)
            self.draw_row(page, top, heading, height, HEADING_FILL)
            top -= height
        return top

    def run(self) -> None:
        heading = self.cells([Cell(column.heading) for column in self.document.columns])
        top = self.new_page(heading, title=True)
        for row in self.document.rows:
            placed = self.cells(row)
            height = self.row_height(placed)
            # A row is never split: it moves whole to the next page, as a reader expects of a roster line.
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
