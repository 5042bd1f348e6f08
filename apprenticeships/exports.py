"""The programme's spreadsheet exports (batch.registry.ExportSpec); registered by apprenticeships.registration."""

from django.utils.translation import gettext_lazy as _

from apprenticeships.forms.people import TRAINEE_LIST_COLUMNS, TRAINEE_LIST_EXPORT, trainees_for_export
from apprenticeships.rules import FILE, may_file
from batch.registry import ExportSpec, register_export  # noqa: F401


def register_exports() -> None:
    # --- people: 导出学员名单 --------------------------------------------------------------------------------------
    # 单位培训人员查询's list with its filters (the list's query string), personal columns masked as on screen.
    register_export(ExportSpec(
        key=TRAINEE_LIST_EXPORT, label=str(_("学徒制培训学员名单导出")), permission=FILE, allowed=may_file,
        columns=TRAINEE_LIST_COLUMNS, queryset=trainees_for_export, back_url_name="apprenticeships:trainees",
        needs_organisation=True))

    # --- claims: 导出花名册 ---------------------------------------------------------------------------------------

    # --- hr: filings of the region ---------------------------------------------------------------------------
