"""Long tables drawn straight into a PDF (printing.tables): read back with poppler-utils, every row is there once
and in order, the heading on every page, each page numbered out of the total, the Chinese text extractable from
the embedded subset of the shipped font."""

import re
import shutil

import pytest

from printing.embedded_font import DocumentText, shipped_font
from printing.tables import Cell, Column, TableDocument, render_table_pdf, wrap
from tests.printing.pdftools import page_count, page_numbers, pdf_fonts, pdf_info, pdf_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")

COLUMNS = (Column("序号", 12, nowrap=True), Column("姓名", 30, nowrap=True), Column("金额（元）", 25, nowrap=True),
           Column("说明", 0))


def document(rows: int, signatures=("见习单位（盖章）：", "人社部门审核意见：")) -> TableDocument:
    lines = [[str(number), f"见习人员{number}", f"{number}.00", f"第{number}行说明\n含保险补贴 1{number}.00 元"]
             for number in range(1, rows + 1)]
    lines.append([Cell("合计", span=2, align="right"), "9999.00", ""])
    return TableDocument(title="测试花名册", subtitle="示范单位　2026年1月至2026年6月", note="留用率 50%；说明文字",
                         columns=COLUMNS, rows=lines, signatures=signatures, footer="打印时间：2026-12-06 01:00")


def test_every_row_once_in_order_across_pages_with_the_totals_and_signatures_last(tmp_path):
    pdf = render_table_pdf(document(150))
    text = pdf_text(pdf, tmp_path)
    pages = text.split("\f")[:-1]  # pdftotext ends every page with a form feed
    assert len(pages) == page_count(pdf, tmp_path) == 13  # the table on 12, the signatures alone on the 13th
    numbers = [int(match) for match in re.findall(r"^\s*(\d+)\s+见习人员\1\s", text, re.M)]
    assert numbers == list(range(1, 151))
    for number in (1, 77, 150):
        assert text.count(f"第{number}行说明") == 1 and text.count(f"含保险补贴 1{number}.00 元") == 1
    for index, page in enumerate(pages, start=1):
        assert page_numbers(page) == [(index, 13)]
        assert page.count("打印时间：2026-12-06 01:00") == 1
    assert text.count("测试花名册") == 1 and pages[0].lstrip().startswith("测试花名册")
    assert text.count("留用率 50%；说明文字") == 1
    assert [page.count("序号") for page in pages] == [1] * 12 + [0]  # the heading on each page of the table
    assert re.search(r"合计\s+9999\.00", pages[11]) and text.count("合计") == 1
    assert text.index("见习人员150") < text.index("合计") < text.index("见习单位（盖章）：")
    assert text.count("见习单位（盖章）：") == 1 and text.count("人社部门审核意见：") == 1
    assert "见习单位（盖章）：" in pages[12] and re.search(r"年\s+月\s+日", pages[12])


def test_the_font_is_the_shipped_one_embedded_as_a_subset(tmp_path):
    pdf = render_table_pdf(document(3))
    assert pdf_fonts(pdf, tmp_path) == [{"name": "PRAXIS+NotoSansSC-Regular", "emb": True, "sub": True}]
    assert len(pdf) < 60_000  # a few dozen glyphs, not the 8 MB font
    assert "Page size:       841.89 x 595.28 pts (A4)" in pdf_info(pdf, tmp_path)  # landscape


def test_without_signatures_the_table_ends_the_document(tmp_path):
    text = pdf_text(render_table_pdf(document(2, signatures=())), tmp_path)
    assert "盖章" not in text and page_numbers(text) == [(1, 1)]


def test_wrap_breaks_between_chinese_characters_but_keeps_amounts_and_dates_whole():
    measure = DocumentText(shipped_font())
    size = 9
    char = measure.width("说", size)
    assert wrap(measure, "说明说明说明", 4.5 * char, size) == ["说明说明", "说明"]
    amount = "13,200.00"
    lines = wrap(measure, f"合计合计{amount}元", 4 * char + measure.width(amount, size) - 1, size)
    assert lines == ["合计合计", f"{amount}元"]
    # A closing mark stays with the character before it.
    assert wrap(measure, "说明说明，说", 4.5 * char, size) == ["说明说", "明，说"]
    assert wrap(measure, "第一行\n第二行", 100 * char, size) == ["第一行", "第二行"]
    # A run wider than the column alone is cut where it must be.
    assert wrap(measure, "1234567890", measure.width("12345", size), size) == ["12345", "67890"]
