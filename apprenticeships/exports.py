"""The programme's spreadsheet exports (batch.registry.ExportSpec); registered by apprenticeships.registration."""

from batch.registry import ExportSpec, register_export  # noqa: F401


def register_exports() -> None:
    # --- people: 导出学员名单 --------------------------------------------------------------------------------------
    pass

    # --- claims: 导出花名册 ---------------------------------------------------------------------------------------

    # --- hr: filings of the region ---------------------------------------------------------------------------
