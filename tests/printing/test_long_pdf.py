"""A long roster printed in parts by several processes (printing.pdf.render_long_pdf) is the same document as
printed in one: every line once and in order, the totals at the end, pages numbered 第 N 页 / 共 M 页 through."""

import datetime
import io
import re
import shutil
from decimal import Decimal
from types import SimpleNamespace

import pytest
from django.test.utils import override_settings
from pypdf import PdfReader

from printing.parallel import render_long_pdf
from tests.printing.pdftools import pdf_fonts, pdf_text

pytestmark = pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")

LINES = 120


def roster_context(lines: int) -> dict:
    # The attributes the roster template reads (no database needed to print).
    start = datetime.date(2026, 1, 1)
    rows = [SimpleNamespace(
        trainee=SimpleNamespace(name=f"见习人员{number}", id_number=f"41010519990307{number:03d}X",
                                post_title="会计助理", start_on=start, end_on=datetime.date(2026, 7, 1),
                                retained_on=None),
        total=Decimal("13200.00"), explanations=["2026年1月至6月，6个月 × 2,200.00 元 = 13,200.00 元"],
    ) for number in range(1, lines + 1)]
    roster = SimpleNamespace(first_month=start, last_month=datetime.date(2026, 6, 1), retention_text="留用率 0.0%",
                             insurance_total=Decimal("0.00"), top_up_total=Decimal("0.00"),
                             total=Decimal("13200.00") * lines, lines=rows)
    return {"roster": roster, "base": SimpleNamespace(organisation=SimpleNamespace(name="郑州示范科技有限公司")),
            "printed_at": "2026-12-05 10:00"}


def printed(tmp_path, **settings) -> tuple[list[str], int]:
    """The text of each page, and how many fonts are embedded (each part embeds its own subset)."""
    context = roster_context(LINES)
    with override_settings(**settings):
        pdf = render_long_pdf("traineeships/roster/print.html", context, lines=context["roster"].lines,
                              personal_data_visible=True)
    pages = pdf_text(pdf, tmp_path).split("\f")[:-1]  # pdftotext ends every page with a form feed
    assert len(PdfReader(io.BytesIO(pdf)).pages) == len(pages)
    return pages, len(pdf_fonts(pdf, tmp_path))


def check_roster(pages: list[str]) -> None:
    total = len(pages)
    for number, page in enumerate(pages, start=1):
        assert f"第 {number} 页 / 共 {total} 页" in page, (number, page)
    text = "\n".join(pages)
    numbered = [(int(number), int(name)) for number, name in re.findall(r"^\s*(\d+)\s+见习人员(\d+)\s", text, re.M)]
    assert numbered == [(n, n) for n in range(1, LINES + 1)]
    assert pages[0].count("就业见习补贴经费花名册") == 1 and "见习人员1 " in pages[0]
    assert "见习人员120" in pages[-1] and "合计" in pages[-1] and "1584000.00" in pages[-1]
    assert text.count("人社部门审核意见") == 1


def test_a_roster_in_two_parts_is_numbered_through(tmp_path):
    pages, fonts = printed(tmp_path, PDF_PARALLEL_MIN_LINES=40, PDF_WORKERS=2)
    check_roster(pages)
    assert len(pages) == 10 and fonts == 2


def test_a_roster_in_one_process(tmp_path):
    pages, fonts = printed(tmp_path, PDF_PARALLEL_MIN_LINES=0)
    check_roster(pages)
    assert len(pages) == 10 and fonts == 1
