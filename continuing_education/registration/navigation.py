"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""


from django.utils.translation import gettext_lazy as _  # section classes

from continuing_education import rules  # noqa: F401  (used by the sections below)
from continuing_education.rules import GROUP, PROGRAMME
from core import navigation as core_navigation  # section classes
from core.navigation import add_programme_entry, register_programme

ENTRIES = [
    # --- desk: 工作桌面 --------------------------------------------------------------------------------------------

    # --- units: 加入单位 (a person), 待审核的专技人员 ------------------------------------------------------------

    # --- classes: 我申报的, 培训班管理 ---------------------------------------------------------------------------
    core_navigation.NavEntry(_("我申报的（培训班）"), "continuing_education:declared", "file-earmark-plus",
                             rules.DECLARE_CLASS, visible=rules.may_declare_class, needs_organisation=True,
                             also_under=("/continuing-education/classes/new/",)),
    core_navigation.NavEntry(_("培训班管理"), "continuing_education:classes", "easel", visible=lambda user: (
        rules.may_declare_class(user) or rules.may_manage_training(user)), needs_organisation=True),
    core_navigation.NavEntry(_("培训班"), "continuing_education:reviewed_classes", "easel",
                             visible=lambda user: rules.department(user) is not None, needs_organisation=True),

    # --- hours: 学时申报 (a person), 待我审核, 学时申报管理, 网络培训成果 --------------------------------------------

    # --- catalogue: 培训课程, 师资管理, 培训对接管理 ---------------------------------------------------------------

    # --- archive: 培训档案, 我的培训档案, 学时要求, 统计 -----------------------------------------------------------
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP)
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
