"""The programme's spreadsheet exports (batch.registry.ExportSpec); registered by apprenticeships.registration."""

from django.utils.translation import gettext_lazy as _

from apprenticeships.forms.people import TRAINEE_LIST_COLUMNS, TRAINEE_LIST_EXPORT, trainees_for_export
from apprenticeships.models import ApprenticeshipType, FilingStatus, TargetLevel
from apprenticeships.rules import CLAIM, FILE, is_hr_reviewer, may_claim, may_file
from apprenticeships.selectors.claims import claim_lines_for_export
from batch.registry import Column, ExportSpec, register_export


def register_exports() -> None:
    # --- people: 导出学员名单 --------------------------------------------------------------------------------------
    # 单位培训人员查询's list with its filters (the list's query string), personal columns masked as on screen.
    register_export(ExportSpec(
        key=TRAINEE_LIST_EXPORT, label=str(_("学徒制培训学员名单导出")), permission=FILE, allowed=may_file,
        columns=TRAINEE_LIST_COLUMNS, queryset=trainees_for_export, back_url_name="apprenticeships:trainees",
        needs_organisation=True))

    # --- claims: 导出花名册 ---------------------------------------------------------------------------------------
    register_export(ExportSpec(
        key="apprenticeship_claim_roster", label=str(_("学徒制补贴花名册导出")), permission=CLAIM,
        allowed=lambda user: may_claim(user) or is_hr_reviewer(user), back_url_name="apprenticeships:claims",
        queryset=claim_lines_for_export,
        columns=(
            Column("序号", "position", width=6),
            Column("申领编号", "claim__number", width=20, value=lambda line: line.claim.number),
            Column("姓名", "name", width=10, value=lambda line: line.detail.get("name", "")),
            Column("身份证号", "id_number", text=True, personal="id_number", width=22,
                   value=lambda line: line.detail.get("id_number", "")),
            Column("备案编号", "filing", width=20, value=lambda line: line.detail.get("filing", "")),
            Column("学徒制培训类型", "type", width=18, value=lambda line: line.detail.get("type", "")),
            Column("培训职业（工种）", "occupation", width=16, value=lambda line: line.detail.get("occupation", "")),
            Column("培训目标等级", "level", width=14, value=lambda line: line.detail.get("level", "")),
            Column("补贴标准（元/年）", "standard", width=14, value=lambda line: line.detail.get("standard", "")),
            Column("培训期（年）", "years", width=10, value=lambda line: line.detail.get("years", "")),
            Column("类别", "kind", width=12, value=lambda line: line.get_kind_display()),
            Column("金额（元）", "amount", width=12, value=lambda line: str(line.amount)),
            Column("计算说明", "explanation", width=80),
        ),
    ))

    # --- hr: filings of the region ---------------------------------------------------------------------------
    register_export(ExportSpec(
        key="apprenticeship_hr_filings", label=str(_("辖区学徒制备案导出")), permission="",
        columns=HR_FILING_COLUMNS, queryset=hr_filings_for_export, allowed=is_hr_reviewer,
        back_url_name="apprenticeships:hr_filings",
    ))
    register_export(ExportSpec(
        key="apprenticeship_statistics", label=str(_("学徒制统计导出")), permission="",
        columns=STATISTICS_COLUMNS, queryset=statistics_for_export, allowed=is_hr_reviewer,
        back_url_name="apprenticeships:statistics",
    ))


# --- hr ----------------------------------------------------------------------------------------------------------


def _choices(enum) -> tuple:
    return tuple((value, str(label)) for value, label in enum.choices)


HR_FILING_COLUMNS = (
    Column("备案编号", "number", width=20),
    Column("企业名称", "organisation__name", width=28),
    Column("统一社会信用代码", "organisation__credit_code", text=True, width=22),
    Column("备案地（参保地）", "region__full_name", width=24),
    Column("学徒制培训类型", "apprenticeship_type", choices=_choices(ApprenticeshipType), width=18),
    Column("状态", "status", choices=_choices(FilingStatus), width=12),
    Column("培训职业（工种）", "training_class__occupation", width=16),
    Column("培训目标等级", "training_class__target_level", choices=_choices(TargetLevel), width=14),
    Column("培训开始日期", "training_class__starts_on", width=14),
    Column("培训结束日期", "training_class__ends_on", width=14),
    Column("提交时间", "submitted_at", width=18),
    Column("审核通过时间", "approved_at", width=18),
)


def hr_filings_for_export(user, params):
    from apprenticeships.forms.hr import HrFilingFilterForm
    from apprenticeships.selectors.hr import filter_filings, region_filings

    filters = HrFilingFilterForm(params).filters()
    filings = region_filings(user)
    # A malformed filter: nothing, as the page shows (not the region's every filing).
    filings = filings.none() if filters is None else filter_filings(filings, **filters)
    return filings.order_by("-submitted_at", "-id")


def _statistics_column(header: str, name: str, width: int = 14) -> Column:
    return Column(header, name, width=width, value=lambda row: getattr(row, name))


STATISTICS_COLUMNS = (
    _statistics_column("分类", "kind", 10),
    _statistics_column("地区/月份", "name", 24),
    _statistics_column("备案在训人数", "enrolled"),
    _statistics_column("流失人数", "lost"),
    _statistics_column("流失率", "lost_rate"),
    _statistics_column("申领金额（元）", "claimed", 16),
    _statistics_column("审核通过金额（元）", "approved", 18),
    _statistics_column("已拨付金额（元）", "paid", 16),
)


def statistics_for_export(user, params):
    from django.core.exceptions import PermissionDenied

    from apprenticeships.forms.hr import StatisticsFilterForm
    from apprenticeships.rules import hr_department
    from apprenticeships.services.statistics import ExportRows, export_rows, statistics_for

    department = hr_department(user)
    if department is None:
        raise PermissionDenied
    filters = StatisticsFilterForm(params).filters()
    if filters is None:  # a malformed year or month: nothing, as the page shows
        return ExportRows([])
    return export_rows(statistics_for(department.region, **filters))
