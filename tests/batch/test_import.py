import datetime
import decimal

import pytest
from django.db import connection
from django.urls import reverse

from audit.models import AuditEntry
from batch.models import BatchJob, JobStatus, RowError
from core import crypto
from organisations.models import StaffMember
from tests.batch.helpers import (
    STAFF_HEADERS,
    id_number,
    read_rows,
    response_bytes,
    xls_bytes,
    xlsx_bytes,
)

ZHANG = id_number("19900307", 123)  # male (odd sequence)
LI = id_number("19920512", 224)  # female
WANG = id_number("19851130", 335)


def good_rows():
    return [
        ["张伟", ZHANG, "男", "13812345678", "技术部", "工程师", datetime.date(2015, 7, 1), 6500],
        ["李娜", LI, "", "", "财务部", "会计", "2016/3/1", 5200.5],
        ["王强", WANG, "", 13912345678, "", "", "", ""],
    ]


@pytest.fixture
def signed_in(client, admin_a):
    client.force_login(admin_a)
    return client


def test_import_good_rows_creates_staff_and_redirects_to_job(post_import, signed_in, enterprise_a, admin_a):
    response = post_import(signed_in, xlsx_bytes(good_rows()))
    job = BatchJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("batch:detail", args=[job.pk])
    assert (job.kind, job.spec, job.status, job.owner, job.organisation) == (
        "import", "staff", JobStatus.SUCCEEDED, admin_a, enterprise_a,
    )
    assert not list(job.row_errors.values_list("row_number", "message"))
    assert (job.total_rows, job.processed_rows, job.created_rows, job.updated_rows, job.unchanged_rows,
            job.failed_rows) == (3, 3, 3, 0, 0, 0)
    assert job.progress_percent == 100
    assert len(job.source_sha256) == 64
    zhang = StaffMember.objects.get(id_number=ZHANG)
    assert (zhang.organisation, zhang.name, zhang.gender, zhang.birth_date, zhang.mobile, zhang.department_name,
            zhang.job_title, zhang.hired_on, zhang.monthly_wage) == (
        enterprise_a, "张伟", "male", datetime.date(1990, 3, 7), "13812345678", "技术部", "工程师",
        datetime.date(2015, 7, 1), decimal.Decimal("6500.00"),
    )
    li = StaffMember.objects.get(id_number=LI)
    assert (li.gender, li.hired_on, li.monthly_wage) == (
        "female", datetime.date(2016, 3, 1), decimal.Decimal("5200.50"),
    )
    wang = StaffMember.objects.get(id_number=WANG)
    assert (wang.mobile, wang.hired_on, wang.monthly_wage) == ("13912345678", None, None)
    actions = list(AuditEntry.objects.filter(target_type="batch.BatchJob").values_list("action", flat=True))
    # The job's two moves (queued → running → succeeded) are audited by the state writer as well.
    assert sorted(actions) == ["batch.import_finished", "batch.import_started", "batch.job_status", "batch.job_status"]


def test_imported_rows_are_stored_encrypted_with_their_hash(post_import, signed_in):
    """The executemany insert path (batch.inserting) encrypts and hashes as Model.save does."""
    post_import(signed_in, xlsx_bytes(good_rows()))
    zhang = StaffMember.objects.get(id_number=ZHANG)
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, id_number_hash, mobile FROM organisations_staffmember WHERE id = %s",
                       [zhang.pk])
        raw_id, raw_hash, raw_mobile = cursor.fetchone()
    assert crypto.is_ciphertext(raw_id) and crypto.decrypt(raw_id) == ZHANG
    assert crypto.is_ciphertext(raw_mobile) and crypto.decrypt(raw_mobile) == "13812345678"
    assert raw_hash == crypto.keyed_hash(crypto.ID_NUMBER, ZHANG)


def test_import_same_file_twice_creates_nothing(post_import, signed_in):
    content = xlsx_bytes(good_rows())
    post_import(signed_in, content)
    post_import(signed_in, content)
    first, second = BatchJob.objects.order_by("pk")
    assert StaffMember.objects.count() == 3
    assert first.source_sha256 == second.source_sha256
    assert (second.created_rows, second.updated_rows, second.unchanged_rows, second.failed_rows) == (0, 0, 3, 0)


def test_reimport_with_a_changed_row_updates_only_that_row(post_import, signed_in):
    post_import(signed_in, xlsx_bytes(good_rows()))
    rows = good_rows()
    rows[1][4] = "人事部"
    post_import(signed_in, xlsx_bytes(rows))
    job = BatchJob.objects.order_by("pk").last()
    assert (job.created_rows, job.updated_rows, job.unchanged_rows) == (0, 1, 2)
    assert StaffMember.objects.get(id_number=LI).department_name == "人事部"


