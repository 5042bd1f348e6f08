"""The exports of the school's overview and of the education department's list of internships
(batch.registry.ExportSpec), registered from internships.exports."""

from django.utils.translation import gettext_lazy as _

from batch.registry import Column, ExportSpec, register_export
from internships.models import InternshipStatus
from internships.rules import REVIEW, SCHOOL
from internships.selectors.school import may_act_for_school, may_supervise


def _row(student):
    from internships.selectors.school_overview import overview_row

    cache = getattr(student, "_overview_row", None)
    if cache is None:
        cache = student._overview_row = overview_row(student)
    return cache


def _yes(flag) -> str:
    return str(_("是")) if flag else str(_("否"))


def _period(student) -> str:
    internship = _row(student).internship
    return f"{internship.starts_on:%Y-%m-%d} 至 {internship.ends_on:%Y-%m-%d}" if internship else ""


OVERVIEW_COLUMNS = (
    Column("班级", "class_name", width=16),
    Column("姓名", "name", width=10),
    Column("身份证号", "id_number", personal="id_number", text=True, width=22, value=lambda s: s.id_number),
    Column("专业", "major", width=18),
    Column("手机号", "mobile", personal="mobile", text=True, width=14, value=lambda s: s.mobile),
    Column("状态", "stage", width=20, value=lambda s: _row(s).stage_label),
    Column("待确认申请数", "open_choices", width=12, value=lambda s: _row(s).open_choices),
    Column("实习企业", "enterprise", width=28,
           value=lambda s: _row(s).internship.enterprise.name if _row(s).internship else ""),
    Column("实习期间", "period", width=24, value=_period),
    Column("三方协议已签署", "agreement", width=12, value=lambda s: _yes(_row(s).agreement)),
    Column("保险覆盖实习期", "insured", width=12, value=lambda s: _yes(_row(s).insured)),
    Column("已到岗", "arrived", width=10, value=lambda s: _yes(_row(s).arrived)),
    Column("企业总结评价", "evaluated", width=12, value=lambda s: _yes(_row(s).evaluated)),
)

SUPERVISION_COLUMNS = (
    Column("学校", "school__name", width=26),
    Column("学生", "student__name", width=10),
    Column("身份证号", "student__id_number", personal="id_number", text=True, width=22),
    Column("专业", "student__major", width=18),
    Column("实习企业", "enterprise__name", width=28),
    Column("岗位", "position__title", width=18),
    Column("开始日期", "starts_on", width=12),
    Column("结束日期", "ends_on", width=12),
    Column("状态", "status", choices=tuple((value, str(label)) for value, label in InternshipStatus.choices),
           width=16),
    Column("到岗日期", "arrived_on", width=12),
)


def school_overview_for_export(user, params):
    from internships.forms.school import OverviewFilterForm
    from internships.selectors.school_overview import class_names, filter_roll, roll_with_stage, school_roll

    form = OverviewFilterForm(params, class_names=class_names(user))
    filters, students = form.filters(), roll_with_stage(school_roll(user))
    return students.none() if filters is None else filter_roll(students, **filters)


def supervision_for_export(user, params):
    from internships.forms.school import SupervisionFilterForm
    from internships.selectors.school_overview import filter_internships, region_internships

    form = SupervisionFilterForm(params)
    filters, internships = form.filters(), region_internships(user)
    return internships.none() if filters is None else filter_internships(internships, **filters)


def register_school_exports() -> None:
    register_export(ExportSpec(
        key="internships_school_overview", label=_("学生实习总览导出"), permission=SCHOOL, columns=OVERVIEW_COLUMNS,
        queryset=school_overview_for_export, back_url_name="internships:school_overview",
        allowed=may_act_for_school, needs_organisation=True))
    register_export(ExportSpec(
        key="internships_supervision", label=_("辖区实习导出"), permission=REVIEW, columns=SUPERVISION_COLUMNS,
        queryset=supervision_for_export, back_url_name="internships:supervision", allowed=may_supervise))
