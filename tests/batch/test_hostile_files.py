"""Files built to hurt: every bad cell is that row's error, and every file beyond the reader's bounds is
refused with a Chinese reason, in bounded memory. The upload request only checks what the file is."""

import tracemalloc

import pytest

from batch import xlsx
from batch.models import BatchJob, JobStatus
from organisations.models import StaffMember
from tests.batch.helpers import STAFF_HEADERS, crafted_xlsx, id_number, inline_row

ZHANG = id_number("19900307", 123)
LI = id_number("19920512", 224)
WANG = id_number("19851130", 335)
ZHAO = id_number("19870101", 446)
SUN = id_number("19880202", 557)
ZHOU = id_number("19890303", 668)
HEADER = inline_row(1, STAFF_HEADERS)
# A job's run (Django, the form, the reader) stays well under this whatever the file holds.
JOB_PEAK_CAP = 40 * 1024 * 1024
# The upload request reads the signature and the zip directory only.
REQUEST_PEAK_CAP = 8 * 1024 * 1024


@pytest.fixture
def signed_in(client, admin_a):
    client.force_login(admin_a)
    return client


@pytest.fixture
def warmed_up(post_import, signed_in):
    """One refused upload first, so the measured request does not count loading templates and code."""
    post_import(signed_in, b"\x89PNG\r\n\x1a\n" + b"\x00" * 64, name="x.xlsx")
    return signed_in


def peak_of(action):
    """(result, peak bytes allocated by Python while running action)."""
    tracemalloc.start()
    try:
        result = action()
        return result, tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def staff_row(number, name, id_text, extra_cells=""):
    return (f'<row r="{number}"><c r="A{number}" t="inlineStr"><is><t>{name}</t></is></c>'
            f'<c r="B{number}" t="inlineStr"><is><t>{id_text}</t></is></c>{extra_cells}</row>')


def test_unreadable_cells_are_row_errors_and_the_other_rows_are_saved(post_import, signed_in):
    rows = [
        HEADER,
        staff_row(2, "张伟", ZHANG, '<c r="H2"><v>6500</v></c>'),
        staff_row(3, "李娜", LI, '<c r="H3"><v>abc</v></c>'),  # a number that is not one
        staff_row(4, "王强", WANG, '<c r="G4" s="1"><v>1e20</v></c>'),  # a date far beyond year 9999
        staff_row(5, "赵六", ZHAO, '<c r="H5" t="e"><v>#DIV/0!</v></c>'),  # a formula error
        staff_row(6, "孙八", SUN, '<c r="G6" t="d"><v>2026-13-45</v></c>'),  # an ISO date that is none
        staff_row(7, "周九", ZHOU, '<c r="E7" t="s"><v>99999</v></c>'),  # a shared string that does not exist
        staff_row(8, "吴十", id_number("19900101", 779), '<c r="H8"><v>1e400</v></c>'),  # beyond any float
    ]
    content = crafted_xlsx(rows)
    expected = [
        (3, "月工资（元）：不是有效的数字（abc）"),
        (4, "参加工作时间：日期超出范围（1e20）"),
        (5, "月工资（元）：公式计算错误（#DIV/0!）"),
        (6, "参加工作时间：不是有效的日期（2026-13-45）"),
        (7, "部门：共享字符串编号无效（99999）"),
        (8, "月工资（元）：输入一个数字。"),
    ]
    for attempt in range(2):  # the same again on re-import: never a failed job
        post_import(signed_in, content)
        job = BatchJob.objects.order_by("pk").last()
        assert (job.status, job.processed_rows, job.failed_rows, job.error) == (JobStatus.PARTLY_FAILED, 7, 6, "")
        assert list(job.row_errors.values_list("row_number", "message")) == expected
        assert (job.created_rows, job.unchanged_rows) == ((1, 0) if attempt == 0 else (0, 1))
    assert list(StaffMember.objects.values_list("name", flat=True)) == ["张伟"]
    assert job.row_errors.get(row_number=3).values[:2] == ["李娜", LI]


@pytest.mark.parametrize(("reference", "message"), [
    ("ZZZZZZZZZZZZ2", "单元格位置“ZZZZZZZZZZZZ2”无效或超出 Excel 的最大列（XFD），不是有效的 Excel 表格"),
    ("AAAAAAA2", "单元格位置“AAAAAAA2”无效或超出 Excel 的最大列（XFD），不是有效的 Excel 表格"),
    ("XFE2", "单元格位置“XFE2”超出 Excel 的最大列（XFD），不是有效的 Excel 表格"),
])
def test_a_cell_beyond_the_last_column_refuses_the_file_without_allocating_it(post_import, signed_in, reference,
                                                                              message):
    content = crafted_xlsx([HEADER, f'<row r="2"><c r="{reference}"><v>1</v></c></row>'])
    assert len(content) < 2048
    response, peak = peak_of(lambda: post_import(signed_in, content))
    job = BatchJob.objects.get()
    assert response.status_code == 302
    assert (job.status, job.error, job.processed_rows) == (
        JobStatus.FAILED, message + "。已保存的行不受影响，修正文件后重新导入即可。", 0)
    assert peak < JOB_PEAK_CAP


