"""The programme's exports (batch.registry ExportSpec), each from its list's own query."""

from batch.registry import register_export  # noqa: F401  (used by the sections below)


def register_exports() -> None:
    # --- catalogue -----------------------------------------------------------------------------------------------

    # --- classes: 班级人员导出, 培训班 ------------------------------------------------------------------------------

    # --- hours: 学时申报管理 ----------------------------------------------------------------------------------------

    # --- archive: 培训档案 ------------------------------------------------------------------------------------------
    pass
