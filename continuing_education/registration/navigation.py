"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""

from django.utils.translation import gettext_lazy as _

from continuing_education import rules
from continuing_education.registration.units_navigation import ENTRIES as UNIT_ENTRIES
from continuing_education.rules import GROUP, PROGRAMME
from continuing_education.selectors import hours as hours_menu
from continuing_education.selectors.archive import has_archive
from continuing_education.selectors.desk import desk_in_menu
from continuing_education.selectors.desk_statistics import may_see_statistics
from core.navigation import NavEntry, add_programme_entry, register_programme
from organisations.staff_links import register_pages

ENTRIES = [
    # --- desk: 工作桌面 --------------------------------------------------------------------------------------------
    NavEntry(_("工作桌面"), "continuing_education:desk", "speedometer2", visible=desk_in_menu),
    NavEntry(_("统计分析"), "continuing_education:statistics", "bar-chart", visible=may_see_statistics),

    # --- units: 加入单位 (a person), 待审核的专技人员 ------------------------------------------------------------
    # Built in registration/units_navigation.py.
    *UNIT_ENTRIES,

    # --- classes: 我申报的, 培训班管理 ---------------------------------------------------------------------------
    NavEntry(_("我申报的（培训班）"), "continuing_education:declared", "file-earmark-plus",
                             rules.DECLARE_CLASS, visible=rules.may_declare_class, needs_organisation=True,
                             also_under=("/continuing-education/classes/new/",)),
    NavEntry(_("培训班管理"), "continuing_education:classes", "easel", visible=lambda user: (
        rules.may_declare_class(user) or rules.may_manage_training(user)), needs_organisation=True),
    NavEntry(_("培训班"), "continuing_education:reviewed_classes", "easel",
                             visible=lambda user: rules.department(user) is not None, needs_organisation=True),

    # --- hours: 学时申报 (a person), 待我审核, 学时申报管理, 网络培训成果 --------------------------------------------
    NavEntry(_("学时申报"), "continuing_education:declarations", "journal-plus",
                  visible=hours_menu.shows_declarations, also_under=("/continuing-education/declarations/",)),
    NavEntry(_("待我审核（学时申报）"), "continuing_education:inbox", "inbox",
                  visible=rules.is_unit_admin, needs_organisation=True),
    NavEntry(_("学时申报管理"), "continuing_education:hours_manage", "journal-check", rules.MANAGE_HOURS,
                  visible=rules.may_manage_hours, needs_organisation=True),
    NavEntry(_("网络培训成果"), "continuing_education:online_results", "laptop", rules.MANAGE_TRAINING,
                  visible=rules.may_manage_training, needs_organisation=True),

    # --- catalogue: 培训课程, 师资管理, 培训对接管理 ---------------------------------------------------------------
    NavEntry(_("培训课程"), "continuing_education:courses", "journal-bookmark",
                             rules.MANAGE_TRAINING, visible=rules.may_manage_training, needs_organisation=True),
    NavEntry(_("师资管理"), "continuing_education:teachers", "person-video3",
                             rules.MANAGE_TRAINING, visible=rules.may_manage_training, needs_organisation=True),
    NavEntry(_("培训对接管理"), "continuing_education:sites", "plug", rules.MANAGE_TRAINING,
                             visible=rules.may_manage_training, needs_organisation=True,
                             also_under=("/continuing-education/platforms/",)),

    # --- archive: 培训档案, 我的培训档案, 学时要求, 统计 -----------------------------------------------------------
    NavEntry(_("培训档案"), "continuing_education:archive", "bi-journal-bookmark", "",
             visible=lambda user: rules.may_see_archive(user) or rules.department(user) is not None),
    # Offered to a person the programme knows (on a unit's roster, or with hours archived), not to every individual
    # account (job seekers, students); the page itself opens for any professional.
    NavEntry(_("我的培训档案"), "continuing_education:my_archive", "bi-person-vcard", "",
             visible=has_archive),
    NavEntry(_("学时要求"), "continuing_education:rules", "bi-sliders", "",
             visible=lambda user: rules.department(user) is not None),
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP)
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)


def register_staff_link_pages() -> None:
    register_pages(requests_url_name="continuing_education:staff_requests", join_url_name="continuing_education:join")
