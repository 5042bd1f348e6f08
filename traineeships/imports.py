"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by traineeships.registration.

- The unit's three batch reports (manual 002 §八–§十五): each row runs through its form in
  traineeships.forms.reports.
- 毕业生信息导入 into the graduate register: each row is validated by the form of the register's 新增 screen
  and upserted by ID number.
"""

import datetime

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ImportSpec, register_import
from traineeships.forms.individuals import REGISTER_EDUCATION, GraduateRecordForm
from traineeships.forms.reports import AttendanceRowForm, MatchingRowForm, OnPostRowForm
from traineeships.rules import IMPORT_GRADUATES, MANAGE_BASE
from traineeships.services import reports
from traineeships.services.register import import_graduate_rows

MATCHING, ATTENDANCE, ON_POST = "traineeship_matching", "traineeship_attendance", "traineeship_on_post"
REPORT_SPECS = (MATCHING, ATTENDANCE, ON_POST)
GRADUATES = "graduate_register"

ID = Column("身份证号", "id_number", required=True, example="410105200103071234", text=True, numbers_refused=True,
            personal="id_number", width=22, help_text="18位，请以文本格式填写")
NAME = Column("姓名", "name", required=True, example="张三", width=10)
MONTH = Column("月份", "month", required=True, example="2026-03", text=True, width=10,
               help_text="如 2026-03")

MATCHING_COLUMNS = (
    ID, NAME,
    Column("岗位名称", "post_title", required=True, example="软件测试见习生", width=18,
           help_text="须与本单位审核通过的报名岗位一致"),
    Column("见习开始日期", "start_on", required=True, example=datetime.date(2026, 3, 1), width=14),
    Column("见习结束日期", "end_on", required=True, example=datetime.date(2026, 8, 31), width=14,
           help_text="见习期限3至12个月"),
    Column("生活费（元/月）", "monthly_allowance", required=True, example=2200, width=14,
           help_text="不低于当地当月最低工资标准"),
    Column("保险公司", "insurance_company", required=True, example="中国人寿", width=16),
    Column("保单号", "insurance_policy_number", required=True, example="P2026000123", text=True, width=16),
    Column("保费（元）", "insurance_premium", required=True, example=120, width=10),
    Column("保额（元）", "insurance_sum_insured", required=True, example=500000, width=12),
    Column("保险起始日期", "insurance_valid_from", required=True, example=datetime.date(2026, 3, 1), width=14),
    Column("保险截止日期", "insurance_valid_to", required=True, example=datetime.date(2027, 2, 28), width=14),
    Column("确认倒签", "backdating_confirmed", choices=(("yes", "是"), ("no", "否")), example="no", width=10,
           help_text="见习开始日期早于导入日超过本地区规定天数时填“是”，确认见习人员确已于该日到岗"),
)

ATTENDANCE_COLUMNS = (
    ID, NAME, MONTH,
    Column("出勤天数", "days_attended", required=True, example=21, width=10),
    Column("缺勤天数", "days_absent", required=True, example=1, width=10),
)

ON_POST_COLUMNS = (
    ID, NAME, MONTH,
    Column("是否在岗", "on_post", required=True, choices=(("yes", "是"), ("no", "否")), example="yes", width=10),
    Column("备注", "note", example="", width=24),
)

GRADUATE_COLUMNS = (
    Column("姓名", "name", required=True, example="张三", width=12),
    Column("身份证号", "id_number", required=True, example="41010520030307123X", text=True, numbers_refused=True,
           personal="id_number", width=22, help_text="18位，请以文本格式填写。"),
    Column("毕业院校", "school", required=True, example="郑州大学", width=24),
    Column("专业", "major", required=True, example="计算机科学与技术", width=20),
    Column("学历", "education", required=True, example="bachelor", width=14,
           choices=tuple((value, str(label)) for value, label in REGISTER_EDUCATION)),
    Column("毕业年份", "graduation_year", required=True, example=2025, width=10, help_text="四位年份，如 2025。"),
)


def _unit_form_kwargs(actor, organisation):
    return {"organisation": organisation}


def _graduate_form_kwargs(actor, organisation):
    return {"check_existing": False}


def register_imports() -> None:
    register_import(ImportSpec(
        key=MATCHING, label=str(_("见习匹配结果批量上报导入")), permission=MANAGE_BASE, columns=MATCHING_COLUMNS,
        form_class=MatchingRowForm, form_kwargs=_unit_form_kwargs, natural_key=("id_number",),
        apply=reports.apply_matching, back_url_name="traineeships:reports", with_job=True,
    ))
    register_import(ImportSpec(
        key=ATTENDANCE, label=str(_("见习考勤批量上报导入")), permission=MANAGE_BASE, columns=ATTENDANCE_COLUMNS,
        form_class=AttendanceRowForm, form_kwargs=_unit_form_kwargs, natural_key=("id_number", "month"),
        apply=reports.apply_attendance, back_url_name="traineeships:reports",
    ))
    register_import(ImportSpec(
        key=ON_POST, label=str(_("见习人员每月在岗情况上报导入")), permission=MANAGE_BASE, columns=ON_POST_COLUMNS,
        form_class=OnPostRowForm, form_kwargs=_unit_form_kwargs, natural_key=("id_number", "month"),
        apply=reports.apply_on_post, back_url_name="traineeships:reports",
    ))
    register_import(ImportSpec(
        key=GRADUATES, label=str(_("毕业生信息导入")), permission=IMPORT_GRADUATES, columns=GRADUATE_COLUMNS,
        form_class=GraduateRecordForm, form_kwargs=_graduate_form_kwargs, natural_key=("id_number",),
        apply=import_graduate_rows, back_url_name="traineeships:graduates", independent_rows=True,
    ))
