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

    # --- insurance, arrival, evaluation --------------------------------------------------------------------

    # --- complaints and appeals ----------------------------------------------------------------------------
    NavEntry(_("我的实习投诉"), "internships:student_complaints", "megaphone",
             visible=lambda user: student_of(user) is not None),
    NavEntry(_("实习投诉管理"), "internships:enterprise_complaints", "megaphone", rules.HOST,
             visible=rules.is_host, needs_organisation=True, also_under=("/internships/appeals/",)),
    NavEntry(_("实习投诉处理"), "internships:school_complaints", "megaphone", rules.SCHOOL,
             visible=rules.is_school, needs_organisation=True),
    NavEntry(_("申诉处理"), "internships:school_appeals", "chat-left-text", rules.SCHOOL,
             visible=rules.is_school, needs_organisation=True),
    NavEntry(_("辖区实习投诉"), "internships:education_complaints", "megaphone",
             visible=lambda user: rules.is_education(user)
             and (user.has_perm(rules.REVIEW) or user.has_perm(rules.BLACKLIST)), needs_organisation=True),
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP, icon="mortarboard")
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
