"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""


from continuing_education import rules  # noqa: F401  (used by the sections below)
from continuing_education.rules import GROUP, PROGRAMME
from core.navigation import add_programme_entry, register_programme

ENTRIES = [
    # --- desk: 工作桌面 --------------------------------------------------------------------------------------------

    # --- units: 加入单位 (a person), 待审核的专技人员 ------------------------------------------------------------
    # The entries are built in registration/units_navigation.py (imports may not go to this file's top).
    *__import__("continuing_education.registration.units_navigation", fromlist=["ENTRIES"]).ENTRIES,

    # --- classes: 我申报的, 培训班管理 ---------------------------------------------------------------------------

    # --- hours: 学时申报 (a person), 待我审核, 学时申报管理, 网络培训成果 --------------------------------------------

    # --- catalogue: 培训课程, 师资管理, 培训对接管理 ---------------------------------------------------------------

    # --- archive: 培训档案, 我的培训档案, 学时要求, 统计 -----------------------------------------------------------
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP)
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
