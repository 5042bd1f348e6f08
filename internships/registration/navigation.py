"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from core.navigation import NavEntry, add_programme_entry, register_programme  # noqa: F401
from internships import rules  # noqa: F401
from internships.rules import GROUP, PROGRAMME
from internships.selectors.access import student_of

ENTRIES = [
    # --- entry, pool, registry, blacklist, settings ---------------------------------------------------------

    # --- positions -----------------------------------------------------------------------------------------

    # --- students, applications, signing -------------------------------------------------------------------

    # --- school: agreements, groups, overview, statistics; education: internships ---------------------------
    NavEntry(_("我的实习"), "internships:my_internships", "briefcase",
             visible=lambda user: student_of(user) is not None),
    NavEntry(_("学生实习总览"), "internships:school_overview", "people", rules.SCHOOL,
             visible=rules.is_school, needs_organisation=True, also_under=("/internships/internships/",)),
    NavEntry(_("实习分组"), "internships:school_groups", "diagram-3", rules.SCHOOL, visible=rules.is_school,
             needs_organisation=True),
    NavEntry(_("实习统计"), "internships:school_statistics", "bar-chart", rules.SCHOOL, visible=rules.is_school,
             needs_organisation=True),
    NavEntry(_("实习分组管理"), "internships:host_groups", "diagram-3", rules.HOST, visible=rules.is_host,
             needs_organisation=True),
    NavEntry(_("辖区实习"), "internships:supervision", "binoculars", rules.REVIEW,
             visible=rules.is_education_reviewer),
    NavEntry(_("辖区实习统计"), "internships:supervision_statistics", "bar-chart-line", rules.REVIEW,
             visible=rules.is_education_reviewer),

    # --- insurance, arrival, evaluation --------------------------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP, icon="mortarboard")
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