def test_a_row_wider_than_excel_is_refused(post_import, signed_in):
    content = crafted_xlsx([HEADER, '<row r="2">' + "<c><v>1</v></c>" * 16_385 + "</row>"])
    post_import(signed_in, content)
    job = BatchJob.objects.get()
    assert job.error == ("一行超过 16384 列（Excel 的上限），不是有效的 Excel 表格。"
                         "已保存的行不受影响，修正文件后重新导入即可。")


def test_a_row_number_beyond_excel_is_refused(post_import, signed_in):
    post_import(signed_in, crafted_xlsx([HEADER, staff_row(2_000_000, "张伟", ZHANG)]))
    job = BatchJob.objects.get()
    assert (job.status, job.error) == (JobStatus.FAILED, "行号 2000000 超出 Excel 的最大行数（1048576），不是有效的 "
                                                          "Excel 表格。已保存的行不受影响，修正文件后重新导入即可。")


def test_more_rows_than_the_cap_are_refused_before_any_is_saved(post_import, signed_in):
    rows = [HEADER, staff_row(2, "张伟", ZHANG)]
    post_import(signed_in, crafted_xlsx(rows, dimension="A1:H600001"))
    job = BatchJob.objects.get()
    assert (job.status, job.error, job.processed_rows) == (
        JobStatus.FAILED, "文件超过 500000 行数据的上限，请分成几个文件导入", 0)
    assert not StaffMember.objects.exists()


def test_a_zip_holding_one_300_mb_string_is_refused_by_the_upload_request(post_import, warmed_up):
    chunk = "A" * (1 << 20)
    content = crafted_xlsx([HEADER], ["<si><t>", *(chunk for _ in range(300)), "</t></si>"])
    assert len(content) < 1024 * 1024
    response, peak = peak_of(lambda: post_import(warmed_up, content))
    assert response.status_code == 200
    assert response.context["form"].errors == {"file": [
        "文件压缩比异常（xl/sharedStrings.xml 解压后是压缩大小的 200 倍以上），疑似恶意文件，已拒绝导入"]}
    assert not BatchJob.objects.exists()
    assert peak < REQUEST_PEAK_CAP + len(content)


def test_a_shared_strings_bomb_is_refused_by_the_upload_request(post_import, warmed_up):
    strings = ("<si><t>重复的内容</t></si>" * 4096 for _ in range(300))  # about 100 MB of XML
    content = crafted_xlsx([HEADER], strings)
    response, peak = peak_of(lambda: post_import(warmed_up, content))
    assert response.context["form"].errors["file"][0].startswith("文件压缩比异常（xl/sharedStrings.xml")
    assert peak < REQUEST_PEAK_CAP + len(content)


def test_a_string_too_long_for_any_cell_is_refused_by_the_job_in_bounded_memory(post_import, signed_in):
    # Incompressible text passes the ratio check: the reader's own bound stops it.
    import random

    noise = random.Random(6)
    text = "".join(chr(0x4E00 + noise.randrange(20000)) for _ in range(1_200_000))  # 3.6 MB of UTF-8
    rows = [HEADER, '<row r="2"><c r="A2" t="s"><v>0</v></c></row>']
    content = crafted_xlsx(rows, ["<si><t>", text, "</t></si>"])
    response, peak = peak_of(lambda: post_import(signed_in, content))
    job = BatchJob.objects.get()
    assert response.status_code == 302
    assert job.error == ("文件中一行（或一个单元格）的内容超过 2 MB，不是有效的模板数据，已拒绝导入。"
                         "已保存的行不受影响，修正文件后重新导入即可。")
    assert peak < JOB_PEAK_CAP + 3 * len(content)


def test_a_string_longer_than_excel_allows_is_refused(post_import, signed_in):
    rows = [HEADER, '<row r="2"><c r="A2" t="s"><v>0</v></c></row>']
    post_import(signed_in, crafted_xlsx(rows, ["<si><t>", "名" * 40_000, "</t></si>"]))
    job = BatchJob.objects.get()
    assert job.error.startswith("文件中有超过 32767 个字符的单元格（Excel 的上限），不是有效的 Excel 表格。")


def test_too_many_archive_members_are_refused_before_reading_the_directory(post_import, signed_in, monkeypatch):
    monkeypatch.setattr(xlsx, "MAX_ARCHIVE_MEMBERS", 3)
    response = post_import(signed_in, crafted_xlsx([HEADER]))
    assert response.context["form"].errors == {"file": ["文件包含的部件过多（6 个），不是有效的 Excel 表格"]}


def test_an_xls_whose_two_cells_span_the_whole_sheet_is_refused_before_calamine_reads_it(post_import, signed_in):
    import io

    import xlwt

    book = xlwt.Workbook(encoding="utf-8")
    sheet = book.add_sheet("Sheet1")
    for column, title in enumerate(STAFF_HEADERS):
        sheet.write(0, column, title)
    sheet.write(65535, 255, "x")  # IV65536: python-calamine would build a 16-million-cell grid (about 1 GB)
    buffer = io.BytesIO()
    book.save(buffer)
    assert len(buffer.getvalue()) < 16 * 1024
    response, peak = peak_of(lambda: post_import(signed_in, buffer.getvalue(), name="人员.xls"))
    job = BatchJob.objects.get()
    assert (response.status_code, job.status, job.error) == (302, JobStatus.FAILED, (
        "文件的单元格范围过大（65536 行 × 256 列），请删除多余的行和列，或另存为 .xlsx 后导入"))
    assert peak < JOB_PEAK_CAP
