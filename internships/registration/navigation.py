"""The programme's menu section (core.navigation) and who sees each entry, in menu order."""

from django.utils.translation import gettext_lazy as _  # noqa: F401  (used by the sections below)

from core.navigation import NavEntry, add_programme_entry, register_programme  # noqa: F401
from internships import rules  # noqa: F401
from internships.rules import GROUP, PROGRAMME

ENTRIES = [
    # --- entry, pool, registry, blacklist, settings ---------------------------------------------------------

    # --- positions -----------------------------------------------------------------------------------------

    # --- students, applications, signing -------------------------------------------------------------------

    # --- school: agreements, groups, overview, statistics; education: internships ---------------------------

    # --- insurance, arrival, evaluation --------------------------------------------------------------------
    NavEntry(_("实习保险"), "internships:insurance", "shield-check", needs_organisation=True,
             visible=lambda user: (rules.is_host(user) and user.has_perm(rules.HOST))
             or (rules.is_school(user) and user.has_perm(rules.SCHOOL)) or rules.is_education_reviewer(user)),
    NavEntry(_("实习到岗"), "internships:arrivals", "person-check", rules.HOST, needs_organisation=True,
             visible=rules.is_host),
    NavEntry(_("实习评价"), "internships:evaluations", "star",
             visible=lambda user: (rules.is_host(user) and user.has_perm(rules.HOST))
             or (rules.is_school(user) and user.has_perm(rules.SCHOOL)) or rules.is_education_reviewer(user)
             or getattr(user, "internship_student", None) is not None),
    NavEntry(_("实习专用险承保机构"), "internships:insurers", "building-check",
             visible=lambda user: (rules.is_host(user) and user.has_perm(rules.HOST))
             or (rules.is_school(user) and user.has_perm(rules.SCHOOL)) or rules.is_education(user)),

    # --- complaints and appeals ----------------------------------------------------------------------------
]


def register_navigation() -> None:
    register_programme(PROGRAMME, GROUP, icon="mortarboard")
    for entry in ENTRIES:
        add_programme_entry(PROGRAMME, entry)