BAD_ROWS = [
    # row 2: fine
    ["张伟", ZHANG, "男", "13812345678", "技术部", "工程师", datetime.date(2015, 7, 1), 6500],
    # row 3: check digit wrong
    ["赵六", ZHANG[:17] + ("0" if ZHANG[17] != "0" else "1"), "", "", "", "", "", ""],
    # row 4: ID typed as a number
    ["钱七", 410105199003071000, "", "", "", "", "", ""],
    # row 5: name missing, bad mobile
    ["", LI, "", "1381234", "", "", "", ""],
    # row 6: gender disagrees with the ID, negative wage
    ["孙八", WANG, "女", "", "", "", "", -1],
    # row 7: same ID as row 2
    ["张伟二", ZHANG, "", "", "", "", "", ""],
    # row 8: future hire date, unknown gender label
    ["周九", id_number("19950101", 447), "未知", "", "", "", datetime.date.today() + datetime.timedelta(days=3), ""],
]


def expected_reasons():
    expected_check = ZHANG[17]
    return {
        3: f"身份证号：身份证号校验位错误：最后一位应为 {expected_check}，请核对是否录入有误",
        4: "身份证号须以文本格式填写",
        5: "姓名：请填写姓名；手机号：请输入11位中国大陆手机号码",
        6: "性别：性别与身份证号不符（身份证号显示为男）；月工资（元）：月工资不能为负数",
        7: "身份证号与第2行重复",
        8: "性别：只能填写“男”或“女”，当前为“未知”；参加工作时间：参加工作时间不能晚于今天",
    }


def test_bad_rows_are_listed_with_exact_reasons(post_import, signed_in):
    response = post_import(signed_in, xlsx_bytes(BAD_ROWS))
    job = BatchJob.objects.get()
    assert (job.status, job.created_rows, job.failed_rows, job.processed_rows) == (JobStatus.PARTLY_FAILED, 1, 6, 7)
    reasons = dict(RowError.objects.filter(job=job).values_list("row_number", "message"))
    assert reasons == expected_reasons()
    assert RowError.objects.get(job=job, row_number=4).values[:2] == ["钱七", "410105199003071000"]
    assert list(StaffMember.objects.values_list("name", flat=True)) == ["张伟"]
    page = signed_in.get(response["Location"])
    content = page.content.decode()
    assert "身份证号与第2行重复" in content
    assert 'data-count="failed">6<' in content
    assert reverse("batch:download_failed", args=[job.pk]) in content


def test_outcome_shows_partly_and_wholly_failed_imports_apart_from_a_clean_run(post_import, signed_in):
    post_import(signed_in, xlsx_bytes(BAD_ROWS[1:5] + BAD_ROWS[6:]))  # every row refused
    job = BatchJob.objects.get()
    assert (job.status, job.processed_rows, job.failed_rows, job.get_status_display()) == (
        JobStatus.ROWS_FAILED, 5, 5, "全部失败")
    page = signed_in.get(reverse("batch:detail", args=[job.pk])).content.decode()
    assert 'bg-danger" data-testid="job-status" data-outcome="all_failed">全部失败<' in page
    assert 'data-testid="download-result"' not in page
    assert signed_in.get(reverse("batch:download_result", args=[job.pk])).status_code == 404

    post_import(signed_in, xlsx_bytes(BAD_ROWS))
    job = BatchJob.objects.order_by("pk").last()
    assert (job.status, job.get_status_display()) == (JobStatus.PARTLY_FAILED, "部分失败")
    page = signed_in.get(reverse("batch:detail", args=[job.pk])).content.decode()
    assert 'bg-warning text-dark" data-testid="job-status" data-outcome="partial">部分失败<' in page
    assert reverse("batch:download_result", args=[job.pk]) in page
    saved = signed_in.get(reverse("batch:download_result", args=[job.pk]))
    assert [row[:2] for row in read_rows(response_bytes(saved))] == [["姓名", "身份证号"], ["张伟", ZHANG]]
    listing = signed_in.get(reverse("batch:list")).content.decode()
    assert listing.count('data-outcome="partial">部分失败<') == 1
    assert listing.count('data-outcome="all_failed">全部失败<') == 1


