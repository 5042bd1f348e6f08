"""Validation workers reading the sheet themselves (batch.reading.SheetReader.parse_region): the job's process
only cuts the sheet's XML into regions of whole rows, and the import gives exactly what an in-process import of
the same file gives -- counters, status and error, row errors with their cells, stored rows -- for bad rows,
duplicates, a file broken part way, a region the fast path cannot read, a refused row number."""

import io
import zipfile

import pytest

from batch import engine, parallel, xlsx
from batch.models import BatchJob
from core import crypto
from organisations.models import StaffMember
from tests.batch.helpers import id_number, xlsx_bytes
from tests.batch.test_import import ZHANG, signed_in  # noqa: F401
from tests.batch.test_parallel import mixed_rows

SHEET = "xl/worksheets/sheet1.xml"


@pytest.fixture
def small_regions(monkeypatch):
    """Regions of about one row, so that nearly every row after the header reaches a worker as raw XML."""
    monkeypatch.setattr(xlsx.ChildStream, "CHUNK", 300)


@pytest.fixture
def regions_sent(monkeypatch):
    """Two workers, two rows per batch of rows read here; counts the regions sent to the workers."""
    sent = []
    submit = parallel.ValidationPool.submit_region

    def counted(self, region):
        sent.append(region.base)
        submit(self, region)

    monkeypatch.setattr(parallel, "worker_count", lambda estimated_rows: 2)
    monkeypatch.setattr(parallel, "BATCH_ROWS", 2)
    monkeypatch.setattr(parallel.ValidationPool, "submit_region", counted)
    return sent


def edited(content: bytes, edit) -> bytes:
    """The workbook with its sheet's XML passed through edit(text)."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(content)) as source, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            data = source.read(info.filename)
            if info.filename == SHEET:
                changed = edit(data.decode("utf-8"))
                assert changed != data.decode("utf-8")
                data = changed.encode("utf-8")
            target.writestr(info.filename, data)
    return out.getvalue()


def many_rows():
    rows = mixed_rows()
    for seq in range(30):
        rows.append([f"职工{seq}", id_number("19870707", 200 + seq), "", f"1390000{seq:04d}", "销售部", "", "", ""])
    rows.append(["重复二", id_number("19870707", 205), "", "", "", "", "", ""])  # the same ID as an earlier row
    return rows


def outcome():
    job = BatchJob.objects.get()
    staff = sorted(
        (name, crypto.decrypt(raw_id) if raw_id.startswith("enc") else raw_id, gender, mobile, wage)
        for name, raw_id, gender, mobile, wage in StaffMember.objects.values_list(
            "name", "id_number", "gender", "mobile", "monthly_wage"))
    errors = sorted(job.row_errors.values_list("row_number", "message", "values"))
    return ((job.status, job.error, job.processed_rows, job.created_rows, job.updated_rows, job.unchanged_rows,
             job.failed_rows), errors, staff)


def both_ways(post_import, client, content, monkeypatch, sent):
    post_import(client, content)
    in_pool = outcome()
    assert sent, "no region reached a worker"
    StaffMember.objects.all().delete()
    BatchJob.objects.all().delete()
    monkeypatch.setattr(parallel, "worker_count", lambda estimated_rows: 0)
    post_import(client, content)
    assert outcome() == in_pool
    return in_pool


FILES = {
    "bad rows and duplicates": lambda: xlsx_bytes(many_rows()),
    # expat refuses the XML at row 30: the rows before it are handed out, whole chunks kept, the same message
    "broken part way": lambda: edited(xlsx_bytes(many_rows()), lambda text: text.replace(
        '<row r="30" ', '<row r="30"><broken ', 1)),
    # whitespace between two cells of row 25: the worker stops there and the tree path reads on here
    "fast path ends part way": lambda: edited(xlsx_bytes(many_rows()), lambda text: text.replace(
        '</c><c r="B25"', '</c> <c r="B25"', 1)),
    # a row number beyond Excel's last, read by a worker: the same refusal after the same rows
    "row number refused": lambda: edited(xlsx_bytes(many_rows()), lambda text: text.replace(
        '<row r="33" ', '<row r="2000000" ', 1)),
    # a shared string index past the table: that row's error, read by a worker
    "unreadable cell": lambda: edited(xlsx_bytes(many_rows()), lambda text: text.replace(
        '<c r="A28" t="s"><v>', '<c r="A28" t="s"><v>9999', 1)),
}


@pytest.mark.parametrize("name", FILES)
def test_workers_reading_the_sheet_give_the_in_process_results(post_import, signed_in, small_regions,  # noqa: F811
                                                              regions_sent, monkeypatch, name):
    counters, errors, staff = both_ways(post_import, signed_in, FILES[name](), monkeypatch, regions_sent)
    if name == "bad rows and duplicates":
        assert counters[0] == "partly_failed"
        assert {number: message for number, message, _values in errors}[len(many_rows()) + 1] == (
            f"身份证号与第{len(mixed_rows()) + 7}行重复")
        assert len(staff) == counters[3] > 30
    if name == "broken part way":
        assert counters[1] == "第29行之后的内容无法读取，文件可能已损坏。已保存的行不受影响，修正文件后重新导入即可。"
    if name == "row number refused":
        assert counters[1].startswith("行号 2000000 超出 Excel 的最大行数")


def test_the_job_process_reading_regions_itself_gives_the_same_results(post_import, signed_in,  # noqa: F811
                                                                      small_regions, regions_sent, monkeypatch):
    """While the workers are busy the job's process reads regions itself (not sealed there): forced here on
    every other region, the results are still an in-process import's."""
    monkeypatch.setattr(parallel.ValidationPool, "oldest_ready", lambda self: False)
    monkeypatch.setattr(engine, "STEAL_SHARE", -1)  # with two workers: every other region
    read_here = []
    original = parallel.validate_region

    def counted(reader, validator, prepare, region):
        read_here.append(prepare)
        return original(reader, validator, prepare, region)

    monkeypatch.setattr(parallel, "validate_region", counted)
    content = edited(xlsx_bytes(many_rows()), lambda text: text.replace('<row r="40" ', '<row r="40"><broken ', 1))
    counters, _errors, _staff = both_ways(post_import, signed_in, content, monkeypatch, regions_sent)
    assert read_here and set(read_here) == {None}
    assert counters[1].startswith("第39行之后的内容无法读取")


def test_a_cell_text_holding_the_separator_comes_back_whole(post_import, signed_in, small_regions,  # noqa: F811
                                                           regions_sent, monkeypatch):
    rows = [[f"员工{seq}", id_number("19880808", 300 + seq), "", "", "", "", "", ""] for seq in range(8)]
    rows.append(["甲\x1f乙", ZHANG, "", "", "", "", "", ""])  # saved by xlsxwriter as 甲_x001F_乙
    rows.append(["甲\x1f乙二", ZHANG, "", "", "", "", "", ""])  # refused as a duplicate: its cells are kept
    _counters, errors, _staff = both_ways(post_import, signed_in, xlsx_bytes(rows), monkeypatch, regions_sent)
    assert errors[-1][2][0] == "甲\x1f乙二"
