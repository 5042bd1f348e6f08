"""The roster PDF (traineeships.views.roster_pdf): the 姓名 column is as wide as the names (they used to be
stacked one character a line), and a long roster prints every line once, in order, with its totals and pages."""

import datetime
import re
import shutil
from decimal import Decimal

import pytest
from django.urls import reverse

from core.masking import mask_id_number
from organisations.models import Organisation
from tests.printing.pdftools import page_count, page_numbers, pdf_info, pdf_text
from tests.traineeships.test_placements import approved_application, on_post_placement
from traineeships.models import TraineeshipBase
from traineeships.services.roster import InsuranceLine, MonthLine, Roster, TraineeInput, TraineeLine
from traineeships.views.roster_pdf import roster_pdf

pytest_plugins = ["tests.traineeships.test_placements"]

NAMES = ("欧阳见习生", "王见习")


@pytest.mark.django_db
@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_roster_pdf_prints_each_name_on_one_line(client, admin_a, post_a, county_reviewer_a, wage, tmp_path):
    for name in NAMES:
        on_post_placement(approved_application(post_a, real_name=name), admin_a, county_reviewer_a)
    client.force_login(admin_a)
    response = client.get(reverse("traineeships:roster"),
                          {"first_month": "2026-03", "last_month": "2026-08", "format": "pdf"})
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    text = pdf_text(response.content, tmp_path)
    for index, name in enumerate(NAMES, start=1):
        # The row starts with its number and the whole name, on one line.
        assert re.search(rf"^\s*{index}\s+{name}\s", text, re.M), text
    # The explanations wrap in their own column instead of squeezing the others.
    assert "补贴经费花名册" in text and "合计" in text


def trainee_line(number: int) -> TraineeLine:
    start = datetime.date(2026, 1, 1)
    trainee = TraineeInput(key=number, name=f"见习人员{number}", id_number=f"41010519990307{number:04d}",
                           post_title="会计助理", start_on=start, end_on=datetime.date(2026, 6, 30),
                           region_codes=("410105",), retained_on=start if number % 3 == 0 else None)
    months = [MonthLine(month=datetime.date(2026, month, 1), days=30, days_in_month=30, on_post=True,
                        minimum_wage=Decimal("2200.00"), rate=Decimal("0.6"), amount=Decimal("1320.00"),
                        explanation=f"2026年{month}月：2,200.00 元 × 60% = 1,320.00 元（第{number}人）")
              for month in (1, 2)]
    insurance = InsuranceLine(month=start, premium=Decimal(number), cap=None, amount=Decimal(number),
                              explanation=f"意外伤害保险补贴 {number}.00 元")
    return TraineeLine(trainee=trainee, months=months, insurance=insurance)


def roster_of(lines: int) -> Roster:
    return Roster(lines=[trainee_line(number) for number in range(1, lines + 1)], retention_rate=Decimal("0.5"),
                  retained=1, ended=2, first_month=datetime.date(2026, 1, 1), last_month=datetime.date(2026, 6, 1))


BASE = TraineeshipBase(organisation=Organisation(name="郑州市示范见习单位有限公司"))


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_a_long_roster_prints_every_line_once_in_order_with_its_totals_and_pages(tmp_path):
    roster = roster_of(300)
    pdf = roster_pdf(roster, BASE, reader=None, printed_at="2026-12-06 01:00")
    text = pdf_text(pdf, tmp_path)
    rows = re.findall(r"^\s*(\d+)\s+(见习人员\d+)\s+(\S+)\s+会计助理\s+2026-01-01\s+(是|否)\s+(\S+)\s", text, re.M)
    assert rows == [(str(line.trainee.key), line.trainee.name, mask_id_number(line.trainee.id_number),
                     "是" if line.trainee.retained_on else "否", str(line.total)) for line in roster.lines]
    for line in roster.lines:
        for explanation in line.explanations:
            assert text.count(explanation) == 1, explanation
    assert text.count("至2026-06-30") == 300
    assert re.findall(r"合计\s+(\S+)", text) == [str(roster.total)] == ["837150.00"]  # 300 × 2,640 + (1 + … + 300)
    assert text.count("就业见习补贴经费花名册") == 1
    assert "郑州市示范见习单位有限公司" in text and "2026年1月至2026年6月" in text
    note = f"{roster.retention_text}；合计含意外伤害保险补贴 {roster.insurance_total} 元、见习结束一次性补差 " \
           f"{roster.top_up_total} 元"
    first_page = re.sub(r"\s+", "", text.split("\f")[0])  # the note wraps
    assert re.sub(r"\s+", "", note) in first_page and roster.insurance_total == Decimal("45150")
    assert text.count("见习单位（盖章）：") == 1 and text.count("人社部门审核意见：") == 1
    pages = page_count(pdf, tmp_path)
    assert pages > 20 and page_numbers(text) == [(number, pages) for number in range(1, pages + 1)]
    assert text.count("打印时间：2026-12-06 01:00") == pages
    assert "Page size:       841.89 x 595.28 pts (A4)" in pdf_info(pdf, tmp_path)  # landscape


@pytest.mark.skipif(shutil.which("pdftotext") is None, reason="needs poppler-utils (pdftotext)")
def test_an_empty_roster_says_so(tmp_path):
    empty = Roster(lines=[], retention_rate=None, retained=0, ended=0, first_month=datetime.date(2026, 1, 1),
                   last_month=datetime.date(2026, 1, 1))
    text = pdf_text(roster_pdf(empty, BASE, reader=None, printed_at="2026-12-06 01:00"), tmp_path)
    assert "该期间没有享受补贴的见习人员" in text and re.findall(r"合计\s+(\S+)", text) == ["0.00"]
    assert page_numbers(text) == [(1, 1)]
