"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""


from django.utils.translation import gettext_lazy as _

from continuing_education import rules  # noqa: F401  (used by the sections below)
from continuing_education.rules import GROUP, PROGRAMME
from continuing_education.selectors.desk import desk_in_menu  # desk
from continuing_education.selectors.desk_statistics import may_see_statistics  # desk
from core.navigation import NavEntry, add_programme_entry, register_programme

ENTRIES = [
    # --- desk: 工作桌面 --------------------------------------------------------------------------------------------
    NavEntry(_("工作桌面"), "continuing_education:desk", "speedometer2", visible=desk_in_menu),
    NavEntry(_("统计分析"), "continuing_education:statistics", "bar-chart", visible=may_see_statistics),

    # --- units: 加入单位 (a person), 待审核的专技人员 ------------------------------------------------------------

    # --- classes: 我申报的, 培训班管理 ---------------------------------------------------------------------------

    # --- hours: 学时申报 (a person), 待我审核, 学时申报管理, 网络培训成果 --------------------------------------------

    # --- catalogue: 培训课程, 师资管理, 培训对接管理 ---------------------------------------------------------------

    # --- archive: 培训档案, 我的培训档案, 学时要求, 统计 -----------------------------------------------------------
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP)
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
