"""The three batch reports of the unit (manual 002 §八–§十五) and the export of 上岗人员, registered with the
batch engine. Each import runs the row through the form in traineeships.forms.reports."""

import datetime

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ExportSpec, ImportSpec, register_export, register_import
from traineeships.forms.reports import AttendanceRowForm, MatchingRowForm, OnPostRowForm
from traineeships.models import EndReason, PlacementStatus
from traineeships.rules import MANAGE_BASE as PERMISSION
from traineeships.services import reports

MATCHING, ATTENDANCE, ON_POST = "traineeship_matching", "traineeship_attendance", "traineeship_on_post"
REPORT_SPECS = (MATCHING, ATTENDANCE, ON_POST)

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


def _choices(enum) -> tuple:
    return tuple((value, str(label)) for value, label in enum.choices)


PLACEMENT_EXPORT_COLUMNS = (
    Column("姓名", "person__real_name", width=10),
    Column("身份证号", "person__id_number", text=True, personal="id_number", width=22),
    Column("手机号", "person__mobile", text=True, personal="mobile", width=14),
    Column("岗位名称", "post__title", width=18),
    Column("状态", "status", choices=_choices(PlacementStatus), width=12),
    Column("见习开始日期", "start_on", width=14),
    Column("见习结束日期", "end_on", width=14),
    Column("生活费（元/月）", "monthly_allowance", width=14),
    Column("保险公司", "insurance_company", width=16),
    Column("保单号", "insurance_policy_number", text=True, width=16),
    Column("离岗日期", "ended_on", width=14),
    Column("离岗原因", "end_reason", choices=_choices(EndReason), width=16),
    Column("留用日期", "retained_on", width=14),
    Column("劳动合同信息", "retention_contract", width=24),
)


def _unit_form_kwargs(actor, organisation):
    return {"organisation": organisation}


def unit_placements_for_export(user, params):
    from traineeships.selectors import filter_placements, placements_for_unit

    allowed = {key: params.get(key, "") for key in ("q", "post", "status", "retained")}
    if allowed["status"] and allowed["status"] not in PlacementStatus.values:
        allowed["status"] = ""
    return filter_placements(placements_for_unit(user), **allowed)


def register_report_specs() -> None:
    register_import(ImportSpec(
        key=MATCHING, label=str(_("见习匹配结果批量上报导入")), permission=PERMISSION, columns=MATCHING_COLUMNS,
        form_class=MatchingRowForm, form_kwargs=_unit_form_kwargs, natural_key=("id_number",),
        apply=reports.apply_matching, back_url_name="traineeships:reports",
    ))
    register_import(ImportSpec(
        key=ATTENDANCE, label=str(_("见习考勤批量上报导入")), permission=PERMISSION, columns=ATTENDANCE_COLUMNS,
        form_class=AttendanceRowForm, form_kwargs=_unit_form_kwargs, natural_key=("id_number", "month"),
        apply=reports.apply_attendance, back_url_name="traineeships:reports",
    ))
    register_import(ImportSpec(
        key=ON_POST, label=str(_("见习人员每月在岗情况上报导入")), permission=PERMISSION, columns=ON_POST_COLUMNS,
        form_class=OnPostRowForm, form_kwargs=_unit_form_kwargs, natural_key=("id_number", "month"),
        apply=reports.apply_on_post, back_url_name="traineeships:reports",
    ))
    register_export(ExportSpec(
        key="traineeship_placements", label=str(_("上岗人员导出")), permission=PERMISSION,
        columns=PLACEMENT_EXPORT_COLUMNS, queryset=unit_placements_for_export,
        back_url_name="traineeships:placements",
    ))