def test_failed_rows_file_has_reason_last_and_can_be_fixed_and_reimported(post_import, signed_in):
    post_import(signed_in, xlsx_bytes(BAD_ROWS))
    job = BatchJob.objects.get()
    response = signed_in.get(reverse("batch:download_failed", args=[job.pk]))
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    rows = read_rows(response_bytes(response))
    assert rows[0] == [*STAFF_HEADERS, "失败原因"]
    assert [row[-1] for row in rows[1:]] == list(expected_reasons().values())
    assert rows[2][:2] == ["钱七", "410105199003071000"]
    # Fix every row the way a user would, keep the reason column, and import the file again.
    fixed = []
    for number, row in zip(expected_reasons(), rows[1:]):
        values = list(row[:8])
        if number == 3:
            values[1] = id_number("19800101", 551)
        if number == 4:
            values[1] = id_number("19900307", 663)
        if number == 5:
            values[0], values[3] = "吴十", "13812345679"
        if number == 6:
            values[2], values[7] = "男", 100
        if number == 7:
            values[1] = id_number("19700707", 771)
        if number == 8:
            values[2], values[6] = "", "2020-01-01"
        fixed.append([*values, row[8]])
    post_import(signed_in, xlsx_bytes(fixed, headers=[*STAFF_HEADERS, "失败原因"]))
    second = BatchJob.objects.order_by("pk").last()
    assert (second.created_rows, second.failed_rows) == (6, 0), list(second.row_errors.values_list("message"))
    assert StaffMember.objects.count() == 7


def test_xls_upload_is_read(post_import, signed_in):
    response = post_import(signed_in, xls_bytes(good_rows()), name="人员.xls")
    job = BatchJob.objects.get()
    assert response.status_code == 302
    assert (job.status, job.created_rows, job.failed_rows) == (JobStatus.SUCCEEDED, 3, 0)
    assert StaffMember.objects.get(id_number=LI).monthly_wage == decimal.Decimal("5200.50")
    assert StaffMember.objects.get(id_number=ZHANG).hired_on == datetime.date(2015, 7, 1)


NOT_A_WORKBOOK = "文件内容不是 Excel 表格（.xlsx 或 .xls），请使用下载的模板填写后上传"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 64


@pytest.mark.parametrize(
    ("content", "name", "message"),
    [
        (PNG, "照片.xlsx", NOT_A_WORKBOOK),
        (b"name,id\n", "人员.csv", "只能上传 .xlsx 或 .xls 格式的 Excel 文件"),
        (b"PK\x03\x04" + b"\x00" * 64, "人员.xlsx", NOT_A_WORKBOOK),
    ],
)
def test_bad_files_are_refused_next_to_the_field(post_import, signed_in, content, name, message):
    response = post_import(signed_in, content, name=name)
    assert response.status_code == 200
    assert response.context["form"].errors == {"file": [message]}
    assert f'data-field-error="file">{message}<' in response.content.decode()
    assert not BatchJob.objects.exists()


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (xlsx_bytes([["张伟", ZHANG]], headers=["姓名", "证件号码", *STAFF_HEADERS[2:]]),
         "第1行表头缺少列：身份证号。请下载最新模板填写"),
        (xlsx_bytes([], headers=STAFF_HEADERS), "文件中没有可导入的数据行（第2行示例行会被忽略）"),
    ],
)
def test_the_header_row_is_checked_by_the_job_not_the_upload_request(post_import, signed_in, content, message):
    # The request only stores the file and checks what it is; reading it is the job's work.
    response = post_import(signed_in, content)
    job = BatchJob.objects.get()
    assert response["Location"] == reverse("batch:detail", args=[job.pk])
    assert (job.status, job.error, job.processed_rows) == (JobStatus.FAILED, message, 0)
    assert f'data-testid="job-error">{message}<' in signed_in.get(response["Location"]).content.decode()


def test_too_large_file_is_refused(post_import, signed_in, monkeypatch):
    monkeypatch.setattr("batch.forms.MAX_UPLOAD_BYTES", 100)
    response = post_import(signed_in, xlsx_bytes(good_rows()))
    assert response.status_code == 200
    assert response.context["form"].errors["file"][0].startswith("文件大小为 0.0 MB，超过 20 MB 的上限")
    assert not BatchJob.objects.exists()


def test_template_example_row_is_ignored_on_import(post_import, signed_in):
    template = response_bytes(signed_in.get(reverse("batch:template", args=["staff"])))
    rows = read_rows(template)
    content = xlsx_bytes([rows[1], good_rows()[0]])
    post_import(signed_in, content)
    job = BatchJob.objects.get()
    assert (job.created_rows, job.failed_rows, job.processed_rows) == (1, 0, 1)
    assert list(StaffMember.objects.values_list("name", flat=True)) == ["张伟"]


