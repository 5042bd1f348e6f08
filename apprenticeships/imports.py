"""The programme's spreadsheet imports (batch.registry.ImportSpec); registered by apprenticeships.registration.
Each row runs through the form of the screen that adds one record."""

from batch.registry import Column, ImportParent, ImportSpec, register_import  # noqa: F401


def register_imports() -> None:
    # --- filing: 培训信息 ----------------------------------------------------------------------------------------
    pass

    # --- people: 培训师资, 培训人员, 培训课程 -----------------------------------------------------------------------

    # --- tracking: attendance --------------------------------------------------------------------------------

    # --- claims: 申领人员 ------------------------------------------------------------------------------------------
