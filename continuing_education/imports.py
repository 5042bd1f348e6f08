"""The programme's imports (batch.registry ImportSpec), each through its screen's own form."""

from batch.registry import register_import  # noqa: F401  (used by the sections below)


def register_imports() -> None:
    # --- units: 导入人员 (organisations' staff import is the foundation's) ----------------------------------------

    # --- catalogue: 培训课程批量导入, 培训教师批量导入 ---------------------------------------------------------------

    # --- classes: 班级人员导入, 面授班培训成果导入, 申请培训班的培训成果导入 ---

    # --- hours: 网络班培训成果导入 ---------------------------------------------------------------------------------
    pass
