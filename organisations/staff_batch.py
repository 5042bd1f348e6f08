"""The staff roster's import and export, registered with the batch engine."""

import datetime

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ExportSpec, ImportSpec, register_export, register_import
from organisations.models import Education, Gender, TitleLevel
from organisations.rules import MANAGE_STAFF as PERMISSION
from organisations.staff_forms import StaffMemberForm
from organisations.staff_selectors import staff_list_for_user
from organisations.staff_services import SEAL_ROW, import_staff_rows

IMPORT_COLUMNS = (
    Column("姓名", "name", required=True, example="张三", width=12),
    Column("身份证号", "id_number", required=True, example="41010519900307123X", text=True,
           numbers_refused=True, personal="id_number",
           width=22, help_text="18位，请以文本格式填写；性别和出生日期按身份证号识别。"),
    Column("性别", "gender", choices=tuple((value, str(label)) for value, label in Gender.choices), example="male",
           width=8, help_text="可留空；填写时须与身份证号一致。"),
    Column("手机号", "mobile", example="13812345678", text=True, personal="mobile", width=15),
    Column("部门", "department_name", example="技术部"),
    Column("岗位/职称", "job_title", example="工程师"),
    Column("参加工作时间", "hired_on", example=datetime.date(2015, 7, 1), width=14,
           help_text="日期，如 2015-07-01；不能晚于今天。"),
    Column("月工资（元）", "monthly_wage", example=6500, width=14, help_text="不小于0，最多两位小数。"),
    # 学历 and 职称 (issue 10, manual 004 §6.1), after the older columns so files made from older templates keep
    # their positions.
    Column("学历", "education", choices=tuple((value, str(label)) for value, label in Education.choices),
           example="bachelor", width=12),
    Column("职称等级", "title_level", choices=tuple((value, str(label)) for value, label in TitleLevel.choices),
           example="intermediate", width=10),
    Column("职称系列", "title_series", example="工程技术", width=14),
)

# The export repeats the import's columns (plus 出生日期) so an export can be corrected and imported again.
EXPORT_COLUMNS = IMPORT_COLUMNS[:3] + (Column("出生日期", "birth_date", width=12),) + IMPORT_COLUMNS[3:]


# Rows committed together. A roster row stands alone, so a larger chunk than the engine's 2,000 only costs memory
# (a fixed bound) and saves a sixth of a 100,000-row roster's chunk writes: fewer commits, lookups and statements
# (bench/README.md). On SQLite a chunk holds the write lock for about 0.4 s.
STAFF_CHUNK_ROWS = 10_000


def _form_kwargs(actor, organisation):
    return {"organisation": organisation, "check_existing": False}


def register_staff_batch_specs() -> None:
    register_import(ImportSpec(
        key="staff", label=str(_("人员信息导入")), permission=PERMISSION, columns=IMPORT_COLUMNS,
        form_class=StaffMemberForm, form_kwargs=_form_kwargs, natural_key=("id_number",),
        apply=import_staff_rows, back_url_name="staff:list", independent_rows=True,
        fast_validation=True, prepare=SEAL_ROW, chunk_size=STAFF_CHUNK_ROWS,
    ))
    register_export(ExportSpec(
        key="staff", label=str(_("人员信息导出")), permission=PERMISSION, columns=EXPORT_COLUMNS,
        queryset=staff_list_for_user, back_url_name="staff:list",
    ))
