"""The programme's spreadsheet exports (batch.registry.ExportSpec); registered by apprenticeships.registration."""

from django.utils.translation import gettext_lazy as _

from apprenticeships.forms.people import TRAINEE_LIST_COLUMNS, TRAINEE_LIST_EXPORT, trainees_for_export
from apprenticeships.rules import FILE, may_file
from batch.registry import ExportSpec, register_export  # noqa: F401
from apprenticeships.rules import CLAIM, is_hr_reviewer, may_claim
from apprenticeships.selectors.claims import claim_lines_for_export
from batch.registry import Column, ExportSpec, register_export  # noqa: F401


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