def test_columns_in_another_order_and_extra_columns_are_accepted(post_import, signed_in):
    headers = ["备注", "身份证号", "姓名"] + STAFF_HEADERS[2:]
    row = ["新员工", ZHANG, "张伟", "男", "", "", "", "", ""]
    post_import(signed_in, xlsx_bytes([row], headers=headers))
    assert StaffMember.objects.get().name == "张伟"


def test_job_crash_marks_failed_with_chinese_reason(post_import, signed_in, monkeypatch):
    def explode(**kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr("organisations.staff_batch.import_staff_rows", explode)
    from organisations.staff_batch import register_staff_batch_specs

    register_staff_batch_specs()
    try:
        post_import(signed_in, xlsx_bytes(good_rows()))
    finally:
        monkeypatch.undo()
        register_staff_batch_specs()
    job = BatchJob.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.error == (
        f"导入过程中发生系统错误（任务编号 {job.pk}）。已保存的行不受影响，请稍后重新导入同一文件，已导入的行不会重复。"
    )
    assert job.finished_at is not None
    assert not StaffMember.objects.exists()


@pytest.fixture
def small_chunks():
    """The staff import with 2-row chunks, so duplicates and failures cross chunk boundaries."""
    import dataclasses

    from batch import registry
    from organisations.staff_batch import register_staff_batch_specs

    registry.register_import(dataclasses.replace(registry.get_import("staff"), chunk_size=2))
    yield
    register_staff_batch_specs()


def test_duplicates_across_chunks_name_the_first_row(post_import, signed_in, small_chunks):
    other = id_number("19800101", 551)
    rows = [
        ["张伟", ZHANG, "", "", "", "", "", ""],  # row 2
        ["李娜", LI, "", "", "", "", "", ""],  # row 3
        ["", other, "", "", "", "", "", ""],  # row 4: invalid, so its ID is not taken
        ["张伟二", ZHANG, "", "", "", "", "", ""],  # row 5: another chunk, same ID as row 2
        ["某人", other, "", "", "", "", "", ""],  # row 6: fine: row 4 never counted
        ["李娜二", LI, "", "", "", "", "", ""],  # row 7
        ["某人二", other, "", "", "", "", "", ""],  # row 8: the first valid row with this ID was row 6
    ]
    post_import(signed_in, xlsx_bytes(rows))
    job = BatchJob.objects.get()
    assert (job.processed_rows, job.created_rows, job.failed_rows) == (7, 3, 4)
    assert dict(job.row_errors.values_list("row_number", "message")) == {
        4: "姓名：请填写姓名",
        5: "身份证号与第2行重复",
        7: "身份证号与第3行重复",
        8: "身份证号与第6行重复",
    }
    assert sorted(StaffMember.objects.values_list("name", flat=True)) == sorted(["张伟", "李娜", "某人"])


def test_success_file_skips_failed_rows_across_chunks(post_import, signed_in, small_chunks):
    rows = [
        ["张伟", ZHANG, "", "", "", "", "", ""],
        ["", LI, "", "", "", "", "", ""],
        ["王强", WANG, "", "", "", "", "", ""],
        ["张伟二", ZHANG, "", "", "", "", "", ""],
        ["李娜", LI, "", "", "", "", "", ""],
    ]
    post_import(signed_in, xlsx_bytes(rows))
    job = BatchJob.objects.get()
    saved = read_rows(response_bytes(signed_in.get(reverse("batch:download_result", args=[job.pk]))))
    assert [row[:2] for row in saved] == [STAFF_HEADERS[:2], ["张伟", ZHANG], ["王强", WANG], ["李娜", LI]]


def test_a_file_that_breaks_off_keeps_whole_chunks_and_says_where(post_import, signed_in, small_chunks,
                                                                  monkeypatch):
    from batch import xlsx

    rows = [["张伟", ZHANG, "", "", "", "", "", ""], ["李娜", LI, "", "", "", "", "", ""],
            ["王强", WANG, "", "", "", "", "", ""]]
    original = xlsx.XlsxSheet.rows

    def breaks_after_three(self):
        for index, item in enumerate(original(self)):
            if index == 3:  # the header, then rows 2 and 3; row 4 is "corrupt"
                raise xlsx.XlsxProblem("unexpected end of data")
            yield item

    content = xlsx_bytes(rows)
    monkeypatch.setattr(xlsx.XlsxSheet, "rows", breaks_after_three)
    post_import(signed_in, content)
    job = BatchJob.objects.get()
    assert job.status == JobStatus.FAILED
    assert job.error == "第3行之后的内容无法读取，文件可能已损坏。已保存的行不受影响，修正文件后重新导入即可。"
    assert (job.processed_rows, job.created_rows) == (2, 2)
    assert StaffMember.objects.count() == 2
